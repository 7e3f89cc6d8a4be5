#!/usr/bin/env bash
# Decisions through the real eb, from intake to letter (issue #4): users, each decision kind
# (bifall, delbifall, avslag) with its letter checked element by element against the FL 31–33 §§
# checklist, replacing decisions, every refusal with its exit code, message and an unchanged
# database, handläggningstid over Christmas, and the routine run with --dry-run.
#
# Usage: bash tests/e2e/decide.sh      (EB=path/to/eb, EB_ROOT=repository root)
set -u
set -o pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

demo=$EB_ROOT/data/demo
# The twelve households of the README tour (later files may be added to data/demo).
demo_files=("$demo"/0[1-9]-*.toml "$demo"/1[0-2]-*.toml)
export EB_NORMS=${EB_NORMS:-$EB_ROOT/norms}
unset EB_DELEGATION

setup_tmp
require_eb

sql() { sqlite3 -readonly "$EB_DB" "$1"; }
# flat FILE — the file with every run of spaces and line breaks as one space (the letter wraps).
flat() { tr -s ' \n' '  ' <"$1"; }
# expect_letter_has TEXT — the letter in $tmp/out, read as a reader does, contains TEXT.
expect_letter_has() {
  if flat "$tmp/out" | grep -qF -- "$1"; then pass; else fail "letter contains" "a letter containing '$1'" "not found"; fi
}
expect_letter_lacks() {
  if flat "$tmp/out" | grep -qF -- "$1"; then fail "letter lacks" "a letter without '$1'" "found"; else pass; fi
}

# ---- setup: the demo households, assessed ------------------------------------------
test_case "setup: intake and assess the demo"
expect_eq "${#demo_files[@]}" 12 "demo files 01-12"
run_eb intake --file "${demo_files[@]}"
expect_exit 0
for i in $(seq 1 12); do run_eb assess "A-$i"; done
expect_exit 0

# ---- users ------------------------------------------------------------------------------
test_case "users add"
run_eb users add anna --role socialsekreterare --full-name "Anna Andersson"
expect_exit 0
expect_stdout_has "added anna (socialsekreterare)"
run_eb users add gunnar --role gruppledare --full-name "Gunnar Grupp"
expect_exit 0
run_eb users add eva --role enhetschef --full-name "Eva Enhetschef" --json
expect_exit 0
expect_json '.role' enhetschef
run_eb users add fia --role fut
expect_exit 0
run_eb users add olle --role socialsekreterare
expect_exit 0
run_eb users deactivate olle
expect_exit 0
run_eb users list --json
expect_exit 0
expect_eq "$(json_count '.[]')" 5 "users"
expect_json '[.[] | select(.active | not) | .name] | join(",")' olle
expect_eq "$(sql "SELECT count(*) FROM audit WHERE entity LIKE 'user %'")" 6 "audit entries for users"

test_case "users add: refusals leave the database unchanged"
db_snapshot users
run_eb users add anna --role gruppledare
expect_exit 5
expect_stderr_has 'user "anna" exists already'
expect_db_unchanged users
run_eb users add "anna b" --role gruppledare
expect_exit 3
expect_stderr_has 'NAME = "anna b"'
expect_db_unchanged users
run_eb users add bo --role chef
expect_exit 3
expect_stderr_has '--role = "chef"'
expect_db_unchanged users

# ---- refusals: exit code, message naming the field or value, database unchanged --------
test_case "refused: unknown user"
db_snapshot refusal
run_eb --today 2026-11-06 decide A-1 --bifall --by nobody
expect_exit 4
expect_stdout_empty
expect_stderr_has 'eb: error: --by = "nobody": no such user'
expect_db_unchanged refusal

test_case "refused: the session user (--as) unknown"
run_eb --as ghost --today 2026-11-06 decide A-1 --bifall
expect_exit 4
expect_stderr_has '--by = "ghost"'
expect_db_unchanged refusal

test_case "refused: inactive user"
run_eb --today 2026-11-06 decide A-1 --bifall --by olle
expect_exit 5
expect_stderr_has '--by = "olle": the user is inactive'
expect_db_unchanged refusal

test_case "refused: above the delegation"
run_eb --today 2026-11-09 decide A-2 --bifall --by anna
expect_exit 5
expect_stdout_empty
expect_stderr_has "anna (socialsekreterare) may grant at most 15 000 kr per month"
expect_stderr_has "point 3.1"
expect_stderr_has "this decision grants 17 170 kr for 2026-11"
expect_stderr_has "a gruppledare or enhetschef must decide"
expect_db_unchanged refusal

