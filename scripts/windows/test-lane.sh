#!/usr/bin/env bash
# The Windows test lane (part of scripts/test.sh): the core, durable, reading, store, export, handbook
# and cli test suites cross-compiled for x86_64-pc-windows-gnu and run under Wine in a fresh prefix;
# clippy for the Windows target of the crates with code under cfg(windows) (the store's and durable's;
# the app's few lines are compiled by its build; every crate with XUESHI_LONG_TESTS=1); the installer
# and the photo recognition add-on (scripts/build-windows.sh; unoptimised, reusing the tests' build,
# unless XUESHI_LONG_TESTS=1); the app started without a WebView2 runtime (a Chinese message box, then
# exit; also a window whose creation fails); both installed silently and the installed xueshi.exe
# driven through a whole day of work and a certificate photo.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/setup.sh
xueshi_install_windows_tools
# xdotool and ImageMagick find, photograph and answer a Windows message box under Xvfb.
xueshi_install_system_packages xvfb xdotool imagemagick
source scripts/windows/wine-env.sh
xueshi_use_lane_profile

target=x86_64-pc-windows-gnu
xueshi_say "Windows：静态检查 / cargo clippy --target $target"
if [ "${XUESHI_LONG_TESTS:-}" = 1 ]; then
  cargo clippy --target "$target" -p xueshi-core -p xueshi-durable -p xueshi-reading -p xueshi-store -p xueshi-export -p xueshi-handbook -p xueshi-cli -p xueshi-app \
    --all-targets -- -D warnings
  cargo clippy --target "$target" -p xueshi-app --all-targets --features test-seams -- -D warnings
else
  cargo clippy --target "$target" -p xueshi-durable -p xueshi-store --all-targets -- -D warnings
fi

xueshi_say "Windows：测试（Wine）/ cargo test --target $target"
xueshi_wine_fresh_prefix
trap 'wineserver -k 2>/dev/null || true; rm -rf "$WINEPREFIX"' EXIT
# The app's own tests are compiled but run on Linux only (they drive it through Tauri's mock
# runtime, the same on every system): compiling them here makes cargo resolve the dependencies'
# features with Tauri's, as the installer's build below does, so that build reuses every compiled
# dependency instead of building them all a second time (8 minutes on 2 cores).
XUESHI_WINE_SKIP="xueshi_app-" cargo test --target "$target" -p xueshi-core -p xueshi-durable -p xueshi-reading -p xueshi-store \
  -p xueshi-export -p xueshi-handbook -p xueshi-cli -p xueshi-app
wineserver -k 2>/dev/null || true
rm -rf "$WINEPREFIX"
trap - EXIT

xueshi_say "Windows：安装程序（$XUESHI_PACKAGE_PROFILE）/ scripts/build-windows.sh"
bash scripts/build-windows.sh

# The app without a WebView2 runtime: the shipped exe (its check before any window), and a build with
# the test seams, where the check is skipped so that the window creation itself fails and the panic
# guard must show the same box (in the lane's profile: with the dev profile only the app is rebuilt).
# The shipped files are kept aside first: that build writes to the same target folder.
shipped=target/windows/smoke-shipped
rm -rf "$shipped"
mkdir -p "$shipped"
cp target/windows/stage/xueshi-app.exe target/windows/stage/WebView2Loader.dll "$shipped/"
xueshi_say "Windows：带测试接口的构建 / cargo build --features xueshi-app/test-seams"
cargo build --profile "$XUESHI_PACKAGE_PROFILE" --target "$target" -p xueshi-app --features xueshi-app/test-seams
xueshi_say "Windows：没有 WebView2 运行时的电脑上启动 / smoke-no-webview2.sh"
bash scripts/windows/smoke-no-webview2.sh "$shipped/xueshi-app.exe" \
  "target/$target/$(xueshi_profile_dir "$XUESHI_PACKAGE_PROFILE")/xueshi-app.exe"

xueshi_say "Windows：静默安装并使用安装后的 xueshi.exe / smoke-installer.sh"
installer=$(ls -t target/windows/xueshi_*_x64-setup.exe | head -n 1)
addon=$(ls -t target/windows/xueshi-ocr_*_x64-setup.exe | head -n 1)
bash scripts/windows/smoke-installer.sh "$installer" "$addon"
xueshi_free_disk "target/$target"
