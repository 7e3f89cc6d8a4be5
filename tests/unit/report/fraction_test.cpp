// SPDX-License-Identifier: MIT
// Tests of the report's exact fractions and their Swedish text.
#include "report/fraction.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

using eb::report::Fraction;

TEST_CASE("decimal_text", "[report]") {
  using eb::report::decimal_text;
  SECTION("rounds half away from zero in integers") {
    CHECK(decimal_text({1, 3}, 4) == "0.3333");
    CHECK(decimal_text({2, 3}, 4) == "0.6667");
    CHECK(decimal_text({1, 8}, 2) == "0.13");
    CHECK(decimal_text({-1, 8}, 2) == "-0.13");
    CHECK(decimal_text({5, 2}, 0) == "3");
    CHECK(decimal_text({6, 7}, 6) == "0.857143");
    CHECK(decimal_text({41, 12}, 1, ',') == "3,4");
    CHECK(decimal_text({0, 5}, 2) == "0.00");
  }
  SECTION("is empty when undefined") {
    CHECK(decimal_text({0, 0}, 2).empty());
  }
  SECTION("holds large numerators without overflow") {
    CHECK(decimal_text({INT64_MAX, 1}, 6) == "9223372036854775807.000000");
  }
}

TEST_CASE("format_percent_sv", "[report]") {
  using eb::report::format_percent_sv;
  CHECK(format_percent_sv({87, 10'000}, 2) == "0,87 %");
  CHECK(format_percent_sv({6, 7}, 1) == "85,7 %");
  CHECK(format_percent_sv({1, 1}, 0) == "100 %");
  CHECK(format_percent_sv({-678'261, 40'000'000}, 1) == "-1,7 %");
  CHECK(format_percent_sv({1, 0}, 1).empty());
}

TEST_CASE("format_decimal_sv", "[report]") {
  using eb::report::format_decimal_sv;
  CHECK(format_decimal_sv({5'504'200'000, 100'000}, 0) == "55 042");
  CHECK(format_decimal_sv({-1'165'200'000, 100'000}, 0) == "-11 652");
  CHECK(format_decimal_sv({12'345'678, 10}, 1) == "1 234 567,8");
}

TEST_CASE("rounded_value", "[report]") {
  CHECK(eb::report::rounded_value({7, 2}) == 4);
  CHECK(eb::report::rounded_value({-7, 2}) == -4);
  CHECK_THROWS_AS(eb::report::rounded_value({1, 0}), std::domain_error);
}

TEST_CASE("same_value", "[report]") {
  CHECK(eb::report::same_value({1, 2}, {2, 4}));
  CHECK_FALSE(eb::report::same_value({1, 2}, {2, 3}));
  CHECK_FALSE(eb::report::same_value({0, 0}, {0, 0}));
}
