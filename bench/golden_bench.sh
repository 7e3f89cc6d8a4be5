#!/usr/bin/env bash
# golden_bench.sh — what `eb test` (issue 17) costs and shows, as a norm developer runs it.
#
# Prints, each wall time the best of BENCH_RUNS (default 3):
#   1. eb test over the project's golden cases (tests/fixtures/cases): cases, time, peak memory
#   2. a one-band edit of norms/riksnorm/2027.toml (band 6–9 år + 100 kr) in a copy of the norms
#      folder: the cases that fail (exactly those whose household has a child in that band)
#   3. N cases from `eb demo generate` (one month, 2026-11): --update once, then eb test, then
#      under a candidate 2026 norm with band 7–10 år + 100 kr (how many cases fail)
#   4. eb test --reform on a store of the same N households (intake + assess through eb): two
#      budgets, one inside and one outside its tolerance; the store's bytes before and after
#
# Usage: bench/golden_bench.sh [N]        (default 505, the demo district's size)
#   EB=path/to/eb (default build-dev/cli/eb), EB_NORMS (default norms/), BENCH_RUNS.
# Not part of the test suite.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:-505}
[[ $n =~ ^[1-9][0-9]*$ ]] || {
  echo "usage: $0 [N]" >&2
  exit 2
}
eb=${EB:-$root/build-dev/cli/eb}
export EB_NORMS=${EB_NORMS:-$root/norms}
runs=${BENCH_RUNS:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME=$tmp EB_DB=$tmp/eb.db
cd "$tmp"

# best TIMEFILE CMD… — runs CMD $runs times (its exit status ignored), prints "S s, M KB" of the best.
best() {
  local out=$1 t
  shift
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f '%e %M' -o t.txt "$@" >"$out" 2>/dev/null || true
    tail -1 t.txt
  done | sort -n | head -1 | awk '{printf "%s s, %s KB peak", $1, $2}'
}

cases=$root/tests/fixtures/cases
echo "1. eb test $cases: $(best out.txt "$eb" test "$cases"); $(tail -1 out.txt)"

cp -r "$EB_NORMS" norms-edit
sed -i '0,/^amount = 3130$/s//amount = 3230/' norms-edit/riksnorm/2027.toml
EB_NORMS=$tmp/norms-edit "$eb" test "$cases" >edit.txt 2>/dev/null || true
echo "2. riksnorm/2027.toml band 6–9 år 3 130 → 3 230 kr: $(tail -1 edit.txt); failing: $(grep '^FAIL' edit.txt | cut -c7- | tr '\n' ' ')"

"$eb" demo generate --households "$n" --first-month 2026-11 --months 1 -o district >/dev/null
cp -r district/applications/2026-11 big
/usr/bin/time -f '%e' -o t.txt "$eb" test big --update >/dev/null 2>&1
echo "3. $n demo households as cases: --update $(cat t.txt) s (every file written); eb test $(best out.txt "$eb" test big); $(tail -1 out.txt)"
sed '0,/^amount = 3820$/s//amount = 3920/' "$EB_NORMS/riksnorm/2026.toml" >band.toml
"$eb" test big --norms-file band.toml >out.txt 2>/dev/null || true
echo "   under band.toml (band 7–10 år + 100 kr): $(tail -1 out.txt)"

"$eb" intake district/applications/2026-11 --today 2026-11-20 >/dev/null
"$eb" assess --month 2026-11 --today 2026-11-20 >/dev/null 2>&1
a=$("$eb" simulate --month 2026-11 --as-of 2027-11 --json 2>/dev/null | jq .totals.difference_ore)
b=$("$eb" simulate --month 2026-11 --norms-file band.toml --json 2>/dev/null | jq .totals.difference_ore)
cat >reforms.toml <<EOF
[[reform]]
name = "2027 model"
month = "2026-11"
as_of = "2027-11"
expected_change_ore = $((a - 20000))
tolerance_ore = 50000

[[reform]]
name = "band 7-10 plus 100"
month = "2026-11"
norms_file = "band.toml"
expected_change_ore = $((b + 100000))
tolerance_ore = 50000
EOF
sum=$(sha256sum eb.db)
echo "4. eb test --reform (2 budgets on $n stored households): $(best out.txt "$eb" test --reform reforms.toml); $(tail -1 out.txt)"
sed -n '/^FAIL/,/^    change/p' out.txt | sed 's/^/   /'
if [[ $(sha256sum eb.db) == "$sum" ]]; then echo "   the store's bytes are unchanged"; else echo "   THE STORE CHANGED"; fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
