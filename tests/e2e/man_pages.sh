#!/usr/bin/env bash
# The man pages are true (issue 14): each page's EXIT STATUS lists exactly the codes its
# command exits with — every listed code is run here and comes out (70, an internal error, has
# no case: it is a bug), and every code the cases produce is listed — and every money key a
# page names (…_ore) is in its command's --json output.
#
# Usage: bash tests/e2e/man_pages.sh      (EB=path/to/eb, EB_ROOT=repository root)
set -u
set -o pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

demo=$EB_ROOT/data/demo
man=$EB_ROOT/man
export EB_NORMS=${EB_NORMS:-$EB_ROOT/norms}
unset EB_DELEGATION EB_PAYER EB_REPORT_CONFIG
setup_tmp
require_eb

# listed_codes PAGE — the exit codes the EXIT STATUS section of man/PAGE.1 lists, one a line
# (".B 3", and ".BR 3 \", \" 4 \", \" 5" for several under one heading).
listed_codes() {
  awk '/^\.SH EXIT STATUS/ { on = 1; next } /^\.SH/ { on = 0 }
       on && /^\.BR? [0-9]/ { for (i = 2; i <= NF; i++) if ($i ~ /^[0-9]+$/) print $i }' "$man/$1.1" | sort -n -u
}

# ---- the store the cases run on ------------------------------------------------------------
test_case "setup"
today=(--today 2026-11-20)
run_eb "${today[@]}" intake --file "$demo"
expect_exit 0
run_eb "${today[@]}" assess --month 2026-11
expect_exit 0
run_eb users add anna --role enhetschef
expect_exit 0
run_eb "${today[@]}" decide --month 2026-11 --bifall-routine --by anna
expect_exit 0
run_eb "${today[@]}" pay batch --date 2026-11-25
expect_exit 0
run_eb "${today[@]}" pay export B-1 -o B-1.xml
expect_exit 0
# A lower decision after payment (a claim, K-1), and FUT data for the report.
d1=$(sqlite3 -readonly "$EB_DB" "SELECT id FROM current_decision WHERE application_id = 1")
run_eb --today 2026-12-01 decide A-1 --delbifall --reject rent:1000 --reason cost-not-reasonable \
  --replaces "D-$d1" --by anna
expect_exit 0
run_eb --today 2026-12-02 pay batch --date 2026-12-05
expect_exit 0
printf 'pnr,month,source,kind,amount,paid_on\n19780514-2465,2026-11,FK,sjukpenning,4200,2026-11-25\n' >ssbtek.csv
run_eb fut-check import --income ssbtek.csv
expect_exit 0
run_eb --today 2026-12-02 fut-check run --period 2026-11
expect_exit 1
sed 's/^received = .*/received = 2031-01-05/; s/^month = .*/month = "2031-01"/' "$demo/01-single-adult.toml" >late.toml
printf 'this is = not [ an application\n' >bad.toml
printf 'id = "broken"\n' >bad-norm.toml
mkdir -p somedir
: >exists.toml
none=(--db "$tmp/no-such-folder/eb.db")

# ---- the cases: PAGE CODE -- ARGS… ---------------------------------------------------------
declare -A ran   # "PAGE CODE" -> 1 for each code some case produced
pages=()
case_of() {
  local page=$1 code=$2
  shift 3
  [[ " ${pages[*]} " == *" $page "* ]] || pages+=("$page")
  test_case "$page: exit $code: eb $*"
  run_eb "$@"
  expect_exit "$code"
  ran["$page $status"]=1
}

case_of eb-letter 0 -- letter D-1
case_of eb-letter 2 -- letter
case_of eb-letter 3 -- letter X-1
case_of eb-letter 4 -- letter D-99
case_of eb-letter 6 -- "${none[@]}" letter D-1

case_of eb-list 0 -- list
case_of eb-list 2 -- list --bogus
case_of eb-list 3 -- list --month 2026-13
case_of eb-list 6 -- "${none[@]}" list

