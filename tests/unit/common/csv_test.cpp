// SPDX-License-Identifier: MIT
// Tests of the RFC 4180 CSV reader: quoting, line breaks, line numbers, UTF-8, limits.
#include "common/csv.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "support.hpp"

using eb::csv::Limits;
using eb::csv::read_all;
using eb::csv::Reader;
using eb::csv::Record;

namespace {

using Fields = std::vector<std::string>;

std::vector<Fields> fields_of(const std::string& text) {
  std::vector<Fields> out;
  for (const auto& r : read_all(text, "f.csv")) out.push_back(r.fields);
  return out;
}

std::vector<long> lines_of(const std::string& text) {
  std::vector<long> out;
  for (const auto& r : read_all(text, "f.csv")) out.push_back(r.line);
  return out;
}

std::string error_of(const std::string& text, const Limits& limits = {}) {
  return eb::test::input_error_of([&] { read_all(text, "f.csv", limits); });
}

}  // namespace

TEST_CASE("csv::read_all", "[csv]") {
  SECTION("reads plain fields and records") {
    CHECK(fields_of("a,b,c\n1,2,3\n") == std::vector<Fields>{{"a", "b", "c"}, {"1", "2", "3"}});
  }
  SECTION("a last record without a line break is read") {
    CHECK(fields_of("a,b\n1,2") == std::vector<Fields>{{"a", "b"}, {"1", "2"}});
  }
  SECTION("empty fields, a trailing comma and a comma at the very end give empty fields") {
    CHECK(fields_of(",a,,\n") == std::vector<Fields>{{"", "a", "", ""}});
    CHECK(fields_of("a,") == std::vector<Fields>{{"a", ""}});
  }
  SECTION("a quoted field may hold commas, doubled quotes and line breaks") {
    CHECK(fields_of("\"Storgatan 1, 123 45 Exempelstad\",x\n") ==
          std::vector<Fields>{{"Storgatan 1, 123 45 Exempelstad", "x"}});
    CHECK(fields_of("\"say \"\"hej\"\"\",\"\"\n") == std::vector<Fields>{{"say \"hej\"", ""}});
    CHECK(fields_of("\"two\nlines\",b\n") == std::vector<Fields>{{"two\nlines", "b"}});
  }
  SECTION("CRLF and LF both end records; CRLF inside quotes is read as LF") {
    CHECK(fields_of("a,b\r\n1,2\n3,4\r\n") == std::vector<Fields>{{"a", "b"}, {"1", "2"}, {"3", "4"}});
    CHECK(fields_of("\"x\r\ny\"\r\n") == std::vector<Fields>{{"x\ny"}});
  }
  SECTION("a UTF-8 byte order mark at the start is skipped; UTF-8 text is kept") {
    CHECK(fields_of("\xEF\xBB\xBFpnr,adress\nx,\"Ängsvägen 2, Örebro\"\n") ==
          std::vector<Fields>{{"pnr", "adress"}, {"x", "Ängsvägen 2, Örebro"}});
  }
  SECTION("empty lines are skipped; every record has the line it starts on") {
    CHECK(lines_of("a\n\nb\r\n\r\nc\n") == std::vector<long>{1, 3, 5});
    CHECK(lines_of("h\n\"one\ntwo\nthree\",x\nnext\n") == std::vector<long>{1, 2, 5});
  }
  SECTION("an empty text has no records") {
    CHECK(fields_of("").empty());
    CHECK(fields_of("\xEF\xBB\xBF").empty());
  }
}

TEST_CASE("csv::read_all: refusals", "[csv]") {
  SECTION("a quoted field left open names the line it opened on") {
    CHECK(error_of("a,b\n1,\"open\n2,3\n4,5\n") ==
          "f.csv:2: field 2: a quoted field opens on this line and is not closed before the end of the file (a '\"' "
          "is missing)");
  }
  SECTION("a quote inside an unquoted field") {
    CHECK(error_of("a,b\nx\"y,2\n") ==
          "f.csv:2: field 1: a '\"' inside an unquoted field (quote the whole field and write the quote twice)");
  }
  SECTION("text after a closing quote") {
    CHECK(
        error_of("\"a\" ,b\n") ==
        "f.csv:1: field 1: text after the closing quote of a quoted field (a ',' or the end of the line is expected)");
  }
  SECTION("a lone carriage return") {
    CHECK(error_of("a\rb\n") == "f.csv:1: field 1: a carriage return (CR) not followed by a line feed (LF)");
  }
  SECTION("invalid UTF-8 names the line it is on, also inside a multi-line field") {
    CHECK(error_of("a,b\n1,\xC3(\n") == "f.csv:2: field 2: is not valid UTF-8 text (byte 1 of the field)");
    CHECK(error_of("a\n\"x\ny\xFF\",b\n") == "f.csv:3: field 1: is not valid UTF-8 text (byte 4 of the field)");
  }
  SECTION("every bad record is reported and the good ones around it still read") {
    Reader r("ok,1\nx\"y\nok,2\n\"a\"b\nok,3\n", "f.csv");
    Record rec;
    std::vector<std::string> good;
    while (r.next(rec)) good.push_back(rec.fields[1]);
    CHECK(good == std::vector<std::string>{"1", "2", "3"});
    REQUIRE(r.problems().items().size() == 2);
    CHECK(r.problems().items()[0].line == 2);
    CHECK(r.problems().items()[1].line == 4);
  }
  SECTION("fields are named once names are given") {
    Reader r("pnr,kind\n1,x\"\n", "f.csv");
    Record rec;
    REQUIRE(r.next(rec));
    r.name_fields(rec.fields);
    CHECK_FALSE(r.next(rec));
    REQUIRE(r.problems().items().size() == 1);
    CHECK(r.problems().items()[0].field == "kind");
  }
}

TEST_CASE("csv::Reader: limits", "[csv]") {
  SECTION("a text over max_bytes is refused before reading") {
    Limits l;
    l.max_bytes = 10;
    CHECK(error_of("0123456789ab", l) == "f.csv: the file is 12 bytes; at most 10 are read");
  }
  SECTION("too many records, fields or bytes in a field") {
    Limits l;
    l.max_records = 2;
    CHECK(error_of("a\nb\nc\n", l) == "f.csv:3: field 1: the file has more than 2 records");
    Limits f;
    f.max_fields = 3;
    CHECK(error_of("a,b,c,d\n", f) == "f.csv:1: field 4: the record has more than 3 fields");
    Limits b;
    b.max_field_bytes = 4;
    CHECK(error_of("abcde\n", b) == "f.csv:1: field 1: the field is longer than 4 bytes");
    CHECK(error_of("\"abc\ndef\"\n", b) == "f.csv:1: field 1: the field is longer than 4 bytes");
  }
  SECTION("reading stops after max_problems problems, and says so") {
    Limits l;
    l.max_problems = 3;
    std::string text;
    for (int i = 0; i < 10; ++i) text += "x\"\n";
    const auto problems = eb::test::input_problems_of([&] { read_all(text, "f.csv", l); });
    REQUIRE(problems.size() == 4);
    CHECK(problems.back().message == "stopped reading after 3 problems");
  }
}
