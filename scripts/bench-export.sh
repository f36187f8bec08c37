#!/usr/bin/env bash
# Benchmark of the submission package export (issue 5): a ledger with 500 evidence files totalling
# 1 GiB, exported with `xueshi export --apply-year … --out` and, in the same run, stored with
# Info-ZIP's `zip -0 -r` (no compression) for comparison. Prints wall time and peak memory (RSS,
# from /usr/bin/time -v) of both, and the ratio. Target: within 1.2x of zip -0, under 100 MiB.
#
# Usage: bash scripts/bench-export.sh [FILES] [TOTAL_MIB]   (default 500 files, 1024 MiB)
# Needs: a release build (made here), zip and time (Debian packages `zip`, `time`).
set -euo pipefail

files=${1:-500}
total_mib=${2:-1024}
root=$(cd "$(dirname "$0")/.." && pwd)
for tool in zip /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "缺少 $tool：apt-get install zip time" >&2; exit 2; }
done

echo "== building xueshi (release)" >&2
cargo build --release --quiet -p xueshi-cli --manifest-path "$root/Cargo.toml"
xueshi="$root/target/release/xueshi"

work=$(mktemp -d "${TMPDIR:-/tmp}/xueshi-bench-export.XXXXXX")
trap 'rm -rf "$work"' EXIT
evidence="$work/evidence"
mkdir -p "$evidence"

# 100 records over 2021–2025, 5 files each; sizes vary around the mean and add up to TOTAL_MIB.
per_record=5
records=$(( (files + per_record - 1) / per_record ))
mean_kib=$(( total_mib * 1024 / files ))
echo "== writing $files evidence files, $total_mib MiB in all (random content: nothing compresses)" >&2
ledger="$work/ledger.json"
{
    printf '{"format":"xueshi-ledger","version":1,"profile":{"name":"基准测试","employer":"长沙市第一中学"},"activities":[\n'
    n=0
    for ((r = 0; r < records; r++)); do
        year=$(( 2021 + r % 5 ))
        id=$(printf 'r%03d' "$r")
        category=$([ $((r % 4)) -eq 0 ] && echo public || echo professional)
        mkdir -p "$evidence/$id"
        ev=""
        for ((k = 0; k < per_record && n < files; k++, n++)); do
            # Alternate sizes of 0.5x and 1.5x the mean so the total stays exact.
            if (( n % 2 == 0 )); then kib=$(( mean_kib / 2 )); else kib=$(( mean_kib * 3 / 2 )); fi
            if (( n == files - 1 && files % 2 == 1 )); then kib=$mean_kib; fi
            # A PDF signature first: the package names files by their content and refuses unknown ones.
            { printf '%%PDF-1.7\n'; head -c "$(( kib * 1024 ))" /dev/urandom; } > "$evidence/$id/材料$k.pdf"
            ev+="${ev:+,}{\"file\":\"材料$k.pdf\",\"material\":\"$([ $k -eq 0 ] && echo 结业证书 || echo 培训通知)\"}"
        done
        sep=$([ "$r" -gt 0 ] && echo , || true)
        printf '%s{"id":"%s","kind":"online_course","title":"第%d期专业技术人员能力提升网络课程","date":"%d-%02d-15","provider":"湖南大学继续教育基地","category":"%s","hours":12,"evidence":[%s]}\n' \
            "$sep" "$id" "$r" "$year" $(( 1 + r % 12 )) "$category" "$ev"
    done
    printf ']}\n'
} > "$ledger"
du -sh "$evidence" >&2
# Warm the page cache so that both tools read from memory alike.
cat "$evidence"/*/* > /dev/null

source "$root/scripts/lib/measure.sh"

best_export="" best_zip=""
for round in 1 2 3; do
    rm -f "$work/package.zip" "$work/plain.zip"
    z=$(cd "$evidence" && measure zip -0 -r -q "$work/plain.zip" .)
    e=$(measure "$xueshi" --data-dir "$work/data" export --ledger "$ledger" --evidence-dir "$evidence" \
        --apply-year 2026 --level associate_senior --out "$work/package.zip")
    echo "round $round: xueshi export ${e% *} s, ${e#* } KiB; zip -0 -r ${z% *} s, ${z#* } KiB" >&2
    if [ -z "$best_export" ] || awk -v a="${e% *}" -v b="${best_export% *}" 'BEGIN { exit !(a < b) }'; then best_export=$e; fi
    if [ -z "$best_zip" ] || awk -v a="${z% *}" -v b="${best_zip% *}" 'BEGIN { exit !(a < b) }'; then best_zip=$z; fi
done

"$xueshi" verify-package "$work/package.zip" --ledger "$ledger" > /dev/null
package_size=$(stat -c %s "$work/package.zip")
plain_size=$(stat -c %s "$work/plain.zip")
echo
echo "Export of $files evidence files ($total_mib MiB), best of 3 rounds, page cache warm:"
printf '  %-26s %8s s   peak RSS %6d MiB   %s bytes\n' "xueshi export (package)" "${best_export% *}" $(( ${best_export#* } / 1024 )) "$package_size"
printf '  %-26s %8s s   peak RSS %6d MiB   %s bytes\n' "zip -0 -r (Info-ZIP)" "${best_zip% *}" $(( ${best_zip#* } / 1024 )) "$plain_size"
awk -v e="${best_export% *}" -v z="${best_zip% *}" 'BEGIN { printf "  ratio: %.2fx (target ≤ 1.2x)\n", e / z }'
