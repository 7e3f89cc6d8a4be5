#!/usr/bin/env bash
# eb test (issue #17) through the real eb: the project's own golden cases (the spec's worked
# examples, the bad fixtures, the 2027 households) all passing; a deliberately wrong expectation
# failing with the right diff and exit 1; --update then eb test passing on a copy, a refused
# case never rewritten; reform budgets inside and outside their tolerance on a store built
# through eb; a candidate norm with one band changed failing exactly the cases that use that
# band; and the errors of the test files themselves (exit 2+).
#
# Usage: bash tests/e2e/golden.sh      (EB=path/to/eb, EB_ROOT=repository root)
set -u
set -o pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

fixtures=$EB_ROOT/tests/fixtures
cases=$fixtures/cases
export EB_NORMS=${EB_NORMS:-$EB_ROOT/norms}

setup_tmp
require_eb

# count_cases DIR — the case files below DIR.
count_cases() { find "$1" -name '*.toml' -type f | wc -l; }
# expect_value FILE KEY — the value of KEY in FILE's [expect] table (as written).
expect_value() { sed -n '/^\[expect\]/,$p' "$1" | sed -nE "s/^$2 = (.*)$/\1/p"; }
# application_of CASE OUT — the case's application part alone (the [expect] table is last).
application_of() { sed '/^\[expect\]/,$d' "$1" >"$2"; }

# ---- the project's cases ------------------------------------------------------------------
n_cases=$(count_cases "$cases")
test_case "the project's cases all pass"
run_eb test "$cases"
expect_exit 0
expect_stdout_has "$n_cases passed, 0 failed"
expect_stdout_has "ok  examples/02-couple-two-children"
expect_stdout_has "ok  bad/pnr-check-digit"
expect_stdout_has "ok  2027/08-eight-person-household"
expect_stdout_lacks "FAIL"
if ((n_cases >= 80)); then pass; else fail "case count" "at least 80 case files" "$n_cases"; fi

test_case "--json: one entry per case, the counts"
run_eb test "$cases" --json
expect_exit 0
expect_json '.cases | length' "$n_cases"
expect_json .passed "$n_cases"
expect_json .failed 0
expect_json '[.cases[] | select(.status != "ok")] | length' 0
expect_json '.cases[] | select(.name == "bad/month-no-norm") | .refusal.kind' NormError
expect_json '.cases[] | select(.name == "examples/01-single-adult") | .amount_ore' 1212000

