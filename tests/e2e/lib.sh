# shellcheck shell=bash
# tests/e2e/lib.sh — the assertion vocabulary of the end-to-end tests.
#
# Source it from a test script:
#     . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Environment:
#   EB        path of the built eb binary (default: $EB_ROOT/build/cli/eb)
#   EB_ROOT   repository root (default: two directories above this file)
#   EB_TIMEOUT  seconds one eb run may take (default 60); a timeout is exit 124
#   EB_KEEP_TMP=1  keep the throw-away directory (its path is printed)
#
# Vocabulary:
#   test_case NAME          name the assertions that follow (shown on failure)
#   setup_tmp               make $tmp, cd into it, remove it on exit, export EB_DB=$tmp/eb.db
#   run_eb ARGS…            run "$EB" ARGS… (stdin /dev/null); stdout -> $tmp/out,
#                           stderr -> $tmp/err, exit code -> $status; never aborts
#   run_eb_stdin FILE ARGS… the same with FILE on stdin
#   expect_exit N
#   expect_stdout_has STR / expect_stdout_lacks STR / expect_stdout_empty
#   expect_stderr_has STR / expect_stderr_lacks STR
#   expect_eq ACTUAL EXPECTED WHAT
#   db_snapshot NAME / expect_db_unchanged NAME   (sqlite3 .dump; a missing db is empty)
#   json_get PATH           jq -r PATH on $tmp/out (prints the value; jq's exit status)
#   expect_json PATH EXPECTED   json_get PATH must print exactly EXPECTED
#   pass / fail WHAT EXPECTED ACTUAL   record a result from a hand-written check
#   fail_quiet              count a failure the caller has already reported itself
#   finish                  print "N passed, M failed"; exit 1 on any failure
#
# Every assertion counts as one pass or one failure. A failure prints the test
# name, the last command, what was expected, what happened, and the first lines
# of that command's stdout and stderr. All of it goes to stdout, in order.

# ---- configuration -----------------------------------------------------------
if [[ -z ${EB_ROOT:-} ]]; then
  EB_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
fi
EB_ROOT=$(cd "$EB_ROOT" && pwd)
export EB_ROOT

