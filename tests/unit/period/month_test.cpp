// SPDX-License-Identifier: MIT
// Tests of Month: parsing "YYYY-MM", arithmetic across years, and the last day of a month.
#include "period/month.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include "support.hpp"

#include "common/error.hpp"
#include "period/date.hpp"

using eb::InputError;
using eb::period::Date;
using eb::period::Month;
using eb::period::month_of;
using eb::period::parse_month;

namespace {

// The message parse_month throws for `text` (field "month"), or "" if it does not throw.
std::string error_of(const std::string& text) {
  return eb::test::input_error_of([&] { parse_month(text, "month"); });
}

}  // namespace

TEST_CASE("parse_month", "[period]") {
  SECTION("reads YYYY-MM") {
    const Month m = parse_month("2026-03", "month");
    CHECK(m.year() == 2026);
    CHECK(m.month() == 3);
    CHECK(parse_month("1999-12", "month") == Month(1999, 12));
  }
  SECTION("rejects month 13 and month 0") {
    CHECK(error_of("2026-13") == "month = \"2026-13\": no such month");
    CHECK(error_of("2026-00") == "month = \"2026-00\": no such month");
  }
  SECTION("rejects a one-digit month") {
    CHECK(error_of("2026-3") == "month = \"2026-3\": not a month (write YYYY-MM)");
  }
  SECTION("rejects other shapes") {
    CHECK(error_of("") == "month = \"\": not a month (write YYYY-MM)");
    CHECK(error_of("202603") == "month = \"202603\": not a month (write YYYY-MM)");
    CHECK(error_of("2026/03") == "month = \"2026/03\": not a month (write YYYY-MM)");
    CHECK(error_of("2026-03-01") == "month = \"2026-03-01\": not a month (write YYYY-MM)");
    CHECK(error_of("26-03") == "month = \"26-03\": not a month (write YYYY-MM)");
    CHECK(error_of("2026-+3") == "month = \"2026-+3\": not a month (write YYYY-MM)");
    CHECK(error_of(" 2026-03") == "month = \" 2026-03\": not a month (write YYYY-MM)");
  }
  SECTION("rejects a year before 1900") {
    CHECK(error_of("1899-12") == "month = \"1899-12\": not a month (write YYYY-MM)");
  }
  SECTION("names the field it was given") {
    try {
      parse_month("x", "member[1].stimulus_start");
      FAIL("no exception");
    } catch (const InputError& e) {
      REQUIRE(e.problems().size() == 1);
      CHECK(e.problems()[0].field == "member[1].stimulus_start");
    }
  }
}

TEST_CASE("Month::Month", "[period]") {
  SECTION("rejects a month outside 1–12") {
    CHECK_THROWS_AS(Month(2026, 13), std::out_of_range);
    CHECK_THROWS_WITH(Month(2026, 0), "no such month: 0");
  }
}

TEST_CASE("Month::plus", "[period]") {
  SECTION("stays in the year") {
    CHECK(Month(2026, 3).plus(2) == Month(2026, 5));
  }
  SECTION("crosses into the next year") {
    CHECK(Month(2026, 11).plus(3) == Month(2027, 2));
    CHECK(Month(2026, 12).plus(1) == Month(2027, 1));
    CHECK(Month(2026, 1).plus(24) == Month(2028, 1));
  }
  SECTION("goes back across years") {
    CHECK(Month(2026, 1).plus(-1) == Month(2025, 12));
    CHECK(Month(2026, 1).plus(-13) == Month(2024, 12));
    CHECK(Month(2026, 3).plus(-23) == Month(2024, 4));
  }
  SECTION("adds nothing for 0") {
    CHECK(Month(2026, 3).plus(0) == Month(2026, 3));
  }
}

TEST_CASE("Month::months_since", "[period]") {
  SECTION("counts across a year boundary") {
    CHECK(Month(2026, 3).months_since(Month(2025, 9)) == 6);
    CHECK(Month(2027, 1).months_since(Month(2026, 12)) == 1);
    CHECK(Month(2026, 3).months_since(Month(2024, 3)) == 24);
  }
  SECTION("is negative for a later month") {
    CHECK(Month(2025, 9).months_since(Month(2026, 3)) == -6);
  }
  SECTION("is the inverse of plus") {
    const Month m(2026, 3);
    CHECK(m.plus(-23).months_since(m) == -23);
    CHECK(m.months_since(m.plus(-23)) == 23);
  }
}

TEST_CASE("Month::last_day", "[period]") {
  SECTION("gives 28 February in a common year") {
    CHECK(Month(2026, 2).last_day() == Date(2026, 2, 28));
  }
  SECTION("gives 29 February in a leap year") {
    CHECK(Month(2024, 2).last_day() == Date(2024, 2, 29));
    CHECK(Month(2000, 2).last_day() == Date(2000, 2, 29));  // divisible by 400
  }
  SECTION("gives 28 February in a century year not divisible by 400") {
    CHECK(Month(1900, 2).last_day() == Date(1900, 2, 28));
  }
  SECTION("gives 30 and 31") {
    CHECK(Month(2026, 4).last_day() == Date(2026, 4, 30));
    CHECK(Month(2026, 12).last_day() == Date(2026, 12, 31));
  }
  SECTION("first_day is the 1st") {
    CHECK(Month(2026, 3).first_day() == Date(2026, 3, 1));
  }
}

TEST_CASE("Month::to_string", "[period]") {
  SECTION("writes YYYY-MM with zero padding") {
    CHECK(Month(2026, 3).to_string() == "2026-03");
    CHECK(Month(2026, 12).to_string() == "2026-12");
  }
}

TEST_CASE("month_of", "[period]") {
  SECTION("gives the month a date falls in") {
    CHECK(month_of(Date(2026, 2, 28)) == Month(2026, 2));
  }
}
