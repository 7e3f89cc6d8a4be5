#!/usr/bin/env bash
# tools/sample_letters.sh OUTDIR — ten varied decision letters (text), for a lawyer to read and
# for tests/e2e/letters.sh to compare with tests/fixtures/letters/*.txt.
#
# It takes the households of tests/fixtures/letters/input/ into a fresh case store under a copy
# of norms/ with an adopted delegation order and an adopted local guideline (the shipped examples
# say "exempel", which no real letter would), decides each as its file says, and writes
# OUTDIR/NN-name.txt: bifall, delbifall by guideline cap (with a child), second-hand rent (2027),
# the 2027 limit for more than three children, avslag with children, a replacing decision that
# lowers the amount, an advance on sjukpenning, a dissent, a decision on the preliminary norm,
# and a routine bifall. Everything is dated with --today, so the letters are the same each run.
#
# Usage: EB=build-dev/cli/eb bash tools/sample_letters.sh /tmp/letters
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: tools/sample_letters.sh OUTDIR}
EB=${EB:-$root/build/cli/eb}
[[ $EB == /* ]] || EB=$PWD/$EB
input=$root/tests/fixtures/letters/input
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
cp -r "$root/norms" "$work/norms"
cat >"$work/norms/local/delegation.toml" <<'TOML'
# Sample letters only: an adopted delegation order of the invented Exempel kommun.
id = "SN-2026-01"
title = "Delegationsordning för Socialnämnden i Exempel kommun"
status = "adopted"
decided_by = "Socialnämnden 2026-01-20 § 12"
authority = "Socialnämnden i Exempel kommun"
valid_from = 2025-01-01

[[delegate]]
role = "socialsekreterare"
point = "3.1"
label = "Försörjningsstöd upp till 15 000 kr per månad, bifall och avslag"
max_per_month = 15000
may_refuse = true

[[delegate]]
role = "gruppledare"
point = "3.2"
label = "Försörjningsstöd upp till 30 000 kr per månad, bifall och avslag"
max_per_month = 30000
may_refuse = true

[[delegate]]
role = "enhetschef"
point = "3.3"
label = "Försörjningsstöd utan beloppsgräns, bifall och avslag"
may_refuse = true
TOML
cat >"$work/norms/local/exempelkommun.toml" <<'TOML'
# Sample letters only: an adopted local guideline of the invented Exempel kommun.
id = "exempelkommun"
title = "Riktlinjer för ekonomiskt bistånd, Socialnämnden i Exempel kommun 2025-11-20 § 88"
status = "adopted"
source = "Socialnämnden i Exempel kommun 2025-11-20 § 88 (invented for the sample letters)"
valid_from = 2026-01-01

[[cap]]
kind = "rent"
label = "1 vuxen och 1–2 barn"
adults = 1
children_min = 1
children_max = 2
amount = 8000
TOML
export EB_NORMS=$work/norms EB_DB=$work/eb.db XDG_CONFIG_HOME=$work
unset EB_DELEGATION EB_AUDIT_KEY
log=$work/log
trap 'status=$?; if ((status != 0)); then cat "$log" >&2; fi; rm -rf "$work"' EXIT
eb() { "$EB" "$@" >/dev/null 2>>"$log"; }

eb users add anna --role socialsekreterare --full-name "Anna Andersson"
eb users add gunnar --role gruppledare --full-name "Gunnar Grupp"
for f in "$input"/[0-9][0-9]-*.toml; do
  received=$(sed -n 's/^received = "\(.*\)"/\1/p' "$f")
  eb --today "$received" intake --file "$f"
done
# A-n is file n. Each is assessed on the day it is decided (the rules of that day apply).
assess() { eb --today "$2" assess "$1"; }

assess A-1 2026-11-06
eb --today 2026-11-06 decide A-1 --bifall --by anna
assess A-2 2026-11-09
eb --today 2026-11-09 decide A-2 --delbifall --by gunnar --presented-by anna \
  --child-impact "Liam, 8 år, kan bo kvar i bostaden under november. Hyran över riktlinjen påverkar hushållets marginaler; vi har informerat om möjligheten att söka en billigare bostad och om stöd till barnets fritidsaktiviteter."
assess A-3 2027-02-04
eb --today 2027-02-04 decide A-3 --delbifall --by anna \
  --allow-unofficial-norm "Regeringen har ännu inte fastställt beloppen för 2027, och behovet för februari kan inte vänta."
assess A-4 2027-03-05
eb --today 2027-03-05 decide A-4 --delbifall --by gunnar --presented-by anna \
  --allow-unofficial-norm "Regeringen har ännu inte fastställt beloppen för 2027, och behovet för mars kan inte vänta." \
  --child-impact "Barnen bor kvar och går kvar i sina skolor och i förskolan. Minskningen gäller de personliga kostnaderna; vi har gått igenom hushållets budget med Fatima och informerat om möjligheten att ansöka om bistånd till särskilda behov för barnen."
assess A-5 2026-11-09
eb --today 2026-11-09 decide A-5 --avslag --reason income-exceeds-need --by anna \
  --child-impact "Hushållets inkomster täcker barnens behov enligt riksnormen; beslutet påverkar inte barnens boende, skolgång eller fritid."
assess A-6 2026-11-06
eb --today 2026-11-06 decide A-6 --bifall --by anna
eb --today 2026-11-12 decide A-6 --delbifall --replaces D-6 --by anna \
  --reject "rent:900:Hyresavin för november visar att hyran är 5 200 kr, inte 6 100 kr som du uppgav i ansökan." \
  --reason "Du har lämnat en felaktig uppgift om hyran, och beslutet får därför ändras till din nackdel (37 § andra stycket 3 förvaltningslagen)."
assess A-7 2026-11-10
eb --today 2026-11-10 decide A-7 --bifall --advance-on FK:sjukpenning --by anna \
  --reason "Du har ansökt om sjukpenning hos Försäkringskassan för november, men ännu inte fått beslut om den."
assess A-8 2026-11-10
eb --today 2026-11-10 decide A-8 --bifall --by gunnar --presented-by anna --dissent anna \
  --note "Arbetsresorna borde ha prövats mot kostnaden för billigaste färdsätt innan de godtogs i sin helhet."
assess A-9 2027-01-08
eb --today 2027-01-08 decide A-9 --bifall --by anna \
  --allow-unofficial-norm "Regeringen har ännu inte fastställt beloppen för 2027, och behovet för januari kan inte vänta."
assess A-10 2026-10-05
eb --today 2026-10-05 decide --month 2026-10 --bifall-routine --by anna

letter() { "$EB" letter "$1" -o "$out/$2.txt" 2>>"$log"; }
letter D-1 01-bifall
letter D-2 02-delbifall-guideline
letter D-3 03-second-hand-2027
letter D-4 04-reduction-2027
letter D-5 05-avslag-children
letter D-7 06-replacing-lower
letter D-8 07-advance
letter D-9 08-dissent
letter D-10 09-unofficial-norm
letter D-11 10-routine
"$EB" db check >/dev/null 2>>"$log"
echo "wrote 10 letters to $out"
