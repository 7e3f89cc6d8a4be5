#!/usr/bin/env bash
# Hostile input (issue 11): what an attacker or a careless script feeds eb. Each finding is
# reproduced as the issue reports it and must now be refused as invalid input (exit 3) with a
# message naming the field and the value, nothing on stdout, and the database unchanged:
#   1  sums that overflow (1 100 incomes or costs of 90 000 000 000 000 kr)
#   4  inputs that crashed eb (a 40 000-part dotted key, JSON 20 000 deep, arrays 100 000
#      deep, "applied": 1e400 in a stream, --file /dev/zero)
#   6  payees a payment file cannot carry (control characters, more than 140 characters)
#   7  CSV formula cells in pay export --format csv
#   8  terminal escapes and line breaks of a value in error messages
#   9  JSON lines looser than TOML (duplicate keys, a NUL byte, unsigned numbers that wrapped)
#   11 guideline names that are paths
#
# Usage: bash tests/e2e/hostile_input.sh      (EB=path/to/eb, EB_ROOT=repository root)
set -u
set -o pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export EB_NORMS=${EB_NORMS:-$EB_ROOT/norms}
unset EB_PAYER

setup_tmp
require_eb

esc=$'\x1b'

# sql QUERY — one value from the store.
sql() { sqlite3 -readonly "$EB_DB" "$1"; }

# application FILE PNR NAME [EXTRA] — a valid application of one adult with rent; EXTRA is
# appended as it is (more tables or keys).
application() {
  cat >"$1" <<TOML
month = "2026-11"
received = "2026-11-02"
address = "Provgatan 1, 123 45 Exempelstad"

[[member]]
pnr = "$2"
name = "$3"
role = "applicant"

[[cost]]
kind = "rent"
applied = 6500
${4:-}
TOML
}

# expect_refused NAME — exit 3, the message on stderr, nothing on stdout, no store change
# since the snapshot NAME.
expect_refused() {
  expect_exit 3
  expect_stdout_empty
  expect_db_unchanged "$1"
}

# A store with one application in it, so "unchanged" means something.
test_case "setup: one stored application"
application base.toml 19780514-2465 "Karin Ek"
run_eb intake --file base.toml
expect_exit 0
db_snapshot base

# ---- 1: sums that overflow ---------------------------------------------------------
repeat() { # repeat N TEXT — TEXT N times
  local i
  for ((i = 0; i < $1; i++)); do printf '%s' "$2"; done
}
application incomes.toml 19850312-2387 "Anna Exempel" \
  "$(repeat 1100 $'\n[[income]]\nmember = "19850312-2387"\nkind = "salary"\namount = 90000000000000\n')"
application costs.toml 19850312-2387 "Anna Exempel" "$(repeat 1100 $'\n[[cost]]\nkind = "rent"\napplied = 90000000000000\n')"

test_case "1: assess --file of 1 100 incomes of 90 000 000 000 000 kr is refused, never a wrapped amount"
run_eb assess --file incomes.toml
expect_refused base
expect_stderr_has "incomes.toml:"
expect_stderr_has "income = 1100 tables: at most 500 are allowed in one application"
expect_stderr_lacks "85 467 440 737 100 736"

test_case "1: intake of the same file is refused"
run_eb intake --file incomes.toml
expect_exit 3
expect_stderr_has "income = 1100 tables: at most 500 are allowed"
expect_db_unchanged base

test_case "1: 1 100 costs of 90 000 000 000 000 kr, in assess and intake"
run_eb assess --file costs.toml
expect_refused base
expect_stderr_has "cost = 1101 tables: at most 500 are allowed"
run_eb intake --file costs.toml
expect_exit 3
expect_db_unchanged base

test_case "1: one amount above the limit is refused by its field and value"
application big.toml 19850312-2387 "Anna Exempel" $'\n[[income]]\nmember = "19850312-2387"\nkind = "salary"\namount = 90000000000000\n'
run_eb assess --file big.toml
expect_refused base
expect_stderr_has "income[1].amount = 90000000000000: the amount is too large (at most 1 000 000 000 kr)"

# ---- 4: inputs that crashed eb ------------------------------------------------------
test_case "4: an 80 KB TOML file with a 40 000-part dotted key"
application dotted.toml 19850312-2387 "Anna Exempel" "x$(repeat 40000 .a) = 1"
run_eb assess --file dotted.toml
expect_refused base
expect_stderr_has "dotted.toml:13: nests deeper than 8 levels"
run_eb intake --file dotted.toml
expect_exit 3
expect_db_unchanged base

test_case "4: TOML arrays nested 100 000 deep"
application arrays.toml 19850312-2387 "Anna Exempel" "x = $(repeat 100000 '[')$(repeat 100000 ']')"
run_eb assess --file arrays.toml
expect_refused base
expect_stderr_has "arrays.toml:13: nests deeper than 8 levels"

