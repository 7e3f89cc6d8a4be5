#!/usr/bin/env bash
# Right in law (issue #13), through the real eb: a cut is a delbifall with its reasons and a
# barnkonsekvensanalys; no granting decision on the preliminary norm without
# --allow-unofficial-norm; transitional rules by arrival date; members aged 18–20; jobbstimulans
# from July 2013; SoL (2025:400) for decisions made from 2025-07-01; the reason codes and
# citations of the letter; dissent; advances and repayable grants; barnbidrag.
#
# Usage: bash tests/e2e/law.sh      (EB=path/to/eb, EB_ROOT=repository root)
set -u
set -o pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

demo=$EB_ROOT/data/demo
export EB_NORMS=${EB_NORMS:-$EB_ROOT/norms}
unset EB_DELEGATION
setup_tmp
require_eb

flat() { tr -s ' \n' '  ' <"$tmp/out"; }
expect_letter_has() {
  if flat | grep -qF -- "$1"; then pass; else fail "letter contains" "a letter containing '$1'" "not found"; fi
}
expect_letter_lacks() {
  if flat | grep -qF -- "$1"; then fail "letter lacks" "a letter without '$1'" "found"; else pass; fi
}
# household FILE MONTH RECEIVED — a single adult with rent 6 000 kr.
single() {
  cat >"$1" <<TOML
month = "$2"
received = "$3"
address = "Provgatan 1, 123 45 Exempelstad"

[[member]]
pnr = "$4"
name = "Test Person"
role = "applicant"

[[cost]]
kind = "rent"
applied = 6000
TOML
}
intake() {
  run_eb --today "$1" intake --json --file "$2"
  expect_exit 0
  json_get .application_id
}

test_case "setup: users"
run_eb users add anna --role socialsekreterare --full-name "Anna Andersson"
expect_exit 0
run_eb users add gunnar --role gruppledare --full-name "Gunnar Grupp"
expect_exit 0

# ---- 1. a cut is a delbifall, measured against what was applied for (FL 32 §) ---------------
test_case "guideline cap: intake and assess (demo household 10, a child)"
capped=$(intake 2026-11-10 "$demo/10-guideline-rent-cap.toml")
run_eb --today 2026-11-12 assess "$capped" --json
expect_exit 0
expect_json '.totals.applied_ore - .totals.amount_ore' 380000
expect_json '[.lines[] | select(.kind == "rent")][0].cut.code' cost-above-guideline

test_case "guideline cap: --bifall is refused, naming the cut item"
db_snapshot cut
run_eb --today 2026-11-12 decide "$capped" --bifall --by gunnar
expect_exit 5
expect_stderr_has "rent (11 800 kr applied for, 8 000 kr counted: cost-above-guideline)"
expect_stderr_has "is a delbifall"
expect_db_unchanged cut

test_case "guideline cap: a delbifall needs the barnkonsekvensanalys"
run_eb --today 2026-11-12 decide "$capped" --delbifall --by gunnar
expect_exit 3
expect_stderr_has "--child-impact: the household has 1 child: a delbifall needs a barnkonsekvensanalys"
expect_stderr_has "cut items: rent"
expect_db_unchanged cut

test_case "guideline cap: delbifall with the cut's reason"
run_eb --today 2026-11-12 decide "$capped" --delbifall --by gunnar --json \
  --child-impact "Liam kan bo kvar i bostaden under november."
expect_exit 0
cut_decision=$(json_get .decision_id)
expect_json .kind delbifall
expect_json '.applied_ore - .granted_ore' 380000
expect_json '[.lines[] | select(.item == "rent")][0].applied_ore' 1180000
expect_json '[.lines[] | select(.item == "rent")][0].granted_ore' 800000
expect_json '[.lines[] | select(.item == "rent")][0].refused_ore' 380000
expect_json '[.lines[] | select(.item == "rent")][0].reason_code' cost-above-guideline
run_eb letter "$cut_decision"
expect_exit 0
expect_letter_has "Boendekostnad 11 800 kr 8 000 kr 3 800 kr delvis bifall"
expect_letter_has "Den del som är högre, 3 800 kr, bedöms inte som en skälig kostnad"
expect_letter_has "(Lagrum: SoL (2025:400) 12 kap. 7 § första stycket 2.)"
expect_letter_has "Lagrum: SoL (2025:400) 3 kap. 1–2 §§ (barnets bästa"

test_case "routine: a cut goes to manual handling"
run_eb intake --today 2026-11-11 --file "$demo/11-other-needs-dental.toml"
expect_exit 0
run_eb --today 2026-11-13 assess --month 2026-11
run_eb --today 2026-11-13 decide --month 2026-11 --bifall-routine --by gunnar --json --dry-run
expect_exit 0
expect_json '[.manual[] | select(.why | test("counts less than was applied for: dental"))] | length' 1

