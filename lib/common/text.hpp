// SPDX-License-Identifier: MIT
// Small text helpers shared by the parsers of user data and the writers of documents.
#pragma once

#include <cstddef>
#include <cstdint>
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
// `n` with a space between groups of three digits and '-' before a negative number: "12 345",
// "-1 200" (Swedish, as money::format_kr writes amounts).
std::string format_count(std::int64_t n);
// `n` and the word for it, singular for exactly one: counted(1, "ansökan", "ansökningar") is
// "1 ansökan", counted(2 000, …) "2 000 ansökningar" (format_count).
std::string counted(std::int64_t n, std::string_view one, std::string_view many);
// How many terminal columns `s` takes: one per code point of UTF-8 ("å" is two bytes, one
// column; so is the minus sign U+2212), none for a combining mark, two for a wide (CJK) one.
std::size_t display_width(std::string_view s);

}  // namespace eb::text