case_of eb-show 0 -- show C-1
case_of eb-show 2 -- show
case_of eb-show 3 -- show X-1
case_of eb-show 4 -- show C-99
case_of eb-show 6 -- "${none[@]}" show C-1

case_of eb-report 0 -- report --period 2026-11
case_of eb-report 2 -- report
case_of eb-report 3 -- report --period 2026-T9
case_of eb-report 6 -- "${none[@]}" report --period 2026-11

case_of eb-simulate 0 -- simulate --month 2026-11 --as-of 2027-01
case_of eb-simulate 2 -- simulate --month 2026-11
case_of eb-simulate 3 -- simulate --month 2026-13 --as-of 2027-01
case_of eb-simulate 3 -- simulate --month 2026-11 --as-of 2027-01 --top 5000
case_of eb-simulate 4 -- simulate --month 2026-11 --as-of 2031-01
case_of eb-simulate 4 -- simulate --month 2026-11 --norms-file missing.toml
case_of eb-simulate 6 -- "${none[@]}" simulate --month 2026-11 --as-of 2027-01

case_of eb-assess 0 -- assess --file "$demo/01-single-adult.toml"
case_of eb-assess 2 -- assess
case_of eb-assess 3 -- assess --file bad.toml
case_of eb-assess 4 -- assess --file missing.toml
case_of eb-assess 6 -- "${none[@]}" assess A-1

case_of eb-decide 0 -- "${today[@]}" decide --month 2026-11 --bifall-routine --by anna --dry-run
case_of eb-decide 2 -- decide
case_of eb-decide 3 -- decide X-1 --bifall
case_of eb-decide 4 -- decide A-99 --bifall --by anna
case_of eb-decide 5 -- "${today[@]}" decide A-1 --bifall --by anna
case_of eb-decide 6 -- "${none[@]}" decide A-1 --bifall --by anna

case_of eb-pay 0 -- pay ledger
case_of eb-pay 2 -- pay
case_of eb-pay 3 -- pay batch --date 2026-02-30
case_of eb-pay 4 -- pay show B-99
case_of eb-pay 5 -- pay cancel B-1
case_of eb-pay 6 -- "${none[@]}" pay ledger

case_of eb-users 0 -- users list
case_of eb-users 2 -- users
case_of eb-users 3 -- users add bertil --role boss
case_of eb-users 4 -- users deactivate nobody
case_of eb-users 5 -- users add anna --role enhetschef
case_of eb-users 6 -- "${none[@]}" users list

case_of eb-norms 0 -- norms list
case_of eb-norms 2 -- norms
case_of eb-norms 3 -- norms check bad-norm.toml
case_of eb-norms 4 -- norms check missing.toml
case_of eb-norms 5 -- norms derive 2027 --index 1.043 -o exists.toml
case_of eb-norms 6 -- norms derive 2027 --index 1.043 -o somedir

case_of eb-db 0 -- db check
case_of eb-db 2 -- db
case_of eb-db 5 -- db backup exists.toml
case_of eb-db 6 -- "${none[@]}" db check

case_of eb-intake 0 -- "${today[@]}" intake "$demo/../../tests/fixtures/examples/02-couple-two-children.toml"
case_of eb-intake 2 -- intake
case_of eb-intake 3 -- "${today[@]}" intake bad.toml
case_of eb-intake 4 -- --today 2031-01-10 intake late.toml
case_of eb-intake 5 -- "${today[@]}" intake "$demo/01-single-adult.toml"
case_of eb-intake 4 -- "${today[@]}" intake missing.toml
case_of eb-intake 6 -- "${today[@]}" "${none[@]}" intake "$demo/01-single-adult.toml"

case_of eb-close 0 -- --today 2026-12-11 close C-5 --reason work --dry-run
case_of eb-close 2 -- close C-5
case_of eb-close 3 -- --today 2026-12-11 close C-5 --reason work --on 2026-12-30
case_of eb-close 4 -- --today 2026-12-11 close C-99 --reason work
case_of eb-close 5 -- --today 2026-12-11 close C-5 --reason work --on 2026-10-01
case_of eb-close 6 -- "${none[@]}" close C-5 --reason work

