#!/usr/bin/env bash
# Cargo's runner for x86_64-pc-windows-gnu (.cargo/config.toml): runs a cross-compiled test or
# program under Wine, with the test-only stand-in bcryptprimitives.dll beside it and beside the
# binaries the tests start (target/<triple>/<profile>/). Each test binary gets a new wineserver:
# after many processes were killed (the crash test), Wine 8's CreateProcess began to fail with
# os error 1359 ("Internal error") in the next binary, a Wine fault rather than ours.
# XUESHI_WINE_SKIP names test binaries (prefixes of their file names, separated by spaces) that
# are built but not run here (scripts/windows/test-lane.sh says which and why).
set -euo pipefail
source "$(dirname "$0")/wine-env.sh"
exe=$1
shift
for skip in ${XUESHI_WINE_SKIP:-}; do
  if [[ $(basename "$exe") == "$skip"* ]]; then
    echo "wine-runner: $(basename "$exe") 在 Linux 上运行，这里只编译 / built only, run on Linux"
    exit 0
  fi
done
dir=$(cd "$(dirname "$exe")" && pwd)
xueshi_wine_standin_beside "$dir" "$(dirname "$dir")"
xueshi_wine_prefix
# A test binary that fails having printed nothing at all never started (seen under load: exit 1,
# no output, and the same binary passing at once when run again): it is started again, up to three
# times, with a new wineserver. A binary that printed anything is never run again.
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for attempt in 1 2 3; do
  set +e
  wine "$exe" "$@" | tee "$out"
  status=${PIPESTATUS[0]}
  set -e
  wineserver -k 2>/dev/null || true
  if [ "$status" -eq 0 ] || [ -s "$out" ] || [ "$attempt" -eq 3 ]; then
    break
  fi
  echo "wine-runner: $(basename "$exe") ended ($status) before printing anything; starting it again ($attempt/3)" >&2
  sleep 2
done
exit "$status"
