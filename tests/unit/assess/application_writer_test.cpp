// SPDX-License-Identifier: MIT
// Tests of the application writers: what they write, and that parse(write(app)) gives back
// every field, for hand-made applications with every field set and hostile strings.
#include "assess/application_writer.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "assess/application_fields.hpp"
#include "support.hpp"

using eb::assess::Application;
using eb::assess::parse_application;
using eb::assess::parse_application_json;
using eb::assess::write_application_json;
using eb::assess::write_application_toml;
using eb::test::application_differences;

// The personnummer below are synthetic, with check digits computed by hand (Luhn).

namespace {

// A single parent with every optional field of the format set somewhere.
const std::string k_full = R"(month = "2027-03"
received = "2027-02-24"
kind = "supplement"
guideline = "example"
housemates = 2
address = "Exempelgatan 1, 123 45 Exempelstad"
account = "8327-9 123 456 789-0"
large_household_exempt = "synnerliga skäl: barnens behov"

[[member]]
pnr = "19850312-2387"
name = "Anna Exempel"
role = "applicant"
hinder = "arbetslos"
assistance_months = 7
stimulus_start = "2026-09"

[[member]]
pnr = "20170405-2099"
role = "child"
days = 15
alternating_residence = true
norm_raise = "350.50"
norm_raise_reason = "särskild kost"

[[member]]
pnr = "20220101-2388"
role = "child"
preschool_lunch = true

[[member]]
pnr = "20080630-2386"
role = "child"
in_school = true
earned_this_year_before = 1200

[[cost]]
kind = "rent"
applied = 6500
approved = "6400.25"
note = "hyresavi mars"
second_hand = true
consent = true

[[cost]]
kind = "rent"
applied = 500
second_hand = true
special_reasons = "tillfälligt boende"

[[cost]]
kind = "other"
applied = "99.99"
note = "id-kort"

[[income]]
member = "19850312-2387"
kind = "other"
amount = 0
note = "gåva"

[[income]]
member = "20080630-2386"
kind = "salary"
amount = "1500.05"
)";

Application parsed(const std::string& text) {
  return parse_application(text, "full.toml");
}

}  // namespace

TEST_CASE("write_application_toml", "[assess][writer]") {
  const Application app = parsed(k_full);
  SECTION("gives back every field through parse_application") {
    const std::string text = write_application_toml(app);
    INFO(text);
    CHECK(application_differences(app, parse_application(text, "written.toml")).empty());
  }
  SECTION("writes whole kronor as integers and öre as strings") {
    const std::string text = write_application_toml(app);
    CHECK(text.find("applied = 6500\n") != std::string::npos);
    CHECK(text.find("approved = \"6400.25\"\n") != std::string::npos);
    CHECK(text.find("norm_raise = \"350.50\"\n") != std::string::npos);
  }
  SECTION("leaves out defaults, and fields the member's role does not have") {
    const std::string text = write_application_toml(app);
    CHECK(text.find("days = 30") == std::string::npos);
    CHECK(text.find("preschool_lunch = false") == std::string::npos);
    CHECK(text.find("in_school = false") == std::string::npos);
    CHECK(text.find("[[income]]") != std::string::npos);
    Application no_income = app;
    no_income.incomes.clear();
    CHECK(write_application_toml(no_income).find("[[income]]") == std::string::npos);
  }
  SECTION("escapes quotes, backslashes and control characters in strings") {
    Application a = app;
    a.members[0].name = "Anna \"Nina\" Back\\slash\tTab\nNy rad \x01 \x7F Åsa Örn 名前";
    a.address = "Gatan 1, \"port B\"\r\n123 45 Stad";
    a.costs[2].note = "\\u00e5 is not an escape here";
    const std::string text = write_application_toml(a);
    INFO(text);
    CHECK(text.find("\\\"Nina\\\"") != std::string::npos);
    CHECK(text.find("\\u0001") != std::string::npos);
    // Written escaped, and read back as what it is: a name or address with a control
    // character is refused, naming the field.
    CHECK_THROWS_WITH(parse_application(text, "written.toml"),
                      Catch::Contains("member[1].name") && Catch::Contains("control character"));
    a.members[0].name = "Anna \"Nina\" Back\\slash Åsa Örn 名前";
    a.address = "Gatan 1, \"port B\", 123 45 Stad";
    CHECK(application_differences(a, parse_application(write_application_toml(a), "written.toml")).empty());
  }
}

TEST_CASE("write_application_json", "[assess][writer]") {
  const Application app = parsed(k_full);
  SECTION("is one line that parse_application_json reads back field by field") {
    const std::string line = write_application_json(app);
    INFO(line);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(application_differences(app, parse_application_json(line, "stdin:1")).empty());
  }
  SECTION("has the keys of the file format, amounts as numbers or strings") {
    const nlohmann::json j = nlohmann::json::parse(write_application_json(app));
    CHECK(j.at("month") == "2027-03");
    CHECK(j.at("member").size() == 4);
    CHECK(j.at("cost")[0].at("applied") == 6500);
    CHECK(j.at("cost")[0].at("approved") == "6400.25");
    CHECK(j.at("income")[1].at("member") == "20080630-2386");
    CHECK_FALSE(j.at("member")[0].contains("days"));
  }
  SECTION("has no income key when there is no income (eb refuses an empty list)") {
    Application a = app;
    a.incomes.clear();
    const std::string line = write_application_json(a);
    CHECK_FALSE(nlohmann::json::parse(line).contains("income"));
    CHECK(application_differences(a, parse_application_json(line, "stdin:1")).empty());
  }
  SECTION("escapes strings and keeps UTF-8") {
    Application a = app;
    a.members[0].name = "Åsa \"Q\" \\ Örn";
    const std::string line = write_application_json(a);
    CHECK(line.find("Åsa") != std::string::npos);
    CHECK(application_differences(a, parse_application_json(line, "stdin:1")).empty());
    a.members[0].name = "Åsa\tÖrn";
    CHECK_THROWS_WITH(parse_application_json(write_application_json(a), "stdin:1"),
                      Catch::Contains("member[1].name") && Catch::Contains("control character"));
  }
}
