#!/usr/bin/env bash
# Builds the fuzz targets (tests/fuzz/CMakeLists.txt, clang++-14) into build/fuzz and runs each
# for a bounded time on its committed seed corpus (tests/fuzz/corpus/<target>/).
#   tests/fuzz/run_fuzz.sh <seconds-per-target> [max_total_time]
# max_total_time (seconds, optional) caps the whole run: targets share it evenly, never more
# than <seconds-per-target> each. New corpus entries go to build/fuzz/corpus/<target>/ (the
# repository's corpus is only read); a crash leaves its input in build/fuzz/crashes/<target>/
# and the log in build/fuzz/logs/<target>.log. Prints the executions per target; exits
# non-zero when a target crashes (or the build fails).
# Environment: HOTLINE_FUZZ_BUILD (build folder, default <repo>/build/fuzz),
# HOTLINE_FUZZ_TARGETS (space-separated subset), HOTLINE_FUZZ_JOBS (build parallelism, 2).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:?usage: run_fuzz.sh <seconds-per-target> [max_total_time]}"
total="${2:-}"
build="${HOTLINE_FUZZ_BUILD:-$root/build/fuzz}"
targets=(${HOTLINE_FUZZ_TARGETS:-fuzz_operation fuzz_request fuzz_store fuzz_http})

if [ -n "$total" ]; then
  share=$(( total / ${#targets[@]} ))
  [ "$share" -ge 1 ] || share=1
  [ "$share" -lt "$seconds" ] && seconds="$share"
fi

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
cmake --build "$build" -j "${HOTLINE_FUZZ_JOBS:-2}"

status=0
summary=()
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  crashes="$build/crashes/$t"
  log="$build/logs/$t.log"
  mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
  # One process per target, in sequence (no -jobs: the machine has 2 cores). The first corpus
  # folder gets the new entries; the committed seeds are only read.
  # -rss_limit_mb: ASan's shadow memory counts, and the replica target's desk can be large.
  rc=0
  "$build/bin/$t" "$corpus" "$here/corpus/$t" -max_total_time="$seconds" \
    -artifact_prefix="$crashes/" -rss_limit_mb=4096 -timeout=25 -print_final_stats=1 \
    >"$log" 2>&1 || rc=$?
  execs="$(awk '/stat::number_of_executed_units:/ { n = $2 } END { print n + 0 }' "$log")"
  if [ "$rc" -ne 0 ]; then
    status=1
    summary+=("$(printf '%-16s %12s executions  CRASH (exit %s): %s, log %s' "$t" "$execs" "$rc" "$crashes" "$log")")
  else
    summary+=("$(printf '%-16s %12s executions  ok' "$t" "$execs")")
  fi
done

echo "== fuzz: ${seconds}s per target"
printf '%s\n' "${summary[@]}"
exit "$status"