test_case "the example cases carry exactly the spec's totals (expected.json)"
for f in "$fixtures"/examples/*.toml; do
  name=$(basename "$f" .toml)
  c=$cases/examples/$name.toml
  if [[ ! -f $c ]]; then
    fail "case for $name" "$c" "missing"
    continue
  fi
  if application_of "$c" app.toml && cmp -s <(grep -v '^#' app.toml) <(grep -v '^#' "$f"; echo); then pass; else
    fail "$name: application part" "the example's text" "differs"
  fi
  for key in amount need norm costs other income exempt; do
    want=$(jq -r --arg n "$name" --arg k "${key}_ore" '.[$n][$k] / 100' "$fixtures/examples/expected.json")
    expect_eq "$(expect_value "$c" "$key")" "$want" "$name: $key"
  done
done

test_case "every bad fixture that is TOML has a case expecting its refusal"
for f in "$fixtures"/bad/*.toml; do
  name=$(basename "$f")
  [[ $name == toml-* ]] && continue # not TOML: no [expect] table can be read from it
  c=$cases/bad/$name
  if [[ -f $c ]] && [[ $(expect_value "$c" error) == \"*Error\" ]]; then pass; else
    fail "case for bad/$name" "a case with error = \"…\"" "missing"
  fi
done

test_case "-k selects cases by name: a part of it, or a glob"
run_eb test "$cases" -k examples/
expect_exit 0
expect_stdout_has "8 passed, 0 failed"
run_eb test "$cases" -k 'bad/pnr-*'
expect_exit 0
expect_stdout_has "6 passed, 0 failed"
expect_stdout_lacks "samordningsnummer"

# ---- a wrong expectation --------------------------------------------------------------------
test_case "a wrong expectation fails with its diff, and exit 1"
mkdir wrong
sed -e 's/^amount = 18480$/amount = 18490/' -e 's/^"riksnorm.child_band" = \[2720, 3820\]$/"riksnorm.child_band" = [2720, 3720]/' \
  "$cases/examples/02-couple-two-children.toml" >wrong/02-couple-two-children.toml
cp "$cases/examples/01-single-adult.toml" wrong/
run_eb test wrong
expect_exit 1
expect_stdout_has "ok  01-single-adult"
expect_stdout_has "FAIL  02-couple-two-children"
expect_stdout_has "1 passed, 1 failed"
statute_payable="SoL (2025:400) 12 kap. 1 §"
if grep -qE '^    amount +18 490 kr +18 480 kr +-10 kr +SoL \(2025:400\) 12 kap\. 1 §$' "$tmp/out"; then pass; else
  fail "the amount row" "amount  18 490 kr  18 480 kr  -10 kr  $statute_payable" "$(grep '^    amount' "$tmp/out")"
fi
if grep -qE '^    riksnorm.child_band\[2\] \(Personliga kostnader, barn 8 år\) +3 720 kr +3 820 kr +\+100 kr +SoL' "$tmp/out"; then
  pass
else
  fail "the line row" "riksnorm.child_band[2] (…barn 8 år)  3 720 kr  3 820 kr  +100 kr  SoL…" "$(grep child_band "$tmp/out")"
fi
expect_stdout_lacks "    norm "
run_eb test wrong --json
expect_exit 1
expect_json '.cases[1].differences | length' 2
expect_json '.cases[1].differences[0].key' amount
expect_json '.cases[1].differences[0].expected_ore' 1849000
expect_json '.cases[1].differences[0].got_ore' 1848000
expect_json '.cases[1].differences[0].difference_ore' -1000
expect_json '.cases[1].differences[0].statute' "$statute_payable"
expect_json '.cases[1].differences[1].key' 'riksnorm.child_band[2]'
expect_json '.cases[1].differences[1].difference_ore' 10000

test_case "a refusal where an assessment is expected, and the other way round"
application_of "$cases/bad/pnr-check-digit.toml" wrong/refused.toml
printf '\n[expect]\namount = 1\n' >>wrong/refused.toml
application_of "$cases/examples/01-single-adult.toml" wrong/assessed.toml
printf '[expect]\nerror = "InputError"\nfield = "member[1].pnr"\n' >>wrong/assessed.toml
run_eb test wrong/refused.toml wrong/assessed.toml
expect_exit 1
expect_stdout_has "FAIL  refused"
expect_stdout_has "    error: expected an assessment"
expect_stdout_has "got refused: InputError: "
expect_stdout_has "member[1].pnr"
expect_stdout_has "FAIL  assessed"
expect_stdout_has "expected InputError naming member[1].pnr"
expect_stdout_has "got assessed: 12 120 kr to pay"
expect_stdout_has "0 passed, 2 failed"

# ---- --update -------------------------------------------------------------------------------
test_case "--update rewrites the changed expectations, lists the files, then eb test passes"
cp -r "$cases" copy
sed -i 's/^amount = 18480$/amount = 1/' copy/examples/02-couple-two-children.toml
sed -i '/^\[expect\]/,$d' copy/examples/01-single-adult.toml # a new case: no [expect] yet
run_eb test copy
expect_exit 3
expect_stderr_has "copy/examples/01-single-adult.toml: expect: missing"
run_eb test copy --update
expect_exit 0
expect_stdout_has "updated  examples/01-single-adult"
expect_stdout_has "updated  examples/02-couple-two-children"
expect_stdout_has "updated copy/examples/01-single-adult.toml"
expect_stdout_has "updated copy/examples/02-couple-two-children.toml"
expect_eq "$(grep -c '^updated copy/' "$tmp/out")" 2 "files listed"
expect_stdout_has "$n_cases passed, 0 failed"
# The canonical table is the one the cases are written in: the copy is the original again.
if diff -r copy "$cases" >diff.txt; then pass; else fail "copy after --update" "identical to $cases" "$(head -n 5 diff.txt)"; fi
expect_file_mode copy/examples/02-couple-two-children.toml 600
run_eb test copy
expect_exit 0
expect_stdout_has "$n_cases passed, 0 failed"
run_eb test copy --update
expect_exit 0
expect_stdout_lacks "updated"

test_case "--update never touches a refused case"
sed -i 's/^field = "member\[1\].pnr"$/field = "member[1].role"/' copy/bad/pnr-check-digit.toml
cp copy/bad/pnr-check-digit.toml refused-before.toml
application_of copy/bad/pnr-check-digit.toml copy/bad/pnr-new.toml # refused, without [expect]
run_eb test copy/bad --update
expect_exit 1
expect_stdout_has "FAIL  pnr-check-digit"
expect_stdout_has "not updated: refused: a refused case is never rewritten"
expect_stdout_has "FAIL  pnr-new"
expect_stdout_lacks "updated copy/"
if cmp -s refused-before.toml copy/bad/pnr-check-digit.toml; then pass; else fail "refused case" "unchanged" "rewritten"; fi
if grep -q '^\[expect\]' copy/bad/pnr-new.toml; then fail "refused new case" "no [expect] written" "written"; else pass; fi

# ---- a candidate norm that changes one band --------------------------------------------------
test_case "--norms-file: a 2026 candidate with one band changed fails exactly the cases with that band"
sed '0,/^amount = 3820$/s//amount = 3920/' "$EB_NORMS/riksnorm/2026.toml" >candidate-2026.toml
if cmp -s candidate-2026.toml "$EB_NORMS/riksnorm/2026.toml"; then fail "sed" "band 7–10 år changed" "unchanged"; fi
# The cases that use the band, found independently: eb assess on each case's application part.
: >want.txt
while IFS= read -r f; do
  application_of "$f" app.toml
  run_eb assess --file app.toml --json
  if [[ $status == 0 ]] && json_get '.lines[] | select(.rule == "riksnorm.child_band") | .detail' | grep -q 'riksnorm-2026: barn 7–10 år'; then
    name=${f#"$cases"/}
    printf '%s\n' "${name%.toml}" >>want.txt
  fi
done < <(find "$cases" -name '*.toml' -type f | sort)
run_eb test "$cases" --json
n_2026=$(json_get '[.cases[] | select(.norm == "riksnorm-2026")] | length')
run_eb test "$cases" --norms-file candidate-2026.toml --json
expect_exit 1
json_get '.cases[] | select(.status == "fail") | .name' | sort >got.txt
if (($(wc -l <want.txt) >= 2)) && (($(wc -l <want.txt) < n_cases)); then pass; else
  fail "cases with band 7–10 år" "some, not all" "$(wc -l <want.txt)"
fi
if cmp -s want.txt got.txt; then pass; else fail "failing cases" "$(tr '\n' ' ' <want.txt)" "$(tr '\n' ' ' <got.txt)"; fi
expect_json '.norms_file.id' riksnorm-2026
expect_json '[.cases[] | select(.under_candidate)] | length' "$n_2026"
expect_json '.norms_file.cases' "$n_2026"
run_eb test "$cases" --norms-file candidate-2026.toml
expect_exit 1
expect_stdout_has "FAIL  examples/02-couple-two-children"
expect_stdout_has "    why: the lines the candidate changes (the norms folder → candidate-2026.toml, riksnorm-2026)"
if grep -qE '^    riksnorm.child_band \(Personliga kostnader, barn 8 år\) +3 820 kr +3 920 kr +\+100 kr +SoL' "$tmp/out"; then pass; else
  fail "the why row" "riksnorm.child_band (…barn 8 år)  3 820 kr  3 920 kr  +100 kr  SoL…" "$(grep 'child_band (' "$tmp/out")"
fi
expect_stdout_has "ok  2027/02-couple-two-children"
expect_stdout_has "; the others ran under the norms folder"

# ---- reform budgets ---------------------------------------------------------------------------
test_case "--reform: a budget inside and one outside its tolerance, on a store built through eb"
run_eb intake "$EB_ROOT/data/demo" --today 2026-11-20
expect_exit 0
run_eb assess --month 2026-11 --today 2026-11-20
expect_exit 0
run_eb simulate --month 2026-11 --as-of 2027-11 --json
change_2027=$(json_get .totals.difference_ore)
run_eb simulate --month 2026-11 --norms-file candidate-2026.toml --json
change_band=$(json_get .totals.difference_ore)
if [[ $change_2027 =~ ^-?[0-9]+$ && $change_2027 != 0 && $change_band =~ ^[0-9]+$ && $change_band != 0 ]]; then pass; else
  fail "simulated changes" "two non-zero changes" "$change_2027 / $change_band"
fi
cat >reforms.toml <<EOF
[[reform]]
name = "2027 model"
month = "2026-11"
as_of = "2027-11"
expected_change_ore = $((change_2027 + 300))
tolerance_ore = 500

[[reform]]
name = "band 7-10 plus 100"
month = "2026-11"
norms_file = "candidate-2026.toml"
expected_change_ore = $((change_band + 10000))
tolerance_ore = 5000
EOF
db_snapshot before
run_eb test --reform reforms.toml
expect_exit 1
expect_stdout_has "ok  reform 2027 model"
expect_stdout_has "FAIL  reform band 7-10 plus 100"
expect_stdout_has "outside by 50 kr (2026-11 under candidate-2026.toml"
expect_stdout_has "1 passed, 1 failed"
expect_db_unchanged before
run_eb test --reform reforms.toml --json
expect_json '.reforms[0].change_ore' "$change_2027"
expect_json '.reforms[0].deviation_ore' -300
expect_json '.reforms[0].status' ok
expect_json '.reforms[1].deviation_ore' -10000
expect_json '.reforms[1].status' fail
run_eb test --reform reforms.toml -k 2027
expect_exit 0
expect_stdout_has "1 passed, 0 failed"
run_eb test "$cases" --reform reforms.toml
expect_exit 1
expect_stdout_has "$((n_cases + 1)) passed, 1 failed"
expect_db_unchanged before

test_case "--reform: a reform that cannot run is refused where the reforms file names it"
printf '[[reform]]\nname = "x"\nmonth = "2026-11"\nnorms_file = "nope.toml"\nexpected_change_ore = 0\n' >bad-reforms.toml
run_eb test --reform bad-reforms.toml
expect_exit 4
expect_stderr_has "bad-reforms.toml:1: reform[1].norms_file = nope.toml: no such file"
printf '[[reform]]\nname = "x"\nmonth = "2026-11"\nexpected_change_ore = 0\n' >bad-reforms.toml
run_eb test --reform bad-reforms.toml
expect_exit 3
expect_stderr_has "reform[1].norms_file: missing: a reform needs norms_file, as_of, or both"
EB_DB=$tmp/none.db run_eb test --reform reforms.toml
expect_exit_nonzero
if [[ -e $tmp/none.db ]]; then fail "no store created" "no none.db" "created"; else pass; fi

# ---- errors in the test files themselves --------------------------------------------------------
test_case "errors in the test files: exit 2 and above, naming the file"
run_eb test
expect_exit 2
run_eb test nowhere/case.toml
expect_exit 4
expect_stderr_has "no such case file or folder: nowhere/case.toml"
mkdir empty-folder
run_eb test empty-folder
expect_exit 4
expect_stderr_has "no case files (*.toml) in empty-folder"
cp "$cases/examples/01-single-adult.toml" typo.toml
sed -i 's/^need = /ned = /' typo.toml
run_eb test typo.toml
expect_exit 3
expect_stderr_has "typo.toml:$(grep -n '^ned = ' typo.toml | cut -d: -f1): expect.ned: unknown key"
expect_stdout_empty
printf 'month = "2026-03\n[expect]\namount = 1\n' >syntax.toml
run_eb test syntax.toml
expect_exit 3
expect_stderr_has "syntax.toml:1"
expect_stderr_has "TOML syntax error"
run_eb test "$cases" -k no-such-case
expect_exit 3
expect_stderr_has "-k = \"no-such-case\": selects no case"
run_eb test "$cases" --norms-file nowhere.toml
expect_exit 4
expect_stderr_has '--norms-file = "nowhere.toml": no such file'
if (($(id -u) != 0)); then
  cp "$cases/examples/01-single-adult.toml" unreadable.toml
  chmod 000 unreadable.toml
  run_eb test unreadable.toml
  expect_exit 6
  expect_stderr_has "unreadable.toml"
  chmod 600 unreadable.toml
fi

finish