# ---- 2. the preliminary 2027 norm ----------------------------------------------------------
test_case "preliminary norm: a granting decision is refused without --allow-unofficial-norm"
single "$tmp/jan2027.toml" 2027-01 2027-01-04 "19800101-1231"
prelim=$(intake 2027-01-04 "$tmp/jan2027.toml")
run_eb --today 2027-01-08 assess "$prelim"
expect_exit 0
expect_stderr_has "PRELIMINARY"
db_snapshot prelim
run_eb --today 2027-01-08 decide "$prelim" --bifall --by anna
expect_exit 5
expect_stderr_has "riksnorm-2027, whose status is preliminary"
expect_stderr_has "--allow-unofficial-norm REASON"
expect_db_unchanged prelim
run_eb --today 2027-01-08 decide "$prelim" --bifall --by anna --json \
  --allow-unofficial-norm "Beloppen för 2027 är inte fastställda och behovet kan inte vänta."
expect_exit 0
expect_stderr_has "decided on a norm that is not official"
prelim_decision=$(json_get .decision_id)
run_eb letter "$prelim_decision"
expect_letter_has "Riksnormen är inte fastställd"
expect_letter_has "ännu inte är fastställd av regeringen"
expect_letter_has "Beslutet gäller med förbehåll"

# ---- 3. transitional rules by month and arrival date ---------------------------------------
test_case "a December 2026 application received in January 2027 is assessed under the 2027 rules"
single "$tmp/late.toml" 2026-12 2027-01-11 "19820202-2342"
late=$(intake 2027-01-12 "$tmp/late.toml")
run_eb --today 2027-01-12 assess "$late" --json
expect_exit 0
expect_json .month 2026-12
expect_json .norm.id riksnorm-2027
expect_json .rules.norm_day 2027-01-01
expect_json '[.rules.transitions[].sfs] | join(",")' "2026:897,2026:1126"
expect_json '[.notes[] | select(test("SFS 2026:897"))] | length' 1

test_case "the same month received in December keeps the 2026 rules"
single "$tmp/ontime.toml" 2026-12 2026-12-14 "19700101-3213"
ontime=$(intake 2026-12-14 "$tmp/ontime.toml")
run_eb --today 2027-01-12 assess "$ontime" --json
expect_exit 0
expect_json .norm.id riksnorm-2026
expect_json .rules.norm_day 2026-12-01

# ---- 4. members and the decision date -------------------------------------------------------
test_case "an 18-year-old who is not in school is refused (SoL 12 kap. 9 §)"
cat >"$tmp/eighteen.toml" <<'TOML'
month = "2026-11"
received = "2026-11-02"
address = "Provgatan 1, 123 45 Exempelstad"

[[member]]
pnr = "19750505-4325"
role = "applicant"

[[member]]
pnr = "20080315-3451"
role = "child"
TOML
db_snapshot eighteen
run_eb --today 2026-11-03 intake --file "$tmp/eighteen.toml"
expect_exit 3
expect_stderr_has "member[2].in_school = false: a child aged 18 counts in the household only while in school"
expect_db_unchanged eighteen

test_case "jobbstimulans: not for income of June 2013, for July (Lag 2013:421)"
for m in 06 07; do
  cat >"$tmp/job-$m.toml" <<TOML
month = "2013-$m"

[[member]]
pnr = "19800101-1231"
role = "applicant"
assistance_months = 7

[[income]]
member = "19800101-1231"
kind = "salary"
amount = 8000
TOML
done
run_eb assess --file "$tmp/job-06.toml" --json
expect_exit 0
expect_json '[.lines[] | select(.rule == "exemption.jobbstimulans")] | length' 0
expect_json '[.notes[] | select(test("Lag 2013:421"))] | length' 1
run_eb assess --file "$tmp/job-07.toml" --json
expect_exit 0
expect_json '[.lines[] | select(.rule == "exemption.jobbstimulans")][0].amount_ore' 200000

test_case "a January 2025 month decided in August 2025 cites SoL (2025:400)"
single "$tmp/jan2025.toml" 2025-01 2025-01-02 "19930930-9244"
jan2025=$(intake 2025-01-03 "$tmp/jan2025.toml")
run_eb --today 2025-08-11 assess "$jan2025"
expect_exit 0
run_eb --today 2025-08-12 decide "$jan2025" --bifall --by anna --json
expect_exit 0
expect_json '.statutes[0]' "SoL (2025:400) 12 kap. 1 §"
expect_json '[.statutes[] | select(test("2001:453"))] | length' 0
run_eb letter "$(json_get .decision_id)"
expect_letter_has "Beslutet fattas efter den 1 juli 2025"
expect_letter_lacks "SoL (2001:453)"  # the letter may say which act the new one replaced

test_case "assessed before 2025-07-01 and decided after: assess again"
single "$tmp/jun2025.toml" 2025-06 2025-06-02 "19990412-1358"
jun2025=$(intake 2025-06-02 "$tmp/jun2025.toml")
run_eb --today 2025-06-10 assess "$jun2025"
expect_exit 0
db_snapshot again
run_eb --today 2025-07-02 decide "$jun2025" --bifall --by anna
expect_exit 5
expect_stderr_has "was assessed under the rules of 2025-06-01"
expect_stderr_has "eb assess $jun2025"
expect_db_unchanged again