case_of eb-arbetsplan 0 -- --today 2026-12-11 arbetsplan C-5 --on 2026-12-01
case_of eb-arbetsplan 2 -- arbetsplan
case_of eb-arbetsplan 3 -- --today 2026-12-11 arbetsplan C-5 --on 2026-13-01
case_of eb-arbetsplan 4 -- --today 2026-12-11 arbetsplan C-99
case_of eb-arbetsplan 5 -- --today 2026-12-11 arbetsplan C-5 --on 2026-12-01
case_of eb-arbetsplan 6 -- "${none[@]}" arbetsplan C-5

small=(--households 5 --months 1 --year 2026)
case_of eb-demo 0 -- demo generate -o gen "${small[@]}"
case_of eb-demo 2 -- demo generate "${small[@]}"
case_of eb-demo 3 -- demo generate -o gen2 --households 0
case_of eb-demo 3 -- demo generate -o gen2 --households many
case_of eb-demo 3 -- demo generate -o gen2 --seed -1
case_of eb-demo 4 -- demo generate -o gen2 --households 5 --months 1 --year 2031
case_of eb-demo 5 -- demo generate -o gen "${small[@]}"
case_of eb-demo 5 -- --db "$EB_DB" demo "${small[@]}"
case_of eb-demo 6 -- demo generate -o exists.toml/gen "${small[@]}"

# A second register row: the next run finds a new flag (exit 1, as grep finds a line).
pnr2=$("$EB" list --json --show-pnr | jq -r '.[] | select(.application_id == "A-2") | .applicant')
printf 'pnr,month,source,kind,amount,paid_on\n%s,2026-11,FK,sjukpenning,3900,2026-11-25\n' "$pnr2" >ssbtek2.csv
case_of eb-fut-check 0 -- fut-check import --income ssbtek2.csv
case_of eb-fut-check 1 -- --today 2026-12-03 fut-check run --period 2026-11
case_of eb-fut-check 0 -- --today 2026-12-03 fut-check run --period 2026-11
case_of eb-fut-check 2 -- fut-check
case_of eb-fut-check 3 -- fut-check run --period 2026-T9
case_of eb-fut-check 4 -- fut-check show F-99
case_of eb-fut-check 5 -- fut-check claim F-1 --amount 100 --decision "SN 2026-12-03 § 1"
case_of eb-fut-check 6 -- "${none[@]}" fut-check list

cases=$EB_ROOT/tests/fixtures/cases/examples
mkdir -p wrong
sed 's/^amount = 18480$/amount = 18490/' "$cases/02-couple-two-children.toml" >wrong/02-couple-two-children.toml
printf '[[reform]]\nname = "2027"\nmonth = "2026-11"\nas_of = "2027-11"\nexpected_change_ore = 0\n' >reforms.toml
case_of eb-test 0 -- test "$cases"
case_of eb-test 1 -- test wrong
case_of eb-test 2 -- test
case_of eb-test 2 -- test --update
case_of eb-test 3 -- test bad.toml
case_of eb-test 4 -- test missing.toml
case_of eb-test 4 -- test "$cases" --norms-file missing.toml
case_of eb-test 6 -- "${none[@]}" test --reform reforms.toml

