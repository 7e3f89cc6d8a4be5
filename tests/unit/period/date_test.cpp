// SPDX-License-Identifier: MIT
// Tests of Date: parsing "YYYY-MM-DD", refusing days that do not exist, and the leap-year rule.
#include "period/date.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include "support.hpp"

#include "common/error.hpp"

using eb::InputError;
using eb::period::Date;
using eb::period::days_in_month;
using eb::period::is_leap_year;
using eb::period::make_date;
using eb::period::parse_date;

namespace {

// The message parse_date throws for `text` (field "received"), or "" if it does not throw.
std::string error_of(const std::string& text) {
  return eb::test::input_error_of([&] { parse_date(text, "received"); });
}

}  // namespace

TEST_CASE("parse_date", "[period]") {
  SECTION("reads YYYY-MM-DD") {
    const Date d = parse_date("2026-02-24", "received");
    CHECK(d.year() == 2026);
    CHECK(d.month() == 2);
    CHECK(d.day() == 24);
    CHECK(d.to_string() == "2026-02-24");
  }
  SECTION("reads 29 February in a leap year") {
    CHECK(parse_date("2024-02-29", "received") == Date(2024, 2, 29));
  }
  SECTION("rejects a day that does not exist") {
    CHECK(error_of("2026-02-30") == "received = \"2026-02-30\": no such date");
    CHECK(error_of("2026-02-29") == "received = \"2026-02-29\": no such date");
    CHECK(error_of("2026-04-31") == "received = \"2026-04-31\": no such date");
    CHECK(error_of("2026-13-01") == "received = \"2026-13-01\": no such date");
    CHECK(error_of("2026-01-00") == "received = \"2026-01-00\": no such date");
  }
  SECTION("rejects one-digit months and days") {
    CHECK(error_of("2026-2-3") == "received = \"2026-2-3\": not a date (write YYYY-MM-DD)");
    CHECK(error_of("2026-02-3") == "received = \"2026-02-3\": not a date (write YYYY-MM-DD)");
  }
  SECTION("rejects other shapes") {
    CHECK(error_of("") == "received = \"\": not a date (write YYYY-MM-DD)");
    CHECK(error_of("20260224") == "received = \"20260224\": not a date (write YYYY-MM-DD)");
    CHECK(error_of("2026/02/24") == "received = \"2026/02/24\": not a date (write YYYY-MM-DD)");
    CHECK(error_of("24-02-2026") == "received = \"24-02-2026\": not a date (write YYYY-MM-DD)");
  }
}

TEST_CASE("Date::Date", "[period]") {
  SECTION("rejects a day that does not exist") {
    CHECK_THROWS_AS(Date(2026, 2, 29), std::out_of_range);
    CHECK_THROWS_WITH(Date(2026, 2, 30), "no such date: 2026-2-30");
  }
}

TEST_CASE("make_date", "[period]") {
  SECTION("gives nothing for a day that does not exist") {
    CHECK_FALSE(make_date(2026, 2, 29).has_value());
    CHECK(make_date(2024, 2, 29) == Date(2024, 2, 29));
  }
}

TEST_CASE("is_leap_year", "[period]") {
  SECTION("follows the Gregorian rule") {
    CHECK(is_leap_year(2024));
    CHECK_FALSE(is_leap_year(2026));
    CHECK_FALSE(is_leap_year(1900));
    CHECK(is_leap_year(2000));
    CHECK(days_in_month(2024, 2) == 29);
    CHECK(days_in_month(2026, 2) == 28);
  }
}

TEST_CASE("Date::days_since", "[period]") {
  SECTION("counts days across a leap day") {
    CHECK(Date(2024, 3, 1).days_since(Date(2024, 2, 28)) == 2);
    CHECK(Date(2026, 3, 1).days_since(Date(2026, 2, 28)) == 1);
    CHECK(Date(2026, 2, 28).plus_days(1) == Date(2026, 3, 1));
  }
}
