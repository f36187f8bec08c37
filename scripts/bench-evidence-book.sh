#!/usr/bin/env bash
# Benchmark of the evidence book (issue 13): 120 phone-size photos (4000 × 3000 JPEG, made with
# Python PIL), one per record over 2021–2025, typeset into 证明材料汇编.pdf with
# `xueshi export --evidence-book`; in the same run the same book from the same photos already
# scaled to 1650 pixels. Prints wall time and peak memory (RSS, /usr/bin/time -v) of both and the
# ratio. Targets: peak RSS under 500 MB for the phone photos, time within 2x of the pre-scaled run.
#
# Usage: bash scripts/bench-evidence-book.sh [PHOTOS]   (default 120)
# Needs: a release build (made here), python3 with PIL (Debian `python3-pil`), time (`time`).
set -euo pipefail

photos=${1:-120}
root=$(cd "$(dirname "$0")/.." && pwd)
command -v /usr/bin/time >/dev/null || { echo "缺少 /usr/bin/time：apt-get install time" >&2; exit 2; }
python3 -c 'import PIL' 2>/dev/null || { echo "缺少 Python PIL：apt-get install python3-pil" >&2; exit 2; }

echo "== building xueshi (release)" >&2
cargo build --release --quiet -p xueshi-cli --manifest-path "$root/Cargo.toml"
xueshi="$root/target/release/xueshi"

work=$(mktemp -d "${TMPDIR:-/tmp}/xueshi-bench-book.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/phone" "$work/scaled"

echo "== making $photos photos of 4000 × 3000 and their 1650-pixel copies" >&2
python3 - "$work" "$photos" <<'PY'
import json, sys
from PIL import Image, ImageDraw
work, count = sys.argv[1], int(sys.argv[2])
activities = []
for n in range(count):
    # A sheet of paper with lines of "text" and sensor noise: compresses like a phone photo (~3 MB).
    noise = Image.effect_noise((4000, 3000), 28).convert("RGB")
    paper = Image.new("RGB", (4000, 3000), (226 - n % 20, 220, 205))
    photo = Image.blend(paper, noise, 0.25)
    draw = ImageDraw.Draw(photo)
    for line in range(40):
        y = 300 + line * 60
        draw.rectangle((400 + (line * 37 + n) % 300, y, 3500 - (line * 53) % 900, y + 22), fill=(40, 40, 50))
    name = f"photo-{n:03d}.jpg"
    photo.save(f"{work}/phone/{name}", quality=90)
    photo.thumbnail((1650, 1650))
    photo.save(f"{work}/scaled/{name}", quality=85)
    year = 2021 + n % 5
    activities.append({
        "id": f"r{n:03d}", "kind": "online_course", "title": f"第{n + 1}期专业技术人员能力提升网络课程",
        "date": f"{year}-{1 + n % 12:02d}-15", "provider": "湖南大学继续教育基地", "category": "professional",
        "hours": 12, "evidence": [{"file": name, "material": "结业证书"}],
    })
ledger = {"format": "xueshi-ledger", "version": 1,
          "profile": {"name": "基准测试", "employer": "长沙市第一中学"}, "activities": activities}
json.dump(ledger, open(f"{work}/ledger.json", "w"), ensure_ascii=False)
PY
du -sh "$work/phone" "$work/scaled" >&2
cat "$work"/phone/* "$work"/scaled/* > /dev/null

source "$root/scripts/lib/measure.sh"

book() {
    measure "$xueshi" --data-dir "$work/data" export --ledger "$work/ledger.json" --evidence-dir "$work/$1" \
        --apply-year 2026 --level associate_senior --evidence-book "$work/$1.pdf"
}

best_phone="" best_scaled=""
for round in 1 2; do
    p=$(book phone)
    s=$(book scaled)
    echo "round $round: phone photos ${p% *} s, ${p#* } KiB; pre-scaled ${s% *} s, ${s#* } KiB" >&2
    if [ -z "$best_phone" ] || awk -v a="${p% *}" -v b="${best_phone% *}" 'BEGIN { exit !(a < b) }'; then best_phone=$p; fi
    if [ -z "$best_scaled" ] || awk -v a="${s% *}" -v b="${best_scaled% *}" 'BEGIN { exit !(a < b) }'; then best_scaled=$s; fi
done

pages=$(pdfinfo "$work/phone.pdf" 2>/dev/null | sed -n 's/^Pages: *//p' || true)
echo
echo "Evidence book of $photos photos (${pages:-?} pages), best of 2 rounds, page cache warm:"
printf '  %-30s %8s s   peak RSS %6d MiB   %s bytes\n' "4000 × 3000 phone photos" "${best_phone% *}" $(( ${best_phone#* } / 1024 )) "$(stat -c %s "$work/phone.pdf")"
printf '  %-30s %8s s   peak RSS %6d MiB   %s bytes\n' "pre-scaled to 1650 pixels" "${best_scaled% *}" $(( ${best_scaled#* } / 1024 )) "$(stat -c %s "$work/scaled.pdf")"
awk -v p="${best_phone% *}" -v s="${best_scaled% *}" 'BEGIN { printf "  ratio: %.2fx (target ≤ 2x)\n", p / s }'
awk -v r="${best_phone#* }" 'BEGIN { printf "  peak RSS %.0f MB (target < 500 MB)\n", r * 1024 / 1000000 }'
