// SPDX-License-Identifier: MIT
// Tests of the period syntax of the ledger (reports.md).
#include <catch2/catch.hpp>

#include "period/month_range.hpp"
#include "support.hpp"

using eb::period::Month;
using eb::period::MonthRange;
using eb::period::parse_month_range;

TEST_CASE("parse_month_range", "[pay][period]") {
  SECTION("a year, a month, the tertials and a range") {
    CHECK(parse_month_range("2026", "--period") == MonthRange{Month(2026, 1), Month(2026, 12)});
    CHECK(parse_month_range("2026-03", "--period") == MonthRange{Month(2026, 3), Month(2026, 3)});
    CHECK(parse_month_range("2026-T1", "--period") == MonthRange{Month(2026, 1), Month(2026, 4)});
    CHECK(parse_month_range("2026-T2", "--period") == MonthRange{Month(2026, 1), Month(2026, 8)});
    CHECK(parse_month_range("2025-11..2026-02", "--period") == MonthRange{Month(2025, 11), Month(2026, 2)});
  }
  SECTION("T3 and VB are the whole year, as the seeds' verksamhetsberättelse") {
    CHECK(parse_month_range("2026-T3", "--period") == MonthRange{Month(2026, 1), Month(2026, 12)});
    CHECK(parse_month_range("2018-VB", "--period") == MonthRange{Month(2018, 1), Month(2018, 12)});
    CHECK(parse_month_range("2026-T3", "--period") == parse_month_range("2026", "--period"));
  }
  SECTION("a range over a year end and a single-month range") {
    CHECK(parse_month_range("2025-12..2026-01", "--period") == MonthRange{Month(2025, 12), Month(2026, 1)});
    CHECK(parse_month_range("2026-03..2026-03", "--period") == MonthRange{Month(2026, 3), Month(2026, 3)});
  }
  SECTION("month_count and shifted_years") {
    CHECK(parse_month_range("2026-T1", "--period").month_count() == 4);
    CHECK(parse_month_range("2026-T2", "--period").month_count() == 8);
    CHECK(parse_month_range("2026", "--period").month_count() == 12);
    CHECK(parse_month_range("2026-03", "--period").month_count() == 1);
    CHECK(parse_month_range("2025-11..2026-02", "--period").month_count() == 4);
    CHECK(parse_month_range("2026-T2", "--period").shifted_years(-1) == MonthRange{Month(2025, 1), Month(2025, 8)});
    CHECK(parse_month_range("2025-11..2026-02", "--period").shifted_years(1) ==
          MonthRange{Month(2026, 11), Month(2027, 2)});
  }
  SECTION("contains and to_string") {
    const MonthRange t1 = parse_month_range("2026-T1", "--period");
    CHECK(t1.contains(Month(2026, 4)));
    CHECK_FALSE(t1.contains(Month(2026, 5)));
    CHECK(t1.to_string() == "2026-01..2026-04");
    CHECK(parse_month_range("2026-03", "--period").to_string() == "2026-03");
  }
  SECTION("refuses anything else, naming the field and the value") {
    for (const char* bad :
         {"", "26", "2026-13", "2026-T4", "2026-T0", "2026-T", "2026-t1", "2026-VB1", "2026-vb", "VB 2026", "2026-03..",
          "..2026-03", "2026-3", "T1", "2026-01..2026-13", "2026 ", "2026-T1..2026-T2", "1899"}) {
      INFO(bad);
      const std::string message = eb::test::input_error_of([&] { parse_month_range(bad, "--period"); });
      CHECK(message.find("--period") != std::string::npos);
      CHECK(message.find("is not a period") != std::string::npos);
    }
    CHECK(eb::test::input_error_of([] { parse_month_range("2026-06..2026-01", "--period"); }) ==
          "--period = 2026-06..2026-01: the range ends before it starts");
  }
}
