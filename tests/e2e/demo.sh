#!/usr/bin/env bash
# eb demo through the real eb: a small district's year (50 households, 3 months) in a fresh
# store: the story in Swedish with its figures; the store passes eb db check; the same seed gives
# a byte-identical store (its id and audit key are derived from the parameters), the same store as
# eb itself shows it (list, ledger, letter, payment file), and another seed another; the demo never writes into a store that holds applications, and never into $EB_DB.
#
# Usage: bash tests/e2e/demo.sh      (EB=path/to/eb, EB_ROOT=repository root)
set -u
set -o pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export EB_NORMS=${EB_NORMS:-$EB_ROOT/norms}

setup_tmp
require_eb

small=(demo --households 50 --months 3 --year 2026 --seed 7)

# view DB — what eb itself shows of the store DB, as one text.
view() {
  "$EB" --db "$1" list --json
  "$EB" --db "$1" pay ledger --json
  "$EB" --db "$1" letter D-1
}

test_case "eb demo: a small district's year, told month by month"
run_eb --db "$tmp/a.db" "${small[@]}"
expect_exit 0
expect_stdout_has "Januari 2026"
expect_stdout_has "Mars 2026"
expect_stdout_has "50 ansökningar registrerade, 50 bedömda"
expect_stdout_has "ett delbifall (D-1: 500 kr av hyran över riktlinjen)"
expect_stdout_has "kom tillbaka från banken (kontot avslutat)"
expect_stdout_has "Återkrav K-1 registrerat"
expect_stdout_has "150 ansökningar, 150 beslut"
expect_stdout_has "Riksnormen 2027"
expect_stdout_has "FUT-kontroll"
expect_stdout_has "Enhetens rapport för"
expect_stdout_has "$tmp/a.files/beslut-D-1.html"
for f in beslut-D-1.html betalning-B-3.xml simulering-2027.html rapport-2026.html; do
  expect_file_mode "$tmp/a.files/$f" 600
done

test_case "eb demo: the store it made is sound, and holds what the story says"
run_eb --db "$tmp/a.db" db check
expect_exit 0
run_eb --db "$tmp/a.db" list --json
expect_exit 0
expect_json 'length' 150
expect_json '[.[] | select(.status == "decided")] | length' 150
expect_json '[.[] | select(.decision_kind == "delbifall")] | length' 2
run_eb --db "$tmp/a.db" show A-1
expect_exit 0
run_eb --db "$tmp/a.db" letter D-1
expect_exit 0
expect_stdout_has "500 kr (delvis bifall)"
if command -v xmllint >/dev/null; then
  if xmllint --noout --schema "$EB_ROOT/data/schemas/pain.001.001.03.xsd" "$tmp/a.files/betalning-B-3.xml" 2>/dev/null; then
    pass
  else
    fail "payment file" "valid pain.001" "refused by the XSD"
  fi
fi

test_case "eb demo: the same seed gives the same store, another seed another"
run_eb --db "$tmp/b.db" "${small[@]}" -o "$tmp/b-files"
expect_exit 0
view "$tmp/a.db" >"$tmp/view.a"
view "$tmp/b.db" >"$tmp/view.b"
if cmp -s "$tmp/view.a" "$tmp/view.b"; then pass; else fail "same seed" "identical views" "they differ"; fi
if cmp -s "$tmp/a.db" "$tmp/b.db"; then pass; else fail "same seed" "byte-identical store files" "they differ"; fi
if cmp -s "$tmp/a.files/betalning-B-3.xml" "$tmp/b-files/betalning-B-3.xml"; then
  pass
else
  fail "same seed" "identical payment files" "they differ"
fi
run_eb --db "$tmp/c.db" demo --households 50 --months 3 --seed 8
expect_exit 0
view "$tmp/c.db" >"$tmp/view.c"
if cmp -s "$tmp/view.a" "$tmp/view.c"; then fail "another seed" "other households" "the same view"; else pass; fi
if cmp -s "$tmp/a.db" "$tmp/c.db"; then fail "another seed" "another store file" "byte-identical"; else pass; fi

test_case "eb demo: FUT flags every planted register error, and no clean district"
run_eb --db "$tmp/fut.db" demo --households 100 --months 3 --seed 5 --plant-errors 2% --json
expect_exit 0
planted=$(json_get .fut_planted)
if [[ $planted -gt 0 ]]; then pass; else fail "planted errors" "some" "$planted"; fi
expect_json .fut_flags "$planted"
expect_json '[.steps[].heading] | join(",")' "Januari 2026,Februari 2026,Mars 2026,Året,FUT-kontroll,Riksnormen 2027,Verksamhetsberättelsen"
# The planted overpayments (decisions lowered after paying) are replayed and found.
run_eb --db "$tmp/fut.db" fut-check list --json
expect_exit 0
overpaid=$(jq '[.[] | select(.rule == "overpayment")] | length' "$tmp/out")
if [[ $overpaid -gt 0 ]]; then pass; else fail "overpayment flags" "some" "$overpaid"; fi
run_eb --db "$tmp/clean.db" demo --households 100 --months 3 --seed 5 --json
expect_exit 0
expect_json .fut_planted 0
expect_json .fut_flags 0
run_eb --db "$tmp/clean.db" report --period 2026-01..2026-03 --json
expect_exit 0
expect_json .households.household_months 300

test_case "eb demo: a store that holds applications is refused, and left as it was"
export EB_DB=$tmp/a.db
db_snapshot before
run_eb --db "$tmp/a.db" "${small[@]}"
expect_exit 5
expect_stderr_has "eb demo builds a fresh store, and this one holds 150 applications"
expect_db_unchanged before

test_case "eb demo: without --db it makes demo.db here, never \$EB_DB"
mkdir -p "$tmp/here" && cd "$tmp/here" || exit 2
run_eb demo --households 20 --months 1 --seed 3
expect_exit 0
if [[ -e $tmp/here/demo.db ]]; then pass; else fail "store" "demo.db in the working folder" "absent"; fi
expect_db_unchanged before
cd "$tmp" || exit 2

test_case "eb demo: bad options are refused before anything is made"
run_eb --db "$tmp/bad.db" demo --households 0
expect_exit 3
run_eb --db "$tmp/bad.db" demo --months 500
expect_exit 3
run_eb --db "$tmp/bad.db" demo --plant-errors lots
expect_exit 3
run_eb --db "$tmp/bad.db" demo --year 1066
expect_exit 3
if [[ -e $tmp/bad.db ]]; then fail "refused runs" "no store made" "bad.db exists"; else pass; fi

finish