line='{"month": "2026-11", "received": "2026-11-02", "address": "Provgatan 1", "member": [{"pnr": "19850312-2387", "name": "Anna Exempel", "role": "applicant"}], "cost": [{"kind": "rent", "applied": 6500}]}'
test_case "4: JSON nested 20 000 deep, and arrays 100 000 deep, in intake -"
printf '{"month": "2026-11", "x": %s1%s}\n' "$(repeat 20000 '{"a": ')" "$(repeat 20000 '}')" >deep.jsonl
printf '{"month": "2026-11", "x": %s%s}\n' "$(repeat 100000 '[')" "$(repeat 100000 ']')" >>deep.jsonl
run_eb_stdin deep.jsonl intake -
expect_refused base
expect_stderr_has "stdin:1: nests deeper than 8 levels"
expect_stderr_has "stdin:2: nests deeper than 8 levels"

test_case "4: \"applied\": 1e400 is one refused line; the good lines around it are stored"
{
  printf '%s\n' "$line"
  printf '%s\n' "${line/6500/1e400}" | sed 's/19850312-2387/19830704-1510/g'
  printf '%s\n' "$line" | sed 's/19850312-2387/20000101-0008/g'
} >stream.jsonl
db_snapshot before_stream
run_eb_stdin stream.jsonl intake -
expect_exit 3
expect_stderr_has "stdin:2: cost[1].applied = 1e400: is beyond the numbers eb reads"
expect_stderr_lacks "internal error"
expect_stderr_has "eb: 2 stored, 1 refused"
expect_stdout_has "stdin:1"
expect_stdout_has "stdin:3"
expect_eq "$(sql "SELECT count(*) FROM application")" 3 "applications after the stream (1 + 2)"

# The stream above stored two applications; from here the store is that.
db_snapshot stored

test_case "4: assess --file /dev/zero is refused at once, not read until memory runs out"
run_eb assess --file /dev/zero
expect_refused stored
expect_stderr_has "/dev/zero: is a device, not a file"

# ---- 6: payees a payment file cannot carry ---------------------------------------------
test_case "6: a name with a control character is refused at intake"
application esc-name.toml 19830704-1510 'Bo\u001b[31m Exempel'
run_eb intake --file esc-name.toml
expect_refused stored
expect_stderr_has 'member[1].name = "Bo\x1b[31m Exempel": contains a control character (U+001B)'

test_case "6: a name with a newline is refused, and the message stays on one line"
printf 'month = "2026-11"\nreceived = "2026-11-02"\naddress = "Provgatan 1"\n[[member]]\npnr = "19830704-1510"\nname = "Bo\\nExempel"\nrole = "applicant"\n' >nl-name.toml
run_eb intake --file nl-name.toml
expect_refused stored
expect_stderr_has 'member[1].name = "Bo\x0aExempel": contains a control character (U+000A)'
expect_eq "$(wc -l <"$tmp/err")" 2 "stderr lines (the problem and the summary)"

test_case "6: a name of 141 characters is refused; 140 fit"
application long-name.toml 19830704-1510 "$(repeat 141 Ö)"
run_eb intake --file long-name.toml
expect_refused stored
expect_stderr_has "member[1].name = "
expect_stderr_has "has 141 characters; at most 140 fit"
application ok-name.toml 19830704-1510 "$(repeat 140 Ö)"
run_eb assess --file ok-name.toml
expect_exit 0

test_case "6: control characters in a note and in the address are refused too"
application esc-note.toml 19830704-1510 "Bo Exempel" $'note = "hyra\\u0007"'
run_eb intake --file esc-note.toml
expect_refused stored
expect_stderr_has "cost[1].note"
expect_stderr_has "(U+0007)"

test_case "6: an application without a name is stored; pay batch holds it (TODO(#11): intake warns)"
# TODO(#11): once cli/intake.cpp calls pay::payee_problems, assert its warning here:
#   expect_stderr_has "warning" and "applicant.name: is empty"
printf 'month = "2026-11"\nreceived = "2026-11-02"\naddress = "Provgatan 1, 123 45 Exempelstad"\n[[member]]\npnr = "19830704-1510"\nrole = "applicant"\n[[cost]]\nkind = "rent"\napplied = 6500\n' >no-name.toml
run_eb intake --file no-name.toml
expect_exit 0
db_snapshot stored

