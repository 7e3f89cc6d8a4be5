#!/usr/bin/env bash
# eb simulate through the real eb on the demo households: every output format, totals that
# are the sums of the per-household changes (JSON with jq, CSV with sqlite3), a database that
# is byte-identical afterwards, the norm from --norms-file or from the norms folder, households
# that cannot be assessed, and refusals of bad options. One fresh database file.
#
# Usage: bash tests/e2e/simulate.sh      (EB=path/to/eb, EB_ROOT=repository root)
set -u
set -o pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

demo=$EB_ROOT/data/demo
export EB_NORMS=${EB_NORMS:-$EB_ROOT/norms}

setup_tmp
require_eb

# A 2027 norm for the tests, independent of norms/riksnorm/2027.toml: the 2026 amounts with
# ensamstående 100 kr higher and the large-household reduction (SoF 12 kap. 3 b–3 c §§).
after=$tmp/test-2027.toml
sed -e 's/^id = .*/id = "test-2027"/' \
  -e '0,/^valid_from = .*/s//valid_from = 2027-01-01/' \
  -e 's/^valid_to = .*/valid_to = 2027-12-31/' \
  -e 's/^single = 3940 /single = 4040 /' \
  "$EB_NORMS/riksnorm/2026.toml" >"$after"
cat >>"$after" <<'EOF'

[large_household]
above_children = 3
factor_couple = "0.375"
factor_other = "0.2"

[[ref]]
key = "large_household"
text = "SoL (2025:400) 12 kap. 7 a §; SoF (2025:468) 12 kap. 3 b–3 c §§"
valid_from = 2026-01-01
EOF

# sql QUERY — one value from the database, read-only.
sql() { sqlite3 -readonly "$EB_DB" "$1"; }
# csv_sum FILE COLUMN — the sum of a column of a CSV file (RFC 4180, with a header), by sqlite3.
csv_sum() { sqlite3 :memory: ".import --csv $1 t" "SELECT coalesce(sum(CAST($2 AS INTEGER)), 0) FROM t"; }
csv_count() { sqlite3 :memory: ".import --csv $1 t" "SELECT count(*) FROM t WHERE ${2:-1}"; }
# file_state — size, modification time and SHA-256 of the database file (and of a WAL, if any).
file_state() {
  local f
  for f in "$EB_DB" "$EB_DB-wal"; do
    if [[ -e $f ]]; then stat -c '%s %Y' -- "$f" && sha256sum <"$f"; fi
  done
}
# expect_stdout_matches ERE — some line of stdout matches the extended regular expression ERE.
expect_stdout_matches() {
  if grep -qE -- "$1" "$tmp/out"; then pass; else fail "stdout matches" "stdout matching /$1/" "no match"; fi
}
# expect_no_pnr — no personnummer, full or masked, on stdout.
expect_no_pnr() {
  if grep -qE '(19|20)[0-9]{6}-([0-9]{4}|XXXX)' "$tmp/out"; then
    fail "no personnummer in the output" "none" "$(grep -oE '(19|20)[0-9]{6}-([0-9]{4}|XXXX)' "$tmp/out" | head -1)"
  else
    pass
  fi
}

# ---- a store with the demo households, all assessed -------------------------------
test_case "setup: intake and assess the demo households"
run_eb --today 2026-11-20 intake --file "$demo"
expect_exit 0
n=$(sql "SELECT count(*) FROM application WHERE month = '2026-11'")
if ((n >= 12)); then pass; else fail "demo applications" ">= 12" "$n"; fi
for id in $(sql "SELECT id FROM application ORDER BY id"); do
  run_eb --today 2026-11-20 assess "A-$id"
  [[ $status == 0 ]] || fail "assess A-$id" "exit 0" "exit $status"
done
sqlite3 "$EB_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
db_snapshot before
file_state >"$tmp/state.before"
sleep 1 # so a write would change the modification time

# ---- text ---------------------------------------------------------------------------
test_case "simulate: text"
run_eb simulate --month 2026-11 --as-of 2027-01 --norms-file "$after"
expect_exit 0
# What the unit reads is Swedish (issue 14), with Swedish numbers.
expect_stdout_has "Simulering av 2026-11, bedömd som 2027-01 (inget sparas)"
expect_stdout_has "före:  riksnorm-2026, för 2026-11"
expect_stdout_has "efter: test-2027, för 2027-01"
expect_stdout_has "$n ansökningar har lästs och $n hushåll har simulerats."
expect_stdout_has "Per hushållstyp"
expect_stdout_has "sambo/gifta, 5+ barn"
expect_stdout_has "Minskningsbelopp för stora hushåll"
expect_stdout_has "Störst ökning"
expect_stdout_has "Störst minskning"
expect_stdout_matches "^  samma belopp +$n\$"
expect_stdout_matches "^  annat belopp +0\$"
expect_stdout_matches "^  ingen sparad bedömning +0\$"
expect_stdout_lacks "households"
expect_stdout_lacks "Largest"
expect_no_pnr

