#!/usr/bin/env bash
# eb pay under faults: `pay batch` run twice, two `pay batch` processes at once, and a
# `pay batch` (and a `pay export`) killed with SIGKILL in the middle of a large batch. In every
# case each decided amount is paid at most once, and a re-run pays what is missing: the store
# is checked with sqlite3 against the decisions, and every pain.001 file against the schema.
#
# The fixture: applications from `eb demo generate` (named applicants, most with a bank account,
# the rest paid by avi) taken in by `eb intake`, assessed by `eb assess --month` and decided by
# the routine run: every row is eb's own (the sealed store refuses rows written by any other
# program).
#
# Usage: bash tests/e2e/pay_faults.sh      (EB=path/to/eb, EB_ROOT=repository root)
#   FAULTS_PAY_N=N  applications in the fixture (default 4000)
set -u
set -o pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

xsd=$EB_ROOT/data/schemas/pain.001.001.03.xsd
export EB_NORMS=${EB_NORMS:-$EB_ROOT/norms}
unset EB_PAYER
n=${FAULTS_PAY_N:-4000}

setup_tmp
require_eb

sql() { sqlite3 -readonly "$EB_DB" "$1"; }

# ---- the fixture ---------------------------------------------------------------------
test_case "fixture: $n decided applications"
export EB_DB=$tmp/fixture.db
"$EB" demo generate --households "$n" --months 1 --first-month 2026-11 --seed 1 --format jsonl -o "$tmp/gen" >/dev/null
cp "$tmp/gen/applications.jsonl" "$tmp/apps.jsonl"
run_eb_stdin "$tmp/apps.jsonl" --today 2026-11-15 intake --file -
expect_exit 0
run_eb users add anna --role enhetschef --full-name "Anna Andersson"
expect_exit 0
run_eb --today 2026-11-18 assess --month 2026-11
expect_exit 0
run_eb --today 2026-11-20 decide --month 2026-11 --bifall-routine --by anna
expect_exit 0
sqlite3 "$EB_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
# The routine run decides what needs no judgement; the rest (nothing to pay) is left out.
n=$(sql "SELECT count(*) FROM current_decision")
decided_ore=$(sql "SELECT sum(granted_ore) FROM current_decision")
expect_eq "$((n > ${FAULTS_PAY_N:-4000} * 9 / 10))" 1 "most applications decided ($n)"
fixture=$EB_DB

# fresh NAME — a copy of the fixture as $EB_DB.
fresh() {
  export EB_DB=$tmp/$1.db
  cp "$fixture" "$EB_DB"
}

# expect_paid_once [complete] — no application has more live payments than its current
# decision grants; with "complete", every decided krona is paid.
expect_paid_once() {
  expect_eq "$(sql "SELECT count(*) FROM (SELECT application_id, sum(amount_ore) AS s FROM payment
    WHERE cancelled = 0 GROUP BY application_id) p JOIN current_decision d USING (application_id)
    WHERE p.s > d.granted_ore")" 0 "applications paid more than decided"
  expect_eq "$(sql "SELECT count(*) FROM (SELECT decision_id FROM payment WHERE cancelled = 0
    GROUP BY decision_id HAVING count(*) > 1)")" 0 "decisions with two payments"
  if [[ ${1:-} == complete ]]; then
    expect_eq "$(sql "SELECT coalesce(sum(amount_ore), 0) FROM payment WHERE cancelled = 0")" "$decided_ore" \
      "total paid = total decided"
    expect_eq "$(sql "SELECT count(*) FROM payment WHERE cancelled = 0")" "$n" "payments"
  fi
}

# expect_valid_pain001 FILE
expect_valid_pain001() {
  if ! command -v xmllint >/dev/null; then
    printf 'note: xmllint is not installed (libxml2-utils): %s not validated\n' "$1"
    pass
  elif xmllint --noout --schema "$xsd" "$1" 2>"$tmp/xmllint.err"; then
    pass
  else
    fail "schema validation of $1" "valid against pain.001.001.03.xsd" "$(head -n 3 "$tmp/xmllint.err")"
  fi
}

# ---- batch run twice ------------------------------------------------------------------
test_case "batch run twice"
fresh twice
run_eb --today 2026-11-20 pay batch --date 2026-11-25 --json
expect_exit 0
expect_json .payments "$n"
expect_json .total_ore "$decided_ore"
db_snapshot twice
run_eb --today 2026-11-20 pay batch --date 2026-11-25 --json
expect_exit 0
expect_json .batch_id null
expect_json .payments 0
expect_db_unchanged twice
expect_paid_once complete
run_eb pay export B-1 --format pain001 -o "$tmp/twice.xml"
expect_exit 0
expect_valid_pain001 "$tmp/twice.xml"
expect_eq "$(grep -c '<CdtTrfTxInf>' "$tmp/twice.xml")" "$n" "credit transfers in the file"

