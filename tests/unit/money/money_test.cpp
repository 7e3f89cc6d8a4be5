// SPDX-License-Identifier: MIT
// Tests of Money (exact öre): parsing kronor text, Swedish formatting, every rounding rule, and
// the exact decimal Ratio.
#include "money/money.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include "support.hpp"

#include "common/error.hpp"
#include "money/ratio.hpp"
#include "money/rounding.hpp"

using eb::InputError;
using eb::money::format_kr;
using eb::money::format_kr_change;
using eb::money::format_sv;
using eb::money::Money;
using eb::money::parse_money;
using eb::money::parse_ratio;
using eb::money::parse_rounding;
using eb::money::Ratio;
using eb::money::Rounding;
using eb::money::rounding_name;

namespace {

Money ore(std::int64_t n) {
  return Money::from_ore(n);
}

// The message parse_money throws for `text` (field "amount"), or "" if it does not throw.
std::string money_error(const std::string& text) {
  return eb::test::input_error_of([&] { parse_money(text, "amount"); });
}

std::string ratio_error(const std::string& text) {
  return eb::test::input_error_of([&] { parse_ratio(text, "factor"); });
}

}  // namespace

TEST_CASE("parse_money", "[money]") {
  SECTION("reads whole kronor") {
    CHECK(parse_money("8200", "amount").ore() == 820000);  // 8 200 kr = 820 000 öre
    CHECK(parse_money("0", "amount").ore() == 0);
  }
  SECTION("reads a point as the decimal mark") {
    CHECK(parse_money("8200.50", "amount").ore() == 820050);
  }
  SECTION("reads a comma as the decimal mark and spaces between thousands") {
    CHECK(parse_money("8 200,50", "amount").ore() == 820050);
    CHECK(parse_money("1 234 567,89", "amount").ore() == 123456789);
  }
  SECTION("reads no-break and narrow no-break spaces between thousands") {
    CHECK(parse_money("8\xC2\xA0"
                      "200,50",
                      "amount")
              .ore() == 820050);  // U+00A0
    CHECK(parse_money("8\xE2\x80\xAF"
                      "200,50",
                      "amount")
              .ore() == 820050);  // U+202F
  }
  SECTION("reads one decimal as tenths of a krona") {
    CHECK(parse_money("-12,5", "amount").ore() == -1250);  // −12,50 kr
    CHECK(parse_money("0.5", "amount").ore() == 50);
  }
  SECTION("reads two decimals as öre") {
    CHECK(parse_money("0,05", "amount").ore() == 5);
  }
  SECTION("ignores spaces around the amount") {
    CHECK(parse_money("  250.55 ", "amount").ore() == 25055);
  }
  SECTION("rejects three decimals") {
    CHECK(money_error("8200.505") == "amount = \"8200.505\": at most two decimals (whole öre) are allowed");
  }
  SECTION("rejects text that is not a number") {
    CHECK(money_error("abc") == "amount = \"abc\": not an amount in kronor (write e.g. 8200 or \"8 200,50\")");
    CHECK(money_error("12 kr") == "amount = \"12 kr\": not an amount in kronor (write e.g. 8200 or \"8 200,50\")");
    CHECK(money_error("-") == "amount = \"-\": not an amount in kronor (write e.g. 8200 or \"8 200,50\")");
  }
  SECTION("rejects an empty text") {
    CHECK(money_error("") == "amount = \"\": an amount is required");
    CHECK(money_error("   ") == "amount = \"   \": an amount is required");
  }
  SECTION("rejects a decimal mark without öre") {
    CHECK(money_error("8200.") == "amount = \"8200.\": a decimal mark must be followed by öre");
  }
  SECTION("rejects an amount above 90 000 billion kronor") {
    CHECK(parse_money("90000000000000", "amount").ore() == 9000000000000000);  // 9·10^13 kr
    CHECK(money_error("900000000000000") == "amount = \"900000000000000\": the amount is too large");
  }
  SECTION("names the field it was given") {
    try {
      parse_money("x", "cost[2].applied");
      FAIL("no exception");
    } catch (const InputError& e) {
      REQUIRE(e.problems().size() == 1);
      CHECK(e.problems()[0].field == "cost[2].applied");
      CHECK(e.problems()[0].value == "\"x\"");
    }
  }
}

