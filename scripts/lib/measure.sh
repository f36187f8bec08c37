# Shared by the benchmark scripts: `measure COMMAND…` runs a command under /usr/bin/time -v and prints
# "seconds kib" (wall-clock time and peak resident memory); the command's own output is discarded.
# Needs `$work`, the script's scratch folder.
measure() {
    local log="${work:?}/time.log"
    /usr/bin/time -v "$@" > /dev/null 2> "$log" || { cat "$log" >&2; exit 1; }
    local wall rss
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    awk -v w="$wall" -v r="$rss" 'BEGIN { n = split(w, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f %d\n", s, r }'
}
