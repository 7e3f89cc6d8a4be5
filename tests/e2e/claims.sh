#!/usr/bin/env bash
# Claims (återkrav) that refer to the decision on the bistånd, through the real eb (issue #13):
# a November 2026 month granted as an advance on sjukpenning (SoL 33 kap. 2 §) and one granted
# without a condition, both paid; Försäkringskassan's sjukpenning for the same month flagged by
# the FUT screening. A claim under 33 kap. 2 § on the advance decision is raised (from the flag,
# and by hand with eb pay claim) and shows its ground and decision in its text, JSON and the
# ledger; the same claim on the decision without the condition is refused (exit 5, naming it,
# nothing stored), a claim under 33 kap. 1 § needs none. The deadline is 33 kap. 5 §.
#
# Usage: bash tests/e2e/claims.sh      (EB=path/to/eb, EB_ROOT=repository root)
set -u
set -o pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export EB_NORMS=${EB_NORMS:-$EB_ROOT/norms}
unset EB_DELEGATION EB_PAYER
setup_tmp
require_eb

adv_pnr=19751111-7926
plain_pnr=19860707-5796
# household FILE PNR RENT — a single adult of November 2026, paid by avi.
household() {
  cat >"$1" <<TOML
month = "2026-11"
received = "2026-11-02"
address = "Provgatan 1, 123 45 Exempelstad"

[[member]]
pnr = "$2"
name = "Test Person"
role = "applicant"

[[cost]]
kind = "rent"
applied = $3
TOML
}

test_case "setup: two months decided (one as an advance on sjukpenning) and paid"
run_eb users add anna --role socialsekreterare --full-name "Anna Andersson"
expect_exit 0
run_eb users add eva --role fut --full-name "Eva Utredare"
expect_exit 0
household "$tmp/adv.toml" "$adv_pnr" 6000
household "$tmp/plain.toml" "$plain_pnr" 5000
run_eb --today 2026-11-02 intake --file "$tmp/adv.toml" --file "$tmp/plain.toml"
expect_exit 0
run_eb --today 2026-11-05 assess --month 2026-11
expect_exit 0
run_eb --today 2026-11-05 decide A-1 --bifall --advance-on FK:sjukpenning --by anna \
  --reason "Du har ansökt om sjukpenning hos Försäkringskassan för november, men ännu inte fått beslut om den."
expect_exit 0
run_eb --today 2026-11-05 decide A-2 --bifall --by anna
expect_exit 0
run_eb --today 2026-11-20 pay batch --date 2026-11-25 --json
expect_exit 0
expect_json .batch_id B-1
run_eb --today 2026-11-20 pay export B-1 --format pain001 -o b1.xml
expect_exit 0
run_eb --today 2026-11-25 pay confirm B-1
expect_exit 0

test_case "setup: Försäkringskassan paid sjukpenning for November to both; the screening flags it"
cat >"$tmp/income.csv" <<CSV
pnr,month,source,kind,amount,paid_on
$adv_pnr,2026-11,FK,sjukpenning,4200,2026-12-18
$plain_pnr,2026-11,FK,sjukpenning,3100,2026-12-18
CSV
run_eb --today 2026-12-20 fut-check import --income "$tmp/income.csv"
expect_exit 0
run_eb --today 2026-12-20 fut-check run --period 2026-11 --rule undeclared-income --json
expect_exit 1
flag_adv=$(jq -r '.flags[] | select(.case_id == "C-1") | .flag_id' "$tmp/out")
flag_plain=$(jq -r '.flags[] | select(.case_id == "C-2") | .flag_id' "$tmp/out")
expect_eq "$flag_adv" F-1 "the advance case's flag"
expect_eq "$flag_plain" F-2 "the other case's flag"
for f in F-1 F-2; do
  run_eb --as eva --today 2026-12-21 fut-check resolve "$f" --outcome error \
    --note "Sjukpenning för november betalades ut i efterhand."
  expect_exit 0
done

# ---- 33 kap. 2 §: refused without the written condition ---------------------------------
test_case "fut-check claim under 33 kap. 2 § on a decision without the condition: exit 5, naming it"
db_snapshot refused
run_eb --as eva --today 2026-12-21 fut-check claim F-2 --amount 3100 --decision "SN 2026-12-21 § 4" \
  --ground advance --on-decision D-2
expect_exit 5
expect_stderr_has "D-2 of 2026-11-05 states no condition for repayment"
expect_stderr_has "SoL (2025:400) 33 kap. 2 § 1 a och 2"
expect_db_unchanged refused

test_case "fut-check claim under 33 kap. 2 § without --on-decision: exit 3"
run_eb --as eva --today 2026-12-21 fut-check claim F-2 --amount 3100 --decision "SN § 4" --ground advance
expect_exit 3
expect_stderr_has "--on-decision: a claim under SoL 33 kap. 2 § rests on the decision"
run_eb --as eva --today 2026-12-21 fut-check claim F-2 --amount 3100 --decision "SN § 4" --ground förskott
expect_exit 3
expect_stderr_has "unknown ground (wrongly-paid: 33 kap. 1 §, advance: 33 kap. 2 §, repayable: 33 kap. 3 §)"
run_eb --as eva --today 2026-12-21 fut-check claim F-1 --amount 100 --decision "SN § 4" --ground advance \
  --on-decision D-2
