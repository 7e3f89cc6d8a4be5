#!/usr/bin/env bash
# The case store under faults: two intake processes writing at the same time, and an
# intake killed with SIGKILL in the middle of a large batch. The store must stay
# consistent (eb db check) and a batch must be all there or all absent.
# Applications come from `eb demo generate --format jsonl` (synthetic, distinct households,
# deterministic), cut into batches that share no person.
#
# Usage: bash tests/e2e/store_faults.sh      (EB=path/to/eb, EB_ROOT=repository root)
#   FAULTS_KILL_BATCH=N  size of the batch that is killed (default 20000)
set -u
set -o pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export EB_NORMS=${EB_NORMS:-$EB_ROOT/norms}
kill_batch=${FAULTS_KILL_BATCH:-20000}

setup_tmp
require_eb

# One month of one district: four batches of 300, the batch that is killed, and 50 after it.
"$EB" demo generate --households $((1200 + kill_batch + 50)) --months 1 --first-month 2026-11 --seed 1 \
  --format jsonl -o "$tmp/gen" >/dev/null || {
  fail "eb demo generate" "exit 0" "exit $?"
  finish
}
# batch FIRST COUNT — COUNT applications from line FIRST of the generated month.
batch() { sed -n "$1,$(($1 + $2 - 1))p" "$tmp/gen/applications.jsonl"; }

# applications_in_store — how many applications `eb list` shows (empty on failure).
applications_in_store() {
  run_eb list --json
  if [[ $status == 0 ]]; then json_count '.[]'; fi
}

# ---- two writers at once ----------------------------------------------------------
test_case "concurrency: two batches of 300"
batch 1 300 >"$tmp/batch1.jsonl"
batch 301 300 >"$tmp/batch2.jsonl"
expect_eq "$(cat "$tmp/batch1.jsonl" "$tmp/batch2.jsonl" | jq -r '.member[] | select(.role == "applicant") | .pnr' |
  sort -u | wc -l)" 600 "distinct applicants in the two batches"

# No `eb db init` first: the two processes also race to create the store.
export EB_DB=$tmp/concurrent.db
start_eb one "$tmp/batch1.jsonl" intake --json --file -
start_eb two "$tmp/batch2.jsonl" intake --json --file -
wait_eb one
expect_exit 0
expect_eq "$(json_count 'select(.application_id)')" 300 "applications stored by the first process"
cp "$tmp/out" "$tmp/one.json"
wait_eb two
expect_exit 0
expect_eq "$(json_count 'select(.application_id)')" 300 "applications stored by the second process"
expect_eq "$(cat "$tmp/one.json" "$tmp/out" | jq -r .application_id | sort -u | wc -l)" 600 \
  "distinct application ids from both processes"
expect_eq "$(applications_in_store)" 600 "applications in the store"
run_eb db check
expect_exit 0
expect_file_mode "$EB_DB" 600

# Two processes assessing at once: each waits for the other's write lock (a stale read
# snapshot used to make the second fail at once with "database is locked", exit 70).
test_case "concurrency: two processes assessing the same store"
run_eb list --json
json_get '.[].application_id' | head -n 200 >"$tmp/ids"
(xargs -n1 "$EB" assess <"$tmp/ids" >/dev/null 2>"$tmp/assess1.err"; echo $? >"$tmp/assess1.rc") &
(xargs -n1 "$EB" assess <"$tmp/ids" >/dev/null 2>"$tmp/assess2.err"; echo $? >"$tmp/assess2.rc") &
wait
expect_eq "$(cat "$tmp/assess1.rc") $(cat "$tmp/assess2.rc")" "0 0" "exit status of both assess loops"
expect_eq "$(cat "$tmp/assess1.err" "$tmp/assess2.err" | grep -c 'error' || true)" 0 "errors from the assess loops"
expect_eq "$(sqlite3 "$EB_DB" 'SELECT count(*) FROM assessment')" 400 "assessments stored (two per application)"