# ---- each page lists exactly the codes -----------------------------------------------------
for page in "${pages[@]}"; do
  test_case "$page(1): EXIT STATUS lists exactly the codes eb exits with"
  listed=$(listed_codes "$page" | tr '\n' ' ')
  [[ -n $listed ]] && pass || fail "an EXIT STATUS section" "codes" "none found in $man/$page.1"
  for code in $listed; do
    [[ $code == 70 ]] && continue  # an internal error: a bug, no case can make it
    if [[ -n ${ran["$page $code"]:-} ]]; then pass; else fail "listed code $code" "a case exiting $code" "none"; fi
  done
  for key in "${!ran[@]}"; do
    [[ $key == "$page "* ]] || continue
    code=${key#* }
    if [[ " $listed " == *" $code "* ]]; then pass; else fail "code $code is listed" "in EXIT STATUS: $listed" "missing"; fi
  done
done

# ---- the money keys a page names are in the JSON ------------------------------------------
# json_of PAGE ARGS… — add the keys of eb ARGS --json to PAGE's keys.
declare -A keys
json_of() {
  local page=$1
  shift
  run_eb "$@" --json
  keys[$page]+=" $(jq -r '[paths | .[] | strings] | unique | .[]' "$tmp/out" 2>/dev/null | tr '\n' ' ')"
}
json_of eb-list list
json_of eb-show show C-1
json_of eb-show show A-1
json_of eb-report report --period 2026-11
json_of eb-report --today 2026-12-31 report --period 2026
json_of eb-simulate simulate --month 2026-11 --as-of 2027-01
json_of eb-assess assess --file "$demo/01-single-adult.toml"
json_of eb-assess "${today[@]}" assess --month 2026-11 --dry-run
json_of eb-assess assess --file "$demo/02-couple-two-children.toml" --as-of 2027-01 --diff
json_of eb-decide "${today[@]}" decide --month 2026-11 --bifall-routine --by anna --dry-run
json_of eb-decide show A-1
json_of eb-decide "${today[@]}" decide A-11 --delbifall --by anna --dry-run
json_of eb-pay pay ledger
json_of eb-pay pay ledger C-1
json_of eb-pay pay show B-1
json_of eb-pay --today 2026-11-28 pay batch --date 2026-11-30 --dry-run
json_of eb-pay --today 2026-11-28 pay confirm B-1
json_of eb-pay --today 2026-12-10 pay repayment C-1 --amount 100
json_of eb-pay --today 2026-12-10 pay claim D-3 --ground wrongly-paid --amount 100 --decision "SN 2026-12-10 § 2" \
  --reason "Inkomst som inte redovisades"
json_of eb-fut-check fut-check list
json_of eb-fut-check fut-check show F-1
json_of eb-fut-check --today 2026-12-03 fut-check run --period 2026-11
printf 'pnr,month,source,kind,amount,paid_on\n19780514-2465,2026-10,FK,sjukpenning,3100,2026-10-25\n' >ssbtek3.csv
json_of eb-fut-check fut-check import --income ssbtek3.csv
json_of eb-fut-check --today 2026-12-04 fut-check resolve F-1 --outcome error --note "Inkomsten redovisades inte"
json_of eb-fut-check --today 2026-12-04 fut-check claim F-1 --amount 1000 --decision "SN 2026-12-04 § 3"
json_of eb-fut-check --today 2026-12-05 fut-check waive F-1 --amount 200 --reason "Skälig hänsyn"
json_of eb-fut-check fut-check show F-1
json_of eb-close --today 2026-12-11 close C-6 --reason moved --dry-run
json_of eb-arbetsplan --today 2026-12-11 arbetsplan C-7 --on 2026-12-01 --dry-run
json_of eb-test test "$cases"
json_of eb-test test wrong
json_of eb-test test --reform reforms.toml
json_of eb-norms norms list
json_of eb-norms norms show 2027
json_of eb-norms norms diff 2026 2027
# Keys a page names that only data this store lacks brings out: the report's FUT figures
# (FUT outcomes and claims) and its prognosis accuracy (a T2 prognosis and the year's outcome).
declare -A conditional=([eb-report]="claimed_ore repaid_ore difference_ore")
for page in "${!keys[@]}"; do
  test_case "$page(1): every _ore key it names is in its --json"
  named=$(grep -oE '[a-z][a-z_]*_ore\b' "$man/$page.1" | sort -u)
  missing=""
  for k in $named; do
    [[ " ${conditional[$page]:-} " == *" $k "* ]] && continue
    [[ " ${keys[$page]} " == *" $k "* ]] || missing+=" $k"
  done
  if [[ -z $missing ]]; then pass; else fail "keys named in $page.1" "in the JSON" "missing:$missing"; fi
done

finish
