#!/usr/bin/env bash
# 取得文字识别模型 / Fetches the OCR helper's models (crates/ocr): the PP-OCRv6 small detection and
# recognition models (ONNX, Apache-2.0, by PaddleOCR, converted by RapidOCR) and their licence
# notices, taken from the PyPI wheel rapidocr (pinned below, itself checked by hash) with pip — the
# models come from a package registry only. Unpacks just those files into models/ocr/ (git-ignored)
# and checks each against models/ocr.sha256 (committed); a mismatch fails loudly and removes the
# file. Idempotent: when every file is there and matches, it only hashes them (well under a second).
set -euo pipefail
cd "$(dirname "$0")/.."

RAPIDOCR_VERSION=3.10.0
WHEEL=rapidocr-${RAPIDOCR_VERSION}-py3-none-any.whl
WHEEL_SHA256=2fc34e26cd0f48514804a94f8832283039c7334076bff60768b1fed9ad068050
# Wheel member -> file name in models/ocr/ (the names models/ocr.sha256 lists).
MEMBERS=(
  "rapidocr/models/PP-OCRv6_det_small.onnx:PP-OCRv6_det_small.onnx"
  "rapidocr/models/PP-OCRv6_rec_small.onnx:PP-OCRv6_rec_small.onnx"
  "rapidocr-${RAPIDOCR_VERSION}.dist-info/licenses/LICENSE:LICENSE"
  "rapidocr-${RAPIDOCR_VERSION}.dist-info/licenses/MODEL_LICENSES.md:MODEL_LICENSES.md"
)
DEST=models/ocr
SUMS=models/ocr.sha256
CACHE=${XUESHI_OCR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/xueshi/ocr-wheel}

all_match() {
  [ -d "$DEST" ] && (cd "$DEST" && sha256sum --quiet --strict -c "../ocr.sha256" >/dev/null 2>&1)
}

if all_match; then
  echo "文字识别模型已就绪 / OCR models present and verified: $DEST"
  exit 0
fi

mkdir -p "$CACHE" "$DEST"
if [ ! -f "$CACHE/$WHEEL" ] || ! echo "$WHEEL_SHA256  $CACHE/$WHEEL" | sha256sum --quiet -c - >/dev/null 2>&1; then
  echo "下载 / pip download rapidocr==$RAPIDOCR_VERSION (PyPI) -> $CACHE"
  rm -f "$CACHE/$WHEEL"
  requirements=$(mktemp)
  trap 'rm -f "$requirements"' EXIT
  echo "rapidocr==$RAPIDOCR_VERSION --hash=sha256:$WHEEL_SHA256" >"$requirements"
  python3 -m pip download -q --no-deps --only-binary=:all: --require-hashes -r "$requirements" -d "$CACHE"
fi

# Unpack only the listed members (python's zipfile: no unzip needed), each to a temporary name
# first, so an interrupted run never leaves a truncated model under the real name.
python3 - "$CACHE/$WHEEL" "$DEST" "${MEMBERS[@]}" <<'PY'
import os, shutil, sys, zipfile
wheel, dest, pairs = sys.argv[1], sys.argv[2], sys.argv[3:]
with zipfile.ZipFile(wheel) as z:
    for pair in pairs:
        member, name = pair.split(":", 1)
        target = os.path.join(dest, name)
        with z.open(member) as src, open(target + ".part", "wb") as out:
            shutil.copyfileobj(src, out, 1 << 20)
        os.replace(target + ".part", target)
PY

failed=0
while read -r sum name; do
  [ -z "$sum" ] && continue
  actual=$(sha256sum "$DEST/$name" 2>/dev/null | cut -d' ' -f1 || true)
  if [ "$actual" != "$sum" ]; then
    echo "错误：模型文件校验失败 / SHA-256 MISMATCH: $DEST/$name" >&2
    echo "  expected $sum" >&2
    echo "  actual   ${actual:-<missing>}" >&2
    rm -f "$DEST/$name"
    failed=1
  fi
done <"$SUMS"
if [ "$failed" -ne 0 ]; then
  echo "模型文件与 $SUMS 不符，已删除不符的文件 / models do not match $SUMS" >&2
  exit 1
fi
echo "文字识别模型已就绪 / OCR models fetched and verified: $DEST"
