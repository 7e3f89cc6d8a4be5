// SPDX-License-Identifier: MIT
#include "common/json_number.hpp"

#include <catch2/catch.hpp>

TEST_CASE("dump_json", "[common][json]") {
  SECTION("writes a decimal_number as a bare number, and every other string as a string") {
    nlohmann::json j;
    j["children_counted"] = eb::decimal_number("4.5");
    j["share"] = eb::decimal_number("0.087500");
    j["name"] = "4.5";
    CHECK(eb::dump_json(j) == R"({"children_counted":4.5,"name":"4.5","share":0.087500})");
  }
  SECTION("decimal_of gives the decimal back, and nothing for other values") {
    CHECK(eb::decimal_of(eb::decimal_number("-0.25")) == std::optional<std::string>("-0.25"));
    CHECK_FALSE(eb::decimal_of(nlohmann::json("0.25")).has_value());
    CHECK_FALSE(eb::decimal_of(nlohmann::json(3)).has_value());
  }
  SECTION("is_decimal takes JSON's number syntax without exponents") {
    CHECK(eb::is_decimal("3"));
    CHECK(eb::is_decimal("-0.25"));
    CHECK_FALSE(eb::is_decimal("03"));
    CHECK_FALSE(eb::is_decimal("1."));
    CHECK_FALSE(eb::is_decimal("1e3"));
    CHECK_FALSE(eb::is_decimal(""));
    CHECK_THROWS_AS(eb::decimal_number("1,5"), std::invalid_argument);
  }
}
