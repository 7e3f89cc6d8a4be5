#!/usr/bin/env bash
# The whole test suite, as CI runs it: install what is missing, build with warnings as
# errors under AddressSanitizer and UBSan, run the lint checks, the unit tests (Catch2) and
# the end-to-end tests (the real eb on real files and database files) through ctest, and
# then the fuzz targets for a bounded time (tools/fuzz.sh; EB_FUZZ_SECONDS, default 60).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/tools/deps.sh"
bash "$root/tools/lint.sh"
build="$root/build-test"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DEB_WARNINGS_AS_ERRORS=ON \
  -DEB_ENABLE_ASAN=ON -DEB_ENABLE_UBSAN=ON >/dev/null
cmake --build "$build"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd "$build" && ctest --output-on-failure -j2)
bash "$root/tools/fuzz.sh"
