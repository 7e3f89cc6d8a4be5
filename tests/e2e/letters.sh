#!/usr/bin/env bash
# Letter snapshots (issue #13): ten decision letters made by tools/sample_letters.sh through the
# real eb must equal tests/fixtures/letters/*.txt byte for byte. Each fixture was read line by
# line against FL 31–33 §§ (tests/fixtures/letters/README.md). To regenerate them after an
# intended change, review the diff this test prints, then run
#     EB_UPDATE_LETTERS=1 EB=build-dev/cli/eb bash tests/e2e/letters.sh
# and read the changed letters again before committing them.
#
# Usage: bash tests/e2e/letters.sh      (EB=path/to/eb, EB_ROOT=repository root)
set -u
set -o pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

fixtures=$EB_ROOT/tests/fixtures/letters
setup_tmp
require_eb

test_case "sample letters: generated"
if EB=$EB bash "$EB_ROOT/tools/sample_letters.sh" "$tmp/letters" >"$tmp/out" 2>"$tmp/err"; then pass; else
  fail "tools/sample_letters.sh" "exit 0" "exit $? ($(head -c 400 "$tmp/err"))"
fi
expect_eq "$(find "$tmp/letters" -name '*.txt' | wc -l | tr -d ' ')" 10 "letters written"

for got in "$tmp/letters"/*.txt; do
  name=$(basename "$got")
  test_case "letter snapshot: $name"
  if [[ ${EB_UPDATE_LETTERS:-} == 1 ]]; then
    cp "$got" "$fixtures/$name"
    pass
  elif [[ ! -f $fixtures/$name ]]; then
    fail "snapshot" "tests/fixtures/letters/$name" "missing (EB_UPDATE_LETTERS=1 to write it)"
  elif diff -u "$fixtures/$name" "$got" >"$tmp/diff"; then
    pass
  else
    fail "snapshot" "tests/fixtures/letters/$name unchanged" "a difference"
    head -n 40 "$tmp/diff"
  fi
done

test_case "letter snapshots: the FL 31–33 §§ elements are in every letter"
for got in "$tmp/letters"/*.txt; do
  for want in "Datum " "Beslut" "Vem som har beslutat" "Beslutet grundar sig på:" "Hur du överklagar" \
    "inom tre veckor från den dag du fick del av beslutet"; do
    if tr -s ' \n' '  ' <"$got" | grep -qF -- "$want"; then pass; else fail "$(basename "$got")" "$want" "missing"; fi
  done
done

finish
