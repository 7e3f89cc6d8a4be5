#!/usr/bin/env bash
# The worked examples (tests/fixtures/examples, copied unchanged from the domain spec):
# `eb assess --json` must give exactly the totals in expected.json; the text output
# must show the amount; `--explain` must cite the statute. assess uses no database.
#
# Usage: bash tests/e2e/assess_examples.sh     (EB=path/to/eb to choose the binary)
set -u
set -o pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

examples=$EB_ROOT/tests/fixtures/examples
expected=$examples/expected.json

setup_tmp
require_eb

# amount_regex KRONOR — an ERE for the whole-krona amount as text prints it: digit groups
# of three optionally separated by a space, no-break space, narrow no-break space, '.' or ','
# ("12120", "12 120", "12 120,00", "12.120 kr"), not part of a longer number.
amount_regex() {
  local n=$1 sep='( |'$'\xc2\xa0''|'$'\xe2\x80\xaf''|\.|,)?' re=""
  while ((${#n} > 3)); do
    re="$sep${n: -3}$re"
    n=${n:0:${#n}-3}
  done
  printf '(^|[^0-9])%s%s([^0-9]|$)' "$n" "$re"
}

# Every example has an expected entry and every expected entry an example.
for f in "$examples"/*.toml; do
  name=$(basename "$f" .toml)
  test_case "$name: in expected.json"
  if jq -e --arg n "$name" 'has($n)' "$expected" >/dev/null; then pass; else
    fail "expected.json entry" "an entry \"$name\"" "none"
  fi
done

mapfile -t names < <(jq -r 'keys[]' "$expected")
if ((${#names[@]} == 0)); then
  test_case "expected.json"
  fail "examples" "at least one example in $expected" "none"
fi

for name in "${names[@]}"; do
  f=$examples/$name.toml
  test_case "$name: example file"
  if [[ -f $f ]]; then pass; else
    fail "example file" "$f" "missing"
    continue
  fi
  month=$(sed -nE 's/^month *= *"([^"]*)".*/\1/p' "$f" | head -n 1)

  # ---- JSON ------------------------------------------------------------------
  test_case "$name: assess --json"
  db_snapshot before
  run_eb assess --file "$f" --json
  expect_exit 0
  if ! jq -s -e 'length == 1 and (.[0] | type == "object")' "$tmp/out" >/dev/null 2>&1; then
    fail "stdout is JSON" "exactly one JSON object on stdout" "not that"
    continue
  fi
  pass
  expect_json .month "$month"
  if [[ $month == 2026-* ]]; then expect_json .norm.id riksnorm-2026; fi
  expect_json '.norm.sha256 | type == "string" and length > 0' true

  # Every field of the expected totals, exactly: same number, and an integer (öre).
  mapfile -t fields < <(jq -r --arg n "$name" '.[$n] | keys[]' "$expected")
  for k in "${fields[@]}"; do
    want=$(jq -r --arg n "$name" --arg k "$k" '.[$n][$k]' "$expected")
    test_case "$name: totals.$k"
    got=$(json_get ".totals.$k") || got="(jq failed)"
    if jq -e --arg n "$name" --arg k "$k" --slurpfile exp "$expected" \
      '(.totals[$k] | type == "number" and . == floor) and .totals[$k] == $exp[0][$n][$k]' \
      "$tmp/out" >/dev/null 2>&1; then
      pass
    else
      fail "totals.$k" "$want" "$got"
    fi
  done

  # The lines carry their statute and add up to the totals they make.
  test_case "$name: lines"
  expect_json '(.lines | type == "array" and length > 0)' true
  expect_json '[.lines[] | select((.ref | type) != "string" or .ref == "")] | length' 0
  expect_json '([.lines[] | select(.section == "norm" or .section == "common") | .amount_ore] | add // 0) == .totals.norm_ore' true
  expect_json '([.lines[] | select(.section == "cost") | .amount_ore] | add // 0) == .totals.costs_ore' true
  expect_json '([.lines[] | select(.section == "other") | .amount_ore] | add // 0) == .totals.other_ore' true
  expect_json '.totals.need_ore == .totals.norm_ore + .totals.costs_ore + .totals.other_ore' true

  test_case "$name: assess uses no database"
  expect_db_unchanged before

  # ---- text ------------------------------------------------------------------
  amount_ore=$(jq -r --arg n "$name" '.[$n].amount_ore' "$expected")
  kronor=$((amount_ore / 100))
  re=$(amount_regex "$kronor")
  test_case "$name: assess (text)"
  run_eb assess --file "$f"
  expect_exit 0
  if LC_ALL=C grep -qE -- "$re" "$tmp/out"; then pass; else
    fail "text shows the amount" "the amount $kronor kr (ERE $re) on stdout" "not found"
  fi

  # ---- explain ---------------------------------------------------------------
  test_case "$name: assess --explain"
  run_eb assess --file "$f" --explain
  expect_exit 0
  expect_stdout_has "12 kap."
done

finish
