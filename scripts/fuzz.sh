#!/usr/bin/env bash
# 模糊测试 / Fuzzing: builds the fuzz targets in fuzz/ (cargo fuzz, libFuzzer) and runs each for
# the given number of seconds (default 20) on its committed seed corpus fuzz/corpus/<target>/ plus
# the inputs earlier runs on this machine found (fuzz/target/corpus/<target>/). Fails when any
# target crashes, leaks past the memory limit or hangs; the input is then in fuzz/artifacts/<target>/
# (reproduce: cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -s none <target> <file>; runs of up to
# 120 seconds use an unoptimised build, add --dev there).
#   scripts/fuzz.sh            # the test command's short run
#   scripts/fuzz.sh 3600       # an hour per target
#   scripts/fuzz.sh 600 spreadsheet ledger_zip   # only these targets
# Uses the machine's stable toolchain: RUSTC_BOOTSTRAP=1 allows the nightly flags cargo fuzz passes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh

seconds="${1:-20}"
shift || true
targets=("$@")
[ "${#targets[@]}" -eq 0 ] && targets=(ledger_json rule_file spreadsheet ledger_zip verify_package)

xueshi_install_cargo_fuzz
export RUSTC_BOOTSTRAP=1
cd fuzz

# Short runs (the test command's) use an unoptimised build: a cold optimised build of the targets
# (the export crate brings the typst PDF engine) takes about 18 minutes of CPU, too long for the
# test command; the unoptimised one runs slower per input, which matters only in long runs.
# No sanitizer either: safe Rust (unsafe_code is forbidden) gains little from AddressSanitizer,
# which would lengthen the build and slow every run; panics, overflows (debug assertions are on
# in both builds) and excess memory or time are what is looked for.
build=(-s none --release)
[ "$seconds" -le 120 ] && build=(-s none --dev)

xueshi_say "模糊测试：构建 / cargo fuzz build ${build[*]}"
cargo fuzz build "${build[@]}"

failed=()
for target in "${targets[@]}"; do
  xueshi_say "模糊测试：$target（${seconds} 秒）"
  mkdir -p "target/corpus/$target" "artifacts/$target"
  log="target/fuzz-$target.log"
  # -rss_limit_mb/-malloc_limit_mb: one input may not make the program take more than 2 GB.
  # -timeout: one input may not take longer than 10 s.
  if cargo fuzz run "${build[@]}" "$target" "target/corpus/$target" "corpus/$target" -- \
      -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=10 \
      -print_final_stats=1 >"$log" 2>&1; then
    status="通过"
  else
    status="失败"
    failed+=("$target")
    # What failed and where (the panic and the first frames of our code), not the input's bytes.
    grep -E -A3 "panicked at|^==[0-9]+== ERROR" "$log" | head -20 || true
    grep -E "xueshi_|fuzz_targets" "$log" | grep -E "^ +[0-9]+: |at " | head -12 || true
    grep -E "^SUMMARY|Test unit written" "$log" || tail -20 "$log"
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  echo "$target: $status，执行 ${execs:-?} 次 / ${execs:-?} executions"
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "模糊测试发现问题 / fuzzing found crashes: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
  exit 1
fi
echo "模糊测试全部通过 / all fuzz targets passed"
