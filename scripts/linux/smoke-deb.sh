#!/usr/bin/env bash
# shellcheck disable=SC1111 # Chinese quotation marks in messages are meant
# 安装包冒烟测试 / Smoke test of the .deb, as a user's machine would take it: checks the package
# (ASCII name, Depends on WebKitGTK 4.1 and GTK 3, the files it carries), installs it with dpkg -i,
# checks what landed where (the app on PATH, the bundled font and the OCR helper with its models where
# the app looks for them, the menu entry named 学时手册, the icons), has the installed helper read a
# synthetic certificate photo and refuse a damaged one, starts the INSTALLED app under Xvfb on a temporary data folder whose
# path has Chinese characters and a space (first screen rendered, window 学时手册 shown), and removes
# the package again with dpkg -r, checking nothing of it is left. Needs root (or sudo) for dpkg.
# Usage: bash scripts/linux/smoke-deb.sh target/release/bundle/deb/xueshi_<version>_amd64.deb
set -euo pipefail
[ $# -eq 1 ] || { echo "用法：bash scripts/linux/smoke-deb.sh <.deb 文件>" >&2; exit 2; }
deb=$(readlink -f "$1")
cd "$(dirname "$0")/../.."
source scripts/linux/smoke-lib.sh
[ -f "$deb" ] || smoke_fail "找不到 $1"

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
pkg=$(dpkg-deb -f "$deb" Package)
work=$(mktemp -d)
smoke_xvfb=
installed=0
cleanup() {
  [ -n "$smoke_xvfb" ] && kill "$smoke_xvfb" 2>/dev/null
  if [ "$installed" -eq 1 ] && dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
    "${sudo[@]}" dpkg -r "$pkg" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

smoke_say "检查软件包 / dpkg-deb -I, -c"
[[ $pkg =~ ^[a-z0-9][a-z0-9.+-]+$ ]] || smoke_fail "软件包名“$pkg”不是小写 ASCII（中文名的包无法卸载）"
depends=$(dpkg-deb -f "$deb" Depends)
for d in libwebkit2gtk-4.1-0 libgtk-3-0; do
  grep -Eq "(^|, )$d( |,|$)" <<<"$depends" || smoke_fail "Depends 缺少 $d（实际：$depends）"
done
[ "$(dpkg-deb -f "$deb" Architecture)" = amd64 ] || smoke_fail "Architecture 不是 amd64"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./||; s|/$||' >"$work/contents"
for f in usr/bin/xueshi-app usr/lib/"$pkg"/fonts/NotoSerifCJKsc-Regular-GB2312.otf usr/lib/"$pkg"/fonts/OFL.txt \
  usr/lib/"$pkg"/xueshi-ocr usr/lib/"$pkg"/models/ocr/PP-OCRv6_det_small.onnx \
  usr/lib/"$pkg"/models/ocr/PP-OCRv6_rec_small.onnx usr/lib/"$pkg"/models/ocr/LICENSE \
  usr/lib/"$pkg"/models/ocr/MODEL_LICENSES.md \
  usr/share/applications/"$pkg".desktop usr/share/icons/hicolor/128x128/apps/xueshi-app.png; do
  grep -qx "$f" "$work/contents" || smoke_fail "软件包里没有 $f"
done
# No file outside /usr and no world-writable or setuid file (lintian-level sanity).
grep -Ev '^(usr(/.*)?)?$' "$work/contents" && smoke_fail "软件包里有 /usr 以外的文件"
dpkg-deb -c "$deb" | awk '$1 ~ /^-/ && ($1 ~ /w.$/ || $1 ~ /[sS]/) {print; bad=1} END {exit bad}' \
  || smoke_fail "软件包里有全局可写或 setuid 的文件"
echo "package $pkg $(dpkg-deb -f "$deb" Version), Depends: $depends, $(du -h "$deb" | cut -f1)"

smoke_say "安装 / dpkg -i"
installed=1
"${sudo[@]}" dpkg -i "$deb" || smoke_fail "dpkg -i 失败（缺少依赖时先运行：apt-get install libwebkit2gtk-4.1-0 libgtk-3-0）"
dpkg-query -W -f='${Status}' "$pkg" | grep -q "install ok installed" || smoke_fail "dpkg 没有把 $pkg 记为已安装"
[ "$(command -v xueshi-app)" = /usr/bin/xueshi-app ] || smoke_fail "PATH 里没有 /usr/bin/xueshi-app"
# The app looks for its resources in ../lib/<productName> beside its binary (Tauri's resource_dir).
[ -s "/usr/lib/$pkg/fonts/NotoSerifCJKsc-Regular-GB2312.otf" ] || smoke_fail "没有安装内置字体"
entry=/usr/share/applications/$pkg.desktop
for line in 'Name=学时手册' 'Name[zh_CN]=学时手册' 'Exec=xueshi-app' 'Icon=xueshi-app' 'StartupWMClass=xueshi-app' 'Type=Application'; do
  grep -qxF "$line" "$entry" || smoke_fail "菜单项 $entry 缺少“$line”"
done
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$entry" || smoke_fail "菜单项不合规范（desktop-file-validate）"
fi
echo "installed: /usr/bin/xueshi-app, /usr/lib/$pkg/fonts, $entry (Name=学时手册)"

smoke_say "已安装的文字识别程序读取证书照片 / the installed OCR helper"
# The app finds it in ../lib/xueshi beside its binary; the command line is not packaged, so the
# helper is run directly.
python3 tests/e2e/make_photo.py --small "$work/结业证书 照片.jpg"
smoke_check_ocr_helper "/usr/lib/$pkg" "$work/结业证书 照片.jpg"

smoke_say "启动已安装的程序 / the installed app under Xvfb"
smoke_need_display_tools
smoke_start_xvfb
data="$work/学时 数据"
smoke_run_app deb "$data" target/linux-smoke /usr/bin/xueshi-app

smoke_say "卸载 / dpkg -r"
"${sudo[@]}" dpkg -r "$pkg" || smoke_fail "dpkg -r 失败"
installed=0
dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" && smoke_fail "卸载后 $pkg 仍是已安装状态"
for f in /usr/bin/xueshi-app "/usr/lib/$pkg" "$entry"; do
  [ ! -e "$f" ] || smoke_fail "卸载后仍有 $f"
done
[ -f "$data/ledger.sqlite3" ] || smoke_fail "卸载删掉了用户的数据"
echo "removed: no file of $pkg left; the user's data folder is kept"
smoke_say "通过 / the .deb installs, starts, shows its window and uninstalls"
