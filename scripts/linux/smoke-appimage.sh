#!/usr/bin/env bash
# shellcheck disable=SC1111 # Chinese quotation marks in messages are meant
# AppImage 冒烟测试 / Smoke test of the AppImage: checks it is a type-2 AppImage (ELF with the "AI\2"
# mark, a squashfs image at the offset the runtime reports, holding AppRun, the menu entry named
# 学时手册, the icon, the app, its bundled font and the OCR helper with its models — the helper, taken
# out of the image, runs and refuses a damaged photo in Chinese), then starts it under Xvfb on a temporary data
# folder the way a machine without FUSE can (--appimage-extract-and-run) and, when the machine has
# FUSE and libfuse2, also the usual way (mounted): first screen rendered, window 学时手册 shown.
# Usage: bash scripts/linux/smoke-appimage.sh target/release/bundle/appimage/xueshi_<version>_amd64.AppImage
set -euo pipefail
[ $# -eq 1 ] || { echo "用法：bash scripts/linux/smoke-appimage.sh <.AppImage 文件>" >&2; exit 2; }
image=$(readlink -f "$1")
cd "$(dirname "$0")/../.."
source scripts/linux/smoke-lib.sh
[ -x "$image" ] || smoke_fail "找不到可执行的 $1"

work=$(mktemp -d)
smoke_xvfb=
cleanup() {
  [ -n "$smoke_xvfb" ] && kill "$smoke_xvfb" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

smoke_say "检查 AppImage / type 2, squashfs contents"
[ "$(head -c 4 "$image" | od -An -c | tr -d ' ')" = '177ELF' ] || smoke_fail "不是 ELF 程序"
[ "$(od -An -tx1 -j 8 -N 3 "$image" | tr -d ' ')" = 414902 ] || smoke_fail "没有 AppImage 第 2 类的标记 AI\\2"
offset=$("$image" --appimage-offset) || smoke_fail "--appimage-offset 失败"
[ "$(od -An -c -j "$offset" -N 4 "$image" | tr -d ' ')" = hsqs ] || smoke_fail "偏移 $offset 处不是 squashfs"
unsquashfs -o "$offset" -l -no-progress "$image" | sed 's|^squashfs-root||' >"$work/contents"
for f in /AppRun /xueshi.desktop /xueshi-app.png /.DirIcon /usr/bin/xueshi-app \
  /usr/lib/xueshi/fonts/NotoSerifCJKsc-Regular-GB2312.otf /usr/lib/xueshi/fonts/OFL.txt \
  /usr/lib/xueshi/xueshi-ocr /usr/lib/xueshi/models/ocr/PP-OCRv6_det_small.onnx \
  /usr/lib/xueshi/models/ocr/PP-OCRv6_rec_small.onnx /usr/lib/xueshi/models/ocr/LICENSE \
  /usr/lib/xueshi/models/ocr/MODEL_LICENSES.md; do
  grep -qxF "$f" "$work/contents" || smoke_fail "AppImage 里没有 $f"
done
unsquashfs -o "$offset" -cat "$image" xueshi.desktop >"$work/xueshi.desktop"
grep -qxF 'Name=学时手册' "$work/xueshi.desktop" || smoke_fail "AppImage 的菜单项名称不是“学时手册”"
echo "AppImage type 2, squashfs at $offset, $(du -h "$image" | cut -f1)"
# The .deb's smoke test has the same helper read a photo; here it must run from the image's files.
unsquashfs -o "$offset" -d "$work/image" -no-progress "$image" usr/lib/xueshi/xueshi-ocr usr/lib/xueshi/models >/dev/null \
  || smoke_fail "无法从 AppImage 中取出文字识别程序"
smoke_check_ocr_helper "$work/image/usr/lib/xueshi"

smoke_say "启动 / --appimage-extract-and-run under Xvfb"
smoke_need_display_tools
smoke_start_xvfb
# The runtime extracts into $TMPDIR and removes the copy when the app ends.
export TMPDIR="$work/tmp"
mkdir -p "$TMPDIR"
smoke_run_app appimage-extracted "$work/学时 数据" target/linux-smoke "$image" --appimage-extract-and-run
leftover=$(find "$TMPDIR" -maxdepth 1 -name 'appimage_extracted_*')
[ -z "$leftover" ] || smoke_fail "程序结束后，解压出的副本没有删除：$leftover"

if [ -c /dev/fuse ] && ldconfig -p | grep -q 'libfuse\.so\.2 '; then
  smoke_say "启动 / mounted with FUSE"
  smoke_run_app appimage-mounted "$work/学时 数据 2" target/linux-smoke "$image"
else
  echo "(this machine has no FUSE with libfuse2: the mounted start is not tested)"
fi
smoke_say "通过 / the AppImage starts and shows its window"