test_case "simulate: text lines are at most 78 columns"
widest=$(LC_ALL=C.UTF-8 wc -L <"$tmp/out") # display width, not bytes
if ((widest <= 78)); then pass; else fail "widest line" "at most 78 columns" "$widest"; fi

# ---- JSON ---------------------------------------------------------------------------
test_case "simulate: --json totals are the sums of the per-household changes"
run_eb simulate --month 2026-11 --as-of 2027-01 --norms-file "$after" --json
expect_exit 0
cp "$tmp/out" "$tmp/sim.json"
expect_json '.month' 2026-11
expect_json '.as_of' 2027-01
expect_json '.norms.before[0]' riksnorm-2026
expect_json '.norms.after[0]' test-2027
expect_json '.applications' "$n"
expect_json '.totals.households' "$n"
expect_json '.cases | length' "$n"
expect_json '.errors | length' 0
expect_json '.totals.difference_ore == ([.cases[].change_ore] | add)' true
expect_json '.totals.before_ore == ([.cases[].before_ore] | add)' true
expect_json '.totals.after_ore == ([.cases[].after_ore] | add)' true
expect_json '.totals.gained_ore == ([.cases[].change_ore | select(. > 0)] | add // 0)' true
expect_json '.totals.lost_ore == ([.cases[].change_ore | select(. < 0)] | add // 0)' true
expect_json '[.cases[] | select(.change_ore == (.after_ore - .before_ore))] | length' "$n"
expect_json '.totals.gain + .totals.lose + .totals.unchanged' "$n"
expect_json '([.by_household_type[].difference_ore] | add) == .totals.difference_ore' true
expect_json '([.distribution[].households] | add)' "$n"
expect_json '([.distribution[].change_ore] | add) == .totals.difference_ore' true
expect_json '.stored_assessments.same' "$n"
expect_no_pnr

test_case "simulate: the same output on any number of threads"
for threads in 1 3; do
  run_eb simulate --month 2026-11 --as-of 2027-01 --norms-file "$after" --json --threads "$threads"
  expect_exit 0
  if cmp -s "$tmp/out" "$tmp/sim.json"; then pass; else fail "--threads $threads" "the same JSON" "different"; fi
done

test_case "simulate: --json, a single adult gains the 100 kr added to the norm"
expect_json '.cases[] | select(.application_id == "A-1") | .change_ore' 10000
expect_json '.cases[] | select(.application_id == "A-1") | .household' "ensamstående, 0 barn"

test_case "simulate: --json, the six-child household is hit by the reduction (3 × 1 460 kr)"
expect_json '.large_household.cases[] | select(.application_id == "A-9") | .reduction_after_ore' 438000
expect_json '.large_household.cases[] | select(.application_id == "A-9") | .children' 6
expect_json '.large_household.reduction_ore == ([.large_household.cases[].reduction_after_ore] | add)' true
expect_json '.largest_losses[0].change_ore <= .largest_losses[-1].change_ore' true
expect_json '.largest_gains | length <= 10' true

# ---- CSV ----------------------------------------------------------------------------
test_case "simulate: --csv rows add up to the JSON totals"
run_eb simulate --month 2026-11 --as-of 2027-01 --norms-file "$after" --csv
expect_exit 0
cp "$tmp/out" "$tmp/sim.csv"
expect_eq "$(head -1 "$tmp/sim.csv" | tr -d '\r')" \
  "application,case,month,after_month,household,adults,children,children_counted,before_ore,after_ore,change_ore,reduction_after_ore,stored_ore,error" \
  "CSV header"
expect_eq "$(csv_count "$tmp/sim.csv")" "$n" "CSV rows"
expect_eq "$(csv_sum "$tmp/sim.csv" change_ore)" "$(jq -r .totals.difference_ore "$tmp/sim.json")" "sum of change_ore"
expect_eq "$(csv_sum "$tmp/sim.csv" before_ore)" "$(jq -r .totals.before_ore "$tmp/sim.json")" "sum of before_ore"
expect_eq "$(csv_sum "$tmp/sim.csv" after_ore)" "$(jq -r .totals.after_ore "$tmp/sim.json")" "sum of after_ore"
expect_eq "$(csv_count "$tmp/sim.csv" "CAST(after_ore AS INTEGER) - CAST(before_ore AS INTEGER) <> CAST(change_ore AS INTEGER)")" \
  0 "rows whose change is not after − before"
