// SPDX-License-Identifier: MIT
// Tests of assess::shift_month: the month and `received` move together, nothing else changes.
#include "assess/shift.hpp"

#include <catch2/catch.hpp>

#include <string>

#include "assess/application.hpp"
#include "period/date.hpp"
#include "period/month.hpp"

using eb::assess::Application;
using eb::assess::parse_application;
using eb::assess::shift_month;
using eb::period::Date;
using eb::period::Month;

namespace {

Application app_with(const std::string& head) {
  return parse_application(head +
                               "[[member]]\npnr = \"19850312-2387\"\nrole = \"applicant\"\n"
                               "assistance_months = 4\n"
                               "[[cost]]\nkind = \"rent\"\napplied = \"6500.00\"\n",
                           "test.toml");
}

}  // namespace

TEST_CASE("assess::shift_month", "[assess][shift]") {
  SECTION("moves the month and received by the same number of months") {
    const Application app = app_with("month = \"2026-03\"\nreceived = \"2026-02-25\"\n");
    const Application s = shift_month(app, Month(2027, 1));
    CHECK(s.month == Month(2027, 1));
    REQUIRE(s.received.has_value());
    CHECK(s.received->to_string() == "2026-12-25");
  }
  SECTION("clamps the day of received to the end of a shorter month") {
    const Application app = app_with("month = \"2026-01\"\nreceived = \"2026-01-31\"\n");
    CHECK(shift_month(app, Month(2026, 2)).received->to_string() == "2026-02-28");
    CHECK(shift_month(app, Month(2028, 2)).received->to_string() == "2028-02-29");
  }
  SECTION("moves backwards too") {
    const Application app = app_with("month = \"2026-03\"\nreceived = \"2026-03-02\"\n");
    const Application s = shift_month(app, Month(2025, 11));
    CHECK(s.month == Month(2025, 11));
    CHECK(s.received->to_string() == "2025-11-02");
  }
  SECTION("leaves an absent received absent") {
    const Application app = app_with("month = \"2026-03\"\n");
    CHECK_FALSE(shift_month(app, Month(2027, 1)).received.has_value());
  }
  SECTION("changes nothing else") {
    const Application app = app_with("month = \"2026-03\"\nreceived = \"2026-03-02\"\n");
    const Application s = shift_month(app, Month(2027, 1));
    REQUIRE(s.members.size() == 1);
    CHECK(s.members[0].pnr == app.members[0].pnr);
    CHECK(s.members[0].assistance_months == app.members[0].assistance_months);
    REQUIRE(s.costs.size() == 1);
    CHECK(s.costs[0].applied == app.costs[0].applied);
    CHECK(s.source == app.source);
    CHECK(s.source_sha256 == app.source_sha256);
  }
  SECTION("to the same month is the identity") {
    const Application app = app_with("month = \"2026-03\"\nreceived = \"2026-03-02\"\n");
    const Application s = shift_month(app, Month(2026, 3));
    CHECK(s.month == app.month);
    CHECK(s.received == app.received);
  }
}
