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

}  // namespace eb::text
