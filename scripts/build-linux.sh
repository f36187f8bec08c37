#!/usr/bin/env bash
# shellcheck disable=SC1111 # Chinese quotation marks in messages are meant
# 构建 Linux 安装包 / Builds the Linux packages of 学时手册 offline: the .deb (Tauri's bundler) and an
# AppImage (assembled here from the .deb's files, squashfs-tools and the AppImage runtime that the
# crates.io crate `appimage` ships, checked by its SHA-256; Tauri's own AppImage bundler would download
# linuxdeploy from the internet). The release binary is built once with cargo and reused by both.
# Both carry the OCR helper and its models (crates/ocr, a workspace of its own, built in the same
# profile) at /usr/lib/xueshi/xueshi-ocr and /usr/lib/xueshi/models/ocr/, where the app looks for them.
# Writes target/release/bundle/deb/xueshi_<version>_amd64.deb and
# target/release/bundle/appimage/xueshi_<version>_amd64.AppImage, and prints their paths and sizes.
# Options: --deb-only skips the AppImage. XUESHI_PACKAGE_PROFILE=dev packages the unoptimised build
# (the test command's packaging lane; scripts/lib/setup.sh, xueshi_package_profile), under target/debug/bundle.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/lib/setup.sh

appimage=1
for arg in "$@"; do
  case $arg in
    --deb-only) appimage=0 ;;
    *) echo "不认识的参数：$arg（可用：--deb-only）" >&2; exit 2 ;;
  esac
done

# What packaging needs besides the app's build dependencies: mksquashfs for the AppImage,
# desktop-file-validate for the menu entry.
XUESHI_LINUX_PACKAGING_APT=(squashfs-tools desktop-file-utils)

# The AppImage type-2 runtime (AppImageKit, MIT licence) as shipped inside the crates.io crate
# appimage 0.4.0 (assets/runtime-x86_64): it mounts the image with libfuse2 when the system has it,
# and runs from an extracted copy with --appimage-extract-and-run or APPIMAGE_EXTRACT_AND_RUN=1.
APPIMAGE_RUNTIME_CRATE=appimage
APPIMAGE_RUNTIME_VERSION=0.4.0
APPIMAGE_RUNTIME_SHA256=328e0d745c5c6817048c27bc3e8314871703f8f47ffa81a37cb06cd95a94b323

tools="$root/target/linux-tools"
profile=$(xueshi_package_profile)
profile_dir=$(xueshi_profile_dir "$profile")
bundle_flags=()
[ "$profile" = dev ] && bundle_flags=(--debug)
started=$SECONDS

xueshi_check_toolchains
xueshi_install_system_packages
xueshi_install_system_packages "${XUESHI_LINUX_PACKAGING_APT[@]}"
xueshi_install_ui_packages
xueshi_build_ui

# The default features: the UI embedded (custom-protocol), no test seams.
xueshi_say "构建程序（$profile）/ cargo build --profile $profile -p xueshi-app"
cargo build --profile "$profile" -p xueshi-app
bash scripts/check-no-test-seams.sh "target/$profile_dir/xueshi-app"

# The OCR helper and its models, staged for the bundler (scripts/lib/setup.sh; the models fetched and
# checked first). The dev build keeps its symbols: stripped, it is a third of the size.
xueshi_build_ocr_helper "$profile"
ocr_stage="$tools/ocr"
rm -rf "$ocr_stage"
xueshi_place_ocr_helper "$XUESHI_OCR_HELPER" "$ocr_stage"
[ "$profile" = dev ] && strip "$ocr_stage/xueshi-ocr"
bash scripts/check-no-test-seams.sh "$ocr_stage/xueshi-ocr"
# Added to tauri.conf.json's resources for this bundle only (the app's own build must not need the
# helper): a resource lands in /usr/lib/<productName>/ beside the fonts.
ocr_config="$tools/ocr-resources.json"
python3 - "$ocr_stage" "$ocr_config" <<'PY'
import json, sys
stage, out = sys.argv[1], sys.argv[2]
resources = {"../fonts/": "fonts/", f"{stage}/xueshi-ocr": "xueshi-ocr", f"{stage}/models/ocr/": "models/ocr/"}
json.dump({"bundle": {"resources": resources}}, open(out, "w", encoding="utf-8"))
PY

# The Tauri command line, pinned by its lock file, only for bundling.
mkdir -p "$tools/tauri-cli"
for f in package.json package-lock.json; do
  cmp -s "packaging/linux/tauri-cli/$f" "$tools/tauri-cli/$f" || cp "packaging/linux/tauri-cli/$f" "$tools/tauri-cli/$f"
done
if [ ! -x "$tools/tauri-cli/node_modules/.bin/tauri" ] \
  || [ "$tools/tauri-cli/package-lock.json" -nt "$tools/tauri-cli/node_modules/.package-lock.json" ]; then
  xueshi_say "安装打包工具 / npm ci @tauri-apps/cli"
  (cd "$tools/tauri-cli" && npm ci --no-audit --no-fund --loglevel=error)
fi

conf_value() {
  python3 -c 'import json,sys; print(json.load(open("src-tauri/tauri.conf.json", encoding="utf-8"))[sys.argv[1]])' "$1"
}
product=$(conf_value productName)
version=$(conf_value version)
binary=$(conf_value mainBinaryName)
if ! [[ $product =~ ^[a-z0-9][a-z0-9.+-]*$ ]]; then
  echo "tauri.conf.json 的 productName（$product）必须是小写英文字母和数字：它是 .deb 的软件包名" >&2
  exit 1
fi

