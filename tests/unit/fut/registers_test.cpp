// SPDX-License-Identifier: MIT
// Tests of the income and population register parsers: good files, content keys that make
// imports idempotent, and every bad file refused whole with its line and field.
#include "fut/registers.hpp"

#include <catch2/catch.hpp>

#include "fut_fixture.hpp"
#include "support.hpp"

using namespace eb::test;
using eb::assess::IncomeKind;
using eb::fut::parse_income_register;
using eb::fut::parse_population_register;

namespace {

const std::string k_header = "pnr,month,source,kind,amount,paid_on\n";

std::string anna() {
  return synthetic_pnr(1).formatted();
}
std::string bo() {
  return synthetic_pnr(2).formatted();
}

std::string income_error(const std::string& text) {
  return input_error_of([&] { parse_income_register(text, "inc.csv"); });
}
std::string population_error(const std::string& text) {
  return input_error_of([&] { parse_population_register(text, "pop.csv"); });
}

}  // namespace

TEST_CASE("parse_income_register", "[fut]") {
  SECTION("reads every row with its line, in file order") {
    const auto rows = parse_income_register(k_header + anna() + ",2026-03,FK,sjukpenning,4200,2026-03-25\r\n" + bo() +
                                                ",2026-03,CSN,csn,\"3 050,50\",2026-03-27\n",
                                            "inc.csv");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].pnr == synthetic_pnr(1));
    CHECK(rows[0].month == Month(2026, 3));
    CHECK(rows[0].source == Source::fk);
    CHECK(rows[0].kind == IncomeKind::sjukpenning);
    CHECK(rows[0].amount == kr(4200));
    CHECK(rows[0].paid_on == Date(2026, 3, 25));
    CHECK(rows[0].line == 2);
    CHECK(rows[1].amount == Money::from_ore(305050));
    CHECK(rows[1].source == Source::csn);
    CHECK(rows[1].line == 3);
  }
  SECTION("columns may come in any order; a samordningsnummer is a pnr") {
    // 19800161-…: day 01 + 60, a samordningsnummer.
    char nine[16];
    std::snprintf(nine, sizeof nine, "800161%03d", 5);
    const std::string samordning = "19800161-005" + std::to_string(eb::person::luhn_check_digit(nine));
    const auto rows = parse_income_register(
        "amount,pnr,paid_on,kind,source,month\n100," + samordning + ",2026-03-01,salary,SKV,2026-02\n", "inc.csv");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].pnr.is_samordningsnummer());
    CHECK(rows[0].kind == IncomeKind::salary);
    CHECK(rows[0].month == Month(2026, 2));
  }
}

TEST_CASE("income_row_key", "[fut]") {
  const std::string row = anna() + ",2026-03,FK,sjukpenning,4200,2026-03-25\n";
  SECTION("the same file parsed twice gives the same keys") {
    const auto a = parse_income_register(k_header + row, "a.csv");
    const auto b = parse_income_register(k_header + row, "a.csv");
    CHECK(a[0].key == b[0].key);
  }
  SECTION("the same row in another file, written another way, has the same key") {
    const auto a = parse_income_register(k_header + row, "a.csv");
    const auto b = parse_income_register("pnr,month,source,kind,amount,paid_on\n" + bo() +
                                             ",2026-03,FK,barnbidrag,1250,2026-03-20\n" + synthetic_pnr(1).digits() +
                                             ",2026-03,FK,sjukpenning,\"4 200,00\",2026-03-25\n",
                                         "b.csv");
    CHECK(b[1].key == a[0].key);
    CHECK(b[1].line == 3);
    CHECK(b[0].key != a[0].key);
  }
  SECTION("identical rows in one file keep both, with distinct keys; the first has the plain key") {
    const auto rows = parse_income_register(k_header + row + row, "a.csv");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].key != rows[1].key);
    CHECK(rows[0].key == eb::fut::income_row_key(rows[0]));
    CHECK(rows[1].key == eb::fut::income_row_key(rows[1], 2));
  }
  SECTION("any field changed is another row") {
    const auto rows = parse_income_register(k_header + row + anna() + ",2026-03,FK,sjukpenning,4201,2026-03-25\n" +
                                                anna() + ",2026-03,FK,sjukpenning,4200,2026-03-26\n",
                                            "a.csv");
    CHECK(rows[0].key != rows[1].key);
    CHECK(rows[0].key != rows[2].key);
  }
}

