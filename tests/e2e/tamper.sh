#!/usr/bin/env bash
# A tampered store (issue "Hostile input and a tampered store"): edits made with the sqlite3 shell
# on a real case store, each on its own copy, as someone with the file but not the audit key
# would make them. Where the schema's triggers would stop the edit, they are dropped first and put
# back afterwards exactly as they were, so only the seals and the keyed chain can tell. `eb db
# check` must name every edit (table and id), exit non-zero, and pass the untouched store.
#
# Usage: bash tests/e2e/tamper.sh      (EB=path/to/eb, EB_ROOT=repository root)
set -u
set -o pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export EB_NORMS=${EB_NORMS:-$EB_ROOT/norms}
unset EB_DELEGATION EB_PAYER
setup_tmp
require_eb
sql() { sqlite3 -readonly "$EB_DB" "$1"; }

# ---- a store with every kind of row ---------------------------------------------------------
test_case "setup: intake, assessment, decisions, a paid and confirmed batch, a return, a claim and a repayment"
run_eb --today 2026-11-20 intake --file "$EB_ROOT/data/demo"
expect_exit 0
run_eb --today 2026-11-20 assess --month 2026-11
run_eb users add anna --role enhetschef --full-name "Anna Andersson"
run_eb --today 2026-11-20 decide --month 2026-11 --bifall-routine --by anna
expect_exit 0
run_eb --today 2026-11-20 pay batch --date 2026-11-25
expect_exit 0
run_eb pay export B-1 --format pain001 -o "$tmp/B-1.xml"
expect_exit 0
run_eb pay confirm B-1
run_eb pay return P-2 --reason "konto avslutat" --date 2026-11-27
expect_exit 0
run_eb --today 2026-12-01 decide A-1 --delbifall --reject rent:1000 --reason cost-not-reasonable --replaces D-1 \
  --by anna
expect_exit 0
run_eb --today 2026-12-02 pay batch --date 2026-12-04
expect_exit 0
run_eb --today 2026-12-03 pay repayment C-1 --amount 200
expect_exit 0
run_eb db check
expect_exit 0
expect_stdout_has "ok (integrity, foreign keys, schema"
expect_stdout_has ", keyed)"
run_eb db check --head
expect_exit 0
head=$(cat "$tmp/out")
run_eb db backup "$tmp/base.db"
expect_exit 0
base=$tmp/base.db
for t in assessment decision person application norm_file payment payment_return member income claim repayment \
  user batch batch_export stimulus_period decision_line; do
  [[ $(sqlite3 -readonly "$base" "SELECT count(*) FROM $t") -gt 0 ]] && pass ||
    fail "fixture has rows of $t" "at least one" "none"
done

# tamper NAME SQL — a copy of the store as $EB_DB, with SQL applied by the sqlite3 shell, every
# trigger dropped first and put back afterwards as it was.
tamper() {
  local name=$1 edit=$2 db=$tmp/$1.db
  cp "$base" "$db"
  sqlite3 -readonly "$db" "SELECT sql || ';' FROM sqlite_schema WHERE type = 'trigger'" >"$tmp/$name.triggers"
  {
    sqlite3 -readonly "$db" "SELECT 'DROP TRIGGER \"' || name || '\";' FROM sqlite_schema WHERE type = 'trigger'"
    printf '%s;\n' "$edit"
    cat "$tmp/$name.triggers"
  } | sqlite3 "$db" 2>"$tmp/$name.sqlerr" || fail "the edit '$name' itself" "applied by sqlite3" "$(cat "$tmp/$name.sqlerr")"
  export EB_DB=$db
}

# expect_found NAME WHAT… — eb db check exits 6 and names each WHAT.
expect_found() {
  local name=$1
  shift
  test_case "tamper: $name"
  run_eb db check
  expect_exit 6
  local what
  for what in "$@"; do expect_stderr_has "$what"; done
}

# ---- edits with the triggers intact: the shell cannot make them ------------------------------------
test_case "the exact REPLACE of the issue is refused by the store itself"
cp "$base" "$tmp/replace.db"
export EB_DB=$tmp/replace.db
db_snapshot replace
if sqlite3 "$EB_DB" "INSERT OR REPLACE INTO batch (id, pay_date, month, status, created_at, created_by, message_id)
  SELECT id, pay_date, month, 'created', created_at, created_by, message_id FROM batch WHERE id = 1" \
  2>"$tmp/replace.err"; then
  fail "INSERT OR REPLACE INTO batch" "refused" "it succeeded"