test_case "refused: a role without delegation"
run_eb --today 2026-11-06 decide A-1 --bifall --by fia
expect_exit 5
expect_stderr_has "fia (fut) has no delegation"
expect_db_unchanged refusal

test_case "refused: an unassessed application"
cat >"$tmp/unassessed.toml" <<'TOML'
month = "2026-11"
received = "2026-11-16"
address = "Oprövad väg 1, 123 45 Exempelstad"

[[member]]
pnr = "19670821-3423"
name = "Eva Oprövad"
role = "applicant"

[[cost]]
kind = "rent"
applied = 5000
TOML
run_eb intake --json --file "$tmp/unassessed.toml"
expect_exit 0
unassessed=$(json_get .application_id)
db_snapshot refusal
run_eb --today 2026-11-17 decide "$unassessed" --bifall --by anna
expect_exit 5
expect_stderr_has "$unassessed is not assessed"
expect_stderr_has "eb assess $unassessed"
expect_db_unchanged refusal

test_case "refused: avslag with children and no barnkonsekvensanalys"
run_eb --today 2026-11-09 decide A-2 --avslag --reason incomplete --by eva
expect_exit 3
expect_stdout_empty
expect_stderr_has "eb: error: --child-impact: the household has 2 children"
expect_stderr_has "barnkonsekvensanalys"
expect_db_unchanged refusal
run_eb --today 2026-11-09 decide A-2 --delbifall --reject rent:1000 --reason "Hyran är för hög." --by eva
expect_exit 3
expect_stderr_has "--child-impact"
expect_db_unchanged refusal

test_case "refused: avslag without a reason"
run_eb --today 2026-11-06 decide A-1 --avslag --by anna
expect_exit 3
expect_stderr_has "eb: error: --reason:"
expect_db_unchanged refusal

test_case "refused: an unknown reason code"
run_eb --today 2026-11-06 decide A-1 --avslag --reason income-too-high --by anna
expect_exit 3
expect_stderr_has '--reason = "income-too-high": not a reason code'
expect_db_unchanged refusal

test_case "refused: --reject of an item the assessment does not have"
run_eb --today 2026-11-06 decide A-1 --delbifall --reject dental:100 --reason "Ingen tandvård." --by anna
expect_exit 3
expect_stderr_has '--reject = "dental": no such item'
expect_stderr_has "rent"
expect_db_unchanged refusal

test_case "refused: bifall of an assessment that grants 0 kr"
run_eb --today 2026-11-09 decide A-7 --bifall --by anna
expect_exit 5
expect_stderr_has "grants 0 kr"
expect_stderr_has "--avslag --reason income-exceeds-need"
expect_db_unchanged refusal

test_case "refused: no kind, two kinds"
run_eb decide A-1 --by anna
expect_exit 2
run_eb decide A-1 --bifall --avslag --by anna
expect_exit 2
expect_db_unchanged refusal

# ---- bifall, intake to letter --------------------------------------------------------------
test_case "bifall: decide --json"
run_eb --today 2026-11-06 decide A-1 --bifall --by anna --json
expect_exit 0
expect_json '.decision_id' D-1
expect_json '.application_id' A-1
expect_json '.kind' bifall
expect_json '.granted_ore' 1258000
expect_json '.assessed_ore' 1258000
expect_json '.handling_days' 5 # 2–6 November 2026, arrival = day 1
expect_json '.decided_by' anna
expect_json '.routine' false
expect_json '.replaces' null
expect_json '.delegation | startswith("punkt 3.1 i exempeldelegationsordningen")' true
expect_json '.statutes[0]' "SoL (2025:400) 12 kap. 1 §"
expect_json '[.lines[] | select(.outcome != "bifall")] | length' 0
expect_stderr_has "warning: no delegation order given"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE entity = 'D-1'")" 1 "audit entry for D-1"

test_case "refused: deciding twice without --replaces"
db_snapshot twice
run_eb --today 2026-11-06 decide A-1 --bifall --by anna
expect_exit 5
expect_stdout_empty
expect_stderr_has "A-1 already has decision D-1"
expect_stderr_has "--replaces D-1"
expect_db_unchanged twice

test_case "refused: --replaces of a decision that is not the current one"
run_eb --today 2026-11-06 decide A-3 --bifall --replaces D-1 --by anna
expect_exit 5
expect_stderr_has "A-3 has no decision to replace"
expect_db_unchanged twice

test_case "bifall: the letter"
run_eb letter D-1
expect_exit 0
expect_stderr_lacks "error"

