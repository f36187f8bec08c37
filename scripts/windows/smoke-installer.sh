#!/usr/bin/env bash
# Smoke test of the Windows installers under Wine: the photo recognition add-on refuses to install
# without 学时手册; the program's installer installs silently (/S) into a fresh Wine prefix; checks
# the installed files, shortcuts and uninstall entry, drives the INSTALLED xueshi.exe through init,
# add, attach, two backups, restore, verify, plan, the submission package and verify-package on a
# data folder whose path has Chinese characters and a space; reads a synthetic certificate photo
# (xueshi.exe scan) before the add-on is installed (the Chinese "需要文字识别程序" message) and after
# (hours, certificate number, dates); the installed helper refuses a damaged photo in Chinese;
# reinstalling the program keeps the add-on; then uninstalls silently and checks that the program
# and the add-on are gone and the user's data stayed.
#
#   bash scripts/windows/smoke-installer.sh target/windows/xueshi_<version>_x64-setup.exe \
#     target/windows/xueshi-ocr_<version>_x64-setup.exe
#
# Exits non-zero with a message naming the failed step. XUESHI_KEEP_PREFIX=1 keeps the prefix.
set -euo pipefail
[ $# -eq 2 ] && [ -f "$1" ] && [ -f "$2" ] || { echo "用法：$0 <安装程序.exe> <照片识别组件安装程序.exe>" >&2; exit 2; }
installer=$(realpath "$1")
addon=$(realpath "$2")
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
source scripts/windows/wine-env.sh

fail() { printf '\n安装程序冒烟测试失败：%s\n' "$*" >&2; exit 1; }
step() { printf '\n== %s\n' "$*"; }

for tool in wine wineserver wineboot x86_64-w64-mingw32-gcc python3; do
  command -v "$tool" >/dev/null 2>&1 || fail "缺少 $tool：请先运行 bash scripts/build-windows.sh（它会安装 Wine 和 mingw-w64）"
done

# Wine links the prefix's Desktop and Documents to $HOME: give it a scratch home, so the test's
# desktop shortcut does not land in the real one.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/xueshi-smoke-XXXXXX")
export HOME=$scratch/home
mkdir -p "$HOME"
xueshi_wine_fresh_prefix
cleanup() {
  wineserver -k >/dev/null 2>&1 || true
  if [ "${XUESHI_KEEP_PREFIX:-0}" = 1 ]; then
    echo "保留了 Wine 前缀：$WINEPREFIX"
  else
    rm -rf "$WINEPREFIX"
  fi
  rm -rf "$scratch"
}
trap cleanup EXIT

wuser=$(ls "$WINEPREFIX/drive_c/users" | grep -vx Public | head -n1)
[ -n "$wuser" ] || fail "Wine 前缀中没有用户文件夹"
uhome=$WINEPREFIX/drive_c/users/$wuser
whome="C:\\users\\$wuser"
inst=$uhome/AppData/Local/Programs/xueshi
startmenu=$uhome/AppData/Roaming/Microsoft/Windows/Start\ Menu/Programs
desktop=$(readlink -f "$uhome/Desktop")

step "没有安装学时手册时，照片识别组件拒绝安装 / wine ocr-setup.exe /S"
cp "$addon" "$uhome/ocr-setup.exe"
code=0
wine "$uhome/ocr-setup.exe" /S || code=$?
wineserver -w
[ "$code" -eq 2 ] || fail "没有学时手册时照片识别组件的安装程序退出码是 $code（应为 2）"
[ ! -e "$inst" ] || fail "没有学时手册时照片识别组件仍装入了文件：$(ls -A "$inst")"

step "静默安装 / wine setup.exe /S"
cp "$installer" "$uhome/setup.exe"
wine "$uhome/setup.exe" /S || fail "安装程序退出码 $?"
wineserver -w

step "检查安装的文件、快捷方式和卸载信息"
for f in xueshi-app.exe xueshi.exe WebView2Loader.dll uninstall.exe LICENSE.txt THIRD-PARTY-LICENSES.txt \
  fonts/NotoSerifCJKsc-Regular-GB2312.otf fonts/OFL.txt; do
  [ -s "$inst/$f" ] || fail "安装文件夹中缺少 $f（$inst）"
done
if find "$inst" -iname 'bcryptprimitives*' | grep -q .; then
  fail "安装程序装入了仅供测试的 bcryptprimitives.dll"
fi
[ ! -e "$inst/xueshi-ocr.exe" ] && [ ! -e "$inst/models" ] || fail "学时手册的安装程序装入了照片识别组件的文件"
[ -s "$startmenu/学时手册.lnk" ] || fail "开始菜单中没有“学时手册”快捷方式"
[ -s "$desktop/学时手册.lnk" ] || fail "桌面上没有“学时手册”快捷方式"
grep -a -q 'xueshi-app.exe' "$startmenu/学时手册.lnk" || fail "开始菜单快捷方式没有指向 xueshi-app.exe"
# Wine's registry file writes non-ASCII characters as \x escapes: 学时手册 = \x5b66\x65f6\x624b\x518c.
reg_key='[Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\xueshi]'
grep -q -F "$reg_key" "$WINEPREFIX/user.reg" || fail "注册表中没有卸载信息（HKCU…\\Uninstall\\xueshi）"
grep -A20 -F "$reg_key" "$WINEPREFIX/user.reg" | grep -q -F '"DisplayName"="\x5b66\x65f6\x624b\x518c"' ||
  fail "卸载信息的显示名称不是“学时手册”"

step "程序正在运行时：安装和卸载都停下（不留下半新半旧的文件），关闭后重新安装"
# A stand-in program, running from the installed xueshi.exe's path for 10 seconds, holds the file
# the way a running xueshi.exe does (Windows and Wine refuse to open it for writing).
printf '#include <windows.h>\nint main(void) { Sleep(10000); return 0; }\n' >"$scratch/busy.c"
x86_64-w64-mingw32-gcc -O2 -o "$scratch/busy.exe" "$scratch/busy.c"
cp "$inst/xueshi.exe" "$scratch/xueshi.exe.installed"
cp "$scratch/busy.exe" "$inst/xueshi.exe"
wine "$inst/xueshi.exe" &
busy=$!
sleep 2
code=0
wine "$uhome/setup.exe" /S || code=$?
[ "$code" -eq 2 ] || fail "程序运行时重新安装的退出码是 $code（应为 2：停下并说明）"
cmp -s "$scratch/busy.exe" "$inst/xueshi.exe" || fail "程序运行时安装程序仍改动了 xueshi.exe"
wine "$inst/uninstall.exe" /S || fail "卸载程序没有启动"
wait "$busy" || true
wineserver -w
[ -f "$inst/xueshi-app.exe" ] && [ -f "$inst/uninstall.exe" ] || fail "程序运行时卸载程序仍删除了文件"
grep -q -F "$reg_key" "$WINEPREFIX/user.reg" || fail "程序运行时卸载程序仍删除了卸载信息"
wine "$uhome/setup.exe" /S || fail "程序关闭后重新安装的退出码 $?"
wineserver -w
cmp -s "$scratch/xueshi.exe.installed" "$inst/xueshi.exe" || fail "重新安装没有换回 xueshi.exe"

# The test-only stand-in for Wine's missing ProcessPrng, beside the installed programs only now.
xueshi_wine_standin_beside "$inst"

data_unix="$uhome/学时 数据"
data_win="$whome\\学时 数据"
out=$scratch/out.txt
# Runs the installed xueshi.exe on the test's data folder; stdout+stderr in $out.
x() { wine "$inst/xueshi.exe" --data-dir "$data_win" "$@" >"$out" 2>&1; }
# Runs it, expecting success and (optionally) a piece of its output.
ok() {
  local want=$1
  shift
  local code=0
  x "$@" || code=$?
  [ "$code" -eq 0 ] || { cat "$out" >&2; fail "xueshi $1 退出码 $code"; }
  [ -z "$want" ] || grep -q -F "$want" "$out" || { cat "$out" >&2; fail "xueshi $1 的输出中没有“$want”"; }
  cat "$out"
}

step "xueshi --version"
wine "$inst/xueshi.exe" --version >"$out" 2>&1 || fail "xueshi --version 失败"
grep -q -F "$(basename "$installer" | sed -E 's/^xueshi_([^_]+)_.*/\1/')" "$out" || fail "版本号与安装程序不符：$(cat "$out")"

step "init / add / attach（数据文件夹：$data_win）"
ok "已创建数据文件夹" init
[ -f "$data_unix/ledger.sqlite3" ] || fail "init 没有在“学时 数据”中创建数据库"
ok "已添加记录" add --json '{"kind":"training","title":"数字化转型研修班","date":"2025-05-12","category":"professional","days":2}'
first=$(sed -n 's/^已添加记录 \([^：]*\)：.*/\1/p' "$out")
[ -n "$first" ] || fail "add 没有给出记录编号"
python3 tests/e2e/make_pdf.py "$uhome/结业 证书.pdf"
ok "" attach "$first" "$whome\\结业 证书.pdf" --material 结业证书

step "两次备份，其间再加一条记录；恢复第一次的备份"
ok "已备份到" backup
backup1=$(sed -n 's/^已备份到 //p' "$out" | tr -d '\r')
ok "已添加记录" add --json '{"kind":"online_course","title":"专业课程网络学习","date":"2025-09-01","category":"professional","hours":20}'
second=$(sed -n 's/^已添加记录 \([^：]*\)：.*/\1/p' "$out")
ok "已备份到" backup
backup2=$(sed -n 's/^已备份到 //p' "$out" | tr -d '\r')
[ -n "$backup1" ] && [ "$backup1" != "$backup2" ] || fail "两次备份的文件相同或缺失：$backup1 / $backup2"
ok "恢复数据库" restore "$backup1"
ok "" list --json
grep -q -F "\"$first\"" "$out" || fail "恢复后缺少第一条记录 $first"
if grep -q -F "\"$second\"" "$out"; then fail "恢复第一次备份后仍有其后添加的记录 $second"; fi

step "verify / plan"
ok "" verify
ok "" plan --apply-year 2026 --level associate_senior
ok "" plan

step "申报材料包 / export + verify-package"
zip_win="$whome\\材料 包.zip"
zip_unix="$uhome/材料 包.zip"
ok "" export --apply-year 2026 --level associate_senior --out "$zip_win"
[ -s "$zip_unix" ] || fail "export 没有写出“材料 包.zip”"
python3 - "$zip_unix" <<'PY' || fail "材料包的内容不完整"
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
print("\n".join(names))
need = ["学时汇总表.pdf", "学时汇总表.xlsx", "manifest.json"]
missing = [n for n in need if not any(x.endswith(n) for x in names)]
evidence = [x for x in names if x.endswith(".pdf") and not x.endswith("学时汇总表.pdf")]
sys.exit(f"缺少 {missing}" if missing else (0 if evidence else "缺少证明材料"))
PY
ok "" verify-package "$zip_win"
# A changed byte must be found (exit code 1).
cp "$zip_unix" "$uhome/改过.zip"
python3 - "$uhome/改过.zip" <<'PY'
import sys, zipfile
src = zipfile.ZipFile(sys.argv[1])
items = [(i, src.read(i.filename)) for i in src.infolist()]
src.close()
with zipfile.ZipFile(sys.argv[1], "w") as dst:
    for info, data in items:
        if info.filename.endswith("学时汇总表.xlsx"):
            data = data[:-1] + bytes([data[-1] ^ 1])
        dst.writestr(info, data)
PY
set +e
x verify-package "$whome\\改过.zip"
code=$?
set -e
[ "$code" -eq 1 ] || { cat "$out" >&2; fail "verify-package 对改过的材料包退出码 $code（应为 1）"; }

step "读取证书照片：没有照片识别组件时 / xueshi scan（需要文字识别程序）"
photo_win="$whome\\结业证书 照片.jpg"
python3 tests/e2e/make_photo.py --small "$uhome/结业证书 照片.jpg"
set +e
x scan "$photo_win" --json
code=$?
set -e
cat "$out"
[ "$code" -eq 2 ] || fail "没有照片识别组件时 scan 的退出码是 $code（应为 2，与其他无法读取的文件相同）"
grep -q -F "需要文字识别程序" "$out" || fail "没有照片识别组件时 scan 没有说“需要文字识别程序”"

step "照片识别组件：程序正在运行时停下，关闭后静默安装 / wine ocr-setup.exe /S"
cp "$scratch/busy.exe" "$inst/xueshi.exe"
wine "$inst/xueshi.exe" &
busy=$!
sleep 2
code=0
wine "$uhome/ocr-setup.exe" /S || code=$?
[ "$code" -eq 2 ] || fail "程序运行时照片识别组件的安装程序退出码是 $code（应为 2：停下并说明）"
[ ! -e "$inst/xueshi-ocr.exe" ] || fail "程序运行时照片识别组件仍装入了 xueshi-ocr.exe"
wait "$busy" || true
wineserver -w
cp "$scratch/xueshi.exe.installed" "$inst/xueshi.exe"
wine "$uhome/ocr-setup.exe" /S || fail "照片识别组件的安装程序退出码 $?"
wineserver -w
ocr_files=(xueshi-ocr.exe THIRD-PARTY-LICENSES-OCR.txt models/ocr/PP-OCRv6_det_small.onnx
  models/ocr/PP-OCRv6_rec_small.onnx models/ocr/LICENSE models/ocr/MODEL_LICENSES.md)
for f in "${ocr_files[@]}"; do
  [ -s "$inst/$f" ] || fail "照片识别组件没有装入 $f（$inst）"
done
(cd "$inst/models/ocr" && sha256sum --quiet --strict -c -) <models/ocr.sha256 || fail "装入的模型与 models/ocr.sha256 不符"
grep -q -F 'PP-OCRv6' "$inst/THIRD-PARTY-LICENSES-OCR.txt" || fail "照片识别组件的第三方许可证中没有识别模型"
grep -q -F 'tract-core' "$inst/THIRD-PARTY-LICENSES-OCR.txt" || fail "照片识别组件的第三方许可证中没有 tract-core"

step "读取证书照片：装好照片识别组件后 / xueshi scan --json"
started=$SECONDS
ok "" scan "$photo_win" --json
python3 - "$out" <<'PY' || fail "scan 没有从照片中读出学时、证书编号和日期"
import json, sys
fields = json.loads(open(sys.argv[1], encoding="utf-8").read())["fields"]
want = {"hours": 24, "certificate_number": "HN-2024-0001", "date": "2024-05-14", "end_date": "2024-05-16"}
wrong = {k: (fields.get(k), v) for k, v in want.items() if fields.get(k) != v}
sys.exit(f"读出的与应有的不同：{wrong}" if wrong else 0)
PY
echo "照片读取用时 $((SECONDS - started)) 秒（Wine）"

step "文字识别程序拒绝损坏的照片 / xueshi-ocr.exe（退出码 2，中文说明）"
head -c 3000 /dev/urandom | cat <(printf '\xff\xd8\xff\xe0') - >"$uhome/损坏 的照片.jpg"
set +e
wine "$inst/xueshi-ocr.exe" "$whome\\损坏 的照片.jpg" >"$out" 2>"$scratch/err.txt"
code=$?
set -e
[ "$code" -eq 2 ] || { cat "$out" "$scratch/err.txt" >&2; fail "文字识别程序对损坏的照片退出码 $code（应为 2）"; }
grep -q -F '图片已损坏' "$scratch/err.txt" || fail "文字识别程序没有说明照片已损坏：$(cat "$scratch/err.txt")"
cat "$scratch/err.txt"

step "重新安装学时手册（升级）后，照片识别组件仍在"
wine "$uhome/setup.exe" /S || fail "重新安装学时手册的退出码 $?"
wineserver -w
for f in "${ocr_files[@]}"; do
  [ -s "$inst/$f" ] || fail "重新安装学时手册后照片识别组件的 $f 不见了"
done

step "默认数据文件夹（%APPDATA%\\cn.xueshi.handbook）"
wine "$inst/xueshi.exe" init >"$out" 2>&1 || { cat "$out" >&2; fail "默认数据文件夹上的 init 失败"; }
default_data=$uhome/AppData/Roaming/cn.xueshi.handbook
[ -f "$default_data/ledger.sqlite3" ] || fail "默认数据文件夹不是 $default_data"

step "登录时检查提醒（xueshi-app.exe --check-reminders）：不需要 WebView2，不开窗口，退出码 0"
timeout 60 wine "$inst/xueshi-app.exe" --check-reminders >"$out" 2>&1 || { cat "$out" >&2; fail "登录时的提醒检查没有正常退出"; }
# The entry 设置 registers (tauri-plugin-autostart): the uninstaller must remove it with the program.
run_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Run'
wine reg add "$run_key" /v 学时手册 /d "\"$(winepath -w "$inst/xueshi-app.exe")\" --check-reminders" /f >/dev/null 2>&1 \
  || fail "无法写入测试用的启动项"
wine reg query "$run_key" /v 学时手册 >/dev/null 2>&1 || fail "测试用的启动项没有写入"

step "静默卸载 / uninstall.exe /S"
rm -f "$inst/bcryptprimitives.dll"
wine "$inst/uninstall.exe" /S || fail "卸载程序退出码 $?"
wineserver -w
[ ! -e "$inst" ] || fail "卸载后安装文件夹仍在：$(ls -A "$inst")"
[ ! -e "$startmenu/学时手册.lnk" ] || fail "卸载后开始菜单快捷方式仍在"
[ ! -e "$desktop/学时手册.lnk" ] || fail "卸载后桌面快捷方式仍在"
if grep -q -F "$reg_key" "$WINEPREFIX/user.reg"; then fail "卸载后注册表中仍有卸载信息"; fi
if wine reg query "$run_key" /v 学时手册 >/dev/null 2>&1; then fail "卸载后登录时检查提醒的启动项仍在"; fi
[ -f "$default_data/ledger.sqlite3" ] || fail "静默卸载删除了默认数据文件夹（应保留）"
[ -f "$data_unix/ledger.sqlite3" ] || fail "卸载后“学时 数据”不见了"

printf "\n安装程序冒烟测试通过：%s、%s\n" "$(basename "$installer")" "$(basename "$addon")"
