// SPDX-License-Identifier: MIT
// Tests of the report's JSON and CSV contract (man/eb-report.1, JSON OUTPUT and CSV OUTPUT).
#include "report/unit_report_json.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "report_fixture.hpp"

using nlohmann::json;

namespace {

eb::report::UnitReport year_report() {
  const eb::test::District district;
  return district.fold("2026", "2027-01-20", eb::report::parse_report_config(eb::test::District::k_config, "r.toml"))
      .finish();
}

}  // namespace

TEST_CASE("unit_report_json", "[report]") {
  const auto r = year_report();
  const std::string text = eb::report::unit_report_json(r);
  const json j = json::parse(text);

  SECTION("has the keys of the contract") {
    for (const char* pointer : {"/version",
                                "/period/first",
                                "/period/last",
                                "/households/per_month",
                                "/households/distinct",
                                "/households/household_months",
                                "/households/average",
                                "/persons/adults",
                                "/persons/women",
                                "/persons/men",
                                "/persons/children",
                                "/paid_ore",
                                "/medelbidrag/per_household_month_ore",
                                "/medelbidrag/per_household_year_ore",
                                "/long_term/adults",
                                "/long_term/women",
                                "/long_term/men",
                                "/hinder",
                                "/handlaggningstid/median_days",
                                "/handlaggningstid/within_5_share",
                                "/decisions/bifall",
                                "/decisions/delbifall",
                                "/decisions/avslag",
                                "/closures",
                                "/fut",
                                "/budget",
                                "/indicators"}) {
      INFO(pointer);
      CHECK(j.contains(json::json_pointer(pointer)));
    }
  }
  SECTION("money in integer öre, counts as integers, months as keys") {
    CHECK(j["paid_ore"] == 43'200'000);
    CHECK(j["medelbidrag"]["per_household_month_ore"] == 1'053'659);
    CHECK(j["medelbidrag"]["per_household_year_ore"] == 8'640'000);
    CHECK(j["households"]["per_month"]["2026-03"] == 5);
    CHECK(j["households"]["per_month"].size() == 12);
    CHECK(j["households"]["distinct"] == 5);
    CHECK(j["persons"]["children"] == 3);
    CHECK(j["long_term"]["men"] == 2);
    CHECK(j["decisions"]["avslag"] == 1);
    CHECK(j["closures"]["work"] == 1);
    CHECK(j["closures"].size() == 6);
    CHECK(j["reopened"] == 1);
    CHECK(j["fut"] == json{{"available", false}});
  }
  SECTION("shares are exact fractions with a six-decimal number computed from the integers") {
    const json& s = j["handlaggningstid"]["within_5_share"];
    CHECK(s["numerator"] == 6);
    CHECK(s["denominator"] == 7);
    CHECK(s["value"].is_number());
    CHECK(text.find("\"value\": 0.857143") != std::string::npos);
    CHECK(j["hinder"]["arbetslos"]["numerator"] == 1);
    CHECK(j["hinder"]["arbetslos"]["denominator"] == 2);
    CHECK(text.find("\\u001f") == std::string::npos);
    CHECK(j["handlaggningstid"]["median_days"] == 5);
    CHECK(j["households"]["average"]["value"].is_number());
  }
  SECTION("indicators: id, unit, cells with a value or why there is none, targets as written") {
    const json& rows = j["indicators"];
    REQUIRE(rows.is_array());
    CHECK(rows.size() == 18);
    const json& persons = rows[2];
    CHECK(persons["id"] == "persons_share");
    CHECK(persons["unit"] == "share");
    CHECK(persons["outcome"]["numerator"] == 9);
    CHECK(persons["outcome"]["denominator"] == 1000);
    CHECK(persons["women"]["numerator"] == 4);
    CHECK(persons["target"]["text"] == "0,8 %");
    CHECK(persons["target"]["value"]["numerator"] == 8);
    const json& homeless = rows[13];
    CHECK(homeless["id"] == "homeless");
    CHECK(homeless["unit"] == "count");
    CHECK(homeless["outcome"] == json{{"value", 2}});
    CHECK(homeless["target"]["value"] == 195);
    const json& support = rows[9];
    CHECK(support["id"] == "hinder_support:arbetslos");
    CHECK(support["men"]["value"].is_null());
    CHECK(support["men"]["missing"] == "inga män med hindret i perioden");
  }
  SECTION("budget in öre with the prognosis method and prognossäkerhet") {
    const json& b = j["budget"];
    CHECK(b["outcome_ore"] == 43'200'000);
    CHECK(b["budget_ore"] == 40'000'000);
    CHECK(b["deviation_ore"] == -3'200'000);
    CHECK(b["prognosis"]["method"] == "outcome");
    CHECK(b["accuracy"]["t2_prognosis"]["method"] == "last_year_profile");
    CHECK(b["accuracy"]["t2_prognosis"]["amount_ore"] == 42'521'739);
    CHECK(b["accuracy"]["difference_ore"] == 678'261);
  }
  SECTION("--figure limits the figures, never the header") {
    const json k = json::parse(eb::report::unit_report_json(r, eb::report::parse_figures("medelbidrag,hinder", "f")));
    CHECK(k.contains("medelbidrag"));
    CHECK(k.contains("hinder"));
    CHECK(k.contains("period"));
    CHECK_FALSE(k.contains("households"));
    CHECK_FALSE(k.contains("paid_ore"));
    CHECK_FALSE(k.contains("indicators"));
  }
  SECTION("the same report gives the same bytes") {
    CHECK(eb::report::unit_report_json(year_report()) == text);
  }
}

TEST_CASE("unit_report_json of an empty period", "[report]") {
  eb::report::ReportSetup setup;
  setup.period = {eb::period::Month(2030, 1), eb::period::Month(2030, 4)};
  setup.today = eb::period::Date(2030, 6, 1);
  const json j = json::parse(eb::report::unit_report_json(eb::report::UnitReportFold(setup).finish()));
  CHECK(j["paid_ore"] == 0);
  CHECK(j["medelbidrag"]["per_household_month_ore"].is_null());
  CHECK(j["handlaggningstid"]["median_days"].is_null());
  CHECK(j["handlaggningstid"]["within_5_share"]["value"].is_null());
  CHECK(j["handlaggningstid"]["within_5_share"]["denominator"] == 0);
  CHECK(j["data_from"].is_null());
  CHECK(j["indicators"][0]["outcome"]["missing"] == "befolkning för 2030 saknas i konfigurationen");
}

TEST_CASE("unit_report_csv", "[report]") {
  const std::string csv = eb::report::unit_report_csv(year_report());
  SECTION("a header and one row per number, CRLF") {
    CHECK(csv.rfind("figure,key,value,numerator,denominator,note\r\n", 0) == 0);
    CHECK(csv.find("paid_ore,,43200000,,,\r\n") != std::string::npos);
    CHECK(csv.find("households.per_month,2026-03,5,,,\r\n") != std::string::npos);
    CHECK(csv.find("handlaggningstid,within_5_share,0.857143,6,7,\r\n") != std::string::npos);
    CHECK(csv.find("indicators.persons_share,outcome,0.009000,9,1000,\r\n") != std::string::npos);
    CHECK(csv.find("indicators.homeless,outcome,2,,,\r\n") != std::string::npos);
    CHECK(csv.find("indicators.hinder_support:arbetslos,men,,,,inga män med hindret i perioden\r\n") !=
          std::string::npos);
  }
  SECTION("text with a comma is quoted") {
    CHECK(csv.find("config,unit,,,,\"Enheten för ekonomiskt bistånd, Exempelby\"\r\n") != std::string::npos);
  }
}
