# Installs what 学时手册 needs on Debian/Ubuntu, skipping what is already there, so a warm machine
# stays fast. Sourced by scripts/start.sh and scripts/test.sh.

# Debian packages: WebKitGTK and friends for the Tauri app, Xvfb and WebKitWebDriver for the
# end-to-end tests, a CJK font (PDF export and the UI), poppler (PDF checks), zip/time (benchmarks).
XUESHI_APT_PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential pkg-config libxdo-dev libssl-dev libayatana-appindicator3-dev
  librsvg2-dev xvfb webkit2gtk-driver fonts-noto-cjk poppler-utils zip time curl
)

xueshi_say() { printf '\n== %s\n' "$*"; }

xueshi_install_system_packages() {
  local missing=()
  for p in "${XUESHI_APT_PACKAGES[@]}"; do
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
