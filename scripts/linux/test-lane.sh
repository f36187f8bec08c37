#!/usr/bin/env bash
# Linux 安装包测试 / The Linux packaging lane of the test command: builds the .deb and the AppImage
# (scripts/build-linux.sh), then installs, starts and removes the .deb (smoke-deb.sh) and starts the
# AppImage (smoke-appimage.sh), printing how long each step took. Needs root or sudo (dpkg, apt-get).
# Packages the unoptimised build unless XUESHI_LONG_TESTS=1 (scripts/lib/setup.sh, xueshi_use_lane_profile).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/setup.sh
# The smoke tests drive the window with xdotool under Xvfb; libfuse2 lets the AppImage also be
# started the usual way (mounted), not only extracted.
xueshi_install_system_packages xvfb xdotool libfuse2
xueshi_use_lane_profile
bundle="target/$(xueshi_profile_dir "$XUESHI_PACKAGE_PROFILE")/bundle"

step() {
  local started=$SECONDS
  "$@"
  timings+=("$(( SECONDS - started )) s	$*")
}
timings=()

step bash scripts/build-linux.sh
conf_value() {
  python3 -c 'import json,sys; print(json.load(open("src-tauri/tauri.conf.json", encoding="utf-8"))[sys.argv[1]])' "$1"
}
name="$(conf_value productName)_$(conf_value version)_amd64"
step bash scripts/linux/smoke-deb.sh "$bundle/deb/$name.deb"
step bash scripts/linux/smoke-appimage.sh "$bundle/appimage/$name.AppImage"

xueshi_say "Linux 安装包：全部通过 / Linux packages: all passed"
printf '%s\n' "${timings[@]}"
