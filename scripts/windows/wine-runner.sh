#!/usr/bin/env bash
# Cargo's runner for x86_64-pc-windows-gnu (.cargo/config.toml): runs a cross-compiled test or
# program under Wine, with the test-only stand-in bcryptprimitives.dll beside it and beside the
# binaries the tests start (target/<triple>/<profile>/). Each test binary gets a new wineserver:
# after many processes were killed (the crash test), Wine 8's CreateProcess began to fail with
# os error 1359 ("Internal error") in the next binary, a Wine fault rather than ours.
set -euo pipefail
source "$(dirname "$0")/wine-env.sh"
exe=$1
shift
dir=$(cd "$(dirname "$exe")" && pwd)
xueshi_wine_standin_beside "$dir" "$(dirname "$dir")"
xueshi_wine_prefix
status=0
wine "$exe" "$@" || status=$?
wineserver -k 2>/dev/null || true
exit "$status"
