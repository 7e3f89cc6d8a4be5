#!/usr/bin/env bash
# One output convention across every command that prints a result (issue 14): a table of the
# commands with the formats each has. For each, -o x.json / x.csv / x.html gives that format
# (jq parses the JSON, the CSV has its stable header, the HTML is a page) or, when the command
# lacks it, a refusal with exit 2 that names the command and its formats, and no file. Every
# JSON is walked: a key that means money must end in _ore and hold an integer; no money is
# written as "3 910 kr"; counts and shares are numbers, never strings of digits.
#
# Usage: bash tests/e2e/output_formats.sh      (EB=path/to/eb, EB_ROOT=repository root)
set -u
set -o pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

demo=$EB_ROOT/data/demo
export EB_NORMS=${EB_NORMS:-$EB_ROOT/norms}
unset EB_DELEGATION EB_PAYER EB_REPORT_CONFIG
setup_tmp
require_eb

# ---- the JSON rules ----------------------------------------------------------------------
# The words a key means money by: the key itself or its last word (total_ore is right; total,
# amount_kr and total_paid are wrong; before_value is a value, not money).
money_words='["amount","total","before","after","paid","granted","decided","returned","claimed","repaid",
  "balance","left","change","difference","gained","lost","reduction","stored","income","rent","cost",
  "payable","net","due","wrongly","risk","sum","kronor","kr","money"]'
# A key whose first word is one of these counts things: households_before is a number of households.
count_words='["households","payments","applications","cases","decisions","flags","entries","rows","months",
  "persons","children","adults","members","days","factor","index"]'
# Keys that are counts although their name is a money word, each with what it counts.
counts='["decisions.total", "handlaggningstid.decided"]'   # eb-report(1): decisions made, decisions timed

# money_problems FILE — one line per key of FILE that breaks the money rule, or per money text.
money_problems() {
  jq -r --argjson words "$money_words" --argjson count_words "$count_words" --argjson counts "$counts" '
    def words: ascii_downcase | split("_");
    def means_money: words as $w | ($count_words | index([$w[0]]) == null)
      and ($words | index([$w[-1]]) != null);
    [paths(scalars) as $p | {key: ($p | map(select(type == "string")) | last), value: getpath($p), path: $p}]
    | map(select((.path | map(tostring) | join(".")) as $dotted | $counts | index([$dotted]) == null))
    | map(
        if (.key != null and (.key | endswith("_ore")) and ((.value | type) != "number" or (.value | floor) != .value))
          then "\(.path | map(tostring) | join(".")): a _ore key holds \(.value | tojson), not whole öre"
        elif (.key != null and (.key | endswith("_ore") | not) and (.value | type) == "number" and (.key | means_money))
          then "\(.path | map(tostring) | join(".")): money without _ore (\(.value))"
        elif ((.value | type) == "string" and (.value | test("^[−-]?[0-9][0-9  ]*(,[0-9]{2})? kr$")))
          then "\(.path | map(tostring) | join(".")): money as text \(.value | tojson)"
        elif ((.value | type) == "string" and (.value | test("^[−-]?[0-9]+([.,][0-9]+)?$")))
          then "\(.path | map(tostring) | join(".")): a number as a string \(.value | tojson)"
        else empty end)
    | .[]' "$1"
}

# expect_json_file FILE WHAT — FILE parses as JSON (a document, or JSON lines) and keeps the rules.
expect_json_file() {
  local file=$1 what=$2 problems
  if ! jq -e . "$file" >/dev/null 2>&1; then
    fail "$what: JSON" "jq parses it" "$(head -c 80 "$file")"
    return
  fi
  pass
  problems=$(money_problems "$file" | head -n 5)
  if [[ -z $problems ]]; then pass; else fail "$what: money keys end in _ore, numbers are numbers" "none" "$problems"; fi
}

expect_html_file() {
  if [[ $(head -c 15 "$1") == "<!DOCTYPE html>" ]]; then pass; else fail "$2: HTML" "<!DOCTYPE html>" "$(head -c 40 "$1")"; fi
}

# expect_csv_file FILE HEADER WHAT — the first line is HEADER (when given), every line ends in CR LF.
expect_csv_file() {
  local file=$1 header=$2 what=$3 first
  first=$(head -n 1 "$file" | tr -d '\r')
  if [[ -z $header || $first == "$header" ]]; then pass; else fail "$what: CSV header" "$header" "$first"; fi
  if [[ -s $file ]] && ! grep -qv $'\r$' "$file"; then pass; else fail "$what: CSV lines end in CR LF" "CR LF" "LF"; fi
}

