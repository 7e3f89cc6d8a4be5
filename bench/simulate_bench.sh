#!/usr/bin/env bash
# simulate_bench.sh — how fast `eb simulate` goes over N stored household-months, next to the
# time sqlite3 needs just to read the same rows.
#
# The store: N applications for one month (2026-11) from `eb demo generate` (a synthetic
# district of N households: mostly single adults, some families, rents and other costs, the
# incomes of the unemployed, the sick and families), taken in by one `eb intake --file -`, so
# the rows are exactly what intake stores.
# It is built once and cached as $BENCH_DATA/simulate-N.db (intake of a million takes minutes).
#
# Then, each BENCH_RUNS times (default 3), best time kept:
#   sqlite3 print   sqlite3 runs the queries eb's scan runs (applications, members with person,
#                   costs, incomes with person, latest assessments; the same columns, the same
#                   plan) and prints every row to /dev/null
#   sqlite3 read    the same rows, only counted and their columns' lengths summed (no printing)
#   eb simulate     eb simulate --month 2026-11 --as-of 2027-01 (text report to /dev/null):
#                   read, assess every household twice, report (on as many threads as CPUs)
#   eb simulate --threads 1   the same on one thread
#   eb simulate --json  the same with every household in the output
# and prints one line per measurement: wall and CPU (user + system) seconds and households per
# second; then the ratios, the peak memory of eb, and the load average (other work on the
# machine inflates wall times; the CPU times are steadier).
#
# Usage: bench/simulate_bench.sh [N]        (default 1000000)
#   EB=path/to/eb       default build-sim-rel/cli/eb (a Release build: cmake -DCMAKE_BUILD_TYPE=Release)
#   EB_NORMS            norms folder, default norms/ (must have a riksnorm for 2027-01, or set
#   SIM_NORMS_FILE      a norm file for 2027 passed as --norms-file)
#   BENCH_DATA          where the store is cached, default the eb binary's build folder/bench-data
#   BENCH_RUNS          runs per measurement, default 3
# Not part of the test suite.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:-1000000}
[[ $n =~ ^[1-9][0-9]*$ ]] || {
  echo "usage: $0 [N]" >&2
  exit 2
}
eb=${EB:-$root/build-sim-rel/cli/eb}
export EB_NORMS=${EB_NORMS:-$root/norms}
runs=${BENCH_RUNS:-3}
month=2026-11
as_of=2027-01
[[ -x $eb ]] || {
  echo "$0: no eb binary at $eb (build it: cmake -S . -B build-sim-rel -G Ninja -DCMAKE_BUILD_TYPE=Release" \
    "&& ninja -C build-sim-rel eb, or set EB=…)" >&2
  exit 2
}
command -v sqlite3 >/dev/null || {
  echo "$0: needs sqlite3" >&2
  exit 2
}
eb=$(cd "$(dirname "$eb")" && pwd)/$(basename "$eb")
data=${BENCH_DATA:-$(dirname "$(dirname "$eb")")/bench-data}
mkdir -p "$data"
db=$data/simulate-$n.db
norms_args=()
if [[ -n ${SIM_NORMS_FILE:-} ]]; then norms_args=(--norms-file "$SIM_NORMS_FILE"); fi

# ---- the store, built once ----------------------------------------------------------
if [[ ! -s $db ]]; then
  echo "building $db: $n applications through eb intake (cached for the next run) …" >&2
  tmp=$db.building
  rm -f -- "$tmp" "$tmp-wal" "$tmp-shm"
  gen=$(mktemp -d "${TMPDIR:-/tmp}/eb-sim-gen.XXXXXX")
  "$eb" demo generate --households "$n" --months 1 --first-month "$month" --seed 1 --format jsonl -o "$gen/d" \
    >/dev/null
  start=$(date +%s.%N)
  "$eb" --db "$tmp" --today 2026-11-20 intake --file - <"$gen/d/applications.jsonl" >/dev/null
  rm -rf -- "$gen"
  end=$(date +%s.%N)
  sqlite3 "$tmp" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
  mv -- "$tmp" "$db"
  rm -f -- "$tmp-wal" "$tmp-shm"
  awk -v n="$n" -v s="$start" -v e="$end" 'BEGIN { printf "intake: %d applications in %.1f s\n", n, e - s }' >&2