expect_exit 3
expect_stderr_has "is a decision of C-2 for 2026-11, not of the flag's C-1 for 2026-11"
expect_db_unchanged refused

test_case "pay claim under 33 kap. 2 § on a decision without the condition: exit 5"
run_eb --today 2026-12-21 pay claim D-2 --ground advance --amount 3100 --decision "SN 2026-12-21 § 5" \
  --reason "Försäkringskassan har betalat ut sjukpenning för november."
expect_exit 5
expect_stderr_has "D-2 of 2026-11-05 states no condition for repayment"
expect_db_unchanged refused

# ---- 33 kap. 1 §: needs no condition -------------------------------------------------------
test_case "fut-check claim under 33 kap. 1 § on the decision without a condition"
run_eb --as eva --today 2026-12-21 fut-check claim F-2 --amount 3100 --decision "SN 2026-12-21 § 4" \
  --on-decision D-2
expect_exit 0
expect_stdout_has "under SoL (2025:400) 33 kap. 1 §"
expect_stdout_has "court action by 2029-11-25 if not repaid (SoL (2025:400) 33 kap. 5 §)"

# ---- 33 kap. 2 §: on the advance decision ------------------------------------------------
test_case "fut-check claim under 33 kap. 2 § on the advance decision"
run_eb --as eva --today 2026-12-21 fut-check claim F-1 --amount 4200 --decision "SN 2026-12-21 § 6" \
  --ground advance --on-decision D-1
expect_exit 0
expect_stdout_has "K-2: claim of 4 200 kr on F-1 (C-1) under SoL (2025:400) 33 kap. 2 § 1 a och 2 on the written condition of D-1"
expect_stdout_has "court action by 2029-11-25"
expect_stderr_has "delgetts"
run_eb fut-check show F-1 --json
expect_exit 0
expect_json .claim.ground advance
expect_json .claim.on_decision_id D-1
expect_json .claim.statute "SoL (2025:400) 33 kap. 2 § 1 a och 2"
expect_json .claim.deadline_statute "SoL (2025:400) 33 kap. 5 §"
run_eb fut-check show F-1
expect_exit 0
expect_stdout_has "förskott på en förmån, enligt beslut D-1"

test_case "pay claim: what is left of the advance, on its decision, with its reason"
run_eb --today 2026-12-22 pay claim D-1 --ground advance --amount 9999 --decision "SN 2026-12-22 § 2" \
  --reason "Försäkringskassan har betalat ut mer sjukpenning för november."
expect_exit 3
expect_stderr_has "is more than is left to claim of what was paid under D-1"
run_eb --today 2026-12-22 pay claim D-1 --ground advance --amount 300 --decision "SN 2026-12-22 § 2" \
  --reason "Försäkringskassan har betalat ut 500 kr mer sjukpenning för november."
expect_exit 0
expect_stdout_has "K-3: claim of 300 kr on D-1 (A-1, C-1, 2026-11) under SoL (2025:400) 33 kap. 2 § 1 a och 2 (advance)"
expect_stderr_has "eb does not record service"

test_case "pay claim --json: the claim with the keys of the ledger's claims, money in öre"
run_eb --today 2026-12-22 pay claim D-1 --ground advance --amount 200 --decision "SN 2026-12-22 § 3" \
  --reason "Resten av den sjukpenning som betalades ut för november." --json
expect_exit 0
expect_json .claim_id K-4
expect_json .on_decision_id D-1
expect_json .application_id A-1
expect_json .case_id C-1
expect_json .month 2026-11
expect_json .amount_ore 20000
expect_json .ground advance
expect_json .statute "SoL (2025:400) 33 kap. 2 § 1 a och 2"
expect_json .decision "SN 2026-12-22 § 3"
expect_json .raised_on 2026-12-22
expect_json '.warnings | length' 1
expect_stderr_has "eb does not record service"

test_case "the ledger shows each claim's ground and decision"
run_eb pay ledger C-1 --json
expect_exit 0
expect_json '[.claims[].ground] | join(",")' advance,advance,advance
expect_json '[.claims[].on_decision_id] | join(",")' D-1,D-1,D-1
expect_json '.claims[1].reason' "Försäkringskassan har betalat ut 500 kr mer sjukpenning för november."
expect_json .total.claimed_ore 470000
expect_json .total.claimed_on_decisions_ore 0
run_eb pay ledger C-2 --json
expect_json '.claims[0].ground' wrongly-paid
expect_json '.claims[0].statute' "SoL (2025:400) 33 kap. 1 §"
run_eb pay ledger C-1
expect_exit 0
expect_stdout_has "F-1 D-1"
expect_stdout_has "förskott på en förmån"
expect_stdout_lacks "advance"

test_case "a repayment is booked on the advance claim"
run_eb --today 2027-01-10 pay repayment C-1 --amount 4200 --claim K-2
expect_exit 0
expect_stdout_has "K-2: 4 200 kr repaid 2027-01-10 by C-1; 0 kr left"

test_case "db check"
run_eb db check
expect_exit 0

finish
