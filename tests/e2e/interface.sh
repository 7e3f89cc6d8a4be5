#!/usr/bin/env bash
# One interface across every command (issue 14): command-line mistakes in eb's own words with a
# "did you mean", eb help and -V, one exit-code table (each documented code run here, with the
# realistic mistakes of the issue), personnummer masked in errors, the man page's version, and
# the shell completion scripts (they load in bash, zsh and fish and complete a stored id).
#
# Usage: bash tests/e2e/interface.sh      (EB=path/to/eb, EB_ROOT=repository root)
set -u
set -o pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

demo=$EB_ROOT/data/demo
example=$demo/01-single-adult.toml
export EB_NORMS=${EB_NORMS:-$EB_ROOT/norms}
unset EB_DELEGATION EB_PAYER
setup_tmp
require_eb
build=$(cd "$(dirname "$EB")/.." && pwd)
version=$("$EB" --version)

# ---- A. command-line mistakes in eb's words ---------------------------------------------
test_case "a mistyped command is named, with the nearest one"
run_eb assses A-1
expect_exit 2
expect_stderr_has "eb: error: unknown command 'assses'; did you mean 'assess'?"
expect_stderr_lacks "subcommand is required"
expect_stdout_empty

test_case "a mistyped subcommand is named, with the nearest one"
run_eb pay bacth
expect_exit 2
expect_stderr_has "eb: error: unknown command 'bacth' of 'eb pay'; did you mean 'batch'?"

test_case "a mistyped option is named, with the nearest one"
run_eb list --staus received
expect_exit 2
expect_stderr_has "eb: error: unknown option '--staus' for 'eb list'; did you mean '--status'?"
expect_stderr_lacks "were not expected"

test_case "a word that is no command: where to look"
run_eb bogus
expect_exit 2
expect_stderr_has "eb: error: unknown command 'bogus' (see 'eb --help' for the commands)"
run_eb version
expect_exit 2
expect_stderr_has "eb: error: unknown command 'version'; did you mean 'eb --version'?"
run_eb
expect_exit 2
expect_stderr_has "eb: error: 'eb' needs a command: intake, assess,"
run_eb pay
expect_exit 2
expect_stderr_has "eb: error: 'eb pay' needs a command: batch"

test_case "CLI11's own findings reach the user in eb's form"
run_eb norms derive 2027
expect_exit 2
expect_stderr_has "eb: error: --index is required (see 'eb norms derive --help')"
run_eb show A-1 A-2
expect_exit 2
expect_stderr_has "eb: error: unexpected argument"
expect_stderr_has "for 'eb show'"
run_eb list --month
expect_exit 2
expect_stderr_has "eb: error: --month needs a value (see 'eb list --help')"
expect_stderr_lacks "required TEXT missing"

test_case "-V and --version"
run_eb -V
expect_exit 0
expect_stdout_has "eb "
expect_eq "$(cat "$tmp/out")" "$version" "eb -V prints what --version prints"
expect_stdout_lacks "@PROJECT_VERSION@"

test_case "eb help CMD shows the man page, with the version filled in"
run_eb help assess
expect_exit 0
expect_stdout_has "EB-ASSESS"
expect_stdout_has "$version"
expect_stdout_lacks "@PROJECT_VERSION@"
run_eb help pay batch
expect_exit 0
expect_stdout_has "EB-PAY"
run_eb help
expect_exit 0
expect_stdout_has "EXIT STATUS"
run_eb help asess
expect_exit 2
expect_stderr_has "eb: error: unknown command 'asess'; did you mean 'assess'?"

test_case "eb help CMD without man: the command's --help"
mkdir -p "$tmp/noman"
ln -s "$(command -v timeout)" "$tmp/noman/timeout"
PATH=$tmp/noman run_eb help assess
expect_exit 0
expect_stdout_has "--norms-file"
expect_stdout_lacks "EB-ASSESS"

