// SPDX-License-Identifier: MIT
// Tests of the text helpers that keep what a person reads safe: the line rule of names and
// notes, terminal escaping and CSV cells (issue 11: hostile input).
#include "common/text.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace std::string_literals;
namespace text = eb::text;

TEST_CASE("text::char_count", "[common][text]") {
  SECTION("counts code points, not bytes") {
    CHECK(text::char_count("") == 0);
    CHECK(text::char_count("Åsa Öberg") == 9);
  }
  SECTION("counts an invalid byte as one") {
    CHECK(text::char_count("a\xff"
                           "b") == 3);
  }
}

TEST_CASE("text::line_problem", "[common][text]") {
  SECTION("accepts Swedish names and punctuation") {
    CHECK(text::line_problem("Åsa-Lena Öberg d'Artois, jr.") == "");
    CHECK(text::line_problem("") == "");
  }
  SECTION("refuses each C0 control character, DEL and C1 by its code point") {
    CHECK(text::line_problem("Karin\0Ek"s) == "contains a control character (U+0000)");
    CHECK(text::line_problem("\x1b[31mKarin") == "contains a control character (U+001B)");
    CHECK(text::line_problem("Karin\nEk") == "contains a control character (U+000A)");
    CHECK(text::line_problem("Karin\rEk") == "contains a control character (U+000D)");
    CHECK(text::line_problem("Karin\tEk") == "contains a control character (U+0009)");
    CHECK(text::line_problem("Karin\x7f") == "contains a control character (U+007F)");
    CHECK(text::line_problem("Karin\xc2\x9b"
                             "31m") == "contains a control character (U+009B)");
    CHECK(text::line_problem("Karin\xc2\x85") == "contains a control character (U+0085)");
  }
  SECTION("refuses the bidirectional overrides") {
    CHECK(text::line_problem("abc\xe2\x80\xae"
                             "fed") == "contains a control character (U+202E)");
    CHECK(text::line_problem("\xe2\x81\xa6x") == "contains a control character (U+2066)");
  }
  SECTION("refuses invalid UTF-8: a stray byte, a truncated sequence, an overlong form, a surrogate") {
    CHECK(text::line_problem("Karin\xff") == "is not valid UTF-8 text");
    CHECK(text::line_problem("Karin\xc3") == "is not valid UTF-8 text");
    CHECK(text::line_problem("\xc0\xaf") == "is not valid UTF-8 text");
    CHECK(text::line_problem("\xed\xa0\x80") == "is not valid UTF-8 text");
  }
  SECTION("counts characters against the limit") {
    CHECK(text::line_problem(std::string(140, 'a'), 140) == "");
    CHECK(text::line_problem(std::string(141, 'a'), 140) == "has 141 characters; at most 140 fit");
    std::string swedish;
    for (int i = 0; i < 140; ++i) swedish += "ö";  // 280 bytes, 140 characters
    CHECK(text::line_problem(swedish, 140) == "");
  }
}

TEST_CASE("text::terminal_safe", "[common][text]") {
  SECTION("keeps printable text, including å ä ö and backslashes") {
    CHECK(text::terminal_safe("Åsa Öberg \\ 8 200 kr") == "Åsa Öberg \\ 8 200 kr");
  }
  SECTION("escapes ANSI escapes, line breaks and NUL so nothing reaches the terminal raw") {
    CHECK(text::terminal_safe("\x1b[2J\x1b]0;x\x07") == "\\x1b[2J\\x1b]0;x\\x07");
    CHECK(text::terminal_safe("a\nb\rc") == "a\\x0ab\\x0dc");
    CHECK(text::terminal_safe("a\0b"s) == "a\\x00b");
    CHECK(text::terminal_safe("\x7f") == "\\x7f");
  }
  SECTION("escapes C1 (the 8-bit CSI) and bidirectional overrides as \\u") {
    CHECK(text::terminal_safe("\xc2\x9b"
                              "2J") == "\\u009b2J");
    CHECK(text::terminal_safe("\xe2\x80\xae") == "\\u202e");
  }
  SECTION("escapes bytes that are not UTF-8 one by one") {
    CHECK(text::terminal_safe("a\xff\xc3") == "a\\xff\\xc3");
  }
}

TEST_CASE("text::csv_cell", "[common][text]") {
  SECTION("leaves plain text and numbers alone") {
    CHECK(text::csv_cell("Karin Ek") == "Karin Ek");
    CHECK(text::csv_cell("-120") == "-120");
    CHECK(text::csv_cell("1234.50") == "1234.50");
    CHECK(text::csv_cell("-12,5") == "\"-12,5\"");  // a number, quoted for its comma
    CHECK(text::csv_cell("") == "");
  }
  SECTION("neutralises cells a spreadsheet would run as a formula") {
    CHECK(text::csv_cell("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0");
    CHECK(text::csv_cell("+SUM(1+1)") == "'+SUM(1+1)");
    CHECK(text::csv_cell("-1+2") == "'-1+2");
    CHECK(text::csv_cell("-") == "'-");
    CHECK(text::csv_cell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(text::csv_cell("\tx") == "'\tx");
    CHECK(text::csv_cell("\rx") == "\"'\rx\"");
  }
  SECTION("quotes commas, quotes and line breaks as RFC 4180 says, after neutralising") {
    CHECK(text::csv_cell("Ek, Karin") == "\"Ek, Karin\"");
    CHECK(text::csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(text::csv_cell("=1,2") == "\"'=1,2\"");
  }
}