test_case "letter element: the decision date (FL 31 §)"
expect_letter_has "Datum 2026-11-06"
test_case "letter element: what was applied for"
expect_letter_has "Du ansökte om ekonomiskt bistånd (försörjningsstöd) för november 2026 för ett hushåll med 1 vuxen"
test_case "letter element: what is decided in total (FL 31 §)"
expect_letter_has "Du beviljas försörjningsstöd med 12 580 kr för november 2026."
test_case "letter element: what is decided per item (FL 31 §)"
expect_letter_has "Boendekostnad 6 900 kr 6 900 kr bifall"
expect_letter_has "Hushållsel 300 kr 300 kr bifall"
expect_letter_has "Försörjningsstöd 12 580 kr 12 580 kr bifall"
test_case "letter element: the calculation summary"
expect_letter_has "Så har vi räknat"
expect_letter_has "Summa behov"
expect_letter_has "Behov minus inkomster, avrundat till hela kronor 12 580 kr"
test_case "letter element: the decisive circumstances (FL 32 §)"
expect_letter_has "Skäl för beslutet"
expect_letter_has "Hushållets inkomster räcker inte till behovet"
test_case "letter element: the rules applied (FL 32 §)"
expect_letter_has "Beslutet grundar sig på: SoL (2025:400) 12 kap. 1 §;"
expect_letter_has "SoL (2025:400) 12 kap. 7 § första stycket 2"
test_case "letter element: who decided, with the delegation (FL 31 §)"
expect_letter_has "Beslutet är fattat 2026-11-06 av Anna Andersson, socialsekreterare, med stöd av delegation: punkt 3.1"
test_case "letter element: the handling time"
expect_letter_has "Handläggningstid: 5 arbetsdagar"
test_case "letter element: appeal — to förvaltningsrätten (FL 33, 40 §§)"
expect_letter_has "överklaga det till förvaltningsrätten"
test_case "letter element: appeal — in writing"
expect_letter_has "Överklagandet ska vara skriftligt."
test_case "letter element: appeal — sent to the nämnd"
expect_letter_has "Skicka eller lämna överklagandet till Socialnämnden i Exempel kommun, inte direkt till förvaltningsrätten"
test_case "letter element: appeal — within three weeks of receiving the decision (FL 44 §)"
expect_letter_has "inom tre veckor från den dag du fick del av beslutet"
test_case "letter element: appeal — the decision and the change sought (FL 43 §)"
expect_letter_has "Skriv vilket beslut du överklagar (beslut D-1 av 2026-11-06) och vilken ändring du vill ha"
test_case "letter element: the recipient, and only the recipient's personnummer"
expect_letter_has "Karin Ek"
expect_letter_has "19780514-2465"
expect_letter_has "Storgatan 12 lgh 1101, 123 45 Exempelstad"

# ---- delbifall with children, a föredragande and a barnkonsekvensanalys -------------------
test_case "delbifall: decide"
run_eb --today 2026-11-09 decide A-2 --delbifall --reject rent:1200:cost-above-guideline \
  --reason "Hyran är högre än skäligt för hushållets storlek." \
  --child-impact "Barnen kan bo kvar i bostaden; beslutet påverkar inte deras skolgång eller fritid." \
  --by gunnar --presented-by anna --json
expect_exit 0
expect_json '.decision_id' D-2
expect_json '.kind' delbifall
expect_json '.granted_ore' 1597000
expect_json '.assessed_ore' 1717000
expect_json '.presented_by' anna
expect_json '.handling_days' 5 # 3–9 November 2026
expect_json '[.lines[] | select(.item == "rent")][0].granted_ore' 900000
expect_json '[.lines[] | select(.item == "rent")][0].outcome' delbifall
expect_json '.child_impact | startswith("Barnen kan bo kvar")' true
expect_json '.reasons[0].code' free

test_case "delbifall: the letter"
run_eb letter D-2
expect_exit 0
# Measured against what was applied for (FL 32 §; issue #13): applied, granted, refused per item.
expect_letter_has "Du beviljas försörjningsstöd med 15 970 kr för november 2026. Det du har ansökt om motsvarar 17 170 kr. Din ansökan avslås alltså till den del den gäller 1 200 kr (delvis bifall)."
expect_letter_has "Boendekostnad 10 200 kr 9 000 kr 1 200 kr delvis bifall"
expect_letter_has "Försörjningsstöd 17 170 kr 15 970 kr 1 200 kr delvis bifall"
expect_letter_has "Hyran är högre än skäligt för hushållets storlek."
expect_letter_has "Boendekostnad: Kostnaden är högre än vad som är skäligt enligt nämndens riktlinjer."
test_case "letter element: the föredragande (FL 31 §)"
expect_letter_has "Föredragande: Anna Andersson, socialsekreterare."
expect_letter_has "av Gunnar Grupp, gruppledare, med stöd av delegation: punkt 3.2"
test_case "letter element: the barnkonsekvensanalys"
expect_letter_has "Hur beslutet påverkar barnen (barnkonsekvensanalys)"
expect_letter_has "Barnen kan bo kvar i bostaden; beslutet påverkar inte deras skolgång eller fritid."
test_case "letter: no personnummer of anyone but the recipient"
expect_letter_has "19860921-1738"
for other in 19880203 20190612 20221030; do expect_letter_lacks "$other"; done

