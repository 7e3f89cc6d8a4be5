#!/usr/bin/env bash
# eb fut-check from the command line, as an investigator uses it: a generated district (eb demo
# generate, with planted FUT errors and truth.json) taken through intake, assessment, routine
# decisions and payment, with the truth's actions (a decision lowered after payment); bad register
# files refused with line and field, nothing imported; the registers imported (twice: nothing
# added); the screening run (exit 1, then 0), its JSON, and its precision and recall against the
# truth (every planted error flagged with its rule, case and register row; no clean case flagged);
# a re-run after new register rows flagging only the new evidence; and a flag followed to its
# outcome: resolved, claimed, repaid with eb pay repayment, waived, reported to the police and
# notified, with the ledger showing the claim and the repayment.
#
# Usage: bash tests/e2e/fut_check.sh      (EB=path/to/eb, EB_ROOT=repository root)
#   FUT_HOUSEHOLDS (default 300), FUT_MONTHS (default 2), FUT_SEED (default 7): the district.
set -u
set -o pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export EB_NORMS=${EB_NORMS:-$EB_ROOT/norms}
unset EB_PAYER EB_DELEGATION
households=${FUT_HOUSEHOLDS:-300}
months=${FUT_MONTHS:-2}
seed=${FUT_SEED:-7}
first=2026-01

setup_tmp
require_eb

# month_of T — the T-th month (0-based) from $first, YYYY-MM.
month_of() { date -d "${first}-01 +$1 month" +%Y-%m; }
last=$(month_of $((months - 1)))
period=$first..$last
((months > 1)) || period=$first # one month is written as the month (eb prints it so)
# grouped N — N with a space between groups of three digits, as eb writes counts ("12 345").
grouped() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\| \)/\1 \2\3/' -e 'ta'; }

# ---- the district, taken through the whole path --------------------------------------
test_case "setup: eb demo generate with planted errors"
run_eb demo generate --households "$households" --months "$months" --first-month "$first" --seed "$seed" \
  --plant-errors 1% -o gen
expect_exit 0
truth=$tmp/gen/truth.json
planted=$(jq '.planted | length' "$truth")
if ((planted >= 7)); then pass; else fail "planted errors" "at least one per rule" "$planted"; fi

run_eb users add anna --role enhetschef --full-name "Anna Andersson"
run_eb users add eva --role fut --full-name "Eva Utredare"

