#!/usr/bin/env bash
# 运行全部检查与测试 / Runs every check and test of 学时手册: formatting, clippy, the Rust tests
# (engine, store, export, the app's commands under the mock runtime, the generated TypeScript
# bindings), the front end's type check, lint, formatting and tests, and the end-to-end tests of the
# real app under Xvfb; then the Linux packages
# (.deb and AppImage built, installed and started; scripts/linux/test-lane.sh) and the Windows lane
# (the suites cross-compiled and run under Wine, the installer built, installed and used;
# scripts/windows/test-lane.sh). Installs what is missing first (Debian/Ubuntu).
# Each fuzz target runs for 10 seconds on its committed corpus (scripts/fuzz.sh). The OCR helper
# (crates/ocr, a workspace of its own) is linted and tested with its models (scripts/fetch-ocr-models.sh).
# XUESHI_LONG_TESTS=1 runs the long variants too: each fuzz target for a minute, 200+ crash-test kills,
# packages from release builds, clippy of every crate for Windows.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

xueshi_check_toolchains
xueshi_install_system_packages
if command -v rustup >/dev/null 2>&1; then
  for component in rustfmt clippy; do
    rustup component list --installed 2>/dev/null | grep -q "^$component" || rustup component add "$component"
  done
fi
if ! command -v tauri-driver >/dev/null 2>&1; then
  xueshi_say "安装 tauri-driver"
  cargo install tauri-driver@2.1.0 --locked
fi
python3 -c "import selenium, PIL, qrcode" 2>/dev/null || python3 -m pip install -q "selenium==4.*" pillow "qrcode==8.2"
xueshi_install_ui_packages

xueshi_say "界面类型检查、代码检查、格式与测试 / vue-tsc, eslint, prettier, vitest"
(cd ui && npm run --silent typecheck && npm run --silent lint && npm run --silent format:check && npm run --silent test)
# The app embeds the built front end, so it is built before any cargo command.
xueshi_build_ui

xueshi_say "格式 / cargo fmt --check"
cargo fmt --all --check
cargo fmt --manifest-path crates/ocr/Cargo.toml --check

# clippy and the tests from one build: clippy-driver compiles the workspace's own crates (every lint
# of `cargo clippy --workspace --all-targets -- -D warnings` applies, a warning fails the build) and
# rustc the dependencies, once — `cargo clippy` would compile every dependency a second time, in check
# mode, about 8 minutes on a 2-core machine. `cargo clippy --workspace --all-targets -- -D warnings`
# is still the quick check while working.
xueshi_say "静态检查与构建测试 / clippy-driver -D warnings, cargo test --all-targets --no-run"
clippy_driver=$( (rustup which clippy-driver 2>/dev/null) || command -v clippy-driver)
export RUSTC_WORKSPACE_WRAPPER="$clippy_driver" CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
cargo test --workspace --all-targets --no-run

xueshi_say "测试 / cargo test"
cargo test --workspace

# The OCR helper (crates/ocr) is a workspace of its own: its models first (the PyPI wheel, checked by
# hash), then linted and tested the same way; its tests read synthetic certificates and photos.
xueshi_say "文字识别程序：静态检查、构建与测试 / crates/ocr"
bash scripts/fetch-ocr-models.sh
cargo test --manifest-path crates/ocr/Cargo.toml --all-targets --no-run
# The capture variants the field accuracy test also reads are ignored tests, run with XUESHI_LONG_TESTS=1.
if [ "${XUESHI_LONG_TESTS:-}" = 1 ]; then
  cargo test --manifest-path crates/ocr/Cargo.toml -- --include-ignored
else
  cargo test --manifest-path crates/ocr/Cargo.toml
fi
unset RUSTC_WORKSPACE_WRAPPER CLIPPY_ARGS

# Each fuzz target for a short time on its committed corpus (XUESHI_LONG_TESTS=1: longer).
if [ "${XUESHI_LONG_TESTS:-}" = 1 ]; then
  bash scripts/fuzz.sh 60
else
  bash scripts/fuzz.sh 10
fi

xueshi_say "端到端测试 / tests/e2e (Xvfb + tauri-driver)"
bash tests/e2e/run.sh

# The Linux packages, from the tests' build (XUESHI_LONG_TESTS=1: from a release build).
bash scripts/linux/test-lane.sh
# The Windows lane builds for another target: the Linux build and the fuzz build are done.
xueshi_free_disk target/debug target/release fuzz/target crates/ocr/target/debug
bash scripts/windows/test-lane.sh

xueshi_say "全部通过 / all checks passed"
