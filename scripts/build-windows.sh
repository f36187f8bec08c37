#!/usr/bin/env bash
# Builds the Windows installers of 学时手册 on Debian/Ubuntu: installs what is missing (mingw-w64,
# Wine, NSIS, the Rust target), builds the UI, cross-compiles xueshi.exe (the command line) and
# xueshi-app.exe (the desktop app with the UI embedded) in one cargo run and the OCR helper
# xueshi-ocr.exe (crates/ocr, its own workspace) in another, stages exactly the files to ship and
# writes with makensis
#   target/windows/xueshi_<version>_x64-setup.exe      the program (packaging/windows/xueshi.nsi)
#   target/windows/xueshi-ocr_<version>_x64-setup.exe  the optional photo recognition add-on: the
#                                                      helper and its models (xueshi-ocr.nsi)
# Fails when the program's installer is larger than 30 MB or the add-on's larger than 40 MB.
#
#   bash scripts/build-windows.sh
#
# XUESHI_PACKAGE_PROFILE=dev builds unoptimised installers for the tests (scripts/lib/setup.sh,
# xueshi_package_profile): their programs are stripped, they are compressed quickly (zlib) and they
# may exceed the limits.
# Afterwards: bash scripts/windows/smoke-installer.sh target/windows/xueshi_<version>_x64-setup.exe
#   target/windows/xueshi-ocr_<version>_x64-setup.exe
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

triple=x86_64-pc-windows-gnu
profile=$(xueshi_package_profile)
max_bytes=30000000
max_ocr_bytes=40000000
started=$SECONDS

# mingw-w64, Wine, NSIS and the Rust target (scripts/lib/setup.sh); python3 writes the licence list.
xueshi_check_toolchains
xueshi_install_windows_tools
xueshi_install_system_packages python3

xueshi_install_ui_packages
xueshi_build_ui

xueshi_say "交叉编译 xueshi.exe 和 xueshi-app.exe（$profile）/ cargo build --target $triple"
# The default features: the UI embedded (custom-protocol), no test seams.
cargo build --profile "$profile" --target "$triple" -p xueshi-cli -p xueshi-app
# The helper in the same profile (scripts/lib/setup.sh; it fetches and checks the models first).
xueshi_build_ocr_helper "$profile" "$triple"

metadata=$(cargo metadata --no-deps --format-version 1)
read -r version target_dir < <(python3 -c '
import json, sys
m = json.load(sys.stdin)
print(next(p["version"] for p in m["packages"] if p["name"] == "xueshi-app"), m["target_directory"])
' <<<"$metadata")
core=${version%%[-+]*}
version4=$core.0
[[ $version4 =~ ^[0-9]+\.[0-9]+\.[0-9]+\.0$ ]] || { echo "无法识别的版本号：$version" >&2; exit 1; }

bin=$target_dir/$triple/$(xueshi_profile_dir "$profile")
out_dir=$target_dir/windows
stage=$out_dir/stage
ocr_stage=$out_dir/stage-ocr
installer=$out_dir/xueshi_${version}_x64-setup.exe
ocr_installer=$out_dir/xueshi-ocr_${version}_x64-setup.exe

xueshi_say "准备安装文件 / $stage"
rm -rf "$stage"
mkdir -p "$stage/fonts"
for f in xueshi-app.exe xueshi.exe WebView2Loader.dll; do
  [ -f "$bin/$f" ] || { echo "缺少 $bin/$f：交叉编译没有生成它" >&2; exit 1; }
  cp "$bin/$f" "$stage/"
done
if [ "$profile" = dev ]; then
  # The unoptimised programs carry their debug information (about 200 MB each): without it the
  # installer stays small enough to build and install quickly.
  x86_64-w64-mingw32-strip "$stage/xueshi-app.exe" "$stage/xueshi.exe"
fi
cp fonts/NotoSerifCJKsc-Regular-GB2312.otf fonts/OFL.txt "$stage/fonts/"
# UTF-8 with a byte-order mark and CRLF, so the installer's licence page and Notepad show the
# Chinese holder's name.
{ printf '\xef\xbb\xbf'; sed 's/$/\r/' LICENSE; } >"$stage/LICENSE.txt"
python3 packaging/windows/third_party_licenses.py . "$stage/THIRD-PARTY-LICENSES.txt"
# The test seams (environment variables that let tests pick files, skip checks or end the app)
# must never ship: none of their names may be in the shipped programs.
bash scripts/check-no-test-seams.sh "$stage/xueshi-app.exe" "$stage/xueshi.exe"

xueshi_say "准备照片识别组件的安装文件 / $ocr_stage"
rm -rf "$ocr_stage"
xueshi_place_ocr_helper "$XUESHI_OCR_HELPER" "$ocr_stage"
[ "$profile" = dev ] && x86_64-w64-mingw32-strip "$ocr_stage/xueshi-ocr.exe"
python3 packaging/windows/third_party_licenses.py . "$ocr_stage/THIRD-PARTY-LICENSES-OCR.txt" --ocr
bash scripts/check-no-test-seams.sh "$ocr_stage/xueshi-ocr.exe"
# The Wine lane's stand-in bcryptprimitives.dll is for tests only and must never ship.
if find "$stage" "$ocr_stage" -iname 'bcryptprimitives*' | grep -q .; then
  echo "安装文件中出现了仅供测试的 bcryptprimitives.dll" >&2
  exit 1
fi

xueshi_say "生成安装程序 / makensis"
rm -f "$installer" "$ocr_installer"
fast=()
[ "$profile" = dev ] && fast=(-DFAST_COMPRESSION)
nsis() {
  makensis -V2 -INPUTCHARSET UTF8 "${fast[@]}" \
    -DVERSION="$version" -DVERSION4="$version4" -DICON="$PWD/icons/icon.ico" "$@"
}
nsis -DSTAGE="$stage" -DOUTFILE="$installer" packaging/windows/xueshi.nsi
nsis -DSTAGE="$ocr_stage" -DOUTFILE="$ocr_installer" packaging/windows/xueshi-ocr.nsi

size=$(stat -c %s "$installer")
ocr_size=$(stat -c %s "$ocr_installer")
elapsed=$((SECONDS - started))
printf '\n安装程序：%s\n照片识别组件：%s\n' "$installer" "$ocr_installer"
printf '  安装程序 %s 字节；xueshi-app.exe %s 字节；xueshi.exe %s 字节\n' \
  "$size" "$(stat -c %s "$stage/xueshi-app.exe")" "$(stat -c %s "$stage/xueshi.exe")"
printf '  照片识别组件 %s 字节；xueshi-ocr.exe %s 字节；模型 %s 字节\n' \
  "$ocr_size" "$(stat -c %s "$ocr_stage/xueshi-ocr.exe")" "$(du -bc "$ocr_stage"/models/ocr/*.onnx | tail -n1 | cut -f1)"
printf '  用时 %d 分 %d 秒\n' $((elapsed / 60)) $((elapsed % 60))
if [ "$profile" = release ] && [ "$size" -gt "$max_bytes" ]; then
  echo "安装程序超过 30 MB（$size 字节）" >&2
  exit 1
fi
if [ "$profile" = release ] && [ "$ocr_size" -gt "$max_ocr_bytes" ]; then
  echo "照片识别组件的安装程序超过 40 MB（$ocr_size 字节）" >&2
  exit 1
fi