TEST_CASE("format_sv", "[money]") {
  SECTION("groups thousands with a space and uses a decimal comma") {
    CHECK(format_sv(ore(820050)) == "8 200,50");
    CHECK(format_sv(ore(123456789)) == "1 234 567,89");
    CHECK(format_sv(ore(100000000)) == "1 000 000,00");
  }
  SECTION("always writes two decimals") {
    CHECK(format_sv(ore(0)) == "0,00");
    CHECK(format_sv(ore(5)) == "0,05");
    CHECK(format_sv(ore(99900)) == "999,00");
  }
  SECTION("puts a minus before negative amounts") {
    CHECK(format_sv(ore(-1250)) == "-12,50");
    CHECK(format_sv(ore(-123456700)) == "-1 234 567,00");
  }
}

TEST_CASE("format_kr", "[money]") {
  SECTION("leaves out öre for whole kronor") {
    CHECK(format_kr(ore(820000)) == "8 200 kr");
    CHECK(format_kr(ore(0)) == "0 kr");
    CHECK(format_kr(ore(-50000)) == "-500 kr");
  }
  SECTION("shows öre when there are any") {
    CHECK(format_kr(ore(820050)) == "8 200,50 kr");
    CHECK(format_kr(ore(-5)) == "-0,05 kr");
  }
}

TEST_CASE("format_kr_change", "[money]") {
  SECTION("a gain has a plus, a loss the minus sign of format_kr, none neither") {
    CHECK(format_kr_change(ore(141000)) == "+1 410 kr");
    CHECK(format_kr_change(ore(-69000)) == "-690 kr");
    CHECK(format_kr_change(ore(0)) == "0 kr");
    CHECK(format_kr_change(ore(5)) == "+0,05 kr");
  }
}

