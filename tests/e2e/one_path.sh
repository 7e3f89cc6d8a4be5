#!/usr/bin/env bash
# The shared paths of every command (issue "One path through the core"): bulk assessment of a
# month equals assessing each application by itself; --dry-run runs and rolls back; and every
# -o goes through one writer that refuses a symbolic link or a directory before anything is
# recorded, and cleans up after a killed run.
#
# Usage: bash tests/e2e/one_path.sh      (EB=path/to/eb, EB_ROOT=repository root)
set -u
set -o pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

demo=$EB_ROOT/data/demo
export EB_NORMS=${EB_NORMS:-$EB_ROOT/norms}
unset EB_DELEGATION EB_PAYER
setup_tmp
require_eb
sql() { sqlite3 -readonly "$EB_DB" "$1"; }
totals="SELECT application_id, norm_ore, costs_ore, other_ore, need_ore, income_ore, exempt_ore, amount_ore, \
has_warnings FROM assessment ORDER BY application_id"

# ---- bulk assessment ---------------------------------------------------------------------
test_case "setup: the demo households, in two stores"
run_eb --today 2026-11-20 intake --file "$demo"
expect_exit 0
count=$(sql "SELECT count(*) FROM application WHERE month = '2026-11'")
cp "$EB_DB" "$tmp/single.db"

test_case "assess --month --dry-run: the summary, and nothing stored"
db_snapshot dry
run_eb --today 2026-11-13 assess --month 2026-11 --dry-run --json
expect_exit 0
expect_json .dry_run true
expect_json .assessed "$count"
expect_json '[.applications[].assessment_id] | unique' '[
  null
]'
expect_db_unchanged dry

test_case "assess --month: every application of the month in one run"
run_eb --today 2026-11-13 assess --month 2026-11 --json
expect_exit 0
expect_json .assessed "$count"
expect_json .refused 0
expect_eq "$(sql "SELECT count(*) FROM assessment")" "$count" "assessments stored"
expect_eq "$(json_get '[.applications[].amount_ore] | add')" "$(json_get .total_ore)" "the total is the sum"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE command = 'assess --month'")" "$count" "audit entries"
cp "$tmp/out" "$tmp/bulk.json"

test_case "assess --month equals assessing each application by itself"
for id in $(sqlite3 -readonly "$tmp/single.db" "SELECT id FROM application WHERE month = '2026-11' ORDER BY id"); do
  EB_DB=$tmp/single.db "$EB" --today 2026-11-13 assess "A-$id" >/dev/null 2>&1 || fail "assess A-$id" "exit 0" "$?"
done
expect_eq "$(sqlite3 -readonly "$tmp/single.db" "$totals")" "$(sql "$totals")" "stored totals, row for row"
expect_eq "$(sqlite3 -readonly "$tmp/single.db" "SELECT group_concat(result_json, '') FROM \
(SELECT result_json FROM assessment ORDER BY application_id)" | sha256sum)" \
  "$(sql "SELECT group_concat(result_json, '') FROM (SELECT result_json FROM assessment ORDER BY application_id)" |
    sha256sum)" "stored lines, notes and warnings"

test_case "assess --month again: only what is not decided; --status narrows it"
run_eb --today 2026-11-13 assess --month 2026-11 --status received --json
expect_exit 0
expect_json .assessed 0
expect_json .skipped "$count"
run_eb --today 2026-11-13 assess --month 2026-11 --status decided
expect_exit 0
expect_stdout_has "assessed 0 applications of 2026-11"

test_case "assess --month refuses what does not go with it"
run_eb assess A-1 --month 2026-11
expect_exit 2
run_eb assess --month 2026-13
expect_exit 3
expect_stderr_has "--month"

# ---- one writer for every -o ---------------------------------------------------------------
test_case "setup: a decision and a batch"
run_eb users add gunnar --role gruppledare
run_eb --today 2026-11-13 decide A-1 --bifall --by gunnar
expect_exit 0
run_eb --today 2026-11-20 pay batch --date 2026-11-25
expect_exit 0

test_case "letter -o through a symbolic link is refused; the link's target is untouched"
printf 'keep me\n' >"$tmp/target.txt"
chmod 0644 "$tmp/target.txt"
ln -s "$tmp/target.txt" "$tmp/link.txt"
run_eb letter D-1 -o "$tmp/link.txt"
expect_exit 6
expect_stderr_has "is a symbolic link; eb never writes through one"
expect_eq "$(cat "$tmp/target.txt")" "keep me" "the link's target"
expect_file_mode "$tmp/target.txt" 644

test_case "letter -o a file: owner-only"
run_eb letter D-1 -o "$tmp/letter.txt"
expect_exit 0
expect_file_mode "$tmp/letter.txt" 600

test_case "pay export -o a directory is refused and nothing is recorded"
mkdir "$tmp/somedir"
db_snapshot export_dir
run_eb pay export B-1 --format pain001 -o "$tmp/somedir"
expect_exit 6
expect_stderr_has "is a directory"
expect_db_unchanged export_dir
expect_eq "$(sql "SELECT status FROM batch WHERE id = 1")" created "the batch is still created"

test_case "pay export -o through a symbolic link is refused and nothing is recorded"
ln -s "$tmp/target.txt" "$tmp/B-1.xml"
run_eb pay export B-1 --format pain001 -o "$tmp/B-1.xml"
expect_exit 6
expect_db_unchanged export_dir
rm "$tmp/B-1.xml"

test_case "a temporary file of a killed earlier export is removed by the next one"
printf 'half a payment file\n' >"$tmp/.B-1.xml.eb-4194305-abcdef"
run_eb pay export B-1 --format pain001 -o "$tmp/B-1.xml"
expect_exit 0
expect_file_mode "$tmp/B-1.xml" 600
expect_eq "$(find "$tmp" -maxdepth 1 -name '.B-1.xml.*' | wc -l)" 0 "temporary files left"

test_case "norms derive -o a directory is refused"
run_eb norms derive 2027 --index 1.043 -o "$tmp/somedir"
expect_exit 6
expect_stderr_has "is a directory"

test_case "db backup through a symbolic link is refused; a backup is owner-only"
ln -s "$tmp/target.txt" "$tmp/backup-link.db"
run_eb db backup "$tmp/backup-link.db"
expect_exit 6
expect_stderr_has "is a symbolic link"
expect_eq "$(cat "$tmp/target.txt")" "keep me" "the link's target"
run_eb db backup "$tmp/backup.db"
expect_exit 0
expect_file_mode "$tmp/backup.db" 600
expect_eq "$(sqlite3 -readonly "$tmp/backup.db" "SELECT count(*) FROM assessment")" \
  "$(sql "SELECT count(*) FROM assessment")" "assessments in the backup"
expect_eq "$(find "$tmp" -maxdepth 1 -name '.backup.db.*' | wc -l)" 0 "temporary files left"

finish