expect_no_pnr

# ---- HTML ---------------------------------------------------------------------------
test_case "simulate: --html is one self-contained page with SVG charts"
run_eb simulate --month 2026-11 --as-of 2027-01 --norms-file "$after" --html
expect_exit 0
expect_stdout_has "<!DOCTYPE html>"
expect_stdout_has "<svg"
expect_stdout_has "</html>"
expect_stdout_has "sambo/gifta, 5+ barn"
expect_stdout_has "<h1>Simulering av 2026-11, bedömd som 2027-01 (inget sparas)</h1>"
expect_stdout_has "Per hushållstyp"
expect_stdout_lacks "households"
expect_stdout_lacks "<script"
expect_stdout_lacks "http"
expect_stdout_lacks "<link"
expect_stdout_lacks "<img"
expect_no_pnr
expect_eq "$(grep -c '<svg' "$tmp/out")" 3 "charts"

# ---- nothing was written --------------------------------------------------------------
test_case "simulate: the database is byte-identical afterwards"
expect_db_unchanged before
file_state >"$tmp/state.after"
if cmp -s "$tmp/state.before" "$tmp/state.after"; then
  pass
else
  fail "size, mtime and SHA-256 of the database file" "$(tr '\n' ' ' <"$tmp/state.before")" \
    "$(tr '\n' ' ' <"$tmp/state.after")"
fi
expect_eq "$(sql 'SELECT count(*) FROM audit WHERE command = "simulate"')" 0 "audit entries by simulate"

# ---- the norms folder instead of --norms-file --------------------------------------------
test_case "simulate: --as-of takes the norm of the norms folder"
cp -r "$EB_NORMS" "$tmp/norms"
rm -f "$tmp/norms/riksnorm/2027.toml"
cp "$after" "$tmp/norms/riksnorm/2027.toml"
run_eb --norms "$tmp/norms" simulate --month 2026-11 --as-of 2027-01 --json
expect_exit 0
expect_json '.norms.after[0]' test-2027
expect_eq "$(json_get .totals.difference_ore)" "$(jq -r .totals.difference_ore "$tmp/sim.json")" "same difference"

if [[ -e $EB_NORMS/riksnorm/2027.toml ]]; then
  test_case "simulate: the bundled 2027 norm (SoL 12 kap. 7 a and 7 d §§ in force)"
  run_eb simulate --month 2026-11 --as-of 2027-01 --json
  expect_exit 0
  expect_json '.norms.after[0]' riksnorm-2027
  expect_json '.totals.difference_ore == ([.cases[].change_ore] | add)' true
  expect_json '.rules.before.second_hand_refused' 0
  expect_json '.rules.after.second_hand_refused >= 1' true
  expect_json '.rules.after.large_household >= 1' true
  expect_json '.rules.after.large_household == .large_household.households' true
  expect_json '[.large_household.cases[] | select(.children_counted | type == "number" and . != floor)] | length >= 1' true
  expect_json '[.cases[] | .children_counted | type] | unique == ["number"]' true
fi

test_case "simulate: the same norm without --as-of changes nothing"
run_eb simulate --month 2026-11 --norms-file "$EB_NORMS/riksnorm/2026.toml" --json
expect_exit 0
expect_json '.as_of' null
expect_json '.after_month' 2026-11
expect_json '.totals.difference_ore' 0
expect_json '.totals.unchanged' "$n"

test_case "simulate: a month without applications"
run_eb simulate --month 2026-10 --as-of 2027-01 --norms-file "$after"
expect_exit 0
expect_stdout_has "0 ansökningar har lästs och 0 hushåll har simulerats."

test_case "simulate: one application, one household: singular"
sed -e 's/^month = .*/month = "2026-12"/' -e 's/^received = .*/received = "2026-12-01"/' \
  "$demo/01-single-adult.toml" >"$tmp/december.toml"
run_eb --today 2026-12-01 intake --file "$tmp/december.toml"
expect_exit 0
run_eb simulate --month 2026-12 --as-of 2027-01 --norms-file "$after"
expect_exit 0
expect_stdout_has "1 ansökan har lästs och 1 hushåll har simulerats."
expect_stdout_matches "^  ingen sparad bedömning +1\$"

