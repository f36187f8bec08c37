#!/usr/bin/env bash
# End-to-end tests of the real desktop app: builds the front end and the app binary, starts Xvfb
# and tauri-driver (which drives WebKitWebDriver), and runs the scenarios in test_app.py, then
# test_daily_use.py (on the same data folder).
# Screenshots of each main screen are written to tests/e2e/screenshots/. Arguments name the tests
# to run (e.g. `test_app.Scenario.test_1_first_run_setup_leads_to_the_dashboard`); default: all.
# Everything runs on a private D-Bus session bus (dbus-run-session): the app's single-instance
# lock lives there on Linux, so a second start finds the first, and other runs do not interfere.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
if [ -z "${XUESHI_E2E_PRIVATE_BUS:-}" ]; then
  source scripts/lib/setup.sh
  xueshi_install_system_packages dbus-daemon
  XUESHI_E2E_PRIVATE_BUS=1 exec dbus-run-session -- bash "$0" "$@"
fi

(cd ui && npm run --silent build)
# The UI embedded (a default feature) and the test seams (XUESHI_E2E_PICK, XUESHI_E2E_PICK_FOLDER, XUESHI_E2E_SAVE).
cargo build --quiet -p xueshi-app --features test-seams
# The OCR helper that reads photos (crates/ocr, built once; its models fetched and checked).
source scripts/lib/setup.sh
xueshi_build_ocr_helper dev

display=:$(( 90 + RANDOM % 9 ))
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$display WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1
work=$(mktemp -d)
# The app is run from a folder of its own with the OCR helper and its models beside it, as installed
# (target/debug itself stays without a helper: the command line's tests there expect none).
mkdir -p "$work/app"
cp target/debug/xueshi-app "$work/app/"
xueshi_place_ocr_helper "$XUESHI_OCR_HELPER" "$work/app"
app="$work/app/xueshi-app"
cleanup() {
  kill "$driver" "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
driver=
trap cleanup EXIT
sleep 1

# The app under test reads its data folder and the dialog and opening seams from the environment it inherits
# from tauri-driver.
export XUESHI_DATA_DIR="$work/data"
export XUESHI_E2E_PICK="$work/结业证书.pdf"
export XUESHI_E2E_SAVE="$work/学时材料包.zip"
export XUESHI_E2E_OPENED="$work/opened.txt"
export XUESHI_E2E_NOTIFY="$work/notified.txt"
# Files "dropped" on the window: the tests write their paths into this file (WebDriver cannot drag).
export XUESHI_E2E_DROP="$work/drop-request.txt"
# The app's home (where the check at login is registered, ~/.config/autostart): its own, not the
# user's who runs the tests. Only the driver and the app get it.
export XUESHI_E2E_HOME="$work/home"
mkdir -p "$XUESHI_E2E_HOME"
python3 tests/e2e/make_pdf.py "$XUESHI_E2E_PICK"
# The folder of certificates that 从文件夹读取证书 reads: the platform's certificate twice and the
# stand-in PDF that test_app attaches to a record.
export XUESHI_E2E_PICK_FOLDER="$work/证书"
mkdir -p "$XUESHI_E2E_PICK_FOLDER/2024"
cp tests/fixtures/certificate-stsong.pdf "$XUESHI_E2E_PICK_FOLDER/数字化研修班.pdf"
cp tests/fixtures/certificate-stsong.pdf "$XUESHI_E2E_PICK_FOLDER/2024/数字化研修班（副本）.pdf"
cp "$XUESHI_E2E_PICK" "$XUESHI_E2E_PICK_FOLDER/结业证书.pdf"
port=$(( 4500 + RANDOM % 400 * 2 ))
export XUESHI_WEBDRIVER_PORT=$port
HOME="$XUESHI_E2E_HOME" tauri-driver --port "$port" --native-port $(( port + 1 )) >"$work/driver.log" 2>&1 &
driver=$!

export XUESHI_APP="$app"
mkdir -p tests/e2e/screenshots
[ $# -eq 0 ] && set -- test_app test_daily_use
if ! (cd tests/e2e && python3 -m unittest -v "$@"); then
  echo "--- tauri-driver log ---"
  tail -n 50 "$work/driver.log"
  exit 1
fi
