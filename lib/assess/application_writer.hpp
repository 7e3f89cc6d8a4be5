// SPDX-License-Identifier: MIT
// Writing an application (ansökan) back out as the text eb reads: a TOML file or one JSON line.
#pragma once

#include <string>
#include <string_view>

#include "assess/application.hpp"

namespace eb::assess {

// `app` as the text of an application file (man/eb-application.5): every field that differs
// from its default, members, then costs, then incomes. parse_application of the text gives back
// `app` field by field, apart from `source`, `source_sha256` and the line numbers. Amounts are
// whole kronor as integers, others as strings ("8200.50"). Throws nothing.
std::string write_application_toml(const Application& app);

// The same as one JSON object on one line (no newline): a line for `eb intake --file -`, read
// back by parse_application_json. Invalid UTF-8 in a string is replaced (U+FFFD), not thrown.
std::string write_application_json(const Application& app);

// `s` as a TOML basic string: quotes, backslashes and control characters escaped, UTF-8 as it is.
std::string toml_string(std::string_view s);
// An amount as the application files write it: whole kronor as an integer (8200), with öre as a
// string ("8200.50"); a negative amount keeps its sign (-690, "-0.50").
std::string toml_amount(Money m);

}  // namespace eb::assess
