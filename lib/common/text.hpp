// SPDX-License-Identifier: MIT
// Small text helpers shared by the parsers of user data and by every writer of text a person
// reads (the terminal, CSV, letters, payment files).
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
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

// The offset of the first byte of `s` that is not part of valid UTF-8, or std::string_view::npos
// if all of `s` is valid UTF-8.
std::size_t utf8_error_at(std::string_view s);
// The number of characters (Unicode code points) of the UTF-8 text `s`; an invalid byte
// counts as one.
std::size_t char_count(std::string_view s);
// Why `s` cannot be one line of text that a person reads (a name, a note, a field of a
// payment file), or "" if it can: not valid UTF-8, a control character (C0 including tab,
// CR and LF; DEL; C1 U+0080–U+009F; the bidirectional overrides U+202A–U+202E and
// U+2066–U+2069, which reorder what is shown; U+FFFE, U+FFFF), or more than `max_chars`
// characters.
std::string line_problem(std::string_view s, std::size_t max_chars = std::numeric_limits<std::size_t>::max());
// `s` safe to print on a terminal: every character that line_problem calls a control
// character is written as an escape (\x1b, \x0a, \u009b, \u202e), and every byte that is
// not valid UTF-8 as \xHH, so no escape sequence or line break of the input reaches the
// terminal. Printable text (å, ä, ö, backslashes) is kept as it is.
std::string terminal_safe(std::string_view s);
// `s` as one CSV cell (RFC 4180: quoted when it holds a comma, a quote, CR or LF). A cell
// that a spreadsheet would run as a formula, one starting with = + - @ tab or CR, gets a
// leading ' (OWASP, CSV injection). A number is not a formula and is left as it is: an
// optional '-', digits, and optionally '.' or ',' with more digits ("-120", "1234.50").
std::string csv_cell(std::string_view s);

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
