// SPDX-License-Identifier: MIT
// Tests of Personnummer: the 12-digit form, the Luhn check digit, samordningsnummer (day + 60),
// sex, age across birthdays and leap-day births, and masking.
#include "person/personnummer.hpp"

#include <catch2/catch.hpp>

#include <string>
#include "support.hpp"

#include "common/error.hpp"
#include "period/date.hpp"

using eb::InputError;
using eb::period::Date;
using eb::person::luhn_check_digit;
using eb::person::parse_personnummer;
using eb::person::Personnummer;
using eb::person::Sex;

// The numbers below are synthetic: made-up dates and serials with check digits computed by hand
// (Luhn over YYMMDDNNN, weights 2,1,2,…).

namespace {

Personnummer pnr(const std::string& text) {
  return parse_personnummer(text, "pnr");
}

// The message parse_personnummer throws for `text` (field "pnr"), or "" if it does not throw.
std::string error_of(const std::string& text) {
  return eb::test::input_error_of([&] { parse_personnummer(text, "pnr"); });
}

}  // namespace

TEST_CASE("luhn_check_digit", "[person]") {
  SECTION("computes the digit over YYMMDDNNN") {
    // 8 5 0 3 1 2 2 3 8 × 2 1 2 1 2 1 2 1 2 → 16→7, 5, 0, 3, 2, 2, 4, 3, 16→7 = 33 → (10 − 3) = 7
    CHECK(luhn_check_digit("850312238") == 7);
    // 8 3 0 7 0 4 1 5 1 → 16→7, 3, 0, 7, 0, 4, 2, 5, 2 = 30 → 0
    CHECK(luhn_check_digit("830704151") == 0);
  }
}

TEST_CASE("parse_personnummer", "[person]") {
  SECTION("accepts a valid number with a hyphen") {
    const Personnummer p = pnr("19850312-2387");
    CHECK(p.digits() == "198503122387");
    CHECK(p.formatted() == "19850312-2387");
    CHECK(p.birth_date() == Date(1985, 3, 12));
    CHECK_FALSE(p.is_samordningsnummer());
  }
  SECTION("accepts the 12 digits without a separator") {
    CHECK(pnr("198503122387").digits() == "198503122387");
  }
  SECTION("accepts '+' as the separator") {
    CHECK(pnr("19850312+2387").formatted() == "19850312-2387");
  }
  SECTION("rejects a wrong check digit and gives the expected one") {
    CHECK(error_of("19850312-2388") == "pnr = \"19850312-2388\": check digit is wrong (should be 7)");
    CHECK(error_of("19830704-1511") == "pnr = \"19830704-1511\": check digit is wrong (should be 0)");
  }
  SECTION("accepts a samordningsnummer: day + 60") {
    // born 1985-03-12: day 12 + 60 = 72; 850372238 → check digit 4
    const Personnummer p = pnr("19850372-2384");
    CHECK(p.is_samordningsnummer());
    CHECK(p.birth_date() == Date(1985, 3, 12));
    CHECK(p.formatted() == "19850372-2384");
  }
  SECTION("rejects a samordningsnummer whose day − 60 does not exist") {
    // day 89 − 60 = 29 February 1985, not a leap year
    CHECK(error_of("19850289-1230") ==
          "pnr = \"19850289-1230\": no such birth date (a samordningsnummer adds 60 to the day)");
  }
  SECTION("rejects a samordningsnummer with a wrong check digit") {
    CHECK(error_of("19850372-2385") == "pnr = \"19850372-2385\": check digit is wrong (should be 4)");
  }
  SECTION("rejects a birth date that does not exist") {
    CHECK(error_of("19850230-1230") == "pnr = \"19850230-1230\": no such birth date");
    CHECK(error_of("19851301-1230") == "pnr = \"19851301-1230\": no such birth date");
  }
  SECTION("rejects a birth year before 1880") {
    CHECK(error_of("18791231-1235") == "pnr = \"18791231-1235\": no such birth date");
  }
  SECTION("rejects 11 and 13 digits") {
    CHECK(error_of("19850312-238") == "pnr = \"19850312-238\": a personnummer is 12 digits, YYYYMMDD-NNNN");
    CHECK(error_of("19850312-23870") == "pnr = \"19850312-23870\": a personnummer is 12 digits, YYYYMMDD-NNNN");
    CHECK(error_of("19850312238") == "pnr = \"19850312238\": a personnummer is 12 digits, YYYYMMDD-NNNN");
  }
  SECTION("rejects the 10-digit form") {
    CHECK(error_of("850312-2387") == "pnr = \"850312-2387\": a personnummer is 12 digits, YYYYMMDD-NNNN");
  }
  SECTION("rejects letters") {
    CHECK(error_of("19850312-23A7") == "pnr = \"19850312-23A7\": a personnummer is 12 digits, YYYYMMDD-NNNN");
    CHECK(error_of("") == "pnr = \"\": a personnummer is 12 digits, YYYYMMDD-NNNN");
  }
  SECTION("rejects a separator in the wrong place") {
    CHECK(error_of("198503-122387") == "pnr = \"198503-122387\": a personnummer is 12 digits, YYYYMMDD-NNNN");
    CHECK(error_of("19850312 2387") == "pnr = \"19850312 2387\": a personnummer is 12 digits, YYYYMMDD-NNNN");
  }
  SECTION("names the field it was given") {
    try {
      parse_personnummer("x", "member[3].pnr");
      FAIL("no exception");
    } catch (const InputError& e) {
      REQUIRE(e.problems().size() == 1);
      CHECK(e.problems()[0].field == "member[3].pnr");
    }
  }
}

