#!/usr/bin/env bash
# pay_bench.sh — how long `eb pay batch` takes to create a batch of N payments, how long
# `eb pay export --format pain001` takes to write it, and how large the XML file is.
#
# Builds N decided applications in a fresh store: N synthetic applications (`eb demo generate`:
# named applicants, most with a bank account, the rest paid by avi) taken in with one
# `eb intake --file -`, assessed by `eb assess --month M` and decided by
# `eb decide --month M --bifall-routine` (the whole real path; the sealed store takes no rows
# written by any other program).
# Then times, each as one process:
#     eb pay batch --date D            (one transaction: every payment, with the schema's checks)
#     eb pay export B-1 --format pain001 -o FILE
# and prints both times and the file's size, and validates the file with xmllint.
# Not part of the test suite.
#
# Usage: bench/pay_bench.sh [N]        (default 100000)
#   EB=path/to/eb (default build/cli/eb; use a Release build), EB_NORMS=norms folder
#   BENCH_KEEP=1 keeps the work directory (its path is printed)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:-100000}
[[ $n =~ ^[0-9]+$ && $n -gt 0 ]] || {
  echo "usage: $0 [N]" >&2
  exit 2
}
eb=${EB:-$root/build/cli/eb}
export EB_NORMS=${EB_NORMS:-$root/norms}
unset EB_PAYER
month=2026-11
for tool in jq sqlite3 xmllint; do
  command -v "$tool" >/dev/null || {
    echo "$0: needs $tool" >&2
    exit 2
  }
done
[[ -x $eb ]] || {
  echo "$0: no eb binary at $eb (set EB=...)" >&2
  exit 2
}

work=$(mktemp -d "${TMPDIR:-/tmp}/eb-pay-bench.XXXXXX")
if [[ ${BENCH_KEEP:-0} == 1 ]]; then
  echo "work directory: $work"
else
  trap 'rm -rf -- "$work"' EXIT
fi
export EB_DB=$work/eb.db

now_ns() { date +%s%N; }
# seconds ELAPSED_NS — "12.34"
seconds() { awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e9 }'; }

echo "preparing $n decided applications ..."
t0=$(now_ns)
"$eb" demo generate --households "$n" --months 1 --first-month "$month" --seed 1 --format jsonl -o "$work/gen" \
  >/dev/null
mv "$work/gen/applications.jsonl" "$work/apps.jsonl"
"$eb" --today 2026-11-15 intake --file - <"$work/apps.jsonl" >/dev/null
"$eb" users add anna --role enhetschef --full-name "Anna Andersson" >/dev/null
"$eb" --today 2026-11-18 assess --month "$month" >/dev/null
"$eb" --today 2026-11-20 decide --month "$month" --bifall-routine --by anna >/dev/null 2>&1 || true
sqlite3 "$EB_DB" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
decided=$(sqlite3 "$EB_DB" "SELECT count(*) FROM current_decision WHERE granted_ore > 0")
echo "prepared $decided decided applications in $(seconds $(($(now_ns) - t0))) s"

t0=$(now_ns)
"$eb" --today 2026-11-20 pay batch --date 2026-11-25 --json >"$work/batch.json"
batch_ns=$(($(now_ns) - t0))
payments=$(jq .payments "$work/batch.json")
total=$(jq .total_ore "$work/batch.json")
echo "pay batch: $payments payments, $(printf "%'d" $((total / 100)) 2>/dev/null || echo $((total / 100))) kr, created in $(seconds "$batch_ns") s" \
  "($(awk -v n="$payments" -v ns="$batch_ns" 'BEGIN { printf "%.0f", n / (ns / 1e9) }') payments/s)"

t0=$(now_ns)
"$eb" pay export B-1 --format pain001 -o "$work/B-1.xml" >/dev/null 2>"$work/export.err"
export_ns=$(($(now_ns) - t0))
bytes=$(stat -c %s "$work/B-1.xml")
echo "pay export --format pain001: $(seconds "$export_ns") s; file $bytes bytes" \
  "($(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB, $((bytes / payments)) bytes per payment)"

t0=$(now_ns)
if xmllint --noout --huge --schema "$root/data/schemas/pain.001.001.03.xsd" "$work/B-1.xml" 2>"$work/xmllint.err"; then
  echo "xmllint: the file validates against pain.001.001.03.xsd ($(seconds $(($(now_ns) - t0))) s)"
else
  echo "xmllint: INVALID" >&2
  head -n 5 "$work/xmllint.err" >&2
  exit 1
fi
