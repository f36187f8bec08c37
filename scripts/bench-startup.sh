#!/usr/bin/env bash
# Startup of the desktop app: from process start to the first frame drawn of the dashboard with a
# 1,000-record ledger, against the same measure for an empty window of the same Tauri build (the
# first frame of an about:blank page, no app code), in the same run under Xvfb; and the size of
# the release binary.
# Target: within 1.5x of the empty window; binary under 60 MB with the PDF engine in it.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-15}

(cd ui && npm run --silent build)
# The startup probe (XUESHI_STARTUP_PROBE) is a test seam, only in builds with the feature.
cargo build --quiet --release -p xueshi-app --features test-seams
cargo build --quiet -p xueshi-cli
app=target/release/xueshi-app

work=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 - "$work/ledger.json" <<'PY'
import json, sys
kinds = [
    {"kind": "training", "category": "professional", "days": 2},
    {"kind": "online_course", "category": "public", "hours": 6.5},
    {"kind": "conference", "category": "professional", "days": 1, "half_days": 1},
    {"kind": "paper", "role": "first", "venue": "domestic"},
]
activities = []
for i in range(1000):
    k = dict(kinds[i % len(kinds)])
    year = 2021 + i % 5
    k.update({"id": f"r{i:04d}", "title": f"第 {i} 条继续教育记录", "date": f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}",
              "provider": "湖南大学继续教育基地"})
    activities.append(k)
ledger = {"format": "xueshi-ledger", "version": 1, "profile": {"name": "测试用户"}, "activities": activities}
json.dump(ledger, open(sys.argv[1], "w"), ensure_ascii=False)
PY
data="$work/data"
target/debug/xueshi --data-dir "$data" import "$work/ledger.json" >/dev/null
target/debug/xueshi --data-dir "$data" plan --apply-year 2026 --level associate_senior >/dev/null

display=:$(( 60 + RANDOM % 20 ))
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
export DISPLAY=$display WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1

# One run: the milliseconds the probe printed (0 when it printed nothing); the page's own timeline
# (dashboard runs) goes to $work/timelines, after the run's milliseconds.
run_once() {
  local out ms
  out=$(XUESHI_DATA_DIR="$data" XUESHI_STARTUP_PROBE=$1 timeout 60 "$app" 2>/dev/null)
  ms=$(sed -n 's/^startup [a-z-]* \([0-9]*\) ms$/\1/p' <<<"$out")
  grep '^page ' <<<"$out" | sed "s/^/${ms:-0} ms: /" >>"$work/timelines" || true
  echo "${ms:-0}"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

run_once empty >/dev/null # warm the page cache
# The two measures alternate, so that a busy moment of the machine falls on both alike.
: >"$work/empty" && : >"$work/dashboard" && : >"$work/timelines"
for _ in $(seq "$runs"); do
  run_once empty >>"$work/empty"
  run_once 1 >>"$work/dashboard"
done
empty=$(median <"$work/empty")
dashboard=$(median <"$work/dashboard")
size=$(stat -c %s "$app")
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "empty window (about:blank, first frame): median ${empty} ms over $runs runs"
echo "dashboard with 1,000 records: median ${dashboard} ms over $runs runs"
awk -v d="$dashboard" -v e="$empty" 'BEGIN { printf "ratio: %.2fx (target 1.5x)\n", d / e }'
echo "the page's timeline in the dashboard run of the median:"
grep "^${dashboard} ms: " "$work/timelines" | head -2
awk -v s="$size" 'BEGIN { printf "release binary: %.1f MB (target < 60 MB)\n", s / 1000000 }'
