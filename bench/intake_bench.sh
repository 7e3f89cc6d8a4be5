#!/usr/bin/env bash
# intake_bench.sh — how fast `eb intake` stores applications, and how large the store gets.
#
# Generates N applications for 2026-11 as JSON lines (`eb demo generate --format jsonl`: a
# synthetic district of N households), stores them all with one `eb intake --file -` (one
# process, one transaction) into a fresh database file, and prints:
#     intake: N applications in X s = Y applications/s
#     database size: Z MB per 100000 applications
# The size is measured after `PRAGMA wal_checkpoint(TRUNCATE)`, so the WAL is in the file;
# MB = 10^6 bytes. Not part of the test suite.
#
# Usage: bench/intake_bench.sh [N]        (default 100000)
#   EB=path/to/eb (default build/cli/eb), EB_NORMS=norms folder (default norms/)
#   BENCH_KEEP=1 keeps the work directory (its path is printed)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:-100000}
[[ $n =~ ^[1-9][0-9]*$ ]] || {
  echo "usage: $0 [N]" >&2
  exit 2
}
eb=${EB:-$root/build/cli/eb}
export EB_NORMS=${EB_NORMS:-$root/norms}
[[ -x $eb ]] || {
  echo "$0: no eb binary at $eb (build it: ninja -C build eb, or set EB=…)" >&2
  exit 2
}
command -v sqlite3 >/dev/null || {
  echo "$0: needs sqlite3" >&2
  exit 2
}

work=$(mktemp -d "${TMPDIR:-/tmp}/eb-bench.XXXXXX")
if [[ ${BENCH_KEEP:-0} == 1 ]]; then
  echo "work directory: $work" >&2
else
  trap 'rm -rf -- "$work"' EXIT
fi
db=$work/bench.db

"$eb" demo generate --households "$n" --months 1 --first-month 2026-11 --seed 1 --format jsonl -o "$work/gen" \
  >/dev/null

start=$(date +%s.%N)
if ! "$eb" --db "$db" --today 2026-11-30 intake --file - <"$work/gen/applications.jsonl" >"$work/out" 2>"$work/err"; then
  echo "$0: eb intake failed:" >&2
  head -n 5 "$work/err" >&2
  exit 1
fi
end=$(date +%s.%N)

stored=$(sqlite3 -readonly "$db" 'SELECT count(*) FROM application')
if [[ $stored != "$n" ]]; then
  echo "$0: expected $n applications in the store, found $stored" >&2
  exit 1
fi

sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
bytes=$(stat -c %s "$db")

awk -v n="$n" -v start="$start" -v end="$end" -v bytes="$bytes" 'BEGIN {
  s = end - start
  printf "intake: %d applications in %.2f s = %.0f applications/s\n", n, s, n / s
  printf "database size: %.1f MB per 100000 applications (%d bytes for %d)\n", bytes / 1e6 * 100000 / n, bytes, n
}'
