#!/usr/bin/env bash
# 运行全部检查与测试 / Runs every check and test of 学时手册.
# Installs what is missing first, so it works on a fresh Debian/Ubuntu machine with Rust.
# XUESHI_LONG_TESTS=1 runs the long variants (e.g. 200+ crash-test kills).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== %s\n' "$*"; }

if ! command -v cargo >/dev/null 2>&1; then
  echo "需要 Rust 工具链（cargo）。请先安装 Rust：https://rustup.rs" >&2
  exit 1
fi
if command -v rustup >/dev/null 2>&1; then
  for component in rustfmt clippy; do
    rustup component list --installed 2>/dev/null | grep -q "^$component" || rustup component add "$component"
  done
fi

say "格式 / cargo fmt --check"
cargo fmt --all --check

say "静态检查 / cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings

say "测试 / cargo test"
cargo test --workspace

say "全部通过 / all checks passed"
