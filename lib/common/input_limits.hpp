// SPDX-License-Identifier: MIT
// Limits on the shape of a text before a parser sees it: its size and how deep it nests. The
// libraries that parse TOML and JSON recurse (toml++ crashes on a 40 000-part dotted key), so
// input that is too large or too deep is refused here, by a scan that does not recurse.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace eb {

struct InputLimits {
  // The most bytes of text read and parsed.
  std::size_t max_bytes = 16 * 1024 * 1024;
  // The deepest nesting: arrays and tables (brackets and braces), and in TOML also the parts
  // of a dotted key or table header beyond the first ([a.b.c] is three deep).
  int max_depth = 32;
};

// Throws InputError naming `source` (and the line, in TOML) when `text` is larger than
// `limits.max_bytes` or nests deeper than `limits.max_depth`. Strings and comments are
// skipped as TOML reads them, so brackets and dots inside them do not count. Also refused, as
// toml++ 3.3 reaches undefined behaviour on them (marzer/tomlplusplus#190, #295) and TOML
// forbids them anyway: text that is not UTF-8, a non-ASCII character outside quotes and
// comments, and a backslash in a multi-line basic string followed (after any whitespace) by
// a non-ASCII character.
void check_toml_shape(std::string_view text, const std::string& source, const InputLimits& limits);
// The same for JSON text (strings skipped, escapes included).
void check_json_shape(std::string_view text, const std::string& source, const InputLimits& limits);

}  // namespace eb
