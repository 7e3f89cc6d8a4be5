#!/usr/bin/env bash
# assess_process.sh — the wall time of one `eb assess` process, start to exit.
#
# Runs `eb assess --file tests/fixtures/examples/02-couple-two-children.toml` RUNS times
# (default 200) and prints the median wall time of one process in ms. Uses hyperfine when it
# is installed, else `date +%s%N` around each run. Builds nothing; not part of the test suite.
#
# Usage: bench/assess_process.sh [EB] [RUNS]
#   EB    the eb binary (default build/cli/eb, relative to the repository root)
#   RUNS  how many runs (default 200)
#   EB_NORMS=norms folder (default norms/)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
eb=${1:-build/cli/eb}
runs=${2:-200}
[[ $eb == /* ]] || eb=$root/$eb
[[ $runs =~ ^[1-9][0-9]*$ ]] || {
  echo "usage: $0 [EB] [RUNS]" >&2
  exit 2
}
[[ -x $eb ]] || {
  echo "$0: no eb binary at $eb (build it: ninja -C build eb, or give its path)" >&2
  exit 2
}
export EB_NORMS=${EB_NORMS:-$root/norms}
file=$root/tests/fixtures/examples/02-couple-two-children.toml

# One run first: it must succeed, and it warms the page cache.
"$eb" assess --file "$file" >/dev/null || {
  echo "$0: '$eb assess --file $file' failed" >&2
  exit 1
}

if command -v hyperfine >/dev/null && command -v jq >/dev/null; then
  json=$(mktemp "${TMPDIR:-/tmp}/eb-assess-bench.XXXXXX")
  trap 'rm -f -- "$json"' EXIT
  hyperfine --style none --warmup 3 --runs "$runs" --export-json "$json" \
    "$(printf '%q assess --file %q' "$eb" "$file")" >/dev/null
  median=$(jq -r '.results[0].median * 1000 | . * 1000 | round / 1000' "$json")
  echo "eb assess: median ${median} ms per process over $runs runs (hyperfine)"
  exit 0
fi

times=()
for ((i = 0; i < runs; i++)); do
  start=$(date +%s%N)
  "$eb" assess --file "$file" >/dev/null
  end=$(date +%s%N)
  times+=($((end - start)))
done
# The median of the sorted times in ns: the middle one, or the mean of the middle two.
mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -n)
mid=$((runs / 2))
if ((runs % 2 == 1)); then
  median_ns=${sorted[$mid]}
else
  median_ns=$(((sorted[mid - 1] + sorted[mid]) / 2))
fi
min_ns=${sorted[0]}
max_ns=${sorted[$((runs - 1))]}
ms() { printf '%d.%03d' $(($1 / 1000000)) $(($1 / 1000 % 1000)); }
echo "eb assess: median $(ms "$median_ns") ms per process over $runs runs (min $(ms "$min_ns"), max $(ms "$max_ns"); date +%s%N)"