test_case "the man pages carry no placeholder, in the source and in the build"
for page in "$EB_ROOT"/man/*.[1-9] "$build"/man/*.[1-9]; do
  if grep -q "@PROJECT_VERSION@" "$page"; then fail "no @PROJECT_VERSION@ in $page" "none" "found"; else pass; fi
done
expect_eq "$(grep -c "\"$version\" \"eb manual\"" "$build/man/eb.1")" 1 "the built eb.1's footer names the version"

# ---- B. one exit-code table --------------------------------------------------------------
test_case "2: a bad global option, whatever the command"
run_eb --today 2026-02-30 list
expect_exit 2
expect_stderr_has "eb: error: --today"
expect_stderr_has "2026-02-30"
run_eb --today 2026-02-30 norms list
expect_exit 2
run_eb list --today 2026-13-01
expect_exit 2

test_case "3: invalid input content, naming the field and the value"
run_eb assess --file "$EB_ROOT/tests/fixtures/bad/amount-not-a-number.toml"
expect_exit 3
expect_stderr_has "eb: error: "

test_case "3: a personnummer in an error is masked unless --show-pnr"
run_eb assess --file "$EB_ROOT/tests/fixtures/bad/pnr-check-digit.toml"
expect_exit 3
expect_stderr_has 'member[1].pnr = "19850312-XXXX": check digit is wrong'
expect_stderr_lacks "19850312-2388"
expect_stderr_lacks "should be"
run_eb --show-pnr assess --file "$EB_ROOT/tests/fixtures/bad/pnr-check-digit.toml"
expect_exit 3
expect_stderr_has 'member[1].pnr = "19850312-2388": check digit is wrong (should be'
run_eb intake "$EB_ROOT/tests/fixtures/bad/pnr-check-digit.toml"
expect_exit 3
expect_stderr_has "19850312-XXXX"
expect_stderr_lacks "19850312-2388"

test_case "4: a file that is not there, in every command"
run_eb assess --file "$tmp/missing.toml"
expect_exit 4
expect_stderr_has "eb: error: $tmp/missing.toml: no such file"
run_eb intake "$tmp/missing.toml"
expect_exit 4
expect_stderr_has "missing.toml: no such file"
run_eb assess --file "$example" --norms-file "$tmp/missing.toml"
expect_exit 4
run_eb norms check "$tmp/missing.toml"
expect_exit 4

test_case "setup: the demo households, assessed and decided"
run_eb --today 2026-11-20 intake --file "$demo"
expect_exit 0
run_eb --today 2026-11-20 assess --month 2026-11
expect_exit 0
run_eb users add anna --role socialsekreterare --full-name "Anna Andersson"
expect_exit 0

test_case "3: a bad value of an option"
run_eb list --status paid
expect_exit 3
expect_stderr_has "--status = paid"
run_eb demo generate -o gen --households abc
expect_exit 3
expect_stderr_has "eb: error: --households = abc: not a whole number in range"
expect_stderr_lacks "Could not convert"
run_eb simulate --month 2026-11 --as-of 2027-01 --top x
expect_exit 3
expect_stderr_has "eb: error: --top = x: must be 0 to 1000"
expect_stderr_lacks "Value x"
# A seed CLI11 would read as another one (-1 as 2^64 - 1) is refused, and no store is made.
run_eb --db "$tmp/seed.db" demo --seed -1
expect_exit 3
expect_stderr_has '--seed = "-1": a whole number from 0 to 18446744073709551615'
if [[ -e $tmp/seed.db ]]; then fail "no store for a refused seed" "no seed.db" "made"; else pass; fi
run_eb demo generate -o gen --seed 18446744073709551616
expect_exit 3
if [[ -e gen ]]; then fail "no folder for a refused seed" "no gen" "made"; else pass; fi

test_case "4: simulate --norms-file missing, as in assess"
run_eb simulate --month 2026-11 --norms-file "$tmp/missing.toml"
expect_exit 4
expect_stderr_has "--norms-file $tmp/missing.toml: no such file"

test_case "4: a month without a norm, in every command"
run_eb assess --file "$example" --as-of 2031-01
expect_exit 4
expect_stderr_has "no riksnorm"
run_eb simulate --month 2026-11 --as-of 2031-01
expect_exit 4
expect_stderr_has "--as-of 2031-01"
expect_stderr_has "no riksnorm"

test_case "4: an id that is not there"
run_eb show A-999
expect_exit 4
run_eb letter D-999
expect_exit 4

test_case "5: refused by a rule"
run_eb users add anna --role socialsekreterare --full-name "Anna Andersson"
expect_exit 5
expect_stderr_has "eb: error: "

test_case "6: a store or file system error, named plainly"
mkdir -p "$tmp/somedir"
run_eb --db "$tmp/somedir" list
expect_exit 6
expect_stderr_has "is a directory"
expect_stderr_lacks "disk I/O error"
run_eb --db "$tmp/somedir" intake "$example"
expect_exit 6
expect_stderr_has "is a directory"
run_eb norms derive 2027 --index 1.043 -o "$tmp/somedir"
expect_exit 6
expect_stderr_has "is a directory"
expect_stderr_lacks "Success"
run_eb --db "$tmp/no-store.db" list
expect_exit 6
expect_stderr_has "no case store here"

# ---- D. "in the past" counts from today --------------------------------------------------
test_case "pay batch --date: today is not in the past, yesterday is"
run_eb --today 2026-11-25 pay batch --date 2026-11-25 --dry-run
expect_stderr_lacks "in the past"
run_eb --today 2026-11-25 pay batch --date 2026-11-24 --dry-run
expect_stderr_has "--date 2026-11-24 is in the past"

# ---- C. completion -----------------------------------------------------------------------
test_case "completion: the scripts, and a refusal for another shell"
for shell in bash zsh fish; do
  run_eb completion "$shell"
  expect_exit 0
  expect_stdout_has "generated by \`eb completion $shell\`"
  cp "$tmp/out" "$tmp/eb.$shell"
done
run_eb completion tcsh
expect_exit 2
expect_stderr_has "eb: error: "

test_case "completion: eb __complete ids lists stored ids of a kind, read only"
db_snapshot complete
run_eb __complete ids A-
expect_exit 0
expect_stdout_has "A-1"
expect_stdout_lacks "C-1"
run_eb __complete ids c-1
expect_exit 0
expect_stdout_has "C-1"
run_eb __complete ids X-
expect_exit 0
expect_stdout_empty
expect_db_unchanged complete

# complete WORDS… — what the bash script offers for the last word.
bash_complete() {
  PATH=$(dirname "$EB"):$PATH bash --norc --noprofile -c '
    source "$1" || exit 1
    shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    _eb
    printf "%s\n" "${COMPREPLY[@]}"' complete "$tmp/eb.bash" "$@"
}

test_case "completion: bash loads the script and completes commands, options and ids"
expect_eq "$(bash --norc --noprofile -c 'source "$1" && complete -p eb' x "$tmp/eb.bash" 2>&1)" "complete -F _eb eb" \
  "bash registers the completion"
expect_eq "$(bash_complete eb sh)" "show" "eb sh<TAB>"
expect_eq "$(bash_complete eb pay ba)" "batch" "eb pay ba<TAB>"
expect_eq "$(bash_complete eb list --sta)" "--status" "eb list --sta<TAB>"
expect_eq "$(bash_complete eb --db "$EB_DB" show A-1 | head -n 1)" "A-1" "eb --db FILE show A-1<TAB>"
bash_ids=$(bash_complete eb show A-)
if grep -qx "A-1" <<<"$bash_ids"; then pass; else fail "eb show A-<TAB> lists A-1" "A-1" "$bash_ids"; fi

test_case "completion: zsh and fish load the scripts without an error"
if command -v zsh >/dev/null; then
  expect_eq "$(HOME=$tmp zsh -f -c 'autoload -Uz compinit && compinit -u -d "$1/zcompdump" && source "$2" && echo loaded' \
    x "$tmp" "$tmp/eb.zsh" 2>&1)" "loaded" "zsh sources _eb"
else
  fail "zsh installed (tools/deps.sh)" "zsh" "missing"
fi
if command -v fish >/dev/null; then
  expect_eq "$(HOME=$tmp fish --no-config -c "source $tmp/eb.fish; and echo loaded" 2>&1)" "loaded" "fish sources eb.fish"
  fish_ids=$(HOME=$tmp PATH=$(dirname "$EB"):$PATH fish --no-config -c "source $tmp/eb.fish; complete -C'eb show A-'" 2>&1)
  if grep -qx "A-1" <<<"$fish_ids"; then pass; else fail "fish: eb show A-<TAB> lists A-1" "A-1" "$fish_ids"; fi
else
  fail "fish installed (tools/deps.sh)" "fish" "missing"
fi

test_case "cmake --install puts the scripts and the man pages where the shells and man look"
if cmake --install "$build" --prefix "$tmp/inst" >/dev/null 2>"$tmp/install.err"; then
  for f in share/bash-completion/completions/eb share/zsh/site-functions/_eb share/fish/vendor_completions.d/eb.fish \
    share/man/man1/eb.1; do
    if [[ -s $tmp/inst/$f ]]; then pass; else fail "installed $f" "a file" "missing"; fi
  done
  expect_eq "$(grep -c "@PROJECT_VERSION@" "$tmp/inst/share/man/man1/eb.1")" 0 "no placeholder in the installed eb.1"
  run_eb_installed() { "$tmp/inst/bin/eb" "$@"; }
  installed_help=$(run_eb_installed help assess 2>&1)
  if grep -q "EB-ASSESS" <<<"$installed_help"; then pass; else fail "installed eb help assess" "EB-ASSESS" "$installed_help"; fi
else
  fail "cmake --install" "exit 0" "$(head -n 3 "$tmp/install.err")"
fi

# ---- colour: on a terminal only, never with NO_COLOR ------------------------------------
# script(1) gives eb a terminal; its output is the terminal's (stdout and stderr together).
if command -v script >/dev/null 2>&1; then
  test_case "errors and warnings are coloured on a terminal"
  TERM=xterm script -qec "$(printf '%q ' "$EB" list --staus received)" /dev/null >"$tmp/tty" 2>&1
  if grep -qF $'eb: \e[1;31merror\e[0m: unknown option' "$tmp/tty"; then pass; else
    fail "a coloured 'error'" "ESC[1;31merror" "$(head -c 120 "$tmp/tty" | cat -v)"
  fi
  TERM=xterm script -qec "$(printf '%q ' "$EB" norms show 2027)" /dev/null >"$tmp/tty" 2>&1
  if grep -qF $'eb: \e[1;33mwarning\e[0m: riksnorm-2027' "$tmp/tty"; then pass; else
    fail "a coloured 'warning'" "ESC[1;33mwarning" "$(grep -a warning "$tmp/tty" | head -c 120 | cat -v)"
  fi
  test_case "NO_COLOR (any value, empty too) and TERM=dumb turn colour off"
  for setting in NO_COLOR=1 NO_COLOR= TERM=dumb; do
    env TERM=xterm "$setting" script -qec "$(printf '%q ' "$EB" list --staus received)" /dev/null >"$tmp/tty" 2>&1
    if grep -q $'\e\[' "$tmp/tty"; then fail "no colour with $setting" "no escape" "$(head -c 120 "$tmp/tty" | cat -v)"; else pass; fi
    expect_eq "$(grep -c "eb: error: unknown option '--staus'" "$tmp/tty")" 1 "the plain message with $setting"
  done
else
  printf 'note: script(1) is not installed (util-linux): colour on a terminal not checked\n'
fi
test_case "no colour when standard error is not a terminal"
TERM=xterm run_eb list --staus received
if grep -q $'\e\[' "$tmp/err"; then fail "no colour in a pipe" "no escape" "found"; else pass; fi
expect_stderr_has "eb: error: unknown option '--staus'"

finish