# ---- two processes at once ----------------------------------------------------------------
for rep in 1 2; do
  test_case "two batch processes at once ($rep)"
  fresh "concurrent$rep"
  start_eb one /dev/null --today 2026-11-20 pay batch --date 2026-11-25 --json
  start_eb two /dev/null --today 2026-11-20 pay batch --date 2026-11-25 --json
  wait_eb one
  expect_exit 0
  cp "$tmp/out" "$tmp/one.json"
  wait_eb two
  expect_exit 0
  expect_eq "$(jq -s '[.[].payments] | add' "$tmp/one.json" "$tmp/out")" "$n" "payments made by the two processes"
  expect_eq "$(jq -s -c '[.[].payments] | sort' "$tmp/one.json" "$tmp/out")" "[0,$n]" \
    "one process paid everything, the other nothing"
  expect_eq "$(sql "SELECT count(*) FROM batch")" 1 "batches"
  expect_paid_once complete
  run_eb db check
  expect_exit 0
done

# ---- SIGKILL in the middle of a batch ------------------------------------------------------
# How long an uninterrupted batch takes here, to aim the kills inside it.
fresh timing
start=$(date +%s%N)
run_eb --today 2026-11-20 pay batch --date 2026-11-25
took_ms=$((($(date +%s%N) - start) / 1000000))
printf 'pay batch of %d payments: %d ms\n' "$n" "$took_ms"

for rep in 1 2 3; do
  # Kill at 20-40 %, 45-65 % and 70-90 % of the uninterrupted run.
  delay_ms=$((took_ms * (20 + (rep - 1) * 25 + RANDOM % 20) / 100))
  delay=$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))
  test_case "SIGKILL $rep: pay batch killed after $delay s"
  fresh "kill$rep"
  start_eb big /dev/null --today 2026-11-20 pay batch --date 2026-11-25
  sleep "$delay"
  kill_eb big KILL
  wait_eb big
  if [[ $status == 137 ]]; then
    pass
  elif [[ $status == 0 ]]; then
    printf 'note: SIGKILL %d: pay batch had already finished after %s s; nothing to interrupt\n' "$rep" "$delay"
    pass
  else
    fail "killed pay batch" "exit 137 (SIGKILL) or 0 (finished first)" "exit $status"
  fi
  run_eb db check
  expect_exit 0
  paid=$(sql "SELECT count(*) FROM payment")
  batches=$(sql "SELECT count(*) FROM batch")
  if [[ ($paid == 0 && $batches == 0) || ($paid == "$n" && $batches == 1) ]]; then
    pass
    printf 'SIGKILL %d after %s s: %s payments in %s batches\n' "$rep" "$delay" "$paid" "$batches"
  else
    fail "all or nothing" "0 payments in 0 batches, or $n in 1" "$paid payments in $batches batches"
  fi
  expect_paid_once
  # The re-run pays what is missing, and only that.
  run_eb --today 2026-11-20 pay batch --date 2026-11-25 --json
  expect_exit 0
  expect_json .payments $((n - paid))
  expect_paid_once complete
  last=$(sql "SELECT max(id) FROM batch")
  run_eb pay export "B-$last" --format pain001 -o "$tmp/kill$rep.xml"
  expect_exit 0
  expect_valid_pain001 "$tmp/kill$rep.xml"
done

# ---- SIGKILL during an export ----------------------------------------------------------
test_case "SIGKILL during export: the batch is exported or not, and a re-export writes the file"
fresh export
run_eb --today 2026-11-20 pay batch --date 2026-11-25
expect_exit 0
start=$(date +%s%N)
run_eb pay export B-1 --format pain001 -o "$tmp/clean.xml"
export_ms=$((($(date +%s%N) - start) / 1000000))
fresh export2
run_eb --today 2026-11-20 pay batch --date 2026-11-25
delay_ms=$((export_ms * (30 + RANDOM % 50) / 100))
start_eb exp /dev/null pay export B-1 --format pain001 -o "$tmp/killed.xml"
sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
kill_eb exp KILL
wait_eb exp
status_after=$(sql "SELECT status FROM batch WHERE id = 1")
printf 'export killed after %d ms: batch %s, file %s\n' "$delay_ms" "$status_after" \
  "$([[ -e $tmp/killed.xml ]] && echo written || echo absent)"
if [[ $status_after == created || $status_after == exported ]]; then pass; else
  fail "batch status after a killed export" "created or exported" "$status_after"
fi
if [[ -e $tmp/killed.xml ]]; then
  # A file that exists is whole: it was renamed into place after it was written.
  expect_valid_pain001 "$tmp/killed.xml"
fi
run_eb pay export B-1 --format pain001 -o "$tmp/killed.xml"
expect_exit 0
expect_valid_pain001 "$tmp/killed.xml"
expect_eq "$(sha256sum <"$tmp/killed.xml" | cut -d' ' -f1)" \
  "$(sql "SELECT sha256 FROM batch_export WHERE batch_id = 1 AND format = 'pain001'")" "file = recorded sha256"
expect_paid_once complete
# The killed run's temporary file (a complete payment file, if it got that far) is gone.
expect_eq "$(find "$tmp" -maxdepth 1 -name '.killed.xml.*' | wc -l)" 0 "temporary files left by the killed export"

finish
