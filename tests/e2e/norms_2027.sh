#!/usr/bin/env bash
# The 2027 riksnorm model from the shell (issue #6), as a norm developer would use it: derive
# the preliminary 2027 norm from the referensvärden, check it, assess a 2027 month with it,
# compare it with 2026 (bands that split and merge), compare one household line by line
# under the norm in force and under the new norm (--diff, --as-of), and the refusals: a bad
# --index, an existing output file, a year before the model.
#
# Usage: bash tests/e2e/norms_2027.sh      (EB=path/to/eb, EB_ROOT=repository root)
set -u
set -o pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

fixtures=$EB_ROOT/tests/fixtures
export EB_NORMS=${EB_NORMS:-$EB_ROOT/norms}
shipped=$EB_NORMS/riksnorm/2027.toml
source_2027="ASSUMPTION (issue #6): 1.043 is not SCB's figure; the jämförelsetal for June 2026 (SoF 12 kap. 1 c §, published by SCB by 31 August 2026) is not in the domain sources"

setup_tmp
require_eb

# ---- derive --------------------------------------------------------------------
test_case "derive 2027 --index 1.043 -o FILE"
run_eb norms derive 2027 --index 1.043 -o derived-2027.toml
expect_exit 0
expect_stdout_has "wrote derived-2027.toml: riksnorm-2027 (preliminary, 2027-01-01..2027-12-31), jämförelsetal 1.043"
expect_stderr_has "PRELIMINARY"
if grep -qxF 'status = "preliminary"         # official | municipal | derived | estimate | preliminary' derived-2027.toml; then
  pass
else
  fail "status line" 'status = "preliminary"' "$(grep '^status' derived-2027.toml)"
fi
for line in 'index = "1.043"                # jämförelsetal' 'valid_from = 2027-01-01' 'single = 4540                  # ensamstående; referensvärde 4 269 kr' \
  'amounts = [740, 950, 1210, 1420, 1650, 1880, 2090]' 'factor_couple = "0.375"        # gifta eller sambor' \
  'factor_other = "0.2"           # övriga hushåll' 'rounding = "down_10_kr"' 'text = "SoL (2025:400) 12 kap. 7 b §"'; do
  if grep -qxF -- "$line" derived-2027.toml; then pass; else fail "derived file line" "$line" "missing"; fi
done
if grep -qF '"internet och telefoni"' derived-2027.toml; then pass; else fail "items" "internet och telefoni" "missing"; fi

test_case "derive: the shipped 2027.toml is reproducible"
run_eb norms derive 2027 --index 1.043 --index-source "$source_2027"
expect_exit 0
if cmp -s "$tmp/out" "$shipped"; then pass; else fail "stdout = norms/riksnorm/2027.toml" "identical" "$(diff "$tmp/out" "$shipped" | head -n 3 | tr '\n' ' ')"; fi
run_eb norms derive 2027 --index 1.043 --index-source "$source_2027" -o -
expect_exit 0
if cmp -s "$tmp/out" "$shipped"; then pass; else fail "-o - = norms/riksnorm/2027.toml" "identical" "differs"; fi

test_case "check: the derived file and the shipped one pass"
run_eb norms check derived-2027.toml "$shipped"
expect_exit 0
expect_stdout_has "derived-2027.toml: ok (riksnorm-2027, preliminary, 2027-01-01..2027-12-31)"

test_case "check: a hand edit that breaks the derivation is refused"
sed 's/^single = 4540 /single = 4550 /' derived-2027.toml >edited.toml
run_eb norms check edited.toml
expect_exit 3
expect_stderr_has "adults.single = 4 550 kr: is not referensvärde 4 269 kr × 1.043 × 1.02 (nearest_10_kr) = 4 540 kr"

# ---- refusals --------------------------------------------------------------------
test_case "derive: refuses to overwrite without --force"
cp derived-2027.toml before.toml
run_eb norms derive 2027 --index 1.05 -o derived-2027.toml
expect_exit 5
expect_stderr_has "-o derived-2027.toml: the file exists"
expect_stdout_empty
if cmp -s derived-2027.toml before.toml; then pass; else fail "file untouched" "unchanged" "changed"; fi
run_eb norms derive 2027 --index 1.05 -o derived-2027.toml --force
expect_exit 0
if grep -qxF 'index = "1.05"                 # jämförelsetal' derived-2027.toml; then pass; else fail "--force wrote" "index 1.05" "not found"; fi
cp before.toml derived-2027.toml