TEST_CASE("parse_income_register: bad files are refused with line and field", "[fut]") {
  const std::string good = anna() + ",2026-03,FK,sjukpenning,4200,2026-03-25\n";
  SECTION("a bad pnr (check digit)") {
    const std::string bad = "19800101-0010";  // the check digit for 800101001 is 8
    CHECK(income_error(k_header + good + bad + ",2026-03,FK,sjukpenning,4200,2026-03-25\n")
              .starts_with("inc.csv:3: pnr = \"19800101-0010\": "));
  }
  SECTION("an unknown source") {
    CHECK(income_error(k_header + anna() + ",2026-03,XX,sjukpenning,4200,2026-03-25\n") ==
          "inc.csv:2: source = \"XX\": unknown source (FK, CSN, PM, AKASSA, AF, SKV)");
  }
  SECTION("an unknown kind") {
    CHECK(income_error(k_header + anna() + ",2026-03,FK,lottery,4200,2026-03-25\n")
              .starts_with("inc.csv:2: kind = \"lottery\": unknown income kind (salary, self_employment, "));
  }
  SECTION("a negative amount") {
    CHECK(income_error(k_header + good + anna() + ",2026-03,FK,sjukpenning,-50,2026-03-25\n") ==
          "inc.csv:3: amount = \"-50\": must not be negative (a register payment is 0 or more)");
  }
  SECTION("an implausibly large amount") {
    CHECK(income_error(k_header + anna() + ",2026-03,FK,sjukpenning,10000001,2026-03-25\n") ==
          "inc.csv:2: amount = \"10000001\": is more than 10 000 000 kr, which is not a plausible payment");
  }
  SECTION("month 13, and a date that does not exist") {
    CHECK(income_error(k_header + anna() + ",2026-13,FK,sjukpenning,4200,2026-02-30\n") ==
          "inc.csv:2: month = \"2026-13\": no such month\n"
          "inc.csv:2: paid_on = \"2026-02-30\": no such date");
  }
  SECTION("a column missing from the header") {
    CHECK(income_error("pnr,month,source,kind,amount\n" + anna() + ",2026-03,FK,sjukpenning,4200\n") ==
          "inc.csv:1: paid_on: the column is missing from the header");
  }
  SECTION("a field missing from a row") {
    CHECK(income_error(k_header + anna() + ",2026-03,FK,sjukpenning\n") ==
          "inc.csv:2: amount: missing: the row has 4 fields, the header 6\n"
          "inc.csv:2: paid_on: missing: the row has 4 fields, the header 6");
  }
  SECTION("an extra field in a row") {
    CHECK(income_error(k_header + anna() + ",2026-03,FK,sjukpenning,4200,2026-03-25,x\n") ==
          "inc.csv:2: field 7 = \"x\": extra: the row has 7 fields, the header 6");
  }
  SECTION("an unknown header column") {
    CHECK(income_error("pnr,month,source,kind,amount,paid_on,note\n") ==
          "inc.csv:1: field 7 = \"note\": unknown column; the income register has the columns pnr, month, source, "
          "kind, amount, paid_on");
  }
  SECTION("a duplicate header column") {
    CHECK(income_error("pnr,month,source,kind,amount,month,paid_on\n") ==
          "inc.csv:1: month: the column appears twice in the header (fields 2 and 6)");
  }
  SECTION("a quoted field left open") {
    CHECK(income_error(k_header + good + anna() + ",2026-03,FK,sjukpenning,\"4200,2026-03-25\n" + good) ==
          "inc.csv:3: amount: a quoted field opens on this line and is not closed before the end of the file (a "
          "'\"' is missing)");
  }
  SECTION("invalid UTF-8") {
    CHECK(income_error(k_header + anna() + ",2026-03,FK,sjukpenning,4200,2026-03-2\xFF\n") ==
          "inc.csv:2: paid_on: is not valid UTF-8 text (byte 10 of the field)");
  }
  SECTION("an empty file, and a file with only the header") {
    CHECK(income_error("") ==
          "inc.csv:1: the file is empty: the first line must be the income register header \"pnr, month, source, "
          "kind, amount, paid_on\"");
    CHECK(income_error("\n\n") == income_error(""));
    CHECK(income_error(k_header) == "inc.csv:1: the file has a header but no rows");
  }
  SECTION("a required value left empty") {
    CHECK(income_error(k_header + anna() + ",2026-03,,sjukpenning,4200,2026-03-25\n") ==
          "inc.csv:2: source: a value is required");
  }
  SECTION("every problem of the file in one error, in line order") {
    const auto problems = input_problems_of([&] {
      parse_income_register(k_header + good + anna() + ",2026-13,FK,sjukpenning,4200,2026-03-25\n" + good + anna() +
                                ",2026-03,FK,sjukpenning,x\"y,2026-03-25\n" + anna() +
                                ",2026-03,FK,sjukpenning,-1,2026-03-25\n",
                            "inc.csv");
    });
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].line == 3);
    CHECK(problems[0].field == "month");
    CHECK(problems[1].line == 5);
    CHECK(problems[1].field == "amount");
    CHECK(problems[2].line == 6);
  }
  SECTION("a file of bad rows stops after 100 problems") {
    std::string text = k_header;
    for (int i = 0; i < 300; ++i) text += anna() + ",2026-13,FK,sjukpenning,4200,2026-03-25\n";
    const auto problems = input_problems_of([&] { parse_income_register(text, "inc.csv"); });
    REQUIRE(problems.size() == 101);
    CHECK(problems.back().message == "stopped after 100 problems; fix these first");
  }
}