# ---- avslag -----------------------------------------------------------------------------
test_case "avslag: decide"
run_eb --today 2026-11-09 decide A-7 --avslag --reason income-exceeds-need --by anna --json
expect_exit 0
expect_json '.decision_id' D-3
expect_json '.kind' avslag
expect_json '.granted_ore' 0
expect_json '.reasons[0].code' income-exceeds-need
expect_json '.handling_days' 2 # 6 and 9 November 2026

test_case "avslag: the letter"
run_eb letter D-3
expect_exit 0
expect_letter_has "Din ansökan om försörjningsstöd för november 2026 avslås."
expect_letter_has "Hushållets inkomster är högre än behovet enligt riksnormen"
expect_letter_has "Vad du kan göra nu"
expect_letter_has "Datum 2026-11-09"
expect_letter_has "Hur du överklagar"

# ---- HTML --------------------------------------------------------------------------------
test_case "letter --format html -o FILE"
run_eb letter D-2 --format html -o "$tmp/D-2.html"
expect_exit 0
expect_stdout_empty
expect_file_mode "$tmp/D-2.html" 600
if head -c 15 "$tmp/D-2.html" | grep -qF '<!DOCTYPE html>'; then pass; else fail "html doctype" "<!DOCTYPE html>" "missing"; fi
for want in 'lang="sv"' '@media print' 'Hur du överklagar' 'barnkonsekvensanalys' 'Föredragande' '19860921-1738'; do
  if grep -qF -- "$want" "$tmp/D-2.html"; then pass; else fail "html contains" "$want" "missing"; fi
done
if grep -qE '<(link|script|img)' "$tmp/D-2.html"; then fail "self-contained html" "no link/script/img" "found"; else pass; fi

test_case "letter html: values are escaped"
run_eb --today 2026-11-13 decide A-12 --avslag --reason "Kontoutdrag <saknas> & \"mer\"" --by anna
expect_exit 0
decided=$(sql "SELECT max(id) FROM decision")
run_eb letter "D-$decided" --format html
expect_exit 0
expect_stdout_has "Kontoutdrag &lt;saknas&gt; &amp; &quot;mer&quot;"
expect_stdout_lacks "<saknas>"

test_case "letter: unknown decision"
run_eb letter D-99
expect_exit 4
run_eb letter A-1
expect_exit 3

# ---- replacing a decision -----------------------------------------------------------------
test_case "replace: to the person's disadvantage needs --reason (FL 37 §)"
db_snapshot replace
run_eb --today 2026-11-10 decide A-1 --avslag --replaces D-1 --by anna
expect_exit 3
expect_stderr_has "--reason"
expect_db_unchanged replace

test_case "replace: a new decision points to the one it replaces"
run_eb --today 2026-11-10 decide A-1 --delbifall --reject rent:900 --reason "Hyran har sänkts från december." \
  --replaces D-1 --by anna --json
