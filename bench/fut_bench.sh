#!/usr/bin/env bash
# fut_bench.sh — how long `eb fut-check run --period 2026` takes over a national year, as one
# whole process, and how much memory it needs.
#
# The store: a synthetic district (`eb demo generate`, HOUSEHOLDS households a month for MONTHS
# months from 2026-01, a few planted errors) taken through the real path month by month — `eb
# intake --file -`, `eb assess --month`, `eb decide --month --bifall-routine`, `eb pay batch`,
# `export` and `confirm` — then its income register, with each row split into two or three
# payments of the same total (so the register reaches ROWS rows without adding findings), and
# its population register imported with `eb fut-check import`. The sealed store takes no rows
# written by any other program, so this is the only way to build it; it takes long, so it is
# built once and kept under $FUT_BENCH_DIR (default ~/.cache/eb/fut-bench), in a folder named by
# its parameters, with its own audit key, and reused by later runs.
#
# Then: one first run (it stores the flags it finds, so it is timed on its own), and RUNS more
# (which find the same evidence and write nothing), each timed with /usr/bin/time -v as a whole
# process: wall time, CPU time (user + sys: steadier than wall time on a busy machine) and peak
# resident memory. Prints the median of the RUNS. Never part of the test suite.
#
# Measured 2026-12-01 (Release build-rel, load 16-19 on the 2 shared cores, so wall time is mostly
# waiting for a core; CPU time is the figure to compare):
#   bench/fut_bench.sh 8334 12 200000 3  (99 833 paid household-months, 200 000 register rows):
#     median 7.17 s wall, 0.49 s CPU, peak 136 MB; 70 findings.
#   build-rel/bench/eb_fut_rules_bench 1000000 2000000 1  (the seven rules in process, no store):
#     1.17 s CPU (15.0 s wall at that load), peak 922 MB with the generated input; recall and
#     precision 100 % (1000 planted errors).
#   The full store (default arguments) was not built to the end: at that load it needs hours.
#
# Usage: bench/fut_bench.sh [HOUSEHOLDS [MONTHS [ROWS [RUNS]]]]   (default 83334 12 2000000 5:
#        1 000 008 paid household-months, 2 000 000 register rows). Start small: 8334 12 200000.
#   EB=path/to/eb (default build-rel/cli/eb: use a Release build), EB_NORMS=norms folder
#   FUT_BENCH_DIR=where stores are kept; FUT_BENCH_SEED (1); FUT_BENCH_PLANT (0.01%)
#   Building the national store takes hours on two cores: run it in the background with nice.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
households=${1:-83334}
months=${2:-12}
rows=${3:-2000000}
runs=${4:-5}
seed=${FUT_BENCH_SEED:-1}
plant=${FUT_BENCH_PLANT:-0.01%}
for v in "$households" "$months" "$rows" "$runs"; do
  [[ $v =~ ^[1-9][0-9]*$ ]] || {
    echo "usage: $0 [HOUSEHOLDS [MONTHS [ROWS [RUNS]]]]" >&2
    exit 2
  }
done
eb=${EB:-$root/build-rel/cli/eb}
eb=$(cd "$(dirname "$eb")" && pwd)/$(basename "$eb")
export EB_NORMS=${EB_NORMS:-$root/norms}
unset EB_PAYER EB_DELEGATION EB_AUDIT_KEY
[[ -x $eb ]] || {
  echo "$0: no eb binary at $eb (build one: cmake -B build-rel -DCMAKE_BUILD_TYPE=Release; ninja -C build-rel eb)" >&2
  exit 2
}
for tool in jq sqlite3 awk /usr/bin/time; do
  command -v "$tool" >/dev/null || {
    echo "$0: needs $tool" >&2
    exit 2
  }
done

base=${FUT_BENCH_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/eb/fut-bench}
key="h$households-m$months-r$rows-s$seed-p${plant%\%}"
store=$base/$key
now_ns() { date +%s%N; }
seconds() { awk -v ns="$1" 'BEGIN { printf "%.1f", ns / 1e9 }'; }
month_of() { date -d "2026-01-01 +$1 month" +%Y-%m; }

