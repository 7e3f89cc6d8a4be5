// SPDX-License-Identifier: MIT
// Tests of the report config: the shipped example, the defaults, and refusals that name the
// file, the line, the field and the value.
#include "report/report_config.hpp"

#include <catch2/catch.hpp>

#include "common/file.hpp"
#include "support.hpp"

using eb::report::parse_report_config;
using eb::report::ReportConfig;

namespace {

std::string errors_of(const std::string& text) {
  return eb::test::input_error_of([&] { parse_report_config(text, "r.toml"); });
}

}  // namespace

TEST_CASE("parse_report_config", "[report]") {
  SECTION("reads the shipped example") {
    const std::string path = EB_SOURCE_DIR "/norms/local/report.example.toml";
    const ReportConfig c = parse_report_config(eb::read_file(path), path);
    CHECK(c.status == "example");
    CHECK(c.handling.count == eb::report::HandlingCount::including_arrival);
    CHECK(c.handling.target_days == 5);
    CHECK(c.arbetsplan_months == 6);
    CHECK(c.hinder.size() == 5);
    CHECK(c.hinder_label("sociala_medicinska_skal") == "sociala/medicinska skäl");
    CHECK(c.hinder_label("okand") == "okand");
    REQUIRE(c.population_for(2026) != nullptr);
    CHECK(c.population_for(2026)->persons == 82000);
    CHECK(c.population_for(2025) == nullptr);
    REQUIRE(c.budget_for(2026) != nullptr);
    CHECK(c.budget_for(2026)->forsorjningsstod == eb::money::Money::from_kr(43'390'000));
    const auto* t = c.targets_for(2026, {eb::report::IndicatorKind::long_term, ""});
    REQUIRE(t != nullptr);
    CHECK(*t->target->share == eb::report::Fraction{55, 10000});
    CHECK(c.targets_for(2026, {eb::report::IndicatorKind::hinder_support, "sociala_medicinska_skal"}) != nullptr);
  }
  SECTION("the defaults: the spec's five working days including arrival, 10 months, no window") {
    const ReportConfig c = parse_report_config("status = \"adopted\"\n", "r.toml");
    CHECK(c.handling.target_days == 5);
    CHECK(c.handling.count == eb::report::HandlingCount::including_arrival);
    CHECK(c.long_term_min_months == 10);
    CHECK(c.long_term_window == eb::report::LongTermWindow::rolling_12);
    CHECK_FALSE(c.arbetsplan_months.has_value());
    CHECK(c.counts_as_support(eb::report::ClosureReason::work));
    CHECK_FALSE(c.counts_as_support(eb::report::ClosureReason::moved));
  }
  SECTION("the other handläggningstid convention and support reasons") {
    const ReportConfig c = parse_report_config(
        "status = \"adopted\"\n[handlaggningstid]\ncount = \"after_arrival\"\ntarget_days = 4\n"
        "[support]\nreasons = [\"work\"]\n",
        "r.toml");
    CHECK(c.handling.count == eb::report::HandlingCount::after_arrival);
    CHECK(c.handling.target_days == 4);
    CHECK(c.support_reasons == std::vector<eb::report::ClosureReason>{eb::report::ClosureReason::work});
  }
  SECTION("refuses unknown keys, bad values and wrong types, with file, line, field and value") {
    CHECK(errors_of("status = \"draft\"\n") == "r.toml:1: status = \"draft\": must be \"example\" or \"adopted\"");
    CHECK(errors_of("status = \"example\"\nfoo = 1\n") ==
          "r.toml:2: foo: unknown key (check the spelling against the file format in the manual)");
    CHECK(errors_of("unit = \"x\"\n") == "r.toml:1: status: missing (this field is required)");
    CHECK(errors_of("status = \"example\"\n[handlaggningstid]\ncount = \"calendar\"\ntarget_days = 0\n") ==
          "r.toml:3: handlaggningstid.count = \"calendar\": must be \"including_arrival\" or \"after_arrival\"\n"
          "r.toml:4: handlaggningstid.target_days = 0: must be from 1 to 60");
    CHECK(errors_of("status = \"example\"\n[support]\nreasons = [\"lottery\"]\n") ==
          "r.toml:3: support.reasons = \"lottery\": is not a closure reason (work, studies, another_benefit, moved, "
          "deceased, other)");
    CHECK(errors_of("status = \"example\"\n[[budget]]\nyear = 2026\nforsorjningsstod_tkr = 4.5\n") ==
          "r.toml:4: budget[1].forsorjningsstod_tkr = 4.5: must be a whole number");
  }
  SECTION("refuses population counts that do not add up, and a second entry for a year") {
    CHECK(errors_of("status = \"example\"\n[[population]]\nyear = 2026\npersons = 100\nwomen = 40\nmen = 50\n") ==
          "r.toml:4: population[1].persons = 100: is not women + men (40 + 50 = 90)");
    CHECK(errors_of("status = \"example\"\n[[population]]\nyear = 2026\nadults = 10\nyoung = 11\n") ==
          "r.toml:5: population[1].young = 11: is more than adults (10)");
    CHECK(errors_of("status = \"example\"\n[[budget]]\nyear = 2026\nforsorjningsstod_tkr = 1\n"
                    "[[budget]]\nyear = 2026\nforsorjningsstod_tkr = 2\n") ==
          "r.toml:6: budget[2].year = 2026: has a budget already");
    CHECK(errors_of("status = \"example\"\n[[population]]\nyear = 2026\npersons = -1\n") ==
          "r.toml:4: population[1].persons = -1: must be from 0 to 100000000");
  }
  SECTION("refuses a target that does not fit its indicator, and unknown indicators") {
    CHECK(
        errors_of("status = \"example\"\n[[target]]\nyear = 2026\nindicator = \"persons_share\"\ntarget = \"0,8\"\n") ==
        "r.toml:5: target[1].target = \"0,8\": this indicator is a share: write it as a percentage (e.g. \"0,5 %\")");
    CHECK(errors_of("status = \"example\"\n[[target]]\nyear = 2026\nindicator = \"homeless\"\ntarget = \"5 %\"\n") ==
          "r.toml:5: target[1].target = \"5 %\": this indicator is a count: write a number (\"195\" or \"195 st\"), "
          "not a percentage");
    CHECK(errors_of("status = \"example\"\n[[target]]\nyear = 2026\nindicator = \"happiness\"\ntarget = \"5 %\"\n") ==
          "r.toml:4: target[1].indicator = \"happiness\": is not an indicator (see INDICATORS in eb-report(1), e.g. "
          "\"persons_share\" or \"hinder_households:CODE\")");
    CHECK(errors_of("status = \"example\"\n[[target]]\nyear = 2026\nindicator = \"hinder_support:x\"\ntarget = "
                    "\"5 %\"\n") ==
          "r.toml:4: target[1].indicator = \"hinder_support:x\": names a hinder code that no [[hinder]] table lists");
    CHECK(errors_of("status = \"example\"\n[[target]]\nyear = 2026\nindicator = \"homeless\"\n") ==
          "r.toml:2: target[1]: gives neither target nor kf_target");
  }
  SECTION("refuses hinder codes that are malformed or listed twice") {
    CHECK(errors_of("status = \"example\"\n[[hinder]]\ncode = \"A b\"\nlabel = \"x\"\n") ==
          "r.toml:3: hinder[1].code = \"A b\": must be lower-case letters, digits, '_' or '-' (at most 40)");
    CHECK(errors_of("status = \"example\"\n[[hinder]]\ncode = \"a\"\nlabel = \"x\"\n[[hinder]]\ncode = \"a\"\nlabel = "
                    "\"y\"\n") == "r.toml:6: hinder[2].code = \"a\": is listed twice");
  }
  SECTION("reports every problem at once") {
    const auto problems = eb::test::input_problems_of(
        [] { parse_report_config("status = \"x\"\nfoo = 1\n[arbetsplan]\ncurrent_months = 0\n", "r.toml"); });
    CHECK(problems.size() == 3);
  }
}

