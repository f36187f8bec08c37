# Installs what 学时手册 needs on Debian/Ubuntu, skipping what is already there, so a warm machine
# stays fast. Sourced by scripts/start.sh and scripts/test.sh.

# Debian packages: WebKitGTK and friends for the Tauri app, Xvfb and WebKitWebDriver for the
# end-to-end tests, a CJK font (PDF export and the UI), poppler (PDF checks), zip/time (benchmarks).
XUESHI_APT_PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential pkg-config libxdo-dev libssl-dev libayatana-appindicator3-dev
  librsvg2-dev xvfb webkit2gtk-driver fonts-noto-cjk poppler-utils zip time curl
)

# The Windows cross-build: the mingw-w64 linker, Wine to run the Windows binaries, NSIS for the installer.
XUESHI_WINDOWS_APT_PACKAGES=(gcc-mingw-w64-x86-64 wine wine64 nsis)

# Each heading says how long the whole run has taken so far (minutes:seconds since the first
# script that sourced this file started), so that a slow step shows in the log.
: "${XUESHI_STARTED:=$(date +%s)}"
export XUESHI_STARTED
xueshi_say() {
  local t=$(($(date +%s) - XUESHI_STARTED))
  printf '\n== [%d:%02d] %s\n' $((t / 60)) $((t % 60)) "$*"
}

# On a machine that only runs the tests once (CI sets XUESHI_FREE_DISK=1), removes build output no
# later step needs, so that the Linux and Windows builds never have to fit on the disk together;
# prints the free space either way. A developer's machine keeps its build folders (no variable).
xueshi_free_disk() {
  if [ "${XUESHI_FREE_DISK:-}" = 1 ]; then
    rm -rf "$@"
    echo "已删除不再需要的构建输出 / removed: $*"
  fi
  df -h . | awk 'NR == 2 { print "磁盘剩余 / disk free: " $4 " / " $2 }'
}

# The cargo profile the installers and packages are built with: release unless XUESHI_PACKAGE_PROFILE
# says dev. The test command's packaging lanes (scripts/test.sh) use dev, which reuses the tests'
# compiled dependencies (a release build of the app takes 15 minutes of a 2-core machine for each
# platform); what they test — the files shipped, installing, starting, the Windows message boxes —
# does not depend on the optimisation. XUESHI_LONG_TESTS=1 packages the release build.
xueshi_package_profile() {
  case "${XUESHI_PACKAGE_PROFILE:-release}" in
    dev | release) echo "${XUESHI_PACKAGE_PROFILE:-release}" ;;
    *) echo "XUESHI_PACKAGE_PROFILE 只能是 dev 或 release（现在是 ${XUESHI_PACKAGE_PROFILE}）" >&2; return 1 ;;
  esac
}
# The test lanes' choice (scripts/*/test-lane.sh): dev, or release with XUESHI_LONG_TESTS=1, unless
# XUESHI_PACKAGE_PROFILE is set already.
xueshi_use_lane_profile() {
  if [ -z "${XUESHI_PACKAGE_PROFILE:-}" ]; then
    if [ "${XUESHI_LONG_TESTS:-}" = 1 ]; then XUESHI_PACKAGE_PROFILE=release; else XUESHI_PACKAGE_PROFILE=dev; fi
  fi
  export XUESHI_PACKAGE_PROFILE
  xueshi_package_profile >/dev/null
}
# The folder under target/ (or target/<triple>/) that a profile writes to.
xueshi_profile_dir() {
  if [ "$1" = dev ]; then echo debug; else echo "$1"; fi
}

# Installs the given Debian packages that are missing (default: what the app and its tests need).
xueshi_install_system_packages() {
  local missing=() wanted=("$@")
  [ "${#wanted[@]}" -eq 0 ] && wanted=("${XUESHI_APT_PACKAGES[@]}")
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  xueshi_say "安装系统组件 / apt-get install ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

xueshi_check_toolchains() {
  if ! command -v cargo >/dev/null 2>&1; then
    echo "需要 Rust 工具链（cargo），请先安装：https://rustup.rs" >&2
    return 1
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "需要 Node.js 20 或更新版本（npm），请先安装 Node.js" >&2
    return 1
  fi
}

# The front end's packages, exactly as locked.
xueshi_install_ui_packages() {
  if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    xueshi_say "安装前端依赖 / npm ci"
    (cd ui && npm ci --no-audit --no-fund)
  fi
}

xueshi_build_ui() {
  xueshi_say "构建界面 / vite build"
  (cd ui && npm run --silent build)
}

# The Windows cross-build: Debian packages and the rustup target.
xueshi_install_windows_tools() {
  xueshi_install_system_packages "${XUESHI_WINDOWS_APT_PACKAGES[@]}"
  if command -v rustup >/dev/null 2>&1; then
    rustup target list --installed 2>/dev/null | grep -qx x86_64-pc-windows-gnu \
      || rustup target add x86_64-pc-windows-gnu
  fi
}

# cargo fuzz (scripts/fuzz.sh), pinned; it builds with the stable toolchain under RUSTC_BOOTSTRAP=1.
XUESHI_CARGO_FUZZ_VERSION=0.13.2
xueshi_install_cargo_fuzz() {
  if ! cargo fuzz --version 2>/dev/null | grep -qF "$XUESHI_CARGO_FUZZ_VERSION"; then
    xueshi_say "安装 cargo-fuzz $XUESHI_CARGO_FUZZ_VERSION"
    cargo install "cargo-fuzz@$XUESHI_CARGO_FUZZ_VERSION" --locked
  fi
}

# The OCR helper xueshi-ocr (crates/ocr: a workspace of its own, with its own lock file and target
# folder crates/ocr/target) built in PROFILE (dev: every crate at opt-level 1, what the tests use;
# release: the shipped one) for TARGET (default: this machine), after its models are fetched and
# checked (scripts/fetch-ocr-models.sh). Sets XUESHI_OCR_HELPER to the built program's path.
xueshi_build_ocr_helper() {
  local profile=${1:-dev} target=${2:-} exe=xueshi-ocr
  bash scripts/fetch-ocr-models.sh
  local args=(--profile "$profile" --manifest-path crates/ocr/Cargo.toml --bin xueshi-ocr)
  if [ -n "$target" ]; then
    args+=(--target "$target")
    [[ $target == *windows* ]] && exe=xueshi-ocr.exe
  fi
  xueshi_say "构建文字识别程序（$profile${target:+，$target}）/ cargo build -p xueshi-ocr"
  if [ -z "$target" ] && [ "$profile" = dev ]; then
    # The program the OCR tests build and run (scripts/test.sh), reused: a plain `cargo build` resolves
    # the shared crates' features without the tests' dev-dependencies and would compile tract again.
    cargo test --manifest-path crates/ocr/Cargo.toml --all-targets --no-run
  else
    cargo build "${args[@]}"
  fi
  XUESHI_OCR_HELPER=crates/ocr/target/${target:+$target/}$(xueshi_profile_dir "$profile")/$exe
}
# Puts the OCR helper ($1) and its models beside the programs in the folder $2, where the app and
# the command line look for them: $2/xueshi-ocr and $2/models/ocr/ (the models hard-linked when
# they can be).
xueshi_place_ocr_helper() {
  mkdir -p "$2/models"
  cp "$1" "$2/"
  rm -rf "$2/models/ocr"
  cp -rl models/ocr "$2/models/ocr" 2>/dev/null || cp -r models/ocr "$2/models/ocr"
}
