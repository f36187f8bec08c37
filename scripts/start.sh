#!/usr/bin/env bash
# 启动学时手册 / Installs what is missing (Debian/Ubuntu), builds and starts the desktop app.
# Its data lives in the user's data folder (~/.local/share/cn.xueshi.handbook, or XUESHI_DATA_DIR);
# on first start the app offers “先看看示例” to open a demo ledger. The OCR helper (crates/ocr) and its
# models are built and placed beside the app, so that it reads photos of certificates.
#   bash scripts/start.sh            the desktop app
#   bash scripts/start.sh cli ARGS   the command line instead, e.g. `cli assess --apply-year 2026 --level senior`
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

xueshi_check_toolchains
if [ "${1:-}" = cli ]; then
  shift
  cargo build --quiet -p xueshi-cli
  exec target/debug/xueshi "$@"
fi
xueshi_install_system_packages
xueshi_install_ui_packages
xueshi_build_ui
xueshi_say "构建学时手册（首次约需十几分钟）/ cargo build --release"
cargo build --release -p xueshi-app
# The OCR helper that reads photos of certificates, with its models, beside the app.
xueshi_build_ocr_helper release
xueshi_place_ocr_helper "$XUESHI_OCR_HELPER" target/release
exec target/release/xueshi-app
