// SPDX-License-Identifier: MIT
// Tests of the application fields the unit's report needs (eb-report(1)): the housing
// situation and the day the application became complete, parsed strictly from TOML and JSON
// and written back by the application writers.
#include <catch2/catch.hpp>

#include <string>

#include "assess/application.hpp"
#include "assess/application_fields.hpp"
#include "assess/application_writer.hpp"
#include "assess/received.hpp"
#include "support.hpp"

using eb::assess::Application;
using eb::assess::Housing;
using eb::assess::parse_application;
using eb::period::Date;

namespace {

// A synthetic applicant (check digit computed by hand, as in application_test.cpp).
std::string with(const std::string& fields) {
  return "month = \"2026-03\"\nreceived = \"2026-02-24\"\n" + fields +
         "[[member]]\npnr = \"19850312-2387\"\nrole = \"applicant\"\n";
}

}  // namespace

TEST_CASE("parse_application: housing", "[assess][report]") {
  SECTION("is optional: nothing when not recorded") {
    CHECK_FALSE(parse_application(with(""), "a.toml").housing.has_value());
  }
  SECTION("reads every housing situation by its code") {
    CHECK(parse_application(with("housing = \"own_lease\"\n"), "a.toml").housing == Housing::own_lease);
    CHECK(parse_application(with("housing = \"harbarge\"\n"), "a.toml").housing == Housing::harbarge);
    CHECK(parse_application(with("housing = \"homeless\"\n"), "a.toml").housing == Housing::homeless);
  }
  SECTION("refuses an unknown code, listing the codes") {
    const auto problems =
        eb::test::input_problems_of([] { parse_application(with("housing = \"tent\"\n"), "a.toml"); });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "housing");
    CHECK(problems[0].value == "\"tent\"");
    CHECK(problems[0].line == 3);
    CHECK(problems[0].message ==
          "unknown housing situation (own_lease, second_hand, lodger, hotel, vandrarhem, harbarge, homeless)");
  }
  SECTION("refuses a value that is not a string") {
    const auto problems = eb::test::input_problems_of([] { parse_application(with("housing = 3\n"), "a.toml"); });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "housing");
  }
}

TEST_CASE("parse_application: complete_on", "[assess][report]") {
  SECTION("is optional") {
    CHECK_FALSE(parse_application(with(""), "a.toml").complete_on.has_value());
  }
  SECTION("reads a date, as a TOML date or a string") {
    CHECK(parse_application(with("complete_on = \"2026-02-26\"\n"), "a.toml").complete_on == Date(2026, 2, 26));
    CHECK(parse_application(with("complete_on = 2026-02-27\n"), "a.toml").complete_on == Date(2026, 2, 27));
  }
  SECTION("may be the arrival day") {
    CHECK(parse_application(with("complete_on = \"2026-02-24\"\n"), "a.toml").complete_on == Date(2026, 2, 24));
  }
  SECTION("refuses a day before the application arrived") {
    const auto problems =
        eb::test::input_problems_of([] { parse_application(with("complete_on = \"2026-02-23\"\n"), "a.toml"); });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "complete_on");
    CHECK(problems[0].value == "2026-02-23");
    CHECK(problems[0].message == "is before the day the application arrived (received = 2026-02-24)");
  }
  SECTION("refuses an impossible date") {
    const auto problems =
        eb::test::input_problems_of([] { parse_application(with("complete_on = \"2026-02-30\"\n"), "a.toml"); });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "complete_on");
    CHECK(problems[0].message == "no such date");
  }
}

TEST_CASE("parse_application_json: housing and complete_on", "[assess][report]") {
  const Application app = eb::assess::parse_application_json(
      R"({"month": "2026-03", "received": "2026-02-24", "housing": "vandrarhem", "complete_on": "2026-03-02",
          "member": [{"pnr": "19850312-2387", "role": "applicant"}]})",
      "line 1");
  CHECK(app.housing == Housing::vandrarhem);
  CHECK(app.complete_on == Date(2026, 3, 2));
}

TEST_CASE("write_application_toml and _json: housing and complete_on", "[assess][writer][report]") {
  const Application app =
      parse_application(with("housing = \"second_hand\"\ncomplete_on = \"2026-02-27\"\n"), "a.toml");
  SECTION("TOML gives both back") {
    const std::string text = eb::assess::write_application_toml(app);
    CHECK(text.find("housing = \"second_hand\"\n") != std::string::npos);
    CHECK(text.find("complete_on = \"2026-02-27\"\n") != std::string::npos);
    CHECK(eb::test::application_differences(app, parse_application(text, "w.toml")).empty());
  }
  SECTION("JSON gives both back") {
    const std::string line = eb::assess::write_application_json(app);
    CHECK(eb::test::application_differences(app, eb::assess::parse_application_json(line, "w")).empty());
  }
  SECTION("neither is written when not recorded") {
    const std::string text = eb::assess::write_application_toml(parse_application(with(""), "a.toml"));
    CHECK(text.find("housing") == std::string::npos);
    CHECK(text.find("complete_on") == std::string::npos);
  }
}

TEST_CASE("require_received_by: complete_on", "[assess][report]") {
  const Application app = parse_application(with("complete_on = \"2026-03-02\"\n"), "a.toml");
  SECTION("accepts a complete day up to today") {
    CHECK_NOTHROW(eb::assess::require_received_by(app, Date(2026, 3, 2)));
  }
  SECTION("refuses a complete day after today") {
    CHECK(eb::test::input_error_of([&] { eb::assess::require_received_by(app, Date(2026, 3, 1)); }) ==
          "a.toml: complete_on = \"2026-03-02\": is after today (2026-03-01)");
  }
}
