#!/usr/bin/env bash
# report_bench.sh — how long `eb report --period 2026` takes as a whole process, and its peak
# memory, over a store holding a year of HOUSEHOLD_MONTHS household-months (default: a large
# city year of 100 000 and a national year of 1 200 000).
#
# Each store is built once through eb itself, month by month of 2026, the whole real path (the
# sealed store takes no rows written by any other program):
#     eb demo generate --households N/12 --months 12 --year 2026 --format jsonl
#     eb intake --file -  (the month's lines)  ·  eb assess --month M
#     eb decide --month M --bifall-routine  ·  eb pay batch / export / confirm
# and kept in $BENCH_DIR (default ~/.cache/eb-bench), keyed by its parameters and the schema
# version, with its audit key beside it; a later run reuses it. Building the national year
# takes hours on a small machine: run it in the background (nice) and start small.
# Then `eb report --period 2026 --json` is run BENCH_RUNS times (default 5) and the median
# wall time and the largest peak resident memory (GNU time's maximum RSS) are printed, with
# the report's own count of household-months. Not part of the test suite.
#
# Usage: bench/report_bench.sh [HOUSEHOLD_MONTHS ...]     (default: 100000 1200000)
#   EB=path/to/eb (default build/cli/eb; use a Release build), EB_NORMS=norms folder
#   BENCH_DIR=folder for the stores, BENCH_RUNS=runs per store, BENCH_BUILD_ONLY=1 builds only
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
eb=${EB:-$root/build/cli/eb}
export EB_NORMS=${EB_NORMS:-$root/norms}
unset EB_DB EB_AUDIT_KEY EB_DELEGATION EB_PAYER EB_REPORT_CONFIG
bench_dir=${BENCH_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/eb-bench}
runs=${BENCH_RUNS:-5}
sizes=("$@")
((${#sizes[@]} > 0)) || sizes=(100000 1200000)
for n in "${sizes[@]}"; do
  [[ $n =~ ^[1-9][0-9]*$ && $n -ge 12 ]] || {
    echo "usage: $0 [HOUSEHOLD_MONTHS ...] (each at least 12)" >&2
    exit 2
  }
done
[[ -x $eb ]] || {
  echo "$0: no eb binary at $eb (set EB=...; a Release build)" >&2
  exit 2
}
for tool in jq awk /usr/bin/time; do
  command -v "$tool" >/dev/null || {
    echo "$0: needs $tool" >&2
    exit 2
  }
done
mkdir -p -- "$bench_dir"
chmod 700 -- "$bench_dir"

now_ns() { date +%s%N; }
seconds() { awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e9 }'; }

# The schema version of this eb: part of a store's key, so a new schema builds a new store.
schema=$(grep -o '{[0-9]*, "' "$root/lib/store/schema.cpp" | tail -n 1 | tr -dc '0-9')

# build_store DIR HOUSEHOLDS — the year 2026 of HOUSEHOLDS households a month, through eb.
build_store() {
  local dir=$1 households=$2 m month batch=0
  local work=$dir.work
  rm -rf -- "$work" "$dir"
  mkdir -p -- "$work"
  export XDG_CONFIG_HOME=$work/config EB_DB=$work/eb.db
  local t0
  t0=$(now_ns)
  "$eb" demo generate --households "$households" --months 12 --year 2026 --seed 1 --format jsonl -o "$work/gen" \
    >/dev/null
  "$eb" --today 2025-12-01 users add anna --role enhetschef --full-name "Anna Andersson" >/dev/null
  for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
    month=2026-$m
    awk -v key="\"month\":\"$month\"" 'index($0, key) == 2' "$work/gen/applications.jsonl" >"$work/month.jsonl"
    "$eb" --today "$month-14" intake --file - <"$work/month.jsonl" >/dev/null
    "$eb" --today "$month-14" assess --month "$month" >/dev/null
    "$eb" --today "$month-15" decide --month "$month" --bifall-routine --by anna >/dev/null 2>&1 || true
    "$eb" --today "$month-20" pay batch --date "$month-25" --month "$month" >/dev/null 2>&1
    batch=$((batch + 1))
    "$eb" --today "$month-20" pay export "B-$batch" --format pain001 -o "$work/batch.xml" >/dev/null 2>&1
    rm -f -- "$work/batch.xml"
    "$eb" --today "$month-21" pay confirm "B-$batch" >/dev/null
    echo "  $month: $(wc -l <"$work/month.jsonl") applications taken in, assessed, decided and paid" \
      "($(seconds $(($(now_ns) - t0))) s so far)"
  done
  rm -rf -- "$work/gen" "$work/month.jsonl"
  mv -- "$work" "$dir"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

for n in "${sizes[@]}"; do
  households=$(((n + 11) / 12))
  dir=$bench_dir/report-2026-h$households-seed1-schema$schema
  if [[ ! -e $dir/eb.db ]]; then
    echo "building the store of $((households * 12)) household-months ($households households a month) in $dir ..."
    build_store "$dir" "$households"
  else
    echo "reusing the store in $dir"
  fi
  export XDG_CONFIG_HOME=$dir/config EB_DB=$dir/eb.db
  [[ ${BENCH_BUILD_ONLY:-0} == 1 ]] && continue
  "$eb" --today 2027-01-20 report --period 2026 --json >"$dir/report.json" 2>/dev/null  # warm the page cache
  times=()
  peak=0
  for ((i = 0; i < runs; i++)); do
    t0=$(now_ns)
    /usr/bin/time -f '%M' -o "$dir/time.txt" "$eb" --today 2027-01-20 report --period 2026 --json >"$dir/report.json" \
      2>/dev/null
    times+=("$(($(now_ns) - t0))")
    rss=$(tail -n 1 "$dir/time.txt")
    ((rss > peak)) && peak=$rss
  done
  med=$(printf '%s\n' "${times[@]}" | median)
  echo "eb report --period 2026 over $(jq .households.household_months "$dir/report.json") household-months with" \
    "bistånd ($((households * 12)) applications, $(jq .households.distinct "$dir/report.json") households," \
    "store $(($(stat -c %s "$dir/eb.db") / 1000000)) MB):" \
    "median $(seconds "${med%.*}") s of $runs runs (min $(seconds "$(printf '%s\n' "${times[@]}" | sort -n | head -n 1)") s)," \
    "peak memory $((peak / 1024)) MB"
done