# ---- the store, built once --------------------------------------------------------------------
build_store() {
  local work=$store.building
  rm -rf -- "$work"
  mkdir -p -- "$work"
  export EB_DB=$work/eb.db XDG_CONFIG_HOME=$work/config
  local t0
  t0=$(now_ns)
  echo "building the store $key in $work ..."
  "$eb" demo generate --households "$households" --months "$months" --first-month 2026-01 --seed "$seed" \
    --plant-errors "$plant" --format jsonl -o "$work/gen" >"$work/generate.txt"
  cat "$work/generate.txt"
  "$eb" users add anna --role enhetschef --full-name "Anna Andersson" >/dev/null
  local t m
  for ((t = 0; t < months; t++)); do
    m=$(month_of "$t")
    # One month's lines: each begins {"month":"YYYY-MM".
    awk -v m="$m" 'substr($0, 11, 7) == m' "$work/gen/applications.jsonl" >"$work/apps.jsonl"
    "$eb" --today "$m-20" intake --file - <"$work/apps.jsonl" >/dev/null
    "$eb" --today "$m-20" assess --month "$m" >/dev/null
    "$eb" --today "$m-21" decide --month "$m" --bifall-routine --by anna >/dev/null 2>&1 || true
    "$eb" --today "$m-22" pay batch --date "$m-25" --month "$m" --json >"$work/batch.json" 2>/dev/null
    local b
    b=$(jq -r .batch_id "$work/batch.json")
    "$eb" --today "$m-22" pay export "$b" --format pain001 -o "$work/batch.xml" >/dev/null 2>&1
    "$eb" --today "$m-25" pay confirm "$b" >/dev/null
    echo "  $m: $(jq -r .payments "$work/batch.json") payments in $b ($(seconds $(($(now_ns) - t0))) s so far)"
  done
  rm -f -- "$work/apps.jsonl" "$work/batch.xml" "$work/batch.json"
  # The income register split to ROWS rows: row i becomes 1 + [i < ROWS-B] + [i < ROWS-2B]
  # payments (B rows in the file) whose amounts add up to the row's, on the same day.
  local data
  data=$(($(wc -l <"$work/gen/income-register.csv") - 1))
  awk -F, -v want="$rows" -v have="$data" '
    function ore(a,   p) { p = index(a, "."); return p ? substr(a, 1, p - 1) * 100 + substr(a "00", p + 1, 2) : a * 100 }
    function kr(o) { return sprintf("%d.%02d", int(o / 100), o % 100) }
    NR == 1 { print; next }
    {
      i = NR - 2; k = 1 + (i < want - have) + (i < want - 2 * have); o = ore($5)
      if (o < 1000) k = 1
      if (k == 1) { print; next }
      if (k == 2) { a[1] = int(o * 2 / 5); a[2] = o - a[1] }
      else { a[1] = int(o / 5); a[2] = int(o * 2 / 5); a[3] = o - a[1] - a[2] }
      for (j = 1; j <= k; ++j) print $1 "," $2 "," $3 "," $4 "," kr(a[j]) "," $6
    }' "$work/gen/income-register.csv" >"$work/income-register.csv"
  "$eb" --today 2027-01-10 fut-check import --income "$work/income-register.csv"
  "$eb" --today 2027-01-10 fut-check import --population "$work/gen/population.csv"
  rm -f -- "$work/gen/applications.jsonl"
  sqlite3 "$EB_DB" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  echo "built in $(seconds $(($(now_ns) - t0))) s"
  mv -- "$work" "$store"
}

if [[ ! -e $store/eb.db ]]; then build_store; fi
export EB_DB=$store/eb.db XDG_CONFIG_HOME=$store/config
paid=$(sqlite3 -readonly "$EB_DB" "SELECT count(*) FROM (SELECT DISTINCT arende_id, month FROM payment)")
register=$(sqlite3 -readonly "$EB_DB" "SELECT count(*) FROM fut_income_row")
echo "store $store: $paid paid household-months, $register income-register rows," \
  "$(($(stat -c %s "$EB_DB") / 1000000)) MB"

# ---- the timed runs ---------------------------------------------------------------------------
last=$(month_of $((months - 1)))
period=2026
[[ $months -eq 12 ]] || period=2026-01..$last
work=$(mktemp -d "${TMPDIR:-/tmp}/eb-fut-bench.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
# timed N — one run; prints "wall cpu peak_kb exit"
timed() {
  local status=0
  /usr/bin/time -v -o "$work/time.$1" "$eb" --today 2027-01-15 fut-check run --period "$period" --json \
    >"$work/run.$1.json" || status=$?
  awk -v s="$status" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (i = 1; i <= n; ++i) w = w * 60 + p[i] }
    /User time/ { u = $2 } /System time/ { y = $2 } /Maximum resident/ { m = $2 }
    END { printf "%.2f %.2f %d %d\n", w, u + y, m, s }' "$work/time.$1"
}
read -r w c m s < <(timed 0)
flags=$(jq '.flags | length' "$work/run.0.json")
echo "first run: $flags findings, $(jq .new_flags "$work/run.0.json") new (exit $s): ${w} s wall, ${c} s CPU, peak $((m / 1024)) MB"
: >"$work/all"
for ((i = 1; i <= runs; i++)); do
  read -r w c m s < <(timed "$i")
  echo "run $i: ${w} s wall, ${c} s CPU, peak $((m / 1024)) MB (exit $s)"
  echo "$w $c $m" >>"$work/all"
done
sort -n -k1 "$work/all" | awk -v n="$runs" 'NR == int((n + 1) / 2) { w = $1 } END {}
  { a[NR] = $0 } END { split(a[int((n + 1) / 2)], x, " "); printf "median of %d runs: %s s wall", n, x[1] }'
sort -n -k2 "$work/all" | awk -v n="$runs" '{ a[NR] = $2 } END { printf ", %s s CPU", a[int((n + 1) / 2)] }'
sort -n -k3 "$work/all" | awk '{ m = $3 } END { printf ", peak memory %d MB\n", m / 1024 }'
echo "(eb fut-check run --period $period over $paid paid household-months and $register register rows; load $(cut -d' ' -f1-3 /proc/loadavg))"
