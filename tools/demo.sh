#!/usr/bin/env bash
# The main job on the bundled demo data: install what is missing, build eb (release), take
# the demo households from intake to assessment in a fresh case store, and list them.
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
echo "== eb assess (every application)"
for id in $("$eb" list --json | jq -r '.[].application_id'); do
  "$eb" assess "$id" --json | jq -r --arg id "$id" '"\($id)  \(.month)  \(.totals.amount_ore / 100) kr  (\(.norm.id))"'
done
echo "== eb list"
"$eb" list
echo "== eb db check"
"$eb" db check
echo
echo "Case store: $db  (try: $eb --db $db show A-1)"
