#!/usr/bin/env bash
# Every file in tests/fixtures/bad/ is an application with exactly one thing wrong.
# Its first lines state what eb must do with it:
#     # expect-exit: 3
#     # expect-stderr: member[1].pnr        (repeatable; each a substring of stderr)
# For each file, `eb assess --file F` must
#   - exit with the expected code,
#   - write nothing on stdout (no partial output),
#   - start stderr with "eb: error:" and contain every expect-stderr substring,
#   - for invalid input (exit 3), name the file in stderr,
#   - leave the database alone.
# One line per failing file; then "N passed, M failed" (one count per file).
#
# Usage: bash tests/e2e/bad_files.sh [FILE…]   (default: all of tests/fixtures/bad/*.toml)
set -u
set -o pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

start_dir=$PWD
setup_tmp
require_eb

if (($# > 0)); then
  files=()
  for a in "$@"; do
    if [[ $a == /* ]]; then files+=("$a"); else files+=("$start_dir/$a"); fi
  done
else
  files=("$EB_ROOT"/tests/fixtures/bad/*.toml)
fi
if ((${#files[@]} == 0)) || [[ ! -e ${files[0]} ]]; then
  test_case "bad files"
  fail "fixtures" "files in $EB_ROOT/tests/fixtures/bad" "none"
  finish
fi

# first_line FILE — its first line, or "(empty)".
first_line() {
  if [[ -s $1 ]]; then head -n 1 -- "$1"; else printf '(empty)'; fi
}

for f in "${files[@]}"; do
  name=$(basename "$f")
  test_case "$name"
  problems=()

  # ---- the file's expectations ----------------------------------------------
  want_exit=$(sed -nE 's/^# expect-exit:[[:space:]]*([0-9]+)[[:space:]]*$/\1/p' "$f" | head -n 1)
  mapfile -t want_err < <(sed -nE 's/^# expect-stderr:[[:space:]]?(.*[^[:space:]])[[:space:]]*$/\1/p' "$f")
  if [[ -z $want_exit ]]; then
    printf 'FAIL %s: fixture has no "# expect-exit: N" line\n' "$name"
    fail_quiet
    continue
  fi

  # ---- run ------------------------------------------------------------------
  db_snapshot before
  run_eb assess --file "$f"

  [[ $status == "$want_exit" ]] || problems+=("exit $status, want $want_exit")
  [[ -s $tmp/out ]] && problems+=("stdout not empty ($(wc -c <"$tmp/out") bytes: $(first_line "$tmp/out"))")
  [[ $(head -c 10 -- "$tmp/err") == "eb: error:" ]] || problems+=("stderr does not start with 'eb: error:'")
  for s in "${want_err[@]}"; do
    grep -qF -- "$s" "$tmp/err" || problems+=("stderr lacks '$s'")
  done
  if [[ $want_exit == 3 ]]; then
    grep -qF -- "$name" "$tmp/err" || problems+=("stderr does not name the file")
  fi
  db_dump >"$tmp/db.now.sql"
  cmp -s "$tmp/db.before.sql" "$tmp/db.now.sql" || problems+=("database changed")

  # ---- report ---------------------------------------------------------------
  if ((${#problems[@]} == 0)); then
    pass
  else
    fail_quiet
    msg=$(printf '%s; ' "${problems[@]}")
    printf 'FAIL %s: %s | stderr: %s\n' "$name" "${msg%; }" "$(first_line "$tmp/err")"
  fi
done

finish
