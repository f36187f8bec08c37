#!/usr/bin/env bash
# 基准测试：把一个 1 GiB 的文件存入证据库（xueshi attach）与 cp 同一文件，在同一次运行中对比耗时，
# 并报告 attach 的峰值内存（/usr/bin/time -v）。结果写到标准输出。
# Benchmark: `xueshi attach` of a 1 GiB file against `cp` of the same file in the same run, with
# attach's peak RSS. Target: attach within 1.25x of cp; peak RSS under 64 MiB whatever the size.
#
#   scripts/bench-attach.sh              # builds target/release/xueshi, 1 GiB, 5 rounds
# Other programs running at the same time distort the times: run it on a quiet machine.
#   SIZE_MIB=256 ROUNDS=5 scripts/bench-attach.sh
#   XUESHI_BIN=path/to/xueshi scripts/bench-attach.sh   # use an existing binary
#   BENCH_DIR=/some/disk scripts/bench-attach.sh        # where the files go (default: $TMPDIR)
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MIB=${SIZE_MIB:-1024}
ROUNDS=${ROUNDS:-5}
BIN=${XUESHI_BIN:-}
if [ -z "$BIN" ]; then
  cargo build --release -p xueshi-cli --quiet
  BIN=target/release/xueshi
fi
if [ ! -x /usr/bin/time ]; then
  echo "需要 /usr/bin/time（Debian/Ubuntu：apt-get install time）" >&2
  exit 1
fi

WORK=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/xueshi-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
SRC="$WORK/证明材料-基准.pdf"

# A PDF signature followed by incompressible bytes.
{ printf '%%PDF-1.7\n'; head -c $((SIZE_MIB * 1024 * 1024 - 9)) /dev/urandom; } >"$SRC"
sync
cat "$SRC" >/dev/null # both contenders read it from the page cache

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

cp_times=()
cp_sync_times=()
attach_times=()
attach_rss=()
for round in $(seq "$ROUNDS"); do
  # cp, as a user copies a file
  t0=$(now); cp "$SRC" "$WORK/copy.pdf"; t1=$(now)
  cp_times+=("$(elapsed "$t0" "$t1")")
  rm -f "$WORK/copy.pdf"; sync

  # cp followed by an fsync of the copy: what attach guarantees (the file is on disk)
  t0=$(now); cp "$SRC" "$WORK/copy.pdf"; sync "$WORK/copy.pdf"; t1=$(now)
  cp_sync_times+=("$(elapsed "$t0" "$t1")")
  rm -f "$WORK/copy.pdf"; sync

  # xueshi attach into a fresh data folder (hash + copy + fsync + rename + one transaction)
  DATA="$WORK/data-$round"
  "$BIN" --data-dir "$DATA" init >/dev/null
  "$BIN" --data-dir "$DATA" add --id bench --kind training --title 基准 --date 2024-01-01 \
    --category public --days 1 >/dev/null
  t0=$(now)
  /usr/bin/time -v -o "$WORK/time.txt" "$BIN" --data-dir "$DATA" attach bench "$SRC" --material 结业证书 \
    --max-size-mib $((SIZE_MIB + 1)) >/dev/null
  t1=$(now)
  attach_times+=("$(elapsed "$t0" "$t1")")
  attach_rss+=("$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.txt")")
  rm -rf "$DATA"; sync
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
min() { printf '%s\n' "$@" | sort -g | head -1; }
max() { printf '%s\n' "$@" | sort -g | tail -1; }
cp_m=$(median "${cp_times[@]}")
cps_m=$(median "${cp_sync_times[@]}")
at_m=$(median "${attach_times[@]}")
rss_max=$(max "${attach_rss[@]}")
cp_b=$(min "${cp_times[@]}")
cps_b=$(min "${cp_sync_times[@]}")
at_b=$(min "${attach_times[@]}")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }

echo "## xueshi attach vs cp (${SIZE_MIB} MiB, ${ROUNDS} rounds)"
echo
echo "| 操作 | 中位数（秒） | 最快（秒） | 各轮 | 中位数相对 cp | 最快相对 cp |"
echo "|---|---|---|---|---|---|"
printf '| cp | %s | %s | %s | 1.00x | 1.00x |\n' "$cp_m" "$cp_b" "${cp_times[*]}"
printf '| cp + fsync | %s | %s | %s | %s | %s |\n' "$cps_m" "$cps_b" "${cp_sync_times[*]}" "$(ratio "$cps_m" "$cp_m")" "$(ratio "$cps_b" "$cp_b")"
printf '| xueshi attach | %s | %s | %s | %s | %s |\n' "$at_m" "$at_b" "${attach_times[*]}" "$(ratio "$at_m" "$cp_m")" "$(ratio "$at_b" "$cp_b")"
echo
echo "attach 相对 cp + fsync（attach 保证文件已写入磁盘）：中位数 $(ratio "$at_m" "$cps_m")，最快 $(ratio "$at_b" "$cps_b")"
echo "attach 峰值内存（最大 RSS）：$((rss_max / 1024)) MiB（${rss_max} KiB；各轮 ${attach_rss[*]} KiB）"
echo "机器：$(nproc) 核，$(uname -sr)；程序：$BIN"