TEST_CASE("parse_target", "[report]") {
  using eb::report::parse_target;
  SECTION("percentages for shares, numbers for counts, other text kept") {
    CHECK(*parse_target("0,5 %", true, "t").share == eb::report::Fraction{5, 1000});
    CHECK(*parse_target("1.6%", true, "t").share == eb::report::Fraction{16, 1000});
    CHECK(*parse_target("100 %", true, "t").share == eb::report::Fraction{100, 100});
    CHECK(*parse_target("1 000 st", false, "t").count == 1000);
    CHECK(*parse_target("18", false, "t").count == 18);
    const auto text = parse_target(" tas fram av nämnden ", true, "t");
    CHECK(text.text == "tas fram av nämnden");
    CHECK_FALSE(text.share.has_value());
    CHECK_FALSE(text.count.has_value());
  }
  SECTION("refuses what cannot be a target") {
    CHECK(eb::test::input_error_of([] { parse_target("101 %", true, "t"); }) == "t = \"101 %\": is more than 100 %");
    CHECK(eb::test::input_error_of([] { parse_target("0,12345 %", true, "t"); }) ==
          "t = \"0,12345 %\": is not a percentage (write e.g. \"0,5 %\", at most four decimals)");
    CHECK(eb::test::input_error_of([] { parse_target("  ", true, "t"); }) == "t = \"  \": is empty");
    CHECK(eb::test::input_error_of([] { parse_target("2,5", false, "t"); }) ==
          "t = \"2,5\": this indicator is a count: write a whole number (\"195\" or \"195 st\")");
  }
}
