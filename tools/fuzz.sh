#!/usr/bin/env bash
# Builds the libFuzzer targets (every tests/fuzz/<name>_fuzz.cpp) with clang, AddressSanitizer
# and UBSan, and runs each for a bounded time from its seed corpus (the directories named on
# its "// fuzz-seeds:" line). Fails on any crash, sanitizer report, leak, timeout or exception
# that is not an eb::Error; the input that did it is left in $build/findings/<name>/.
#
#   EB_FUZZ_SECONDS  seconds for all targets together (default 60), shared equally
#   EB_FUZZ_BUILD    build directory (default build-fuzz)
#   EB_FUZZ_CXX      the clang++ to use (default clang++)
# Usage: bash tools/fuzz.sh [NAME…]   (default: every target; NAME as application_toml_fuzz)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${EB_FUZZ_BUILD:-$root/build-fuzz}
total=${EB_FUZZ_SECONDS:-60}
cxx=${EB_FUZZ_CXX:-clang++}
if ! command -v "$cxx" >/dev/null; then
  echo "fuzz: $cxx not found (tools/deps.sh installs clang and libclang-rt-14-dev)" >&2
  exit 1
fi

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" \
  -DEB_BUILD_FUZZERS=ON -DEB_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target eb_fuzzers

if (($# > 0)); then
  names=("$@")
else
  names=()
  for f in "$root"/tests/fuzz/*_fuzz.cpp; do names+=("$(basename "$f" .cpp)"); done
fi
per=$((total / ${#names[@]}))
((per >= 1)) || per=1

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
fail=0
for name in "${names[@]}"; do
  source="$root/tests/fuzz/$name.cpp"
  seeds=()
  for dir in $(sed -nE 's#^// fuzz-seeds:[[:space:]]*(.*)$#\1#p' "$source"); do seeds+=("$root/$dir"); done
  dict=()
  [[ -e $root/tests/fuzz/$name.dict ]] && dict=("-dict=$root/tests/fuzz/$name.dict")
  corpus="$build/corpus/$name"
  findings="$build/findings/$name"
  mkdir -p "$corpus" "$findings"
  echo "== $name: ${per}s from ${seeds[*]#"$root/"}"
  if "$build/tests/fuzz/$name" -max_total_time="$per" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    -print_final_stats=1 -artifact_prefix="$findings/" "${dict[@]}" "$corpus" "${seeds[@]}" >"$build/$name.log" 2>&1; then
    grep -E '^(stat::number_of_executed_units|stat::new_units_added|Done)' "$build/$name.log" | sed 's/^/   /' || true
  else
    fail=1
    echo "fuzz: $name FAILED; the input is in $findings/; the end of its log:" >&2
    tail -n 40 "$build/$name.log" >&2
  fi
done
if ((fail)); then exit 1; fi
echo "fuzz: ok (${#names[@]} targets, ${per}s each)"
