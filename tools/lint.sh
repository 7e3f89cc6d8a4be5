#!/usr/bin/env bash
# House rules that a compiler does not check (ARCHITECTURE.md): the dependency rule,
# formatting, and no floating point near money.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
fail=0
complain() { echo "lint: $*" >&2; fail=1; }

# lib/ never does terminal I/O and never uses CLI11.
hits=$(grep -rnE '#include <(iostream|CLI/)|std::(cout|cerr)\b' lib || true)
[ -n "$hits" ] && complain "lib/ must not do terminal I/O or use CLI11:"$'\n'"$hits"
# Only lib/store includes SQLiteCpp; toml++ only where TOML is read; Boost.Date_Time only in lib/period.
hits=$(grep -rln --include='*.[ch]pp' 'SQLiteCpp\|<sqlite3.h>' lib cli | grep -v '^lib/store/' || true)
[ -n "$hits" ] && complain "only lib/store may include SQLite: $hits"
hits=$(grep -rln '<toml++' lib cli | grep -vE '^lib/(common/toml_reader|norms/)' || true)
[ -n "$hits" ] && complain "only lib/common/toml_reader* and lib/norms may include toml++: $hits"
# ... and no other code sees a toml++ type: it reads through TomlDocument and TomlReader.
hits=$(grep -rn --include='*.[ch]pp' 'toml::' lib cli | grep -vE '^lib/(common/toml_reader|norms/)' || true)
[ -n "$hits" ] && complain "toml++ types outside lib/common/toml_reader* and lib/norms:"$'\n'"$hits"
hits=$(grep -rln 'boost/date_time' lib cli | grep -v '^lib/period/' || true)
[ -n "$hits" ] && complain "only lib/period may include Boost.Date_Time: $hits"
# The layer rule (ARCHITECTURE.md): a folder of lib/ includes only itself and the folders below
# it, lowest first. A folder that is not in the order is an error until it is placed.
layers=(common money period person norms assess decide pay fut report demo store flow)
hits=$(
  for f in $(git ls-files 'lib/*.cpp' 'lib/*.hpp'); do
    grep -Hn '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" || true
  done | awk -v order="${layers[*]}" '
    BEGIN { n = split(order, names, " "); for (i = 1; i <= n; i++) rank[names[i]] = i }
    {
      split($0, parts, ":"); file = parts[1]; line = parts[2]
      split(file, dirs, "/"); from = dirs[2]
      if (!(from in rank)) { print file ": lib/" from "/ is not in the layer order"; next }
      if (match($0, /"[^"\/]+\//) == 0) next
      to = substr($0, RSTART + 1, RLENGTH - 2)
      if (!(to in rank)) next  # not a folder of lib/ (e.g. a header beside the file)
      if (rank[to] > rank[from]) print file ":" line ": lib/" from "/ includes lib/" to "/, a higher layer"
    }' | sort -u
)
[ -n "$hits" ] && complain "the layer rule (${layers[*]}, lowest first):"$'\n'"$hits"
# The core never reads the clock or the environment.
hits=$(grep -rnE 'system_clock|std::time\(|getenv|localtime' lib || true)
[ -n "$hits" ] && complain "lib/ must not read the clock or the environment:"$'\n'"$hits"
# Money is integer öre: no floating point in lib/ or cli/.
# (comments and string literals are stripped before looking)
hits=$(grep -rnwE --include='*.[ch]pp' 'double|float' lib cli |
  sed -E 's#//.*$##; s/"([^"\\]|\\.)*"//g' | grep -wE 'double|float' |
  grep -v 'is_floating_point\|is_number_float\|get<double>' || true)
[ -n "$hits" ] && complain "floating point in lib/ or cli/:"$'\n'"$hits"
# Formatting.
if command -v clang-format >/dev/null; then
  files=$(git ls-files 'lib/*.cpp' 'lib/*.hpp' 'cli/*.cpp' 'cli/*.hpp' 'tests/*.cpp' 'bench/*.cpp')
  # shellcheck disable=SC2086
  clang-format --dry-run --Werror $files 2>/dev/null || complain "clang-format: run tools/format.sh"
fi
# Whitespace.
hits=$(git grep -nI ' $' -- lib cli tests norms man '*.md' '*.txt' ':!tests/fixtures' || true)
[ -n "$hits" ] && complain "trailing whitespace:"$'\n'"$(echo "$hits" | head -5)"
[ $fail -eq 0 ] && echo "lint: ok"
exit $fail
