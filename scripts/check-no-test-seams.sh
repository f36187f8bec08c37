#!/usr/bin/env bash
# Checks that programs about to ship carry no test seams: the environment variables through which
# the end-to-end tests and benchmarks drive the app exist only in builds with the cargo feature
# `test-seams`, so none of their names may occur in a shipped binary (`grep -c` must count 0).
#
#   bash scripts/check-no-test-seams.sh target/release/xueshi-app [more binaries…]
set -euo pipefail

# XUESHI_E2E_ is the prefix of every end-to-end seam (PICK, PICK_FOLDER, SAVE, OPENED, NOTIFY, DROP…).
SEAMS=(XUESHI_E2E_ XUESHI_STARTUP_PROBE XUESHI_TEST_SKIP_WEBVIEW2_CHECK)

[ $# -ge 1 ] || { echo "用法：check-no-test-seams.sh 程序文件…" >&2; exit 2; }
found=0
for file in "$@"; do
  [ -f "$file" ] || { echo "没有这个文件：$file" >&2; exit 2; }
  for seam in "${SEAMS[@]}"; do
    count=$(grep -c -a -F "$seam" "$file" || true)
    if [ "$count" -ne 0 ]; then
      echo "发布的程序 $file 含有测试接口 $seam（grep -c：$count）：它只应在带 test-seams 功能的构建里" >&2
      found=1
    fi
  done
done
[ "$found" -eq 0 ] || exit 1
echo "没有测试接口 / no test seams: $*"
