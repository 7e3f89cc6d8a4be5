#!/usr/bin/env bash
# eb demo generate through the real eb: a small district's files, owner-only; every application
# taken in by `eb intake` without a refusal (TOML folders and JSON lines); the same seed twice
# gives identical files, another seed other files; a folder that is not empty, a symbolic link
# and bad options are refused with nothing written. The full `eb demo` is tests/e2e/demo.sh.
#
# Usage: bash tests/e2e/demo_generate.sh      (EB=path/to/eb, EB_ROOT=repository root)
set -u
set -o pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export EB_NORMS=${EB_NORMS:-$EB_ROOT/norms}

setup_tmp
require_eb

# fingerprint DIR — the sha256 of every file under DIR, by relative path.
fingerprint() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }

gen=(demo generate --households 50 --months 3 --year 2026 --seed 5 --plant-errors 0.5%)

test_case "generate: a small district"
run_eb "${gen[@]}" -o "$tmp/d1"
expect_exit 0
expect_stdout_has "wrote 150 applications for 2026-01..2026-03"
for month in 2026-01 2026-02 2026-03; do
  expect_eq "$(find "$tmp/d1/applications/$month" -name '*.toml' | wc -l)" 50 "applications in $month"
done
for f in income-register.csv population.csv truth.json; do
  if [[ -s $tmp/d1/$f ]]; then pass; else fail "$f" "a non-empty file" "missing or empty"; fi
done
expect_eq "$(head -n 1 "$tmp/d1/income-register.csv" | tr -d '\r')" "pnr,month,source,kind,amount,paid_on" "register header"
expect_eq "$(head -n 1 "$tmp/d1/population.csv" | tr -d '\r')" "pnr,address,deceased_on" "population header"
expect_eq "$(sed -n 2p "$tmp/d1/population.csv" | grep -c '^[0-9-]*,".*, [0-9 ]* [A-ZÅÄÖ][a-zåäö]*",')" 1 \
  "a quoted address in the population register"

test_case "generate: owner-only files and folders"
expect_eq "$(find "$tmp/d1" -type f ! -perm 600 | wc -l)" 0 "files that are not 0600"
expect_eq "$(find "$tmp/d1" -type d ! -perm 700 | wc -l)" 0 "folders that are not 0700"
expect_file_mode "$tmp/d1/truth.json" 600

test_case "generate: the truth file has every rule"
expect_eq "$(jq '[.counts[] | select(.planted >= 1)] | length' "$tmp/d1/truth.json")" 7 "rules with a planted error"
expect_eq "$(jq '.planted | length' "$tmp/d1/truth.json")" 7 "planted errors"
expect_eq "$(jq -r '.parameters.plant_errors' "$tmp/d1/truth.json")" "0.5%" "the rate recorded"
expect_eq "$(jq '[.actions[] | select(.action == "lower-decision")] | length' "$tmp/d1/truth.json")" 1 "actions"
line=$(jq -r '[.planted[] | select(.rule == "undeclared-income")][0].register_row.line' "$tmp/d1/truth.json")
pnr=$(jq -r '[.planted[] | select(.rule == "undeclared-income")][0].register_row.pnr' "$tmp/d1/truth.json")
expect_eq "$(sed -n "${line}p" "$tmp/d1/income-register.csv" | cut -d, -f1)" "$pnr" "the planted row at its line"

test_case "intake: every application goes in, month by month"
run_eb --today 2026-03-31 intake --json --file "$tmp/d1/applications/2026-01" --file "$tmp/d1/applications/2026-02" \
  --file "$tmp/d1/applications/2026-03"
expect_exit 0
expect_eq "$(json_count 'select(.application_id)')" 150 "applications stored"
expect_stderr_lacks "refused"
expect_stderr_lacks "error"

test_case "generate: the same seed twice gives identical files"
run_eb "${gen[@]}" -o "$tmp/d2"
expect_exit 0
fingerprint "$tmp/d1" >"$tmp/fp1"
fingerprint "$tmp/d2" >"$tmp/fp2"
expect_eq "$(wc -l <"$tmp/fp1")" 153 "files written"
if cmp -s "$tmp/fp1" "$tmp/fp2"; then pass; else fail "identical files" "the same sha256 sums" "$(diff "$tmp/fp1" "$tmp/fp2" | head -n 3)"; fi