# ---- 7: CSV formula cells ----------------------------------------------------------
test_case "7: pay export --format csv neutralises names that a spreadsheet would run"
printf '%s\n' "$line" | sed -e 's/Anna Exempel/=cmd|'"'"' \/C calc'"'"'!A0/' -e 's/19850312-2387/19900101-0009/g' >formula.jsonl
printf '%s\n' "$line" | sed -e 's/Anna Exempel/+SUM(1+1)/' -e 's/19850312-2387/19900201-0008/g' >>formula.jsonl
run_eb_stdin formula.jsonl intake --json -
expect_exit 0
mapfile -t formula_apps < <(jq -r .application_id "$tmp/out")
expect_eq "${#formula_apps[@]}" 2 "applications with formula names"
run_eb users add hanna --role enhetschef --full-name "Hanna Handläggare"
expect_exit 0
for a in "${formula_apps[@]}"; do
  run_eb --today 2026-11-20 assess "$a"
  run_eb --today 2026-11-20 decide "$a" --bifall --by hanna
  expect_exit 0
done
run_eb --today 2026-11-20 pay batch --date 2026-11-25 --hold-invalid --json
expect_exit 0
batch=$(json_get .batch_id)
run_eb --today 2026-11-20 pay export "$batch" --format csv -o formula.csv
expect_exit 0
expect_eq "$(grep -c "'=cmd|' /C calc'!A0" formula.csv)" 1 "the =cmd name, neutralised"
expect_eq "$(grep -c "'+SUM(1+1)" formula.csv)" 1 "the +SUM name, neutralised"
expect_eq "$(tr -d '\r' <formula.csv | tr ',' '\n' | grep -cE '^[=+@]')" 0 "cells that start a formula"

# ---- 8: terminal escapes in error messages --------------------------------------------
db_snapshot stored
test_case "8: an ANSI escape in a value never reaches the terminal through an error message"
printf 'month = "2026-11"\n[[member]]\npnr = "19830704-1510"\nrole = "\\u001b]0;pwned\\u001b\\\\\\u001b[2J"\n' >esc-role.toml
run_eb assess --file esc-role.toml
expect_refused stored
expect_stderr_has 'member[1].role = "\x1b]0;pwned\x1b\\x1b[2J": unknown role'
if grep -q "$esc" "$tmp/err"; then fail "no ESC byte on stderr" "none" "found"; else pass; fi
printf 'month = "2026-11"\n[[member]]\npnr = "19830704-1510"\nrole = "%s[2Japplicant"\n' "$esc" >raw-esc.toml
run_eb assess --file raw-esc.toml
expect_refused stored
expect_stderr_has "raw-esc.toml:4: TOML syntax error"
if grep -q "$esc" "$tmp/err"; then fail "no ESC byte on stderr (a raw ESC in the file)" "none" "found"; else pass; fi
printf '%s\n' "${line/applicant/$'\\u001b[31mapplicant'}" >esc-role.jsonl
run_eb_stdin esc-role.jsonl intake -
expect_refused stored
expect_stderr_has 'member[1].role = "\x1b[31mapplicant": unknown role'
if grep -q "$esc" "$tmp/err"; then fail "no ESC byte on stderr (JSON)" "none" "found"; else pass; fi

# ---- 9: JSON lines as strict as TOML -----------------------------------------------------
test_case "9: a duplicate JSON key is refused, naming it"
printf '%s\n' "${line/\"received\"/\"month\": \"2026-10\", \"received\"}" >dup.jsonl
run_eb_stdin dup.jsonl intake -
expect_refused stored
expect_stderr_has "stdin:1: month: appears more than once in this object"

test_case "9: a NUL byte in a name is refused"
printf '%s\n' "${line/Anna Exempel/Anna\\u0000Exempel}" >nul.jsonl
run_eb_stdin nul.jsonl intake -
expect_refused stored
expect_stderr_has 'stdin:1: member[1].name = "Anna\x00Exempel": contains a control character (U+0000)'

test_case "9: an unsigned number beyond int64 is refused by its value, not wrapped to -1"
printf '%s\n' "${line/6500/18446744073709551615}" >unsigned.jsonl
run_eb_stdin unsigned.jsonl intake -
expect_refused stored
expect_stderr_has "stdin:1: cost[1].applied = 18446744073709551615: is beyond the numbers eb reads"
expect_stderr_lacks "= -1"

# ---- 11: guideline names are identifiers -----------------------------------------------
test_case "11: guideline = \"../riksnorm/2026\" is refused at parse time, naming the field"
{
  printf 'guideline = "../riksnorm/2026"\n'
  cat base.toml
} | sed 's/19780514-2465/19830704-1510/' >path.toml
run_eb assess --file path.toml
expect_refused stored
expect_stderr_has 'path.toml:1: guideline = "../riksnorm/2026": a guideline is named by its file in norms/local/'
run_eb intake --file path.toml
expect_exit 3
expect_db_unchanged stored
printf '%s\n' "${line/\"month\"/\"guideline\": \"/etc/passwd\", \"month\"}" >path.jsonl
run_eb_stdin path.jsonl intake -
expect_refused stored
expect_stderr_has 'stdin:1: guideline = "/etc/passwd": a guideline is named by its file'

finish