test_case "concurrency: two more batches into the existing store"
batch 601 300 >"$tmp/batch3.jsonl"
batch 901 300 >"$tmp/batch4.jsonl"
start_eb three "$tmp/batch3.jsonl" intake --file -
start_eb four "$tmp/batch4.jsonl" intake --file -
wait_eb three
expect_exit 0
wait_eb four
expect_exit 0
expect_eq "$(applications_in_store)" 1200 "applications in the store"
run_eb db check
expect_exit 0

# Two processes that create a new store at once: creation and the switch to WAL wait for the
# other process like every other write (it failed with "database is locked" in 1 of 30 runs).
test_case "concurrency: two intakes creating the same new store, 30 times"
batch 1 20 >"$tmp/c1.jsonl"
batch 21 20 >"$tmp/c2.jsonl"
failed_runs=0
for run in $(seq 1 30); do
  db=$tmp/new-$run.db
  (EB_DB=$db "$EB" intake --file - <"$tmp/c1.jsonl" >/dev/null 2>"$tmp/c1-$run.err"; echo $? >"$tmp/c1-$run.rc") &
  (EB_DB=$db "$EB" intake --file - <"$tmp/c2.jsonl" >/dev/null 2>"$tmp/c2-$run.err"; echo $? >"$tmp/c2-$run.rc") &
  wait
  if [[ $(cat "$tmp/c1-$run.rc") != 0 || $(cat "$tmp/c2-$run.rc") != 0 ||
    $(sqlite3 -readonly "$db" 'SELECT count(*) FROM application') != 40 ]]; then
    failed_runs=$((failed_runs + 1))
    printf 'run %d failed: %s %s\n' "$run" "$(cat "$tmp/c1-$run.err")" "$(cat "$tmp/c2-$run.err")"
  fi
done
expect_eq "$failed_runs" 0 "runs in which an intake failed or an application is missing"
EB_DB=$tmp/new-30.db run_eb db check
expect_exit 0

# ---- SIGKILL in the middle of a batch ------------------------------------------------
batch 1201 "$kill_batch" >"$tmp/big.jsonl"
batch $((1201 + kill_batch)) 50 >"$tmp/after.jsonl"
# Three delays, one from each of 0.20–0.39 s, 0.50–0.69 s and 0.80–0.99 s.
delays=()
for base in 20 50 80; do delays+=("0.$((base + RANDOM % 20))"); done

for rep in 1 2 3; do
  delay=${delays[rep - 1]}
  test_case "SIGKILL $rep: intake of $kill_batch killed after $delay s"
  export EB_DB=$tmp/kill$rep.db
  run_eb db init
  expect_exit 0
  start_eb big "$tmp/big.jsonl" intake --file -
  sleep "$delay"
  kill_eb big KILL
  wait_eb big
  if [[ $status == 137 ]]; then
    pass
  elif [[ $status == 0 ]]; then
    printf 'note: SIGKILL %d: intake had already finished after %s s (exit 0); nothing to interrupt\n' "$rep" "$delay"
    pass
  else
    fail "killed intake" "exit 137 (SIGKILL) or 0 (finished first)" "exit $status"
  fi

  run_eb db check
  expect_exit 0
  expect_stdout_has "ok"
  n=$(applications_in_store)
  if [[ $n == 0 || $n == "$kill_batch" ]]; then
    pass
    printf 'SIGKILL %d after %s s: %s applications in the store\n' "$rep" "$delay" "$n"
  else
    fail "all or nothing" "0 or $kill_batch applications" "${n:-(eb list failed)} applications"
  fi

  # The store is still usable: another batch goes in.
  run_eb_stdin "$tmp/after.jsonl" intake --file -
  expect_exit 0
  expect_eq "$(applications_in_store)" "$((${n:-0} + 50))" "applications after a further batch of 50"
  run_eb db check
  expect_exit 0
done

finish
