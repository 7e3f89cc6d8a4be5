#!/usr/bin/env bash
# The main job on the bundled demo data: install what is missing, build eb (release), and take
# the demo households from intake through assessment, routine decisions and a letter to a
# validated payment file, then simulate the 2027 riksnorm on them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/tools/deps.sh"
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DEB_BUILD_TESTS=OFF >/dev/null
cmake --build "$root/build" --target eb
eb="$root/build/cli/eb"
db="$root/build/demo.db"
rm -f "$db" "$db-wal" "$db-shm"
export EB_DB="$db" EB_NORMS="$root/norms"
echo "== eb intake --file data/demo"
"$eb" intake --file "$root/data/demo"
echo "== eb assess --month 2026-11 (every application of the month)"
"$eb" assess --month 2026-11
echo "== eb users add / eb decide --bifall-routine / eb letter D-1"
"$eb" users add demo --role gruppledare --full-name "Demo Gruppledare" >/dev/null
"$eb" decide --month 2026-11 --bifall-routine --by demo
"$eb" letter D-1 --format html -o "$root/build/demo-beslut-D-1.html"
echo "== eb pay batch / export / confirm / ledger"
"$eb" pay batch --date 2026-11-25
rm -f "$root/build/demo-B-1.xml"
"$eb" pay export B-1 --format pain001 -o "$root/build/demo-B-1.xml"
xmllint --noout --schema "$root/data/schemas/pain.001.001.03.xsd" "$root/build/demo-B-1.xml"
"$eb" pay confirm B-1
"$eb" pay ledger
echo "== eb list"
"$eb" list
echo "== eb simulate --month 2026-11 --as-of 2027-01"
"$eb" simulate --month 2026-11 --as-of 2027-01
"$eb" simulate --month 2026-11 --as-of 2027-01 --html >"$root/build/demo-simulate-2027.html"
echo "== eb db check"
"$eb" db check
echo
echo "Case store: $db  (try: $eb --db $db show A-1)"
