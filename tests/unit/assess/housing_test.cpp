// SPDX-License-Identifier: MIT
// Tests of the housing situation codes of an application.
#include "assess/housing.hpp"

#include <catch2/catch.hpp>

using eb::assess::Housing;

TEST_CASE("housing_from", "[assess][report]") {
  SECTION("every code round-trips") {
    for (const Housing h : eb::assess::k_housings) CHECK(eb::assess::housing_from(eb::assess::housing_name(h)) == h);
  }
  SECTION("unknown codes are nothing") {
    CHECK_FALSE(eb::assess::housing_from("tent").has_value());
    CHECK_FALSE(eb::assess::housing_from("").has_value());
  }
}

TEST_CASE("lacks_stable_housing", "[assess][report]") {
  CHECK(eb::assess::lacks_stable_housing(Housing::homeless));
  CHECK(eb::assess::lacks_stable_housing(Housing::hotel));
  CHECK(eb::assess::lacks_stable_housing(Housing::vandrarhem));
  CHECK(eb::assess::lacks_stable_housing(Housing::harbarge));
  CHECK_FALSE(eb::assess::lacks_stable_housing(Housing::own_lease));
  CHECK_FALSE(eb::assess::lacks_stable_housing(Housing::second_hand));
  CHECK_FALSE(eb::assess::lacks_stable_housing(Housing::lodger));
  CHECK(eb::assess::housing_label(Housing::harbarge) == "tillfälligt boende (härbärge)");
}