# ---- the case store the commands run on --------------------------------------------------
test_case "setup: a month from intake to payment, a claim, a register, the 2027 norm"
today=(--today 2026-11-20)
run_eb "${today[@]}" intake --file "$demo"
expect_exit 0
run_eb "${today[@]}" assess --month 2026-11
expect_exit 0
run_eb users add anna --role enhetschef --full-name "Anna Andersson"
expect_exit 0
run_eb users add eva --role fut
expect_exit 0
run_eb "${today[@]}" decide --month 2026-11 --bifall-routine --by anna
expect_exit 0
run_eb "${today[@]}" pay batch --date 2026-11-25
expect_exit 0
run_eb "${today[@]}" pay export B-1 -o B-1.xml
expect_exit 0
run_eb "${today[@]}" pay confirm B-1
expect_exit 0
# A lower decision after payment: a claim (K-1) for the repayment below.
d1=$(sqlite3 -readonly "$EB_DB" "SELECT id FROM current_decision WHERE application_id = 1")
run_eb --today 2026-12-01 decide A-1 --delbifall --reject rent:1000 --reason cost-not-reasonable \
  --replaces "D-$d1" --by anna
expect_exit 0
run_eb --today 2026-12-02 pay batch --date 2026-12-05
expect_exit 0
# A returned payment, re-issued in B-2 (cancelled below).
run_eb --today 2026-12-02 pay return P-3 --reason "okänd adress"
expect_exit 0
run_eb --today 2026-12-02 pay batch --date 2026-12-07
expect_exit 0
printf 'pnr,month,source,kind,amount,paid_on\n19780514-2465,2026-11,FK,sjukpenning,4200,2026-11-25\n' >ssbtek.csv
printf 'pnr,month,source,kind,amount,paid_on\n19780514-2465,2026-10,FK,sjukpenning,3100,2026-10-25\n' >ssbtek2.csv
run_eb --as eva fut-check import --income ssbtek.csv
expect_exit 0
first_case=$EB_ROOT/tests/fixtures/cases

# ---- the table -----------------------------------------------------------------------------
# row KIND FORMATS CSV-HEADER -- ARGS…
#   KIND read: run it for each format it has (it changes nothing);
#        write: it changes the store, so it runs once, with -o x.json (or its first format);
#        once: like write, but the result goes to standard output (a --dry-run writes no file).
#   FORMATS: the formats it has, comma-separated (text is not checked here: it is for people).
rows=0
row() {
  local kind=$1 formats=$2 header=$3
  shift 4
  local name="eb $*" fmt out
  rows=$((rows + 1))
  for fmt in json csv html; do
    out=$tmp/r$rows.$fmt
    rm -f -- "$out"
    if [[ ,$formats, != *,$fmt,* ]]; then
      test_case "$name -o x.$fmt: refused"
      run_eb "$@" -o "$out"
      expect_exit 2
      expect_stderr_has "has no $fmt output"
      expect_stderr_has "it has "
      if [[ -e $out ]]; then fail "no file for a refused format" "no $out" "written"; else pass; fi
      continue
    fi
    [[ $kind == read || ($kind == write && $fmt == "${formats%%,*}") ]] || continue
    test_case "$name -o x.$fmt"
    run_eb "$@" -o "$out"
    if [[ $status != 0 && $status != 1 ]]; then
      fail "exit status" "0 (or 1: flags raised)" "$status"
      continue
    fi
    pass
    expect_stderr_has "eb: wrote $out"
    [[ -e $out ]] || { fail "the -o file" "$out" "missing"; continue; }
    case $fmt in
      json) expect_json_file "$out" "$name" ;;
      csv) expect_csv_file "$out" "$header" "$name" ;;
      html) expect_html_file "$out" "$name" ;;
    esac
  done
  if [[ ,$formats, == *,json,* && $kind != write ]]; then
    test_case "$name --json"
    run_eb "$@" --json
    if [[ $status == 0 || $status == 1 ]]; then pass; else fail "exit status" "0 or 1" "$status"; fi
    expect_json_file "$tmp/out" "$name --json"
  fi
}

list_header=application_id,case_id,month,kind,received,applicant,members,status,has_warnings,amount_ore,decision_id,decision_kind,granted_ore
sim_header=application,case,month,after_month,household,adults,children,children_counted,before_ore,after_ore,change_ore,reduction_after_ore,stored_ore,error
report_header=figure,key,value,numerator,denominator,note
ledger_header=case,decided_ore,paid_ore,returned_ore,pending_ore,claimed_ore,repaid_ore,to_pay_ore,owed_ore,balance_ore,waived_ore

