#!/usr/bin/env bash
# The Windows app on a computer without the Microsoft Edge WebView2 runtime (Wine has none): it
# must show a message box titled 学时手册 that tells the user what to install, and once the box is
# answered exit with code 3 within seconds, instead of panicking and hanging without a window.
# Runs the shipped xueshi-app.exe (the runtime check before any window) and, when given, a build
# with the test seams (cargo feature test-seams) under XUESHI_TEST_SKIP_WEBVIEW2_CHECK=1, so that
# the window creation itself fails (the panic guard must show the same kind of box). Each .exe
# needs WebView2Loader.dll beside it. Screenshots: target/windows/smoke-no-webview2/*.png.
#
#   bash scripts/windows/smoke-no-webview2.sh 发布版/xueshi-app.exe [带测试接口的/xueshi-app.exe]
#
# Needs (Debian): wine wine64 xvfb xdotool imagemagick (its `import` takes the screenshots) and
# fonts-noto-cjk (Wine has no Chinese font of its own: without it the box shows empty squares).
# Installs nothing; uses a fresh Wine prefix, removed at the end. Exits non-zero on failure.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ ! -f "$1" ] || { [ $# -eq 2 ] && [ ! -f "$2" ]; }; then
  echo "用法：smoke-no-webview2.sh 发布版/xueshi-app.exe [带测试接口的/xueshi-app.exe]" >&2
  exit 2
fi
shipped=$(realpath "$1")
seams=
[ $# -eq 2 ] && seams=$(realpath "$2")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=scripts/windows/wine-env.sh
source "$root/scripts/windows/wine-env.sh"

exes=("$shipped")
[ -n "$seams" ] && exes+=("$seams")
for exe in "${exes[@]}"; do
  bin_dir=$(dirname "$exe")
  if [ ! -f "$bin_dir/WebView2Loader.dll" ]; then
    echo "FAIL: $bin_dir 中没有 WebView2Loader.dll（cargo 构建时会复制到 .exe 旁边）" >&2
    exit 1
  fi
  xueshi_wine_standin_beside "$bin_dir"
done

out="$root/target/windows/smoke-no-webview2"
mkdir -p "$out"
rm -f "$out"/*.png

work=$(mktemp -d)
xvfb=
app=
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null
  [ -n "${WINEPREFIX:-}" ] && { wineserver -k 2>/dev/null || true; rm -rf "$WINEPREFIX"; }
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# A display of our own: Xvfb picks a free number and writes it to the file descriptor.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { echo "FAIL: Xvfb 没有启动" >&2; exit 1; }
DISPLAY=":$(cat "$work/display")"
export DISPLAY

xueshi_wine_fresh_prefix

# Wine's dialog fonts have no Chinese: link them to Noto Sans CJK SC, as Windows links its UI
# fonts to 微软雅黑, so that the screenshots show the text.
cjk=NotoSansCJK-Regular.ttc,"Noto Sans CJK SC"
for font in Tahoma "Segoe UI" "MS Shell Dlg" "MS Shell Dlg 2" "Microsoft Sans Serif"; do
  wine reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\FontLink\SystemLink' \
    /v "$font" /t REG_MULTI_SZ /d "$cjk" /f >/dev/null 2>&1
done
wineserver -w

failures=0
fail() {
  echo "FAIL ($case): $*" >&2
  failures=$((failures + 1))
}

# The newest small visible window (a message box; the app's own main window, if Tauri got as far
# as creating it, is 1280×820) of the given title.
find_box() {
  local wid
  for wid in $(xdotool search --onlyvisible --name "^$1\$" 2>/dev/null | tac); do
    eval "$(xdotool getwindowgeometry --shell "$wid" 2>/dev/null | grep -E '^(WIDTH|HEIGHT)=')" || continue
    if [ "$WIDTH" -lt 1000 ] && [ "$HEIGHT" -lt 700 ]; then
      echo "$wid"
      return 0
    fi
  done
  return 1
}

answer() {
  xdotool windowactivate --sync "$1" 2>/dev/null || xdotool windowfocus --sync "$1" 2>/dev/null || true
  xdotool key --clearmodifiers Return
}

# run_case NAME EXE [VAR=VALUE…]: starts the app, waits for the box, photographs it, presses Enter
# and checks that the app exits with code 3.
run_case() {
  case=$1
  local exe=$2
  shift 2
  local box="" other rc
  env "$@" XUESHI_DATA_DIR='C:\xueshi-smoke-data' wine "$exe" >"$work/$case.log" 2>&1 &
  app=$!
  for _ in $(seq 240); do
    box=$(find_box '学时手册') && break
    # Tauri's own English box ("Could not find the WebView2 Runtime", title Error) comes first
    # when the check is skipped: photograph and answer it, then wait for ours.
    if other=$(find_box 'Error'); then
      sleep 1
      import -window root "$out/$case-tauri-box.png"
      echo "$case: Tauri 自己的英文提示框（截图 $out/$case-tauri-box.png），按回车"
      answer "$other"
      sleep 1
    fi
    if ! kill -0 "$app" 2>/dev/null; then
      wait "$app" && rc=0 || rc=$?
      app=
      fail "程序没有显示提示框就退出了（退出码 $rc）"
      sed 's/^/    /' "$work/$case.log" >&2
      return
    fi
    sleep 0.5
  done
  if [ -z "$box" ]; then
    import -window root "$out/$case-timeout.png" 2>/dev/null || true
    fail "120 秒内没有出现标题为 学时手册 的提示框（截图 $out/$case-timeout.png）"
    return
  fi
  sleep 1 # let the box paint its text
  import -window root "$out/$case.png"
  echo "$case: 提示框 $(xdotool getwindowname "$box")，截图 $out/$case.png"
  answer "$box"
  for _ in $(seq 30); do
    kill -0 "$app" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$app" 2>/dev/null; then
    import -window root "$out/$case-hang.png" 2>/dev/null || true
    fail "按下回车 15 秒后程序仍未退出（截图 $out/$case-hang.png）"
    kill "$app" 2>/dev/null || true
    app=
    return
  fi
  wait "$app" && rc=0 || rc=$?
  app=
  if [ "$rc" -ne 3 ]; then
    fail "退出码是 $rc，应为 3"
    sed 's/^/    /' "$work/$case.log" >&2
    return
  fi
  if ! grep -q "WebView2" "$work/$case.log"; then
    fail "标准错误输出中没有提到 WebView2"
    sed 's/^/    /' "$work/$case.log" >&2
    return
  fi
  echo "$case: 按回车后退出，退出码 3"
}

run_case no-runtime "$shipped"
[ -n "$seams" ] && run_case window-fails "$seams" XUESHI_TEST_SKIP_WEBVIEW2_CHECK=1

if [ "$failures" -ne 0 ]; then
  echo "smoke-no-webview2: $failures 项失败" >&2
  exit 1
fi
echo "smoke-no-webview2: 通过"
