// SPDX-License-Identifier: MIT
// Small text helpers shared by the parsers of user data.
#pragma once

#include <string>
#include <string_view>

namespace eb::text {

// True and the value in `out` if `s` is one or more ASCII digits (no sign, no space).
bool parse_digits(std::string_view s, int& out);
// `s` in double quotes, for error messages: "19850312-2388".
std::string quoted(std::string_view s);
// `s` with & < > " ' replaced by character references: safe as text or as an attribute
// value in HTML and XML (the letter, the simulation page, the pain.001 file).
std::string markup_escaped(std::string_view s);

}  // namespace eb::text