row read json "" -- assess --file "$demo/01-single-adult.toml"
row read json "" -- show C-1
row read json "" -- show A-2
row read json,csv "$list_header" -- list
row read json,csv "$list_header" -- list --period 2026-T3
row read html "" -- letter D-2
row read json,csv "$ledger_header" -- pay ledger
row read json "" -- pay show B-1
row read json,csv,html "$report_header" -- report --period 2026-11
row read json,csv,html "$sim_header" -- simulate --month 2026-11 --as-of 2027-01
row read json "" -- norms list
row read json "" -- norms show 2027
row read json "" -- norms check "$EB_NORMS/riksnorm/2026.toml"
row read json "" -- norms diff 2026 2027
row read json "" -- db check
row read json "" -- users list
row read json "" -- test "$first_case"
row read json "" -- fut-check list
row once json "" -- "${today[@]}" decide --month 2026-11 --bifall-routine --by anna --dry-run
row once json "" -- --today 2026-12-20 pay batch --date 2026-12-24 --dry-run
row write json "" -- users add bertil --role socialsekreterare
row write json "" -- --today 2026-12-03 pay cancel B-2
row write json "" -- --today 2026-12-03 pay return P-2 --reason "kontot avslutat"
row write json "" -- --today 2026-12-10 pay repayment C-1 --amount 400
row write json "" -- --today 2026-12-10 pay claim D-4 --ground wrongly-paid --amount 100 --decision "SN 2026-12-10 § 2" \
  --reason "Inkomst som inte redovisades"
row write json,csv "" -- --as eva fut-check run --period 2026-11
row write json "" -- --as eva --today 2026-12-04 fut-check resolve F-1 --outcome error --note "Inkomsten redovisades inte"
row write json "" -- --as eva --today 2026-12-04 fut-check claim F-1 --amount 1000 --decision "SN 2026-12-04 § 3"
row write json "" -- --as eva --today 2026-12-05 fut-check waive F-1 --amount 200 --reason "Skälig hänsyn"
row write json "" -- --as eva fut-check import --income ssbtek2.csv
row write json "" -- --today 2026-12-11 close C-5 --reason work --on 2026-12-10
row once json "" -- --today 2026-12-11 close C-6 --reason moved --dry-run
row write json "" -- --today 2026-12-11 arbetsplan C-7 --on 2026-12-01
row write json "" -- --db "$tmp/fresh.db" db init
row write json "" -- db migrate
row write json "" -- db backup "$tmp/backup.db"

# ---- what the table rests on ---------------------------------------------------------------
test_case "the table covers what it claims"
expect_eq "$rows" 36 "rows of the table"

test_case "-O overrides the extension; two formats at once are refused"
run_eb list -O json -o "$tmp/list.txt"
expect_exit 0
expect_json_file "$tmp/list.txt" "list -O json -o list.txt"
run_eb list --json --csv
expect_exit 2
expect_stderr_has "give one output format: --json and --csv were both given to 'eb list'"
run_eb list -O xml
expect_exit 2
expect_stderr_has "-O xml: not an output format; 'eb list' has text, json and csv"

test_case "letter D-1 -o x.html writes the HTML letter; x.txt the text"
run_eb letter D-1 -o "$tmp/d1.html"
expect_exit 0
expect_html_file "$tmp/d1.html" "letter -o d1.html"
run_eb letter D-1 -o "$tmp/d1.txt"
expect_exit 0
if grep -q "<html" "$tmp/d1.txt"; then fail "text letter" "no HTML" "HTML"; else pass; fi

test_case "pay export picks CSV from -o b.csv, without --format"
run_eb --today 2026-12-03 pay export B-1 -o "$tmp/b.csv"
expect_exit 0
expect_csv_file "$tmp/b.csv" "" "pay export -o b.csv"
if grep -q "<?xml" "$tmp/b.csv"; then fail "pay export -o b.csv" "CSV" "XML"; else pass; fi

test_case "a -o file is owner-only"
expect_file_mode "$tmp/r4.csv" 600

test_case "money keys that break the rule are found (the walk itself)"
printf '{"total": 5, "x": {"amount_ore": 1.5, "before": "3 910 kr", "children_counted": "4.5", "payments": 3}}\n' >bad.json
found=$(money_problems bad.json | wc -l)
expect_eq "$found" 4 "problems found in a JSON that breaks the rule four times"
printf '{"decisions": {"total": 3}, "households_before": 2, "factor_couple": 0.375, "paid_ore": 100}\n' >good.json
expect_eq "$(money_problems good.json | wc -l)" 0 "problems found in counts, a factor and öre"

finish