# lower_decision ACTION — the truth's action: after the month is paid, the case's decision is
# replaced by a delbifall granting `lowered_to` (an omprövning after payment).
lower_decision() {
  local action=$1 pnr month app decision lower rejects
  pnr=$(jq -r "$action.case.applicant_pnr" "$truth")
  month=$(jq -r "$action.case.month" "$truth")
  app=$(jq -r --arg p "$pnr" '.[] | select(.applicant == $p) | .application_id' "$tmp/list-$month.json" | head -n 1)
  lower=$(jq -r "$action.granted_ore - $action.lowered_to_ore" "$truth")
  run_eb show "$app" --json
  decision=$(json_get .decision_id)
  # Items to reject, greedily, from the latest assessment's need lines (item keys as eb decide
  # names them: the cost kind, else the rule; "#2" for a key seen twice).
  rejects=$(jq -r --argjson left "$lower" '
    reduce (.assessments[-1].lines[] | select(.amount_ore > 0)) as $l
      ({left: $left, seen: {}, out: []};
       ($l.kind // $l.rule) as $k | ((.seen[$k] // 0) + 1) as $n | .seen[$k] = $n
       | if .left > 0 then
           ([.left, $l.amount_ore] | min) as $take
           | "\($take / 100 | floor),\($take % 100 + 100 | tostring | .[1:])" as $kr
           | .out += ["--reject", "\($k)\(if $n > 1 then "#\($n)" else "" end):\($kr)"]
           | .left -= $take
         else . end)
    | .out[]' "$tmp/out")
  mapfile -t reject_args <<<"$rejects"
  run_eb --today "$(month_of_day "$month" 27)" decide "$app" --delbifall "${reject_args[@]}" --replaces "$decision" \
    --reason "Omprövning: hushållets behov var lägre än beslutat" \
    --child-impact "Barnens behov är tillgodosedda av det som beviljas." --by anna
  if [[ $status != 0 ]]; then
    fail "lower $action ($app)" "exit 0" "exit $status: $(head -n 2 "$tmp/err")"
  fi
}
month_of_day() { printf '%s-%02d' "$1" "$2"; }

for ((t = 0; t < months; t++)); do
  m=$(month_of $t)
  test_case "setup: $m taken in, assessed, decided and paid"
  run_eb --today "$(month_of_day "$m" 20)" intake --file "gen/applications/$m"
  expect_exit 0
  run_eb --today "$(month_of_day "$m" 20)" assess --month "$m"
  expect_exit 0
  run_eb --today "$(month_of_day "$m" 21)" decide --month "$m" --bifall-routine --by anna
  run_eb --today "$(month_of_day "$m" 22)" pay batch --date "$(month_of_day "$m" 25)" --month "$m" --json
  expect_exit 0
  batch=$(json_get .batch_id)
  run_eb --today "$(month_of_day "$m" 22)" pay export "$batch" --format pain001 -o "$batch.xml"
  expect_exit 0
  run_eb --today "$(month_of_day "$m" 25)" pay confirm "$batch"
  expect_exit 0
  run_eb list --month "$m" --json --show-pnr
  cp "$tmp/out" "$tmp/list-$m.json"
  for i in $(jq -r --arg m "$m" '.actions | to_entries[] | select(.value.after_paying == $m) | .key' "$truth"); do
    lower_decision ".actions[$i]"
  done
done

# The truth's cases as stored: applicant personnummer and month -> C-n.
jq -s '[.[][] | {key: "\(.applicant) \(.month)", value: .case_id}] | from_entries' "$tmp"/list-*.json >cases.json

# ---- bad register files: refused with line and field, nothing imported ----------------
# refused NAME CONTENT WANT... — importing CONTENT as an income (or, NAME pop-*, population)
# register exits 3, names each WANT on stderr (the line as "FILE:LINE:", the field, the value)
# and leaves the store as it was.
good_pnr=$(sed -n 2p gen/income-register.csv | cut -d, -f1)
refused() {
  local name=$1 content=$2
  shift 2
  test_case "a bad register file is refused: $name"
  printf '%b' "$content" >"$name.csv"
  db_snapshot "before-$name"
  if [[ $name == pop-* ]]; then
    run_eb fut-check import --population "$name.csv"
  else
    run_eb fut-check import --income "$name.csv"
  fi
  expect_exit 3
  local want
  for want in "$@"; do expect_stderr_has "$want"; done
  expect_db_unchanged "before-$name"
}
header='pnr,month,source,kind,amount,paid_on\n'
refused bad-pnr "${header}${good_pnr},2026-01,FK,sjukpenning,100,2026-01-25\n19850312-2388,2026-01,FK,sjukpenning,100,2026-01-25\n" \
  "bad-pnr.csv:3:" "pnr" "19850312-XXXX"
refused bad-source "${header}${good_pnr},2026-01,XX,sjukpenning,100,2026-01-25\n" "bad-source.csv:2:" "source" "XX"
refused bad-kind "${header}${good_pnr},2026-01,FK,lottery,100,2026-01-25\n" "bad-kind.csv:2:" "kind" "lottery"
refused negative "${header}${good_pnr},2026-01,FK,sjukpenning,-100,2026-01-25\n" "negative.csv:2:" "amount" "-100"
refused missing-column "pnr,month,source,kind,amount\n${good_pnr},2026-01,FK,sjukpenning,100\n" "paid_on"
refused duplicate-header "pnr,month,source,kind,amount,paid_on,amount\n${good_pnr},2026-01,FK,sjukpenning,100,2026-01-25,100\n" \
  "duplicate-header.csv:1:" "amount"
refused open-quote "${header}${good_pnr},2026-01,FK,sjukpenning,\"100,2026-01-25\n" "open-quote.csv:2:" "quote"
refused month-13 "${header}${good_pnr},2026-13,FK,sjukpenning,100,2026-01-25\n" "month-13.csv:2:" "month" "2026-13"
refused pop-bad-date "pnr,address,deceased_on\n${good_pnr},\"Storgatan 1, 123 45 Exempelstad\",2026-02-30\n" \
  "pop-bad-date.csv:2:" "deceased_on" "2026-02-30"

# ---- imports: idempotent ------------------------------------------------------------------
income_rows=$(($(wc -l <gen/income-register.csv) - 1))
test_case "import --income: every row new the first time"
run_eb --as eva --today 2026-03-02 fut-check import --income gen/income-register.csv
expect_exit 0
expect_stdout_has "$(grouped "$income_rows") rows read, $(grouped "$income_rows") new"
income_import=$(sed -n 's/^fut-import-\([0-9]*\):.*/\1/p' "$tmp/out")

test_case "import --income again: nothing added"
db_snapshot before-again
run_eb --as eva --today 2026-03-02 fut-check import --income gen/income-register.csv
expect_exit 0
expect_stdout_has " 0 new"
expect_stdout_has "nothing new"
expect_eq "$(sqlite3 -readonly "$EB_DB" 'SELECT count(*) FROM fut_income_row')" "$income_rows" "register rows stored"

test_case "import --population"
run_eb --as eva --today 2026-03-02 fut-check import --population gen/population.csv
expect_exit 0
expect_stdout_has "with a date of death"

# ---- the screening ---------------------------------------------------------------------------
test_case "run: new flags, exit 1"
run_eb --as eva --today 2026-03-02 fut-check run --period "$period" --json --show-pnr
expect_exit 1
cp "$tmp/out" run1.json
expect_json .period "$period"
expect_json '[.flags[] | select(.new | not)] | length' 0
expect_json '[.flags[] | has("flag_id", "rule", "case_id", "cases", "month", "amount_at_risk_ore", "evidence", "new")
  | select(not)] | length' 0
expect_json '.flags[0].flag_id' F-1

# recall: every planted error has a flag of its rule, month and case(s), with its register row.
test_case "recall: every planted error is flagged with the right rule, case and register row"
jq -r --slurpfile flags run1.json --slurpfile cases cases.json --arg imp "$income_import" '
  def case_of($c): $cases[0]["\($c.applicant_pnr) \($c.month)"];
  .planted[] as $p
  | [$flags[0].flags[] | select(.rule == $p.rule and .month == $p.month)
     | select(
         if $p.rule == "person-in-two-cases" or $p.rule == "shared-account" or $p.rule == "address-concentration"
         then (.cases | sort) == ([$p.cases[] | case_of(.)] | sort)
         else .case_id == case_of($p.cases[0]) end)
     | select($p.member_pnr == null or $p.rule == "shared-account" or .member == $p.member_pnr)
     | select($p.register_row == null
              or any(.evidence.register_rows[]; .line == $p.register_row.line
                     and (.import_id | tostring) == $imp and .amount_ore == $p.register_row.amount_ore))
     | select($p.population_row == null or .evidence.population.deceased_on == $p.population_row.deceased_on)
     | select($p.amount_at_risk_ore == null or .amount_at_risk_ore == $p.amount_at_risk_ore
              or $p.rule == "undeclared-income" or $p.rule == "person-in-two-cases")]
  | if length == 0 then "MISSED \($p.id) \($p.rule) \($p.month) \([$p.cases[] | case_of(.)])" else empty end
' "$truth" >missed.txt || echo "jq failed" >>missed.txt
if [[ ! -s missed.txt ]]; then pass; else fail "recall" "no planted error missed" "$(head -n 5 missed.txt | tr '\n' ';')"; fi

# precision: every flag is about a planted error (its rule, month and a case of it), none about
# a clean case or a clean edge.
test_case "precision: no clean case is flagged"
jq -r --slurpfile truth "$truth" --slurpfile cases cases.json '
  def case_of($c): $cases[0]["\($c.applicant_pnr) \($c.month)"];
  .flags[] as $f
  | [$truth[0].planted[] | select(.rule == $f.rule and .month == $f.month)
     | select([.cases[] | case_of(.)] | index($f.case_id))]
  | if length == 0 then "FALSE \($f.flag_id) \($f.rule) \($f.case_id) \($f.month)" else empty end
' run1.json >false.txt || echo "jq failed" >>false.txt
if [[ ! -s false.txt ]]; then pass; else fail "precision" "no flag on a clean case" "$(head -n 5 false.txt | tr '\n' ';')"; fi
flags=$(jq '.flags | length' run1.json)
missed=$(wc -l <missed.txt)
false_flags=$(wc -l <false.txt)
printf 'fut-check on the generated district (%s households x %s months, seed %s): %s planted errors, %s flags;' \
  "$households" "$months" "$seed" "$planted" "$flags"
printf ' recall %s/%s, precision %s/%s\n' $((planted - missed)) "$planted" $((flags - false_flags)) "$flags"

test_case "run again: the same evidence flagged again is not new, exit 0, nothing written"
db_snapshot before-rerun
run_eb --as eva --today 2026-03-03 fut-check run --period "$period" --json
expect_exit 0
expect_json '.flags | length' "$flags"
expect_json '[.flags[] | select(.new)] | length' 0
expect_json '.run' null
expect_db_unchanged before-rerun

test_case "run --json masks personnummer without --show-pnr"
expect_json '[.flags[] | select(.member != null) | .member | test("-XXXX$")] | all' true

test_case "run --rule: only that rule; an unknown rule is refused"
run_eb --as eva fut-check run --period "$period" --rule overpayment --json
expect_exit 0
expect_json '[.flags[] | .rule] | unique | join(",")' overpayment
run_eb --as eva fut-check run --period "$period" --rule nosuchrule
expect_exit 3
expect_stderr_has "nosuchrule"
expect_stderr_has "undeclared-income"

test_case "run --csv: one row per flag"
run_eb --as eva fut-check run --period "$period" --csv
expect_exit 0
expect_eq "$(($(wc -l <"$tmp/out") - 1))" "$flags" "CSV rows"
expect_stdout_has "flag_id,rule,case_id,cases,month,member,amount_at_risk_ore,evidence_key,new,note"

# ---- new register rows: only the new evidence is flagged ---------------------------------------
test_case "a re-run after new register rows flags only the new evidence"
clean=$(jq -r --slurpfile truth "$truth" '
  ([$truth[0].planted[], $truth[0].clean_edges[]] | [.[].cases[].applicant_pnr]) as $used
  | [.[] | select(.status == "decided" and .members == 1 and (.applicant as $a | $used | index($a) | not))][0]
  | "\(.applicant) \(.case_id)"' "list-$first.json")
clean_pnr=${clean% *}
clean_case=${clean#* }
printf 'pnr,month,source,kind,amount,paid_on\n%s,%s,FK,foraldrapenning,2500,%s-24\n' "$clean_pnr" "$first" "$first" >new-rows.csv
run_eb --as eva --today 2026-03-04 fut-check import --income new-rows.csv
expect_exit 0
expect_stdout_has "1 row read, 1 new"
run_eb --as eva --today 2026-03-04 fut-check run --period "$period" --json
expect_exit 1
expect_json '[.flags[] | select(.new)] | length' 1
expect_json '[.flags[] | select(.new)][0].rule' undeclared-income
expect_json '[.flags[] | select(.new)][0].case_id' "$clean_case"
expect_json '[.flags[] | select(.new)][0].evidence.register_rows[0].line' 2
expect_json '[.flags[] | select(.new)][0].amount_at_risk_ore' 250000
new_flag=$(json_get '[.flags[] | select(.new)][0].flag_id')

# ---- follow-up: resolve, claim, repay, waive ---------------------------------------------------
flag=$(jq -r '[.flags[] | select(.rule == "undeclared-income")][0].flag_id' run1.json)
flag_case=$(jq -r --arg f "$flag" '.flags[] | select(.flag_id == $f) | .case_id' run1.json)
at_risk=$(jq -r --arg f "$flag" '.flags[] | select(.flag_id == $f) | .amount_at_risk_ore' run1.json)

test_case "show: the flag with its evidence, masked"
run_eb --as eva fut-check show "$flag"
expect_exit 0
expect_stdout_has "FUT-flagga $flag"
expect_stdout_has "Registeruppgifter"
expect_stdout_has "import $income_import, rad"
expect_stdout_has "Öppen"
expect_stdout_lacks "$(jq -r --arg f "$flag" '.flags[] | select(.flag_id == $f) | .member' run1.json)"

test_case "claim on an open flag: refused"
run_eb --as eva fut-check claim "$flag" --amount 100 --decision "SN 2026-03-05 § 3"
expect_exit 5
expect_stderr_has "open"

test_case "resolve: closed as error, by whom and when, in the audit log"
run_eb --as eva --today 2026-03-05 fut-check resolve "$flag" --outcome error --note "Inkomsten redovisades inte"
expect_exit 0
expect_stdout_has "$flag: closed as error on 2026-03-05 by eva"
expect_eq "$(sqlite3 -readonly "$EB_DB" "SELECT user FROM audit WHERE entity = '$flag' ORDER BY id DESC LIMIT 1")" eva \
  "audit user"

test_case "resolve twice: refused, nothing changed"
db_snapshot before-resolve2
run_eb --as eva fut-check resolve "$flag" --outcome no-error --note "again"
expect_exit 5
expect_stderr_has "already closed"
expect_db_unchanged before-resolve2

test_case "resolve with a blank note or an unknown outcome: refused"
run_eb --as eva fut-check resolve "$new_flag" --outcome error --note "  "
expect_exit 3
run_eb --as eva fut-check resolve "$new_flag" --outcome maybe --note "x"
expect_exit 3
expect_stderr_has "no-error, error, suspected-crime"

test_case "claim more than was paid: refused"
run_eb --as eva fut-check claim "$flag" --amount 999999 --decision "SN 2026-03-05 § 3"
expect_exit 3
expect_stderr_has "more than was paid"

amount_kr=$((at_risk / 100))
test_case "claim: an återkrav in the ledger, with its deadline"
run_eb --as eva --today 2026-03-06 fut-check claim "$flag" --amount "$amount_kr" --decision "SN 2026-03-05 § 3"
expect_exit 0
expect_stdout_has "SoL (2025:400) 33 kap. 1 §"
expect_stdout_has "SoL (2025:400) 33 kap. 5 §"
expect_stdout_has "court action by 2029-01-25"
claim=$(sed -n 's/^\(K-[0-9]*\): claim.*/\1/p' "$tmp/out")

test_case "a second claim on the flag: refused"
run_eb --as eva fut-check claim "$flag" --amount 1 --decision "SN 2026-03-05 § 4"
expect_exit 5
expect_stderr_has "already has a claim"

test_case "eb pay repayment on the FUT claim, and the ledger shows claimed and repaid"
run_eb --today 2026-03-20 pay repayment "$flag_case" --amount 1000 --claim "$claim"
expect_exit 0
run_eb pay ledger "$flag_case" --json
expect_exit 0
expect_json ".claims[] | select(.claim_id == \"$claim\") | .amount_ore" "$((amount_kr * 100))"
expect_json ".claims[] | select(.claim_id == \"$claim\") | .repaid_ore" 100000
expect_json ".claims[] | select(.claim_id == \"$claim\") | .flag_id" "$flag"
expect_json ".claims[] | select(.claim_id == \"$claim\") | .deadline" 2029-01-25
expect_json .total.claimed_ore "$((amount_kr * 100))"
expect_json .total.repaid_ore 100000

test_case "waive: part of what is outstanding; more is refused"
run_eb --as eva fut-check waive "$flag" --amount "$amount_kr" --reason "Synnerliga skäl"
expect_exit 3
expect_stderr_has "more than is outstanding"
run_eb --as eva --today 2026-03-21 fut-check waive "$flag" --amount 500 --reason "Skälig hänsyn till hushållets ekonomi"
expect_exit 0
expect_stdout_has "SoL (2025:400) 33 kap. 6 §"
run_eb --as eva --today 2026-03-21 fut-check waive "$flag" --amount 100 --reason "Skälig hänsyn, resten" --json
expect_exit 0
expect_json .claim_id "$claim"
expect_json .flag_id "$flag"
expect_json .amount_ore 10000
expect_json .whole false
expect_json .statute "SoL (2025:400) 33 kap. 6 §"
expect_json .outstanding_ore "$((amount_kr * 100 - 160000))"
run_eb pay ledger "$flag_case" --json
expect_json ".claims[] | select(.claim_id == \"$claim\") | .waived_ore" 60000
expect_json ".claims[] | select(.claim_id == \"$claim\") | .left_ore" "$((amount_kr * 100 - 160000))"
run_eb --as eva fut-check show "$flag" --json
expect_json .claim.outstanding_ore "$((amount_kr * 100 - 160000))"
expect_json .outcome.outcome error

test_case "overpayment: the claim is eb pay batch's, not the flag's"
over=$(jq -r '[.flags[] | select(.rule == "overpayment")][0].flag_id' run1.json)
run_eb --as eva fut-check resolve "$over" --outcome error --note "Beslutet sänktes efter utbetalning"
expect_exit 0
run_eb --as eva fut-check claim "$over" --amount 100 --decision "SN 2026-03-05 § 5"
expect_exit 5
expect_stderr_has "eb pay batch"

# ---- suspected crime: the police report and a notice ---------------------------------------
crime=$(jq -r '[.flags[] | select(.rule == "paid-after-death")][0].flag_id' run1.json)
test_case "report-police on a flag not closed as suspected-crime: refused"
run_eb --as eva fut-check report-police "$crime"
expect_exit 5
run_eb --as eva --today 2026-03-07 fut-check resolve "$crime" --outcome suspected-crime \
  --note "Bistånd utbetalt efter dödsfallet; kontot användes"
expect_exit 0

test_case "report-police -o: the report, owner-only, recorded"
run_eb --as eva --today 2026-03-08 fut-check report-police "$crime" -o report.txt --contact "08-123 45 67"
expect_exit 0
expect_file_mode report.txt 600
if grep -q "Anmälan om misstänkt bidragsbrott" report.txt && grep -q "6 § första stycket bidragsbrottslagen" report.txt &&
  grep -q "Eva Utredare" report.txt; then pass; else fail "report content" "title, duty and reporter" "$(head -n 3 report.txt)"; fi
expect_stdout_has "police report written to report.txt"
run_eb --as eva --today 2026-03-08 fut-check report-police "$crime" --format html -o report.html
expect_exit 0
if grep -q "<html" report.html; then pass; else fail "report html" "an HTML page" "$(head -c 80 report.html)"; fi
run_eb --as eva fut-check show "$crime" --json
expect_json '[.follow_up[] | select(.kind == "police-report")] | length' 2

test_case "notify: the notice to Försäkringskassan (lag 2008:206)"
run_eb --as eva --today 2026-03-09 fut-check notify "$crime" --authority FK --benefit bostadsbidrag \
  --circumstances "Personen avled enligt folkbokföringen" -o notice.txt
expect_exit 0
expect_file_mode notice.txt 600
if grep -q "Underrättelse om misstänkt felaktig utbetalning" notice.txt; then pass; else fail "notice" "title" "?"; fi
run_eb --as eva fut-check notify "$crime" --authority SKV --benefit x --circumstances y
expect_exit 3
expect_stderr_has "Skatteverket"

# ---- list ---------------------------------------------------------------------------------------
test_case "list --open and --rule"
run_eb --as eva fut-check list --open --json
expect_exit 0
expect_json '[.[] | select(.status != "open")] | length' 0
expect_json "[.[] | select(.flag_id == \"$flag\")] | length" 0
run_eb --as eva fut-check list --rule paid-after-death --json
expect_json '[.[] | .rule] | unique | join(",")' paid-after-death
run_eb --as eva fut-check show F-99999
expect_exit 4

test_case "db check: the store is intact after all of it"
run_eb db check
expect_exit 0

finish
