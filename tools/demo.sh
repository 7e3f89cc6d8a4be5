#!/usr/bin/env bash
# The main job on bundled, synthetic data: install what is missing, build eb (release), and run
# a district's year through it (eb demo): applications, assessments, routine and manual
# decisions, payments with their pain.001 files, a return and a claim, the 2027 simulation. It
# leaves the store in build/demo.db and the letter, payment file and pages in build/demo.files/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/tools/deps.sh"
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DEB_BUILD_TESTS=OFF >/dev/null
cmake --build "$root/build" --target eb
eb="$root/build/cli/eb"
db="$root/build/demo.db"
rm -rf "$db" "$db-wal" "$db-shm" "$root/build/demo.files"
export EB_NORMS="$root/norms"
"$eb" --db "$db" demo -o "$root/build/demo.files" "$@"
for xml in "$root"/build/demo.files/*.xml; do
  xmllint --noout --schema "$root/data/schemas/pain.001.001.03.xsd" "$xml"
done
"$eb" --db "$db" db check
echo
echo "Try: $eb --db $db list --month 2026-12   (or: show A-1, letter D-1, pay ledger)"