TEST_CASE("Personnummer::sex", "[person]") {
  SECTION("reads the 11th digit (the 9th of the 10-digit form): even is a woman") {
    CHECK(pnr("19850312-2387").sex() == Sex::woman);  // 2 3 [8] 7
    CHECK(pnr("19850312-2460").sex() == Sex::woman);  // 2 4 [6] 0
  }
  SECTION("reads the 11th digit: odd is a man") {
    CHECK(pnr("19830704-1510").sex() == Sex::man);  // 1 5 [1] 0
    CHECK(pnr("20080229-1419").sex() == Sex::man);  // 1 4 [1] 9: the check digit 9 does not decide
    CHECK(pnr("19850312-2452").sex() == Sex::man);  // 2 4 [5] 2
    CHECK(pnr("19850312-2478").sex() == Sex::man);  // 2 4 [7] 8: the check digit 8 does not decide
  }
}

TEST_CASE("Personnummer::age_on", "[person]") {
  const Personnummer p = pnr("19850312-2387");
  SECTION("is one less on the day before the birthday") {
    CHECK(p.age_on(Date(2026, 3, 11)) == 40);
  }
  SECTION("turns on the birthday") {
    CHECK(p.age_on(Date(2026, 3, 12)) == 41);
  }
  SECTION("is 0 on the birth date") {
    CHECK(p.age_on(Date(1985, 3, 12)) == 0);
  }
  SECTION("is negative before birth") {
    CHECK(p.age_on(Date(1985, 3, 11)) == -1);
  }
  SECTION("uses the real birth date of a samordningsnummer") {
    const Personnummer s = pnr("19850372-2384");
    CHECK(s.age_on(Date(2026, 3, 11)) == 40);
    CHECK(s.age_on(Date(2026, 3, 12)) == 41);
  }
}

TEST_CASE("Personnummer::age_on for a leap-day birth", "[person]") {
  const Personnummer p = pnr("20080229-1419");
  REQUIRE(p.birth_date() == Date(2008, 2, 29));
  SECTION("in a non-leap year, completes the year on 1 March by default") {
    CHECK(p.age_on(Date(2026, 2, 28)) == 17);
    CHECK(p.age_on(Date(2026, 3, 1)) == 18);
  }
  SECTION("in a non-leap year, completes the year on 28 February with the feb28 rule") {
    CHECK(p.age_on(Date(2026, 2, 27), true) == 17);
    CHECK(p.age_on(Date(2026, 2, 28), true) == 18);
    CHECK(p.age_on(Date(2026, 3, 1), true) == 18);
  }
  SECTION("in a leap year, completes the year on 29 February under both rules") {
    CHECK(p.age_on(Date(2024, 2, 28)) == 15);
    CHECK(p.age_on(Date(2024, 2, 28), true) == 15);
    CHECK(p.age_on(Date(2024, 2, 29)) == 16);
    CHECK(p.age_on(Date(2024, 2, 29), true) == 16);
  }
}

TEST_CASE("Personnummer::masked", "[person]") {
  SECTION("hides the last four digits") {
    CHECK(pnr("19850312-2387").masked() == "19850312-XXXX");
    CHECK(pnr("198503122387").masked() == "19850312-XXXX");
  }
  SECTION("shows the samordningsnummer's day as written") {
    CHECK(pnr("19850372-2384").masked() == "19850372-XXXX");
  }
}

TEST_CASE("Personnummer::operator==", "[person]") {
  SECTION("is by the 12 digits, whatever the separator") {
    CHECK(pnr("19850312-2387") == pnr("198503122387"));
    CHECK(pnr("19830704-1510") < pnr("19850312-2387"));
  }
}
