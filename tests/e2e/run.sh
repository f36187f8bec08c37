#!/usr/bin/env bash
# End-to-end tests of the real desktop app: builds the front end and the app binary, starts Xvfb
# and tauri-driver (which drives WebKitWebDriver), and runs the scenarios in test_app.py.
# Screenshots of each main screen are written to tests/e2e/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

(cd ui && npm run --silent build)
cargo build --quiet -p xueshi-app --features custom-protocol
app="$root/target/debug/xueshi-app"

display=:$(( 90 + RANDOM % 9 ))
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$display WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1
work=$(mktemp -d)
cleanup() {
  kill "$driver" "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
driver=
trap cleanup EXIT
sleep 1

# The app under test reads its data folder and the dialog seam from the environment it inherits
# from tauri-driver.
export XUESHI_DATA_DIR="$work/data"
export XUESHI_E2E_PICK="$work/结业证书.pdf"
export XUESHI_E2E_SAVE="$work/学时材料包.zip"
python3 tests/e2e/make_pdf.py "$XUESHI_E2E_PICK"
port=$(( 4500 + RANDOM % 400 * 2 ))
export XUESHI_WEBDRIVER_PORT=$port
tauri-driver --port "$port" --native-port $(( port + 1 )) >"$work/driver.log" 2>&1 &
driver=$!

export XUESHI_APP="$app"
mkdir -p tests/e2e/screenshots
if ! python3 -m unittest -v tests/e2e/test_app.py; then
  echo "--- tauri-driver log ---"
  tail -n 50 "$work/driver.log"
  exit 1
fi
