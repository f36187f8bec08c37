# Wine for the Windows test lane, sourced by scripts/windows/wine-runner.sh and the lane's scripts.
# Builds the test-only stand-in bcryptprimitives.dll (Wine 8 lacks ProcessPrng, which Rust's std
# calls on Windows 10+) and prepares a Wine prefix: the one in WINEPREFIX when set (the lane makes
# a fresh one per run), else target/wine/prefix. Nothing here is ever shipped.

XUESHI_ROOT=${XUESHI_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
XUESHI_WINE_DIR="$XUESHI_ROOT/target/wine"
XUESHI_STANDIN_DLL="$XUESHI_WINE_DIR/bcryptprimitives.dll"

export WINEDEBUG=${WINEDEBUG:--all}
# No Mono or Gecko install prompts in a new prefix.
export WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-"mscoree,mshtml="}

xueshi_wine_standin() {
  local src="$XUESHI_ROOT/scripts/windows/bcryptprimitives.c"
  if [ ! -f "$XUESHI_STANDIN_DLL" ] || [ "$src" -nt "$XUESHI_STANDIN_DLL" ]; then
    mkdir -p "$XUESHI_WINE_DIR"
    x86_64-w64-mingw32-gcc -shared -O2 -o "$XUESHI_STANDIN_DLL.tmp" "$src" -ladvapi32
    mv -f "$XUESHI_STANDIN_DLL.tmp" "$XUESHI_STANDIN_DLL"
  fi
}

# Puts the stand-in DLL into each given folder (beside the .exe files under test).
xueshi_wine_standin_beside() {
  xueshi_wine_standin
  local d
  for d in "$@"; do
    [ -d "$d" ] && { cmp -s "$XUESHI_STANDIN_DLL" "$d/bcryptprimitives.dll" || cp -f "$XUESHI_STANDIN_DLL" "$d/"; }
  done
  return 0
}

# A Wine prefix ready to run programs: WINEPREFIX, or target/wine/prefix.
xueshi_wine_prefix() {
  export WINEPREFIX=${WINEPREFIX:-$XUESHI_WINE_DIR/prefix}
  if [ ! -f "$WINEPREFIX/system.reg" ]; then
    mkdir -p "$WINEPREFIX"
    wineboot -i >/dev/null 2>&1 || true
    wineserver -w
  fi
}

# A new, empty Wine prefix for this run (exported as WINEPREFIX).
xueshi_wine_fresh_prefix() {
  mkdir -p "$XUESHI_WINE_DIR"
  export WINEPREFIX
  WINEPREFIX=$(mktemp -d "$XUESHI_WINE_DIR/prefix-XXXXXX")
  xueshi_wine_prefix
}