TEST_CASE("parse_population_register", "[fut]") {
  SECTION("reads addresses with commas and line breaks, and dates of death") {
    const auto rows =
        parse_population_register("pnr,address,deceased_on\n" + anna() + ",\"Storgatan 1, 123 45 Exempelstad\",\n" +
                                      bo() + ",\"c/o Berg\nÄngsvägen 2\",2026-03-15\n",
                                  "pop.csv");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].address == "Storgatan 1, 123 45 Exempelstad");
    CHECK_FALSE(rows[0].deceased_on);
    CHECK(rows[1].address == "c/o Berg\nÄngsvägen 2");
    CHECK(rows[1].deceased_on == Date(2026, 3, 15));
    CHECK(rows[1].line == 3);
    CHECK(rows[0].key == eb::fut::population_row_key(rows[0]));
    CHECK(rows[0].key != rows[1].key);
  }
  SECTION("an empty address is allowed (unknown)") {
    CHECK(parse_population_register("pnr,address,deceased_on\n" + anna() + ",,\n", "pop.csv").size() == 1);
  }
  SECTION("refuses a pnr twice, a death before birth, control characters, a bad date") {
    CHECK(population_error("pnr,address,deceased_on\n" + anna() + ",a,\n" + anna() + ",b,\n") ==
          "pop.csv:3: pnr = \"" + anna() + "\": appears twice in the file (first on line 2)");
    CHECK(population_error("pnr,address,deceased_on\n" + anna() + ",a,1979-12-31\n") ==
          "pop.csv:2: deceased_on = \"1979-12-31\": is before the date of birth the personnummer gives (1980-01-01)");
    CHECK(population_error("pnr,address,deceased_on\n" + anna() + ",\"a\x01\",\n") ==
          "pop.csv:2: address: contains a control character");
    CHECK(population_error("pnr,address,deceased_on\n" + anna() + ",a,2026-13-01\n") ==
          "pop.csv:2: deceased_on = \"2026-13-01\": no such date");
  }
  SECTION("refuses a bad header and an empty file") {
    CHECK(population_error("pnr,adress,deceased_on\n") ==
          "pop.csv:1: field 2 = \"adress\": unknown column; the population register has the columns pnr, address, "
          "deceased_on\npop.csv:1: address: the column is missing from the header");
    CHECK(population_error("") ==
          "pop.csv:1: the file is empty: the first line must be the population register header \"pnr, address, "
          "deceased_on\"");
  }
}

TEST_CASE("summarize", "[fut]") {
  const auto rows = parse_income_register(k_header + anna() + ",2026-03,FK,sjukpenning,4200,2026-03-25\n" + bo() +
                                              ",2026-01,CSN,csn,3000,2026-01-27\n" + bo() +
                                              ",2026-02,FK,barnbidrag,1250,2026-02-20\n",
                                          "inc.csv");
  const auto s = eb::fut::summarize(rows);
  CHECK(s.rows == 3);
  CHECK(s.by_source[static_cast<std::size_t>(Source::fk)] == 2);
  CHECK(s.by_source[static_cast<std::size_t>(Source::csn)] == 1);
  CHECK(s.first_month == Month(2026, 1));
  CHECK(s.last_month == Month(2026, 3));
  CHECK(s.total == kr(8450));
}