EB=${EB:-$EB_ROOT/build/cli/eb}
# setup_tmp changes directory, so make the binary's path absolute now.
if [[ $EB == */* ]]; then
  if [[ $EB != /* ]]; then EB=$PWD/$EB; fi
else
  EB=$(command -v -- "$EB" 2>/dev/null || printf '%s' "$EB")
fi
export EB

EB_TIMEOUT=${EB_TIMEOUT:-60}

_e2e_passed=0
_e2e_failed=0
_e2e_test=$(basename -- "$0" .sh)
_e2e_cmd="(no command run yet)"
_e2e_lines=${E2E_SHOW_LINES:-5}
tmp=${tmp:-}
status=${status:-}

# ---- bookkeeping -------------------------------------------------------------
test_case() { _e2e_test=$*; }

pass() { _e2e_passed=$((_e2e_passed + 1)); }

# _e2e_show FILE LABEL — the first lines of FILE, indented.
_e2e_show() {
  local file=$1 label=$2
  if [[ ! -e $file ]]; then
    printf '  %s: (none)\n' "$label"
  elif [[ ! -s $file ]]; then
    printf '  %s: (empty)\n' "$label"
  else
    printf '  %s:\n' "$label"
    head -n "$_e2e_lines" -- "$file" | sed 's/^/    | /'
    local n
    n=$(wc -l <"$file")
    if ((n > _e2e_lines)); then printf '    | … (%d lines)\n' "$n"; fi
  fi
}

fail_quiet() { _e2e_failed=$((_e2e_failed + 1)); }

# fail WHAT EXPECTED ACTUAL
fail() {
  _e2e_failed=$((_e2e_failed + 1))
  {
    printf 'FAIL [%s] %s\n' "$_e2e_test" "${1:-}"
    printf '  command:  %s\n' "$_e2e_cmd"
    printf '  expected: %s\n' "${2:-}"
    printf '  actual:   %s\n' "${3:-}"
    if [[ -n $tmp ]]; then
      _e2e_show "$tmp/out" stdout
      _e2e_show "$tmp/err" stderr
    fi
  }
}

# ---- the throw-away directory ------------------------------------------------
_e2e_cleanup() {
  if [[ -n ${tmp:-} && -d $tmp ]]; then
    if [[ ${EB_KEEP_TMP:-0} == 1 ]]; then
      printf 'kept %s\n' "$tmp" >&2
    else
      rm -rf -- "$tmp"
    fi
  fi
}

setup_tmp() {
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/eb-e2e.XXXXXX") || {
    echo "setup_tmp: mktemp failed" >&2
    exit 2
  }
  trap _e2e_cleanup EXIT
  trap 'exit 130' INT TERM
  cd "$tmp" || exit 2
  export EB_DB=$tmp/eb.db
  # The audit keys of the test's stores live in the throw-away directory, not in ~/.config.
  export XDG_CONFIG_HOME=$tmp/config
  unset EB_AUDIT_KEY
  : >"$tmp/out"
  : >"$tmp/err"
}

# ---- running eb --------------------------------------------------------------
_e2e_quote() {
  local s="" a
  for a in "$@"; do s+=" $(printf '%q' "$a")"; done
  printf '%s' "${s# }"
}

# _e2e_run STDIN ARGS…
_e2e_run() {
  local in=$1
  shift
  if [[ -z $tmp ]]; then setup_tmp; fi
  _e2e_cmd="eb $(_e2e_quote "$@")"
  if [[ $in != /dev/null ]]; then _e2e_cmd+=" < $in"; fi
  if [[ ! -x $EB ]]; then
    printf 'eb binary not found or not executable: %s\n' "$EB" >"$tmp/err"
    : >"$tmp/out"
    status=127
    return 0
  fi
  if timeout "$EB_TIMEOUT" "$EB" "$@" <"$in" >"$tmp/out" 2>"$tmp/err"; then
    status=0
  else
    status=$?
  fi
  return 0
}

run_eb() { _e2e_run /dev/null "$@"; }

run_eb_stdin() {
  local in=$1
  shift
  _e2e_run "$in" "$@"
}

# require_eb — stop the script (counted as one failure) when there is no binary.
require_eb() {
  if [[ ! -x $EB ]]; then
    _e2e_cmd="(none)"
    fail "eb binary" "an executable at $EB (set EB=…)" "missing"
    finish
  fi
}

# ---- assertions --------------------------------------------------------------
expect_exit() {
  local want=$1
  if [[ $status == "$want" ]]; then pass; else fail "exit status" "exit $want" "exit $status"; fi
}

expect_stdout_has() {
  if grep -qF -- "$1" "$tmp/out"; then pass; else fail "stdout contains" "stdout containing '$1'" "not found"; fi
}

expect_stdout_lacks() {
  if grep -qF -- "$1" "$tmp/out"; then fail "stdout lacks" "stdout without '$1'" "found"; else pass; fi
}

expect_stdout_empty() {
  if [[ ! -s $tmp/out ]]; then
    pass
  else
    fail "stdout empty" "no output on stdout" "$(wc -c <"$tmp/out") bytes"
  fi
}

expect_stderr_has() {
  if grep -qF -- "$1" "$tmp/err"; then pass; else fail "stderr contains" "stderr containing '$1'" "not found"; fi
}

expect_stderr_lacks() {
  if grep -qF -- "$1" "$tmp/err"; then fail "stderr lacks" "stderr without '$1'" "found"; else pass; fi
}

# expect_eq ACTUAL EXPECTED [WHAT]
expect_eq() {
  if [[ $1 == "$2" ]]; then pass; else fail "${3:-value}" "'$2'" "'$1'"; fi
}

# ---- the database ------------------------------------------------------------
# db_dump — the SQL dump of $EB_DB, or nothing when there is no database file.
db_dump() {
  if [[ -n ${EB_DB:-} && -e $EB_DB ]]; then
    sqlite3 -readonly "$EB_DB" .dump
  fi
}

db_snapshot() {
  local name=$1
  if [[ -z $tmp ]]; then setup_tmp; fi
  db_dump >"$tmp/db.$name.sql"
}

expect_db_unchanged() {
  local name=$1
  local snap=$tmp/db.$name.sql
  if [[ ! -e $snap ]]; then
    fail "db unchanged since '$name'" "a snapshot named '$name'" "no such snapshot"
    return 0
  fi
  db_dump >"$tmp/db.now.sql"
  if cmp -s "$snap" "$tmp/db.now.sql"; then
    pass
  else
    fail "db unchanged since '$name'" "the same sqlite3 .dump" \
      "changed: $(diff "$snap" "$tmp/db.now.sql" | grep -E '^[<>]' | head -n 3 | tr '\n' ' ')"
  fi
}

# ---- JSON --------------------------------------------------------------------
json_get() {
  jq -r "$1" "$tmp/out" 2>/dev/null
}

# expect_json PATH EXPECTED — jq -r PATH must print exactly EXPECTED.
expect_json() {
  local got
  if got=$(json_get "$1"); then
    expect_eq "$got" "$2" "json $1"
  else
    fail "json $1" "'$2'" "stdout is not JSON, or jq failed on $1"
  fi
}

# ---- the end -----------------------------------------------------------------
finish() {
  printf '%d passed, %d failed\n' "$_e2e_passed" "$_e2e_failed"
  if ((_e2e_failed > 0)); then exit 1; fi
  exit 0
}

# ---- more vocabulary (store tests) -------------------------------------------
#   expect_exit_nonzero      $status must not be 0 (a refusal whose code is not pinned)
#   expect_file_mode FILE M  FILE's permission bits (stat -c %a) must be M, e.g. 600
#   expect_stderr_matches ERE  stderr must match the extended regular expression ERE
#   start_eb NAME STDIN ARGS…  start "$EB" ARGS… in the background (no timeout) with STDIN on
#                            stdin; output to $tmp/NAME.out and $tmp/NAME.err
#   wait_eb NAME             wait for it: $status = its exit code (137 when SIGKILLed),
#                            $tmp/out and $tmp/err = its output, so expect_* apply to it
#   kill_eb NAME [SIGNAL]    send SIGNAL (default KILL) to it
#   json_count FILTER        how many values FILTER yields, applied to each JSON value on
#                            $tmp/out (JSON lines, or one document): `json_count .` counts lines,
#                            `json_count '.[]'` the elements of an array
declare -gA _e2e_bg_pid=() _e2e_bg_cmd=()

expect_exit_nonzero() {
  if [[ $status != 0 ]]; then pass; else fail "exit status" "a non-zero exit" "exit 0"; fi
}

expect_file_mode() {
  local mode
  mode=$(stat -c %a -- "$1" 2>/dev/null || printf 'missing')
  expect_eq "$mode" "$2" "mode of $(basename -- "$1")"
}

expect_stderr_matches() {
  if grep -qE -- "$1" "$tmp/err"; then pass; else fail "stderr matches" "stderr matching /$1/" "no match"; fi
}

start_eb() {
  local name=$1 in=$2
  shift 2
  if [[ -z $tmp ]]; then setup_tmp; fi
  if [[ ! -x $EB ]]; then
    printf 'eb binary not found or not executable: %s\n' "$EB" >"$tmp/$name.err"
    : >"$tmp/$name.out"
    _e2e_bg_pid[$name]=
    return 0
  fi
  "$EB" "$@" <"$in" >"$tmp/$name.out" 2>"$tmp/$name.err" &
  _e2e_bg_pid[$name]=$!
  _e2e_bg_cmd[$name]="eb $(_e2e_quote "$@") < $in &"
}

wait_eb() {
  local name=$1 pid=${_e2e_bg_pid[$1]:-}
  _e2e_cmd=${_e2e_bg_cmd[$name]:-"(background eb $name)"}
  if [[ -z $pid ]]; then
    status=127
  elif wait "$pid" 2>/dev/null; then
    status=0
  else
    status=$?
  fi
  cp -- "$tmp/$name.out" "$tmp/out" 2>/dev/null || : >"$tmp/out"
  cp -- "$tmp/$name.err" "$tmp/err" 2>/dev/null || : >"$tmp/err"
  _e2e_bg_pid[$name]=
  return 0
}

kill_eb() {
  local pid=${_e2e_bg_pid[$1]:-}
  if [[ -n $pid ]]; then kill -s "${2:-KILL}" "$pid" 2>/dev/null || true; fi
}

json_count() {
  jq -s "[.[] | $1] | length" "$tmp/out" 2>/dev/null
}