test_case "derive: a bad --index is refused with exit 3, naming the field"
for bad in 0 0.0 10.43 0.5 2.5 -1 abc 1,043 ""; do
  run_eb norms derive 2027 --index "$bad" -o bad.toml
  expect_exit 3
  expect_stderr_has "eb: error: --index = \"$bad\""
  expect_stdout_empty
  if [[ -e bad.toml ]]; then fail "no file for --index '$bad'" "none" "written"; else pass; fi
done
run_eb norms derive 2027 --index 0
expect_stderr_has '--index = "0": must be positive'
run_eb norms derive 2027 --index 10.43
expect_stderr_has "outside the plausible range 0.8–2.0"

test_case "derive: --index is required"
run_eb norms derive 2027
expect_exit 2
expect_stderr_has "--index is required"

test_case "derive: a year before the model, and a bad year"
run_eb norms derive 2026 --index 1.043
expect_exit 4
expect_stderr_has "no referensvärden for 2026"
run_eb norms derive 27 --index 1.043
expect_exit 3
expect_stderr_has 'YEAR = "27": not a year'

test_case "derive 2028: the factors of SFS 2026:1127, the prisbasbelopp required"
run_eb norms derive 2028 --index 1.065
expect_exit 3
expect_stderr_has "--prisbasbelopp: required"
run_eb norms derive 2028 --index 1.065 --prisbasbelopp 59200 \
  --index-source "TEST FIXTURE: an invented jämförelsetal for 2028, not SCB's figure"
expect_exit 0
if cmp -s "$tmp/out" "$fixtures/norms/2028-draft.toml"; then pass; else fail "= 2028-draft.toml" "identical" "differs"; fi
expect_stdout_has 'factor_couple = "0.75"'

# ---- assess a 2027 month ------------------------------------------------------------
# A couple with four children on 2027-03-31: 16, 12, 9 and 4 years.
cat >app-2027.toml <<'EOF'
month = "2027-03"
[[member]]
pnr = "19850312-2387"
role = "applicant"
[[member]]
pnr = "19830704-1510"
role = "partner"
[[member]]
pnr = "20100514-2383"
role = "child"
[[member]]
pnr = "20140821-3450"
role = "child"
[[member]]
pnr = "20180203-4569"
role = "child"
[[member]]
pnr = "20221130-5673"
role = "child"
EOF

test_case "assess a 2027 month: the 2027 norm, a warning, the minskningsbelopp"
run_eb assess --file app-2027.toml --json
expect_exit 0
expect_json .norm.id riksnorm-2027
expect_json '.lines[] | select(.rule == "riksnorm.large_household") | .amount_ore' -130000
# 8 510 + 4 230 + 3 540 + 3 130 + 3 000 − 1 300 + common(6) 1 880 = 22 990
expect_json .totals.amount_ore 2299000
expect_stderr_has "riksnorm-2027 is PRELIMINARY"

test_case "assess a 2027 month under the derived file from a folder without 2027 (--norms-file)"
mkdir -p old-norms/riksnorm
cp "$EB_NORMS"/riksnorm/2026.toml old-norms/riksnorm/
EB_NORMS=$tmp/old-norms run_eb assess --file app-2027.toml
expect_exit 4
EB_NORMS=$tmp/old-norms run_eb assess --file app-2027.toml --norms-file derived-2027.toml --json
expect_exit 0
expect_json .totals.amount_ore 2299000

# ---- diff of two norms ----------------------------------------------------------------
test_case "norms diff 2026 2027: structure, splits and merges, every age"
run_eb norms diff 2026 2027
expect_exit 0
expect_stdout_has "riksnorm-2026 → riksnorm-2027:"
expect_stdout_has "riksnorm-2027: bands 0, 1, 2–5, 6–9, 10–13, 14–17, 18–20 år"
expect_stdout_has "child band 1–2 år (split)"
expect_stdout_has "split into 1, 2–5 år"
expect_stdout_has "child band 3 år (merged)"
expect_stdout_has "child band 2–5 år (new)"
expect_stdout_has "child age 20 (19–20 år → 18–20 år)"
expect_stdout_has "large household factor (couple)"
expect_stdout_has "internet och telefoni"

