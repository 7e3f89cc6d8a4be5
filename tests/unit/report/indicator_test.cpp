// SPDX-License-Identifier: MIT
// Tests of the indicator ids and the closure reasons of the unit's report.
#include "report/indicator.hpp"

#include <catch2/catch.hpp>

#include "report/closure.hpp"

using eb::report::IndicatorId;
using eb::report::IndicatorKind;

TEST_CASE("parse_indicator_id", "[report]") {
  SECTION("every kind round-trips, the hinder kinds with a code") {
    for (const IndicatorKind k : eb::report::k_indicator_kinds) {
      const bool hinder = k == IndicatorKind::hinder_households || k == IndicatorKind::hinder_support;
      const IndicatorId id{k, hinder ? "arbetslos" : ""};
      CHECK(eb::report::parse_indicator_id(eb::report::indicator_id_text(id)) == id);
    }
    CHECK(eb::report::indicator_id_text({IndicatorKind::hinder_support, "sociala_medicinska"}) ==
          "hinder_support:sociala_medicinska");
  }
  SECTION("refuses unknown ids, a hinder kind without a code, and a code on another kind") {
    CHECK_FALSE(eb::report::parse_indicator_id("happiness").has_value());
    CHECK_FALSE(eb::report::parse_indicator_id("hinder_support").has_value());
    CHECK_FALSE(eb::report::parse_indicator_id("hinder_support:").has_value());
    CHECK_FALSE(eb::report::parse_indicator_id("persons_share:x").has_value());
  }
  SECTION("shares and counts") {
    CHECK(eb::report::is_share(IndicatorKind::persons));
    CHECK_FALSE(eb::report::is_share(IndicatorKind::homeless));
    CHECK(eb::report::has_sex_split(IndicatorKind::long_term));
    CHECK_FALSE(eb::report::has_sex_split(IndicatorKind::handlaggningstid));
  }
}

TEST_CASE("closure_reason_from", "[report]") {
  for (const auto r : eb::report::k_closure_reasons) {
    CHECK(eb::report::closure_reason_from(eb::report::closure_reason_name(r)) == r);
  }
  CHECK_FALSE(eb::report::closure_reason_from("lottery").has_value());
  CHECK(eb::report::closure_reason_label(eb::report::ClosureReason::another_benefit) == "annan ersättning");
}