# ---- households that cannot be assessed ---------------------------------------------------
test_case "simulate: an incomplete --norms-file (no band for 19–20) is refused"
# Paragraph mode: every [[child_band]] is a block of its own; drop the 19–20 one.
awk -v RS= -v ORS='\n\n' '!/label = "19–20 år"/' "$after" >"$tmp/no-band.toml"
run_eb simulate --month 2026-11 --as-of 2027-01 --norms-file "$tmp/no-band.toml"
expect_exit 3
expect_stderr_has "child_band"
expect_stdout_empty

test_case "simulate: an application the after norm cannot assess is listed, the run goes on"
# A child of 20 in November 2026 is 21 in March 2027, and no band covers 21.
cat >"$tmp/old-child.jsonl" <<'EOF'
{"month":"2026-11","received":"2026-11-02","kind":"new","address":"Provgatan 1, 123 45 Exempelstad","member":[{"pnr":"19700101-0011","role":"applicant"},{"pnr":"20060115-0006","role":"child","in_school":true}],"cost":[{"kind":"rent","applied":6000}]}
EOF
run_eb_stdin "$tmp/old-child.jsonl" --today 2026-11-20 intake --file -
expect_exit 0
sqlite3 "$EB_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
db_snapshot with_child
run_eb simulate --month 2026-11 --as-of 2027-03 --norms-file "$after" --json
expect_exit 0
expect_stderr_has "1 application could not be assessed"
expect_json '.errors | length' 1
expect_json '.errors[0].before' null
expect_json '.errors[0].after' "test-2027 has no child band for age 21"
expect_json '.applications' "$((n + 1))"
expect_json '.totals.households' "$n"
expect_json '.stored_assessments.not_assessed' 0
expect_json '.totals.difference_ore == ([.cases[].change_ore] | add)' true
run_eb simulate --month 2026-11 --as-of 2027-03 --norms-file "$after" --csv
expect_exit 0
cp "$tmp/out" "$tmp/err.csv"
expect_eq "$(csv_count "$tmp/err.csv" "error <> ''")" 1 "CSV rows with an error"
expect_eq "$(csv_count "$tmp/err.csv")" "$((n + 1))" "CSV rows"
run_eb simulate --month 2026-11 --as-of 2027-03 --norms-file "$after"
expect_exit 0
expect_stdout_has "Kunde inte bedömas (1)"
expect_stdout_has "efter: test-2027 has no child band for age 21"
expect_stdout_has "1 kunde inte bedömas"
expect_db_unchanged with_child

# ---- refusals ---------------------------------------------------------------------------------
test_case "simulate: bad options are refused naming the option"
db_snapshot refusals
run_eb simulate --month 2026-13 --as-of 2027-01
expect_exit 3
expect_stderr_has "--month"
expect_stdout_empty
run_eb simulate --month 2026-11 --as-of 27-01
expect_exit 3
expect_stderr_has "--as-of"
run_eb simulate --month 2026-11 --as-of 2031-01
expect_exit 4  # a month without a norm is "not found", as in assess (issue 14)
expect_stderr_has "--as-of"
expect_stderr_has "no riksnorm"
run_eb simulate --month 2026-11 --as-of 2027-01 --norms-file "$tmp/missing.toml"
expect_exit 4  # a missing file is "not found" in every command (issue 14)
expect_stderr_has "--norms-file"
sed 's/^single = .*/single = "many"/' "$after" >"$tmp/bad.toml"
run_eb simulate --month 2026-11 --as-of 2027-01 --norms-file "$tmp/bad.toml"
expect_exit 3
expect_stderr_has "single"
run_eb simulate --month 2026-11 --as-of 2027-01 --norms-file "$EB_NORMS/riksnorm/2026.toml"
expect_exit 4  # no norm for the month (issue 14: 4 everywhere, as in assess --norms-file)
expect_stderr_has "--norms-file"
expect_stderr_has "2027-01"
run_eb simulate --month 2012-11 --as-of 2027-01 --norms-file "$after"
expect_exit 4
expect_stderr_has "--month"

test_case "simulate: usage errors"
run_eb simulate --month 2026-11
expect_exit 2
expect_stderr_has "--as-of"
run_eb simulate --as-of 2027-01
expect_exit 2
run_eb simulate --month 2026-11 --as-of 2027-01 --norms-file "$after" --json --csv
expect_exit 2
expect_db_unchanged refusals

test_case "simulate: no store"
run_eb --db "$tmp/none.db" simulate --month 2026-11 --as-of 2027-01 --norms-file "$after"
expect_exit 6
if [[ -e $tmp/none.db ]]; then fail "no database created" "no file" "created"; else pass; fi

finish