test_case "norms diff of two files, --json"
run_eb norms diff "$EB_NORMS/riksnorm/2026.toml" derived-2027.toml --json
expect_exit 0
expect_json .to riksnorm-2027
expect_json '.changes[] | select(.item == "child age 3 (3 år → 2–5 år)") | .difference_ore' 28000
expect_json '.changes[] | select(.item == "child band 1–2 år (split)") | .after_value' "split into 1, 2–5 år"
expect_json '.changes[] | select(.item == "child age 3 (3 år → 2–5 år)") | [.kind, .before_ore, .after_ore] | tojson' '["amount",272000,300000]'
run_eb norms diff derived-2027.toml "$fixtures/norms/2028-draft.toml" --json
expect_exit 0
expect_json '.changes[] | select(.item == "large household factor (other)") | .after_value' 0.4
expect_json '.changes[] | select(.item == "large household factor (other)") | .after_value | type' number

# ---- one household, line by line ---------------------------------------------------------
example=$fixtures/examples/02-couple-two-children.toml
test_case "assess --file --as-of 2027-01 --diff: each line before and after, and the total"
run_eb assess --file "$example" --as-of 2027-01 --diff
expect_exit 0
expect_stdout_has "before  2026-03  riksnorm-2026 (official)"
expect_stdout_has "after   2027-01  riksnorm-2027 (preliminary)"
expect_stdout_has "Personliga kostnader, barn 8 år → 9 år"
expect_stdout_has "-690 kr"
expect_stdout_has "+120 kr"
expect_stderr_has "(after) riksnorm-2027 is PRELIMINARY"
if [[ -e $EB_DB ]]; then fail "no database written" "no $EB_DB" "created"; else pass; fi

test_case "assess --diff --json"
run_eb assess --file "$example" --as-of 2027-01 --diff --json
expect_exit 0
expect_json .before.month 2026-03
expect_json .after.month 2027-01
expect_json .after.norm.status preliminary
expect_json .totals.amount.before_ore 1848000
expect_json .totals.amount.after_ore 1860000
expect_json .totals.amount.difference_ore 12000
expect_json '.lines[] | select(.rule == "riksnorm.couple") | .difference_ore' 141000
expect_json '[.lines[] | select(.section == "income")] | .[0].before_ore' -250000
expect_json '[.lines[] | select(.only != null)] | length' 0

test_case "assess --diff: a line on one side only (the minskningsbelopp)"
cat >app-2026.toml <<'EOF'
month = "2026-12"
[[member]]
pnr = "19850312-2387"
role = "applicant"
[[member]]
pnr = "20100514-2383"
role = "child"
[[member]]
pnr = "20140821-3450"
role = "child"
[[member]]
pnr = "20180203-4569"
role = "child"
[[member]]
pnr = "20221130-5673"
role = "child"
EOF
run_eb assess --file app-2026.toml --as-of 2027-01 --diff --json
expect_exit 0
expect_json '.lines[] | select(.rule == "riksnorm.large_household") | .only' after
expect_json '.lines[] | select(.rule == "riksnorm.large_household") | .after_ore' -69000
expect_json '.lines[] | select(.rule == "riksnorm.large_household") | .before_ore' null
run_eb assess --file app-2026.toml --as-of 2027-01 --diff
expect_stdout_has "only after"

test_case "assess --as-of without --diff: the re-dated household, never stored"
run_eb assess --file "$example" --as-of 2027-01 --json
expect_exit 0
expect_json .month 2027-01
expect_json .totals.amount_ore 1860000

test_case "assess --diff needs --norms-file or --as-of; --as-of must be a month"
run_eb assess --file "$example" --diff
expect_exit 2
run_eb assess --file "$example" --as-of 2027-13 --diff
expect_exit 3
expect_stderr_has '--as-of = "2027-13"'

test_case "assess --norms-file --diff: a file that does not cover the month is refused with a hint"
run_eb assess --file "$example" --norms-file derived-2027.toml --diff
expect_exit 4
expect_stderr_has "with --as-of"

# ---- a stored application: what-ifs write nothing ---------------------------------------
test_case "assess A-1 --norms-file X --as-of M --diff writes nothing"
run_eb intake --file "$EB_ROOT/data/demo/02-couple-two-children.toml"
expect_exit 0
db_snapshot stored
run_eb assess A-1 --norms-file derived-2027.toml --as-of 2027-11 --diff
expect_exit 0
expect_stdout_has "before  2026-11  riksnorm-2026 (official)"
expect_stdout_has "after   2027-11  riksnorm-2027 (preliminary)"
expect_db_unchanged stored
run_eb assess A-1 --as-of 2027-01 --diff --json
expect_exit 0
expect_json .application_id A-1
expect_json .totals.amount.difference_ore 12000
expect_db_unchanged stored
run_eb assess A-1 --as-of 2027-01
expect_exit 0
expect_stdout_lacks "stored as assessment"
expect_db_unchanged stored

finish