else
  pass
fi
expect_db_unchanged replace
for edit in "UPDATE decision SET granted_ore = 1 WHERE id = 2" "DELETE FROM payment WHERE id = 1" \
  "INSERT INTO payment_return (payment_id, returned_on, reason, recorded_at, recorded_by) VALUES (3, '2026-11-28', 'x', 'x', 'x')" \
  "UPDATE person SET pnr = '197802241237' WHERE id = 1" "DELETE FROM seal"; do
  if sqlite3 "$EB_DB" "$edit" 2>/dev/null; then fail "refused: $edit" "an error" "it succeeded"; else pass; fi
done
expect_db_unchanged replace
run_eb db check
expect_exit 0

# ---- each audited table: update, insert, delete ------------------------------------------------
tamper assessment-amount "UPDATE assessment SET amount_ore = amount_ore + 100000 WHERE id = 1"
expect_found "an edited assessment amount" "assessment 1: changed after eb wrote it"
tamper assessment-result "UPDATE assessment SET result_json = replace(result_json, 'riksnorm', 'riksnorn') WHERE id = 2"
expect_found "an edited assessment result" "assessment 2: changed after eb wrote it"
tamper decision-date "UPDATE decision SET decided_on = '2026-11-01', handling_days = 0 WHERE id = 3"
expect_found "an edited decision" "decision 3: changed after eb wrote it"
tamper person-pnr "UPDATE person SET pnr = '197802241237' WHERE id = 1"
expect_found "a person's pnr changed" "person 1: changed after eb wrote it"
tamper application-account "UPDATE application SET account = '5357 306 814-7' WHERE id = 12"
expect_found "an edited account" "application 12: changed after eb wrote it"
tamper norm-blob "UPDATE norm_file SET content = content || ' ' WHERE sha256 = (SELECT min(sha256) FROM norm_file)"
expect_found "an edited norm file blob" "its content does not match its SHA-256" "changed after eb wrote it"
tamper second-payment "INSERT INTO payment (batch_id, decision_id, application_id, arende_id, month, amount_ore, method,
  account, payee_name, payee_address, reissue_of, cancelled) SELECT batch_id, decision_id, application_id, arende_id,
  month, amount_ore, method, account, payee_name, payee_address, id, 0 FROM payment WHERE id = 1"
expect_found "a second payment, inserted after dropping the triggers" ": a row eb did not write"
tamper fake-return "INSERT INTO payment_return (payment_id, returned_on, reason, recorded_at, recorded_by)
  VALUES (3, '2026-11-28', 'fake', '2026-11-28T00:00:00+0100', 'x')"
expect_found "a fake return" "payment_return 3: a row eb did not write"
tamper member-gone "DELETE FROM member WHERE application_id = 2 AND seq = 2"
expect_found "a member deleted" "member 2/2: missing"
tamper income-added "INSERT INTO income (application_id, seq, person_id, kind, amount_ore, note)
  VALUES (1, 99, 1, 'salary', 100, '')"
expect_found "an income added" "income 1/99: a row eb did not write"
tamper claim-amount "UPDATE claim SET amount_ore = amount_ore - 1 WHERE id = 1"
expect_found "a claim lowered" "claim 1: changed after eb wrote it"
tamper repayment-added "INSERT INTO repayment (arende_id, claim_id, amount_ore, paid_on, created_at, created_by)
  VALUES (1, 1, 100, '2026-12-03', 'x', 'x')"
expect_found "a repayment added" "repayment 2: a row eb did not write"
tamper user-role "UPDATE user SET role = 'admin' WHERE name = 'anna'"
expect_found "a user's role changed" "user 1: changed after eb wrote it"
tamper batch-replace "INSERT OR REPLACE INTO batch (id, pay_date, month, status, created_at, created_by, message_id)
  SELECT id, pay_date, month, 'created', created_at, created_by, message_id FROM batch WHERE id = 1"
expect_found "the REPLACE of a confirmed batch (triggers dropped)" "batch 1: changed after eb wrote it"
# The export's time stamp is the clock's, so its SHA-256 differs per run: the first digit is
# changed to another one (a replace by 'f' left a hash starting with f unchanged, 1 run in 16).
tamper export-sha "UPDATE batch_export SET sha256 = (CASE substr(sha256, 1, 1) WHEN 'f' THEN 'e' ELSE 'f' END) ||
  substr(sha256, 2) WHERE batch_id = 1"
