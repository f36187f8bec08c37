#!/usr/bin/env bash
# 基准测试：文字识别程序 xueshi-ocr（release 构建）读取证书照片的耗时和峰值内存，并在同一次运行中
# 用 tesseract（chi_sim，Debian 软件包）读取同样的照片作对照；照片由 tests/e2e/make_photo.py 画出
# （倾斜、光照不均、模糊、噪点的手机照片），另有一份只有图片的 PDF。结果写到标准输出。
# Benchmark: the release OCR helper on certificate photos — wall time per photo (each run loads
# the models, as the app's call does) and peak RSS (/usr/bin/time -v) — against tesseract chi_sim on
# the same photos in the same run. Target (issue 12): ≤ 3 s per photo, peak memory < 800 MB.
#
#   scripts/bench-ocr.sh                       # builds the release helper, 3 rounds
#   ROUNDS=5 XUESHI_OCR_BIN=path scripts/bench-ocr.sh
# Other programs running at the same time distort the times: run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

ROUNDS=${ROUNDS:-3}
BIN=${XUESHI_OCR_BIN:-}
if [ -z "$BIN" ]; then
  xueshi_build_ocr_helper release >&2
  BIN=$XUESHI_OCR_HELPER
fi
xueshi_install_system_packages time tesseract-ocr tesseract-ocr-chi-sim python3-pil

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 - "$WORK" <<'PY'
import sys
from pathlib import Path
sys.path.insert(0, "tests/e2e")
import make_photo
from PIL import Image
work = Path(sys.argv[1])
for seed in (1, 2, 3):
    make_photo.certificate_photo(work / f"photo-{seed}.jpg", seed=seed)
# A scan saved as a PDF with no text layer.
Image.open(work / "photo-1.jpg").save(work / "scan.pdf", "PDF", resolution=150)
PY

# Seconds and peak RSS (MiB) of one run of "$@".
measure() {
  /usr/bin/time -f '%e %M' -o "$WORK/time" "$@" >"$WORK/out" 2>/dev/null || { echo "运行失败：$*" >&2; exit 1; }
  awk '{ printf "%.2f %.0f\n", $1, $2 / 1024 }' "$WORK/time"
}

printf '%-14s %-22s %-22s\n' "文件" "xueshi-ocr 秒 / MiB" "tesseract 秒 / MiB"
for file in "$WORK"/photo-*.jpg "$WORK"/scan.pdf; do
  best_ours=999 best_ref=999 mem_ours=0 mem_ref=0
  for _ in $(seq "$ROUNDS"); do
    read -r s m < <(measure "$BIN" "$file" --models models/ocr)
    best_ours=$(awk -v a="$best_ours" -v b="$s" 'BEGIN { print (b < a) ? b : a }')
    mem_ours=$(awk -v a="$mem_ours" -v b="$m" 'BEGIN { print (b > a) ? b : a }')
    if [[ $file == *.jpg ]]; then
      read -r s m < <(measure tesseract "$file" - -l chi_sim)
      best_ref=$(awk -v a="$best_ref" -v b="$s" 'BEGIN { print (b < a) ? b : a }')
      mem_ref=$(awk -v a="$mem_ref" -v b="$m" 'BEGIN { print (b > a) ? b : a }')
    fi
  done
  ref="—"
  [[ $file == *.jpg ]] && ref="$best_ref / $mem_ref"
  printf '%-14s %-22s %-22s\n' "$(basename "$file")" "$best_ours / $mem_ours" "$ref"
done
echo "（每项取 $ROUNDS 轮中最快的一次；内存为各轮峰值的最大值。$(nproc) 核，$(date +%F)）"