test_case "generate: another seed gives another district"
run_eb demo generate --households 50 --months 3 --year 2026 --seed 6 --plant-errors 0.5% -o "$tmp/d3"
expect_exit 0
if cmp -s "$tmp/d1/population.csv" "$tmp/d3/population.csv"; then
  fail "another seed" "another population" "the same file"
else
  pass
fi

test_case "generate --format jsonl: one line per application, taken in from stdin"
run_eb demo generate --households 50 --months 3 --year 2026 --seed 5 --plant-errors 0.5% --format jsonl -o "$tmp/j"
expect_exit 0
expect_eq "$(wc -l <"$tmp/j/applications.jsonl")" 150 "lines"
expect_eq "$(jq -c . "$tmp/j/applications.jsonl" | wc -l)" 150 "JSON objects"
expect_file_mode "$tmp/j/applications.jsonl" 600
cmp -s "$tmp/j/income-register.csv" "$tmp/d1/income-register.csv" && pass || fail "same registers" "identical" "differ"
export EB_DB=$tmp/jsonl.db
run_eb_stdin "$tmp/j/applications.jsonl" --today 2026-03-31 intake --json --file -
expect_exit 0
expect_eq "$(json_count 'select(.application_id)')" 150 "applications stored from JSON lines"
export EB_DB=$tmp/eb.db

test_case "generate: a folder that is not empty is refused, and left as it was"
fingerprint "$tmp/d1" >"$tmp/before"
run_eb "${gen[@]}" -o "$tmp/d1"
expect_exit 5
expect_stderr_has "not empty"
fingerprint "$tmp/d1" >"$tmp/after"
cmp -s "$tmp/before" "$tmp/after" && pass || fail "folder unchanged" "the same files" "changed"
mkdir "$tmp/other" && echo keep >"$tmp/other/notes.txt"
run_eb "${gen[@]}" -o "$tmp/other"
expect_exit 5

test_case "generate --force: replaces an earlier run's files and keeps others"
run_eb demo generate --households 20 --months 1 --seed 9 -o "$tmp/d1" --force
expect_exit 0
expect_eq "$(find "$tmp/d1/applications" -name '*.toml' | wc -l)" 20 "applications after --force"
echo keep >"$tmp/d1/notes.txt"
run_eb demo generate --households 20 --months 1 --seed 9 -o "$tmp/d1" --force
expect_exit 0
expect_eq "$(cat "$tmp/d1/notes.txt")" keep "a file of someone else's"

test_case "generate: a symbolic link is never followed"
mkdir "$tmp/real"
ln -s "$tmp/real" "$tmp/link"
run_eb "${gen[@]}" -o "$tmp/link"
expect_exit 5
expect_stderr_has "symbolic link"
expect_eq "$(find "$tmp/real" -mindepth 1 | wc -l)" 0 "files written through the link"

test_case "generate: bad options are refused, with nothing written"
run_eb demo generate --households 0 -o "$tmp/bad1"
expect_exit 3
expect_stderr_has "--households"
run_eb demo generate --plant-errors 0.5 -o "$tmp/bad2"
expect_exit 3
expect_stderr_has "--plant-errors"
run_eb demo generate --households 8 --months 1 --plant-errors 5% -o "$tmp/bad3"
expect_exit 3
expect_stderr_has "too many planted errors"
run_eb demo generate --format xml -o "$tmp/bad4"
expect_exit 3
run_eb demo generate --year 2012 -o "$tmp/bad5"
expect_exit 4
run_eb demo generate --year 2026 --first-month 2025-06 -o "$tmp/bad6"
expect_exit 3
run_eb demo generate
expect_exit 2
expect_eq "$(find "$tmp" -maxdepth 1 -name 'bad*' | wc -l)" 0 "folders left by refused runs"

finish