# ---- 5. reason codes, the aktivitetskrav, dissent ---------------------------------------
test_case "refused-aktivitetskrav cites 12 kap. 4 a, 4 d och 5 §§ for November 2026"
single "$tmp/krav.toml" 2026-11 2026-11-02 "19850619-2460"
krav=$(intake 2026-11-02 "$tmp/krav.toml")
run_eb --today 2026-11-05 assess "$krav"
run_eb --today 2026-11-05 decide "$krav" --avslag --reason refused-aktivitetskrav --by anna --json
expect_exit 0
expect_json '[.statutes[] | select(. == "SoL (2025:400) 12 kap. 4 a, 4 d och 5 §§")] | length' 1

test_case "refused-rehabilitation (12 kap. 4 g §) is refused before 2027"
single "$tmp/rehab.toml" 2026-11 2026-11-02 "19680808-8139"
rehab=$(intake 2026-11-02 "$tmp/rehab.toml")
run_eb --today 2026-11-05 assess "$rehab"
run_eb --today 2026-11-05 decide "$rehab" --avslag --reason refused-rehabilitation --by anna
expect_exit 3
expect_stderr_has "refused-rehabilitation rests on a rule in force from 2027-01-01"

test_case "dissent: recorded and in the letter (FL 30 och 33 §§)"
run_eb --today 2026-11-05 decide "$rehab" --bifall --by gunnar --dissent nobody --note "Nej."
expect_exit 4
run_eb --today 2026-11-05 decide "$rehab" --bifall --by gunnar --dissent anna
expect_exit 2
run_eb --today 2026-11-05 decide "$rehab" --bifall --by gunnar --presented-by anna --dissent anna \
  --note "Hyran borde ha prövats mot riktlinjen." --json
expect_exit 0
expect_json '.dissents[0].user' anna
run_eb letter "$(json_get .decision_id)"
expect_letter_has "Avvikande mening"
expect_letter_has "Anna Andersson, socialsekreterare, har anmält avvikande mening: Hyran borde ha prövats mot riktlinjen."
expect_letter_has "FL (2017:900) 30 § andra stycket och 33 § andra stycket"

# ---- 6. advances and repayable grants (SoL 33 kap. 2–3 §§) ----------------------------------
test_case "advance on sjukpenning: stored and stated with its statute"
single "$tmp/advance.toml" 2026-11 2026-11-02 "19751111-7926"
advance=$(intake 2026-11-02 "$tmp/advance.toml")
run_eb --today 2026-11-05 assess "$advance"
run_eb --today 2026-11-05 decide "$advance" --bifall --advance-on XX:sjukpenning --by anna
expect_exit 3
expect_stderr_has '--advance-on = "XX:sjukpenning": unknown payer'
run_eb --today 2026-11-05 decide "$advance" --bifall --advance-on FK:sjukpenning --by anna --json
expect_exit 0
expect_json .repayment.kind advance
expect_json .repayment.on FK:sjukpenning
expect_stderr_has "binds only when the letter is served"
run_eb letter "$(json_get .decision_id)"
expect_letter_has "Villkor om återbetalning"
expect_letter_has "lämnas som förskott på sjukpenning från Försäkringskassan"
expect_letter_has "SoL (2025:400) 33 kap. 2 § 1 a och 2"

test_case "repayable: 12 kap. 2 § on condition of repayment, with its grounds (33 kap. 3 §)"
single "$tmp/repay.toml" 2026-11 2026-11-02 "19860707-5796"
repay=$(intake 2026-11-02 "$tmp/repay.toml")
run_eb --today 2026-11-05 assess "$repay"
run_eb --today 2026-11-05 decide "$repay" --bifall --repayable --by anna
expect_exit 3
expect_stderr_has "--repayable needs the circumstances"
run_eb --today 2026-11-05 decide "$repay" --bifall --repayable --by anna --json \
  --reason "Du har ett arv på väg som betalas ut i december."
expect_exit 0
expect_json '.statutes[0]' "SoL (2025:400) 12 kap. 2 §"
run_eb letter "$(json_get .decision_id)"
expect_letter_has "Beslut om ekonomiskt bistånd"
expect_letter_has "under villkor att du betalar tillbaka det. Skälen till villkoret: Du har ett arv på väg"
expect_letter_has "SoL (2025:400) 33 kap. 3 §"

# ---- 7. barnbidrag -------------------------------------------------------------------------
test_case "a child under 16 and no barnbidrag declared: a warning"
cat >"$tmp/nobb.toml" <<'TOML'
month = "2026-11"

[[member]]
pnr = "19800101-1231"
role = "applicant"

[[member]]
pnr = "20150606-6784"
role = "child"
TOML
run_eb assess --file "$tmp/nobb.toml" --json
expect_exit 0
expect_json '[.warnings[] | select(test("no barnbidrag is declared"))] | length' 1

test_case "db check"
run_eb db check
expect_exit 0

finish
