#!/usr/bin/env bash
# 启动学时手册 / Starts 学时手册.
# Until the desktop app lands, this builds the `xueshi` command line and shows the assessment of the
# demo ledger (a teacher applying for 副高 in 2026). Pass your own arguments to run any command:
#   bash scripts/start.sh assess --ledger 我的记录.json --apply-year 2026 --level senior
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1; then
  echo "需要 Rust 工具链（cargo）。请先安装 Rust：https://rustup.rs" >&2
  exit 1
fi
cargo build --quiet -p xueshi-cli
xueshi=target/debug/xueshi
if [ "$#" -gt 0 ]; then
  exec "$xueshi" "$@"
fi
echo "示例：王晓梅（中学教师）2026 年参评副高级，按 2026 年通知评估"
echo
exec "$xueshi" assess --ledger demo/ledger.json --apply-year 2026 --level associate_senior
