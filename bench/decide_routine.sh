#!/usr/bin/env bash
# decide_routine.sh — how long `eb decide --month M --bifall-routine` takes over N assessed
# applications (issue #4's closing figure).
#
# Generates N applications for 2026-11 (`eb demo generate`), takes them in with one
# `eb intake --file -`, assesses every one (`eb assess A-n`, BENCH_JOBS processes at a time;
# default 1, since concurrent `eb assess` processes can fail with "database is locked"),
# adds the user `bench` (gruppledare: at most 30 000 kr per household and month under the
# example delegation order), and then times, each as one eb process:
#     the routine run with --dry-run (reads and plans, writes nothing), and
#     the routine run itself (one transaction: every decision, its lines and audit entry).
# Prints:
#     setup: N applications taken in in X s, assessed in Y s
#     decide --bifall-routine --dry-run: N applications in X s
#     decide --bifall-routine: N applications in X s = Y decisions/s (D decided, M manual)
# and checks that the store holds D routine decisions. Not part of the test suite.
#
# Usage: bench/decide_routine.sh [N]        (default 10000)
#   EB=path/to/eb (default build/cli/eb; use an optimised build), EB_NORMS=norms folder
#   (default norms/), BENCH_JOBS=parallel assess processes (default 1),
#   BENCH_KEEP=1 keeps the work directory (its path is printed)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:-10000}
[[ $n =~ ^[1-9][0-9]*$ ]] || {
  echo "usage: $0 [N]" >&2
  exit 2
}
eb=${EB:-$root/build/cli/eb}
jobs=${BENCH_JOBS:-1}
export EB_NORMS=${EB_NORMS:-$root/norms}
unset EB_DELEGATION
[[ -x $eb ]] || {
  echo "$0: no eb binary at $eb (build it: ninja -C build eb, or set EB=…)" >&2
  exit 2
}
for tool in sqlite3 jq xargs; do
  command -v "$tool" >/dev/null || {
    echo "$0: needs $tool" >&2
    exit 2
  }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/eb-bench.XXXXXX")
if [[ ${BENCH_KEEP:-0} == 1 ]]; then
  echo "work directory: $work" >&2
else
  trap 'rm -rf -- "$work"' EXIT
fi
export EB_DB=$work/bench.db
today=2026-11-30
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
die() {
  echo "$0: $1" >&2
  [[ -s $work/err ]] && head -n 5 "$work/err" >&2
  exit 1
}

"$eb" demo generate --households "$n" --months 1 --first-month 2026-11 --seed 1 --format jsonl -o "$work/gen" \
  >/dev/null 2>"$work/err" || die "eb demo generate failed"
mv "$work/gen/applications.jsonl" "$work/applications.jsonl"

t0=$(now)
"$eb" --today "$today" intake --file - <"$work/applications.jsonl" >/dev/null 2>"$work/err" || die "eb intake failed"
t1=$(now)
seq 1 "$n" | xargs -P "$jobs" -I{} "$eb" --today "$today" assess A-{} >/dev/null 2>"$work/err" ||
  die "eb assess failed"
t2=$(now)
assessed=$(sqlite3 -readonly "$EB_DB" 'SELECT count(DISTINCT application_id) FROM assessment')
[[ $assessed == "$n" ]] || die "expected $n assessed applications, found $assessed"
echo "setup: $n applications taken in in $(seconds "$t0" "$t1") s, assessed in $(seconds "$t1" "$t2") s"

"$eb" users add bench --role gruppledare --full-name "Bench Mark" >/dev/null 2>"$work/err" || die "eb users add failed"

t0=$(now)
"$eb" --today "$today" decide --month 2026-11 --bifall-routine --by bench --dry-run --json >"$work/dry.json" \
  2>"$work/err" || die "eb decide --dry-run failed"
t1=$(now)
echo "decide --bifall-routine --dry-run: $n applications in $(seconds "$t0" "$t1") s"

t0=$(now)
"$eb" --today "$today" decide --month 2026-11 --bifall-routine --by bench --json >"$work/run.json" 2>"$work/err" ||
  die "eb decide --bifall-routine failed"
t1=$(now)
decided=$(jq '.decided | length' "$work/run.json")
manual=$(jq '.manual | length' "$work/run.json")
stored=$(sqlite3 -readonly "$EB_DB" 'SELECT count(*) FROM decision WHERE routine = 1')
[[ $stored == "$decided" ]] || die "the run reports $decided decisions, the store holds $stored"
[[ $(jq '.decided | length' "$work/dry.json") == "$decided" ]] || die "the dry run planned another number of decisions"
awk -v n="$n" -v a="$t0" -v b="$t1" -v d="$decided" -v m="$manual" 'BEGIN {
  s = b - a
  printf "decide --bifall-routine: %d applications in %.2f s = %.0f decisions/s (%d decided, %d manual)\n", n, s, d / s, d, m
}'