fi
# A store cached by an older eb: bring its schema up to this eb's (a no-op when it is current).
"$eb" --db "$db" db migrate >/dev/null
sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
stored=$(sqlite3 -readonly "$db" "SELECT count(*) FROM application WHERE month = '$month'")
[[ $stored == "$n" ]] || {
  echo "$0: $db has $stored applications for $month, expected $n (remove it to rebuild)" >&2
  exit 1
}
rows=$(sqlite3 -readonly "$db" "SELECT (SELECT count(*) FROM member) || ' members, ' ||
  (SELECT count(*) FROM cost) || ' costs, ' || (SELECT count(*) FROM income) || ' incomes'")

# The queries of lib/store/scan.cpp for the month (bench/scan_queries.sh).
# shellcheck source=bench/scan_queries.sh
source "$root/bench/scan_queries.sh"
scan_queries "$db" "$month"

# best LABEL CMD… — run CMD $runs times (output to /dev/null); print LABEL, then the wall, user
# and system seconds of the run with the best wall time.
best() {
  local label=$1 i t b="" TIMEFORMAT='%R %U %S'
  shift
  for ((i = 0; i < runs; i++)); do
    t=$({ time "$@" >/dev/null 2>"$data/bench.err"; } 2>&1) || {
      echo "$0: $label failed:" >&2
      head -n 5 "$data/bench.err" >&2
      exit 1
    }
    if [[ -z $b ]] || awk -v t="${t%% *}" -v b="${b%% *}" 'BEGIN { exit !(t < b) }'; then b=$t; fi
  done
  printf '%s\t%s\n' "$label" "$b"
}

sim=("$eb" --db "$db" simulate --month "$month" --as-of "$as_of" "${norms_args[@]}")
load=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown)
results=$(
  best "sqlite3 print" sqlite3 -readonly "$db" "$scan_sql"
  best "sqlite3 read" sqlite3 -readonly "$db" "$read_sql"
  best "eb simulate" "${sim[@]}"
  best "eb simulate --threads 1" "${sim[@]}" --threads 1
  best "eb simulate --json" "${sim[@]}" --json
)
# Peak memory of one text run (GNU time, if installed).
rss=""
if [[ -x /usr/bin/time ]]; then
  rss=$(/usr/bin/time -f '%M' "${sim[@]}" 2>&1 >/dev/null | tail -n 1)
fi

bytes=$(stat -c %s "$db")
echo "store: $n household-months ($month; $rows), $((bytes / 1000000)) MB, $db"
echo "eb: $eb; best of $runs runs, wall time; sqlite3 $(sqlite3 --version | cut -d ' ' -f 1) reads the $plan"
echo "load average before: $load"
awk -F '\t' -v n="$n" '
  {
    split($2, f, " ")
    l[NR] = $1; w[NR] = f[1]; c[NR] = f[2] + f[3]
    printf "%-26s %7.2f s wall %7.2f s cpu %9.0f households/s (wall)\n", $1, f[1], f[2] + f[3], n / f[1]
  }
  END {
    printf "eb simulate / sqlite3 print: %.1f (wall), %.1f (cpu)\n", w[3] / w[1], c[3] / c[1]
    printf "eb simulate / sqlite3 read:  %.1f (wall), %.1f (cpu)\n", w[3] / w[2], c[3] / c[2]
  }' <<<"$results"
if [[ -n $rss ]]; then echo "eb simulate peak memory: $((rss / 1024)) MB"; fi