TEST_CASE("Money::scaled", "[money]") {
  SECTION("exact: a whole result is returned") {
    CHECK(ore(1000).scaled(1, 2, Rounding::exact).ore() == 500);
  }
  SECTION("exact: a result with a fraction of an öre is a logic error") {
    // 1 001 öre / 2 = 500,5 öre
    CHECK_THROWS_WITH(ore(1001).scaled(1, 2, Rounding::exact),
                      "amount is not whole öre where exact arithmetic was required");
    CHECK_THROWS_AS(ore(1001).scaled(1, 2, Rounding::exact), std::logic_error);
  }
  SECTION("ore_half_up: rounds below half down and from half up") {
    CHECK(ore(382000).scaled(1, 30, Rounding::ore_half_up).ore() == 12733);  // 12 733,33 → 12 733
    CHECK(ore(272000).scaled(1, 30, Rounding::ore_half_up).ore() == 9067);   // 9 066,67 → 9 067
    CHECK(ore(5).scaled(1, 2, Rounding::ore_half_up).ore() == 3);            // 2,5 → 3
    CHECK(ore(3).scaled(1, 2, Rounding::ore_half_up).ore() == 2);            // 1,5 → 2
  }
  SECTION("ore_half_up: rounds half away from zero for negatives") {
    CHECK(ore(-5).scaled(1, 2, Rounding::ore_half_up).ore() == -3);  // −2,5 → −3
    CHECK(ore(-7).scaled(1, 3, Rounding::ore_half_up).ore() == -2);  // −2,33 → −2
    CHECK(ore(-2).scaled(1, 3, Rounding::ore_half_up).ore() == -1);  // −0,67 → −1
  }
  SECTION("krona_half_up: to whole kronor, half away from zero") {
    CHECK(ore(1050).scaled(1, 1, Rounding::krona_half_up).ore() == 1100);    // 10,50 → 11
    CHECK(ore(1049).scaled(1, 1, Rounding::krona_half_up).ore() == 1000);    // 10,49 → 10
    CHECK(ore(-1050).scaled(1, 1, Rounding::krona_half_up).ore() == -1100);  // −10,50 → −11
    CHECK(ore(-1049).scaled(1, 1, Rounding::krona_half_up).ore() == -1000);  // −10,49 → −10
    CHECK(ore(300).scaled(1, 2, Rounding::krona_half_up).ore() == 200);      // 1,50 → 2
  }
  SECTION("down_10_kr: toward zero to a multiple of 10 kr") {
    CHECK(ore(129999).scaled(1, 1, Rounding::down_10_kr).ore() == 129000);    // 1 299,99 → 1 290
    CHECK(ore(129000).scaled(1, 1, Rounding::down_10_kr).ore() == 129000);    // already a multiple
    CHECK(ore(-129999).scaled(1, 1, Rounding::down_10_kr).ore() == -129000);  // toward zero
    // 3 497 kr × 0,375 = 1 311,375 → 1 310
    CHECK(ore(349700).scaled(375, 1000, Rounding::down_10_kr).ore() == 131000);
  }
  SECTION("nearest_10_kr: to the nearest 10 kr, half away from zero") {
    CHECK(ore(129500).scaled(1, 1, Rounding::nearest_10_kr).ore() == 130000);    // 1 295 → 1 300
    CHECK(ore(129499).scaled(1, 1, Rounding::nearest_10_kr).ore() == 129000);    // 1 294,99 → 1 290
    CHECK(ore(-129500).scaled(1, 1, Rounding::nearest_10_kr).ore() == -130000);  // −1 295 → −1 300
    CHECK(ore(-129499).scaled(1, 1, Rounding::nearest_10_kr).ore() == -129000);
  }
  SECTION("does not overflow on a large intermediate product") {
    // 9·10^15 öre × 3 000 = 2,7·10^19 > INT64_MAX; the result 9·10^15 fits.
    CHECK(ore(9'000'000'000'000'000).scaled(3000, 3000, Rounding::exact).ore() == 9'000'000'000'000'000);
  }
  SECTION("rejects a denominator that is not positive") {
    CHECK_THROWS_WITH(ore(100).scaled(1, 0, Rounding::ore_half_up), "Money::scaled: denominator must be positive");
    CHECK_THROWS_AS(ore(100).scaled(1, -2, Rounding::ore_half_up), std::invalid_argument);
  }
}

TEST_CASE("Money::rounded", "[money]") {
  SECTION("is scaled by 1/1") {
    CHECK(ore(547050).rounded(Rounding::krona_half_up).ore() == 547100);  // 5 470,50 → 5 471
    CHECK(ore(547049).rounded(Rounding::krona_half_up).ore() == 547000);  // 5 470,49 → 5 470
  }
}

TEST_CASE("Money operators", "[money]") {
  SECTION("adds, subtracts, negates and multiplies in öre") {
    CHECK((Money::from_kr(3940) + Money::from_kr(1280)).ore() == 522000);
    CHECK((Money::from_kr(10) - ore(1)).ore() == 999);
    CHECK((-ore(5)).ore() == -5);
    CHECK((Money::from_kr(190) * 2).ore() == 38000);
  }
  SECTION("compares and picks min and max") {
    CHECK(eb::money::max(ore(-1), Money()).ore() == 0);
    CHECK(eb::money::min(ore(220000), ore(400000)).ore() == 220000);
    CHECK(ore(1).is_zero() == false);
    CHECK(ore(-1).is_negative());
  }
  // Issue 11: 1 100 incomes of 90 000 000 000 000 kr summed to a wrapped amount.
  SECTION("refuses a sum, difference, negation or product that does not fit, never wrapping") {
    const Money top = ore(INT64_MAX);
    const Money bottom = ore(INT64_MIN);
    CHECK_THROWS_AS(top + ore(1), eb::money::Overflow);
    CHECK_THROWS_AS(bottom - ore(1), eb::money::Overflow);
    CHECK_THROWS_AS(-bottom, eb::money::Overflow);
    CHECK_THROWS_AS(top * 2, eb::money::Overflow);
    CHECK_THROWS_AS(Money::from_kr(INT64_MAX / 10), eb::money::Overflow);
    CHECK_THROWS_AS(top.scaled(3, 2, Rounding::ore_half_up), eb::money::Overflow);
    Money sum = top;
    CHECK_THROWS_AS(sum += ore(1), eb::money::Overflow);
    CHECK(sum == top);  // unchanged by the refused addition
    Money difference = bottom;
    CHECK_THROWS_AS(difference -= ore(1), eb::money::Overflow);
    CHECK((top + bottom).ore() == -1);
    CHECK((top - top).ore() == 0);
  }
  SECTION("an overflow is an input error (exit 3) that says what overflowed") {
    const std::string msg = eb::test::input_error_of([] { (void)(ore(INT64_MAX) + ore(1)); });
    CHECK(msg == "the sum of the amounts is beyond what eb can hold (±92 233 720 368 547 758,07 kr)");
    try {
      (void)(ore(INT64_MAX) * 3);
    } catch (const eb::Error& e) {
      CHECK(e.exit_code() == eb::ExitCode::invalid_input);
    }
  }
}

TEST_CASE("parse_rounding", "[money]") {
  SECTION("reads every rule by its name") {
    for (auto rule : {Rounding::exact, Rounding::ore_half_up, Rounding::krona_half_up, Rounding::down_10_kr,
                      Rounding::nearest_10_kr}) {
      CHECK(parse_rounding(rounding_name(rule), "r") == rule);
    }
    CHECK(rounding_name(Rounding::krona_half_up) == "krona_half_up");
  }
  SECTION("rejects an unknown name, naming the field") {
    CHECK_THROWS_WITH(parse_rounding("bankers", "rules.payable_rounding"),
                      "rules.payable_rounding = \"bankers\": unknown rounding rule (ore_half_up, krona_half_up, "
                      "down_10_kr, nearest_10_kr)");
  }
}

TEST_CASE("parse_ratio", "[money]") {
  SECTION("keeps the decimal exactly as a fraction") {
    CHECK(parse_ratio("0.375", "factor") == Ratio{375, 1000});
    CHECK(parse_ratio("1.043", "factor") == Ratio{1043, 1000});
    CHECK(parse_ratio("2", "factor") == Ratio{2, 1});
    CHECK(parse_ratio("0.000000001", "factor") == Ratio{1, 1000000000});  // nine decimals
  }
  SECTION("rejects anything but a non-negative decimal of at most nine decimals") {
    const std::string why = ": not a decimal factor (write e.g. \"1.043\")";
    CHECK(ratio_error("abc") == "factor = \"abc\"" + why);
    CHECK(ratio_error("") == "factor = \"\"" + why);
    CHECK(ratio_error("1.") == "factor = \"1.\"" + why);
    CHECK(ratio_error("-1") == "factor = \"-1\"" + why);
    CHECK(ratio_error("1.2.3") == "factor = \"1.2.3\"" + why);
    CHECK(ratio_error("0,375") == "factor = \"0,375\"" + why);
    CHECK(ratio_error("1.0000000001") == "factor = \"1.0000000001\"" + why);  // ten decimals
  }
}

TEST_CASE("Ratio::to_string", "[money]") {
  SECTION("gives back the decimal text") {
    CHECK(parse_ratio("0.375", "f").to_string() == "0.375");
    CHECK(parse_ratio("1.043", "f").to_string() == "1.043");
    CHECK(parse_ratio("0.05", "f").to_string() == "0.05");
    CHECK(parse_ratio("2", "f").to_string() == "2");
  }
  SECTION("drops trailing zeros") {
    CHECK(parse_ratio("1.020", "f").to_string() == "1.02");
    CHECK(parse_ratio("3.0", "f").to_string() == "3");
  }
}