expect_exit 0
replacing=$(json_get .decision_id)
expect_json '.replaces' D-1
expect_json '.granted_ore' 1168000
expect_json '.statutes | index("FL (2017:900) 37 § andra stycket") != null' true
expect_eq "$(sql "SELECT replaces FROM decision WHERE id = ${replacing#D-}")" 1 "stored replaces"
expect_eq "$(sql "SELECT granted_ore FROM decision WHERE id = 1")" 1258000 "D-1 unchanged"
run_eb letter "$replacing"
expect_letter_has "Detta beslut ersätter beslut D-1 av 2026-11-06."
run_eb letter D-1
expect_exit 0
expect_stderr_has "D-1 has been replaced by $replacing"

test_case "replace: the replaced decision cannot be replaced again"
db_snapshot replace
run_eb --today 2026-11-10 decide A-1 --bifall --replaces D-1 --by anna
expect_exit 5
expect_stderr_has "the current decision of A-1 is $replacing"
expect_db_unchanged replace

test_case "decisions are never edited (the schema refuses)"
if sqlite3 "$EB_DB" "UPDATE decision SET granted_ore = 1 WHERE id = 1" 2>"$tmp/sqlerr"; then
  fail "UPDATE decision refused" "an error" "it succeeded"
else
  pass
fi
# The schema refuses it: by the no-update trigger, or (from schema v6) already when the sqlite3
# shell prepares the statement, since the seal triggers call functions only eb has.
grep -qE "never edited|no such function: eb_" "$tmp/sqlerr" && pass ||
  fail "trigger message" "never edited, or no such function: eb_…" "$(cat "$tmp/sqlerr")"

# ---- handläggningstid over Christmas --------------------------------------------------------
test_case "handling days: arrived 22 December, decided 31 December 2026"
sed -e 's/^month = .*/month = "2026-12"/' -e 's/^received = .*/received = "2026-12-22"/' \
  "$demo/01-single-adult.toml" >"$tmp/december.toml"
run_eb --today 2026-12-22 intake --json --file "$tmp/december.toml"
expect_exit 0
december=$(json_get .application_id)
run_eb --today 2026-12-22 assess "$december"
expect_exit 0
run_eb --today 2026-12-31 decide "$december" --bifall --by anna --json
expect_exit 0
expect_json '.handling_days' 5 # 22, 23, 28, 29, 30 December; Julafton to Annandag jul and Nyårsafton off

test_case "db check after the decisions"
run_eb db check
expect_exit 0

# ---- the routine run --------------------------------------------------------------------------
export EB_DB=$tmp/routine.db
test_case "routine: setup"
run_eb intake --file "${demo_files[@]}"
expect_exit 0
for i in $(seq 1 12); do run_eb assess "A-$i"; done
run_eb users add anna --role socialsekreterare --full-name "Anna Andersson"
expect_exit 0

test_case "routine --dry-run writes nothing"
db_snapshot routine
run_eb --today 2026-11-13 decide --month 2026-11 --bifall-routine --by anna --dry-run --json
expect_exit 0
expect_json '.dry_run' true
# A-11 grants less than applied for (dental care approved below the quote): a delbifall, by hand (issue #13).
expect_eq "$(json_count '.decided[]')" 8 "decided in the dry run"
expect_json '[.decided[] | .decision_id] | unique' '[
  null
]'
expect_json '[.manual[].application_id] | join(",")' "A-2,A-7,A-10,A-11"
expect_db_unchanged routine

test_case "routine: decided and manual, with why"
run_eb --today 2026-11-13 decide --month 2026-11 --bifall-routine --by anna --json
expect_exit 0
expect_eq "$(json_count '.decided[]')" 8 "decided"
expect_json '.decided[0].decision_id' D-1
expect_json '.decided[0].application_id' A-1
expect_json '[.manual[] | select(.application_id == "A-2")][0].why | test("may grant at most 15 000 kr")' true
expect_json '[.manual[] | select(.application_id == "A-7")][0].why | test("grants 0 kr")' true
expect_json '[.manual[] | select(.application_id == "A-10")][0].why | test("warnings")' true
expect_json '[.manual[] | select(.application_id == "A-10")][0].why | test("counts less than was applied for: rent")' true
expect_json '[.manual[] | select(.application_id == "A-11")][0].why | test("dental \\(3 400 kr applied for, 2 900 kr counted: need-reduced\\)")' true
expect_eq "$(sql "SELECT count(*) FROM decision WHERE routine = 1 AND decided_by = (SELECT id FROM user WHERE name = 'anna')")" 8 \
  "routine decisions confirmed by anna"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE entity LIKE 'D-%' AND detail LIKE '%routine, confirmed by anna%'")" 8 \
  "audit entries of the routine run"

test_case "routine: a second run decides nothing more"
db_snapshot routine2
run_eb --today 2026-11-13 decide --month 2026-11 --bifall-routine --by anna
expect_exit 0
expect_stdout_has "decided 0 routine bifall"
expect_stdout_has "8 already decided"
expect_db_unchanged routine2

test_case "routine: the letter says who confirmed it"
run_eb letter D-1
expect_exit 0
expect_letter_has "Beslutet är ett rutinbeslut: förslaget togs fram ur beräkningen och bekräftades av Anna Andersson."

test_case "routine: refusals"
run_eb decide --month 2026-11 --by anna
expect_exit 2
run_eb decide --month 2026-11 --bifall-routine A-1 --by anna
expect_exit 2
run_eb decide --month 2026-11 --bifall-routine --by nobody
expect_exit 4

test_case "routine: db check"
run_eb db check
expect_exit 0

finish