bundle="$root/target/$profile_dir/bundle"
deb="$bundle/deb/${product}_${version}_amd64.deb"
rm -f "$deb"
xueshi_say "打包 .deb / tauri bundle --bundles deb"
(cd src-tauri && "$tools/tauri-cli/node_modules/.bin/tauri" bundle --bundles deb --ci --config "$ocr_config" "${bundle_flags[@]}")
[ -f "$deb" ] || { echo "没有生成 $deb" >&2; exit 1; }

# The menu entry must be valid and say 学时手册.
entry="$tools/$product.desktop"
dpkg-deb --fsys-tarfile "$deb" | tar -xOf - "usr/share/applications/$product.desktop" >"$entry"
desktop-file-validate "$entry"
dpkg-deb --fsys-tarfile "$deb" | tar -xOf - "usr/bin/$binary" >"$tools/$binary.from-deb"
bash scripts/check-no-test-seams.sh "$tools/$binary.from-deb"
rm -f "$tools/$binary.from-deb"
grep -qx 'Name=学时手册' "$entry" || { echo "菜单项的名称不是“学时手册”：$entry" >&2; exit 1; }
# The OCR helper and its models where the app looks for them, the helper executable.
listing="$tools/deb-contents.txt"
dpkg-deb -c "$deb" >"$listing"
for f in xueshi-ocr models/ocr/PP-OCRv6_det_small.onnx models/ocr/PP-OCRv6_rec_small.onnx models/ocr/LICENSE \
  models/ocr/MODEL_LICENSES.md; do
  grep -Eq " (\./)?usr/lib/$product/$f\$" "$listing" || { echo "$deb 里没有 /usr/lib/$product/$f" >&2; exit 1; }
done
grep -Eq "^-rwxr-xr-x .* (\./)?usr/lib/$product/xueshi-ocr\$" "$listing" \
  || { echo "$deb 里的 /usr/lib/$product/xueshi-ocr 不可执行" >&2; exit 1; }

fetch_appimage_runtime() {
  local out="$tools/appimage-runtime-x86_64" project="$tools/appimage-runtime" crate
  if [ -f "$out" ] && echo "$APPIMAGE_RUNTIME_SHA256  $out" | sha256sum --quiet -c - 2>/dev/null; then
    return 0
  fi
  # cargo fetches the crate from crates.io into its registry cache; the runtime is one file in it.
  mkdir -p "$project/src"
  printf '[package]\nname = "xueshi-appimage-runtime"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n[dependencies]\n%s = "=%s"\n\n[workspace]\n' \
    "$APPIMAGE_RUNTIME_CRATE" "$APPIMAGE_RUNTIME_VERSION" >"$project/Cargo.toml"
  : >"$project/src/lib.rs"
  cargo fetch --quiet --manifest-path "$project/Cargo.toml"
  crate=$(find "${CARGO_HOME:-$HOME/.cargo}/registry/cache" -name "$APPIMAGE_RUNTIME_CRATE-$APPIMAGE_RUNTIME_VERSION.crate" | head -n 1)
  [ -n "$crate" ] || { echo "cargo 没有下载 $APPIMAGE_RUNTIME_CRATE $APPIMAGE_RUNTIME_VERSION" >&2; return 1; }
  tar -xzOf "$crate" "$APPIMAGE_RUNTIME_CRATE-$APPIMAGE_RUNTIME_VERSION/assets/runtime-x86_64" >"$out.part"
  if ! echo "$APPIMAGE_RUNTIME_SHA256  $out.part" | sha256sum --quiet -c -; then
    echo "AppImage 运行时的 SHA-256 与预期不符，已停止" >&2
    rm -f "$out.part"
    return 1
  fi
  mv "$out.part" "$out"
}

built=("$deb")
if [ "$appimage" -eq 1 ]; then
  xueshi_say "打包 AppImage / mksquashfs + AppImage runtime"
  fetch_appimage_runtime
  out="$bundle/appimage"
  appdir="$out/$product.AppDir"
  image="$out/${product}_${version}_amd64.AppImage"
  rm -rf "$appdir" "$image" "$out/$product.squashfs"
  mkdir -p "$appdir"
  # The same files as the .deb (usr/bin, usr/lib/<product>/fonts, usr/share/…), plus the AppDir's own
  # entry point, menu entry and icon at its top.
  dpkg-deb -x "$deb" "$appdir"
  install -m 755 packaging/linux/AppRun "$appdir/AppRun"
  cp "$appdir/usr/share/applications/$product.desktop" "$appdir/$product.desktop"
  cp icons/128x128.png "$appdir/$binary.png"
  ln -s "$binary.png" "$appdir/.DirIcon"
  install -D -m 644 packaging/linux/appimage-runtime-LICENSE.txt "$appdir/usr/share/doc/$product/appimage-runtime-LICENSE.txt"
  # gzip: the compression this runtime reads; fixed times and owners: the same input gives the same image.
  mksquashfs "$appdir" "$out/$product.squashfs" -root-owned -noappend -comp gzip -quiet -no-progress \
    -mkfs-time 0 -all-time 0 >/dev/null
  cat "$tools/appimage-runtime-x86_64" "$out/$product.squashfs" >"$image.part"
  chmod 755 "$image.part"
  mv "$image.part" "$image"
  rm -f "$out/$product.squashfs"
  built+=("$image")
fi

xueshi_say "完成 / done in $(( SECONDS - started )) s"
for f in "${built[@]}"; do
  printf '%s\t%s\n' "$(du -h "$f" | cut -f1)" "${f#"$root"/}"
done
