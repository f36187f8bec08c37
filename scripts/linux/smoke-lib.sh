# shellcheck shell=bash disable=SC1111
# Shared by the Linux package smoke tests (sourced): a private Xvfb display, and starting a packaged
# 学时手册 once on a temporary data folder until its first screen is rendered and its window is shown.

smoke_fail() {
  echo "冒烟测试失败 / smoke test failed: $*" >&2
  exit 1
}

smoke_say() { printf '\n== %s\n' "$*"; }

smoke_need_display_tools() {
  if ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null; then
    smoke_fail "需要 Xvfb 和 xdotool（apt-get install xvfb xdotool）"
  fi
}

# Starts Xvfb on a free display and exports what WebKitGTK needs under it. Sets smoke_xvfb (its pid),
# which the calling script kills when it exits.
smoke_start_xvfb() {
  local n
  for _ in 1 2 3 4 5; do
    n=$(( 110 + RANDOM % 80 ))
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break
  done
  Xvfb ":$n" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
  # shellcheck disable=SC2034 # used by the scripts that source this file
  smoke_xvfb=$!
  export DISPLAY=":$n" WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1
  for _ in $(seq 50); do
    [ -e "/tmp/.X11-unix/X$n" ] && return 0
    sleep 0.1
  done
  smoke_fail "Xvfb 没有启动（显示 :$n）"
}

# Saves the whole screen as a PNG, with Pillow (the end-to-end tests install it) or ImageMagick's
# import; says so and goes on when neither is there.
smoke_screenshot() {
  mkdir -p "$(dirname "$1")"
  if python3 -c 'import sys; from PIL import ImageGrab; ImageGrab.grab(xdisplay=sys.argv[2]).save(sys.argv[1])' \
    "$1" "$DISPLAY" 2>/dev/null || { [ -x /usr/bin/import ] && /usr/bin/import -window root "$1" 2>/dev/null; }; then
    echo "screenshot: $1"
  else
    echo "(no screenshot: neither Pillow nor ImageMagick is installed)"
  fi
}

# smoke_run_app NAME DATA_DIR SHOTS_DIR COMMAND… — runs the packaged app (as shipped: no test seams)
# on DATA_DIR until a visible window titled 学时手册 exists, whose WM_CLASS matches the menu entry's
# StartupWMClass (xueshi-app), and its data folder's ledger.sqlite3 appears: the app opens the data
# folder at the web view's first command, so the embedded front end loaded and talked to the Rust
# side. A screenshot goes to SHOTS_DIR/NAME.png when Pillow or ImageMagick is there.
smoke_run_app() {
  local name=$1 data=$2 shots=$3 pid window app_pid
  shift 3
  XUESHI_DATA_DIR="$data" "$@" >"$data.run.log" 2>&1 &
  pid=$!
  window=$(timeout 60 xdotool search --sync --onlyvisible --classname '^xueshi-app$' 2>/dev/null | head -n 1) || true
  if [ -z "$window" ]; then
    kill "$pid" 2>/dev/null || true
    tail -n 20 "$data.run.log" >&2
    smoke_fail "$name：60 秒内没有出现类名为 xueshi-app 的窗口"
  fi
  for _ in $(seq 600); do
    [ -f "$data/ledger.sqlite3" ] && break
    sleep 0.1
  done
  if [ ! -f "$data/ledger.sqlite3" ]; then
    kill "$pid" 2>/dev/null || true
    tail -n 20 "$data.run.log" >&2
    smoke_fail "$name：60 秒内界面没有打开数据文件夹（没有 ledger.sqlite3：内置的界面没有载入？）"
  fi
  echo "$name: the embedded front end opened the data folder"
  sleep 2 # let the first screen paint before the screenshot
  [ "$(xdotool getwindowname "$window")" = "学时手册" ] \
    || smoke_fail "$name：窗口标题是“$(xdotool getwindowname "$window")”，不是“学时手册”"
  smoke_screenshot "$shots/$name.png"
  kill -0 "$pid" 2>/dev/null || smoke_fail "$name：程序在显示窗口后退出了"
  # End the app itself (the window's process); a launcher in between (the AppImage runtime) must
  # then end by itself, cleaning up after it.
  app_pid=$(xdotool getwindowpid "$window" 2>/dev/null) || app_pid=$pid
  kill "$app_pid"
  for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    smoke_fail "$name：程序结束后，启动它的进程 10 秒内没有退出"
  fi
  wait "$pid" 2>/dev/null || true
  echo "$name: window 学时手册 (WM_CLASS xueshi-app) shown"
}

# The packaged OCR helper in the folder $1 (/usr/lib/xueshi, or the AppImage's usr/lib/xueshi): its
# models beside it match models/ocr.sha256; it refuses a damaged photo in Chinese with exit code 2.
# With a photo as $2 (tests/e2e/make_photo.py --small), it must also read the certificate on it:
# 24 学时, 证书编号 HN-2024-0001, 2024年5月14日 (prints how long that took).
smoke_check_ocr_helper() {
  local dir=$1 photo=${2:-} scratch code started
  [ -x "$dir/xueshi-ocr" ] || smoke_fail "没有可执行的文字识别程序 $dir/xueshi-ocr"
  (cd "$dir/models/ocr" && sha256sum --quiet --strict -c -) <models/ocr.sha256 \
    || smoke_fail "$dir/models/ocr 中的模型与 models/ocr.sha256 不符"
  scratch=$(mktemp -d)
  head -c 3000 /dev/urandom >"$scratch/坏了.jpg"
  printf '\xff\xd8\xff\xe0' | cat - "$scratch/坏了.jpg" >"$scratch/损坏 的照片.jpg"
  code=0
  "$dir/xueshi-ocr" "$scratch/损坏 的照片.jpg" >"$scratch/out" 2>"$scratch/err" || code=$?
  [ "$code" -eq 2 ] || { cat "$scratch/err" >&2; smoke_fail "文字识别程序对损坏的照片退出码 $code（应为 2）"; }
  grep -q -F '图片已损坏' "$scratch/err" || smoke_fail "文字识别程序没有说明照片已损坏：$(cat "$scratch/err")"
  [ ! -s "$scratch/out" ] || smoke_fail "文字识别程序对损坏的照片仍有输出：$(cat "$scratch/out")"
  echo "damaged photo: exit 2, $(cat "$scratch/err")"
  if [ -n "$photo" ]; then
    started=$SECONDS
    "$dir/xueshi-ocr" "$photo" >"$scratch/out" 2>"$scratch/err" \
      || { cat "$scratch/err" >&2; smoke_fail "文字识别程序没有读出 $photo"; }
    for want in 24学时 HN-2024-0001 2024年5月14日; do
      grep -q -F "$want" "$scratch/out" || { cat "$scratch/out" >&2; smoke_fail "文字识别程序没有从照片中读出“$want”"; }
    done
    echo "certificate photo read in $((SECONDS - started)) s: 24学时, HN-2024-0001, 2024年5月14日"
  fi
  rm -rf "$scratch"
}