expect_found "an export record edited" "batch_export 1/pain001: changed after eb wrote it"
tamper decision-line "UPDATE decision_line SET granted_ore = 0 WHERE decision_id = 1 AND seq = 1"
expect_found "a decision line edited" "decision_line 1/1: changed after eb wrote it"
tamper stimulus "INSERT INTO stimulus_period (person_id, start_month, assessment_id) VALUES (1, '2020-01', 1)"
expect_found "a jobbstimulans period added" "stimulus_period 1/2020-01: a row eb did not write"
tamper decision-and-seal-gone "DELETE FROM decision_line WHERE decision_id = 4; DELETE FROM decision WHERE id = 4;
  DELETE FROM seal WHERE (tbl = 11 AND k1 = 4) OR (tbl = 12 AND k1 = 4)"
expect_found "a decision removed with its seals" "the rows no longer add up to what the last entry"
tamper seal-gone "DELETE FROM seal WHERE tbl = 1 AND k1 = 2"
expect_found "a seal deleted" "person 2: a row eb did not write" "the rows no longer add up"
tamper seal-state "UPDATE seal_state SET sum = zeroblob(16)"
expect_found "the seal state edited" "seal_state: does not match the seals"
test_case "a store whose seals no longer add up to its last entry is not written to"
db_snapshot refused_write
run_eb users add bo --role socialsekreterare
expect_exit 6
expect_stderr_has "changed outside eb after audit entry"
expect_db_unchanged refused_write

# ---- values of a shape eb never writes: read as a store error, never past the value ---------
tamper decision-date-shape "PRAGMA ignore_check_constraints = ON; UPDATE decision SET decided_on = '2026-1' WHERE id = 3"
expect_found "a decision date of another shape" "decision 3: changed after eb wrote it"
test_case "report: a date of another shape in the store is a store error naming it"
run_eb report --period 2026 --config "$EB_ROOT/norms/local/report.example.toml"
expect_exit 6
expect_stderr_has 'not a stored date: "2026-1"'

# ---- the audit chain ---------------------------------------------------------------------
tamper audit-detail "UPDATE audit SET detail = 'nothing happened' WHERE id = 2"
expect_found "an audit entry edited" "audit: the chain is broken at entry 2"
tamper audit-gone "DELETE FROM audit WHERE id = 5"
expect_found "an audit entry removed from the middle" "entry 5 is missing"
tamper audit-last "DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)"
expect_found "the last audit entry removed" "the rows no longer add up to what the last entry"

# ---- the schema ----------------------------------------------------------------------------
test_case "setup: a trigger dropped and a table added"
cp "$base" "$tmp/schema.db"
export EB_DB=$tmp/schema.db
sqlite3 "$EB_DB" "DROP TRIGGER payment_no_delete; CREATE TABLE notes (x TEXT)"
expect_found "a dropped trigger and an added table" "schema: trigger payment_no_delete is missing" \
  "schema: table notes was added outside eb"

# ---- the head of the chain ---------------------------------------------------------------
test_case "--expect-head: the untouched store has the head that was noted"
export EB_DB=$base
run_eb db check --expect-head "$head"
expect_exit 0
run_eb db check --expect-head "${head%%:*}:$(printf '%064d' 0)"
expect_exit 6
expect_stderr_has "the chain was rewritten"
tamper truncated "DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)"
test_case "tamper: the last entry removed: --expect-head names it"
run_eb db check --expect-head "$head"
expect_exit 6
expect_stderr_has "entries were removed from its end"

# ---- without the key ---------------------------------------------------------------------
test_case "without the audit key, check verifies the unkeyed part and says so"
export EB_DB=$base
XDG_CONFIG_HOME=$tmp/elsewhere run_eb db check
expect_exit 0
expect_stderr_has "only the unkeyed part was verified"
XDG_CONFIG_HOME=$tmp/elsewhere run_eb users add bo --role socialsekreterare
expect_exit 6
expect_stderr_has "the audit key of this case store"

test_case "the untouched store is still ok"
export EB_DB=$base
run_eb db check
expect_exit 0

finish
