// SPDX-License-Identifier: MIT
// Tests of Swedish bank account parsing: every account type, check digits and the refusals.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <string>

#include "common/error.hpp"
#include "pay/bank_account.hpp"

using eb::InputError;
using eb::pay::BankAccount;
using eb::pay::parse_bank_account;

// The account numbers below are synthetic: made up, with check digits computed for the test.

namespace {

BankAccount parse(const std::string& text) {
  return parse_bank_account(text, "account");
}

// The message parse_bank_account throws for `text`, or "" if it does not throw.
std::string error_of(const std::string& text) {
  return eb::test::input_error_of([&] { parse_bank_account(text, "account"); });
}

void check_account(const std::string& text, const std::string& clearing, const std::string& number,
                   const std::string& bank) {
  INFO(text);
  const BankAccount a = parse(text);
  CHECK(a.clearing == clearing);
  CHECK(a.number == number);
  CHECK(a.bank == bank);
  CHECK(parse(a.formatted()) == a);
}

}  // namespace

TEST_CASE("parse_bank_account: type 1, comment 1 (mod 11 over clearing's last 3 digits)", "[pay]") {
  SECTION("accepts the written forms") {
    for (const char* text :
         {"5000 1234560", "5000-1234560", "5000, 123 456-0", "5000.12.345.60", "50001234560", " 5000  1234560 "}) {
      check_account(text, "5000", "1234560", "SEB");
    }
  }
  SECTION("knows the banks of comment 1") {
    check_account("7123-40 012 33", "7123", "4001233", "Swedbank");
    check_account("3000 7654324", "3000", "7654324", "Nordea");
    check_account("1234 5555556", "1234", "5555556", "Danske Bank");
    check_account("9270 1122333", "9270", "1122333", "ICA Banken");
    check_account("3400 9876549", "3400", "9876549", "Länsförsäkringar Bank");
  }
  SECTION("formats, masks and gives the BBAN") {
    const BankAccount a = parse("5000 123 456-0");
    CHECK(a.formatted() == "5000, 1234560");
    CHECK(a.masked() == "XXXX, XXX4560");
    CHECK(a.bban() == "50001234560");
    CHECK_FALSE(a.is_personkonto());
  }
  SECTION("rejects a wrong check digit, naming the rule") {
    CHECK(error_of("5000 1234561") ==
          "account = \"5000 1234561\": the check digit does not match: at SEB (clearing 5000) it is computed "
          "by modulus 11 over the clearing number's last three digits and the account number; look for a "
          "mistyped digit");
    // Valid by comment 2 (whole clearing number), which is not SEB's rule.
    CHECK_THROWS_AS(parse("5000 1234566"), InputError);
  }
  SECTION("rejects a wrong length") {
    CHECK(error_of("5000 12345601") ==
          "account = \"5000 12345601\": an account number at SEB (clearing 5000) has 7 digits; this one has 8");
    CHECK(error_of("5000 123456") ==
          "account = \"5000 123456\": an account number at SEB (clearing 5000) has 7 digits; this one has 6");
  }
}

TEST_CASE("parse_bank_account: type 1, comment 2 (mod 11 over the whole clearing number)", "[pay]") {
  check_account("4321 2468021", "4321", "2468021", "Nordea");
  check_account("9150 1357915", "9150", "1357915", "Skandiabanken");
  check_account("9020 3141506", "9020", "3141506", "Länsförsäkringar Bank");
  check_account("2300 2718287", "2300", "2718287", "Ålandsbanken");
  check_account("9660 1618030", "9660", "1618030", "Svea Bank");
  SECTION("a number valid by comment 1 is refused where comment 2 applies") {
    CHECK_THAT(error_of("4321 2468025"), Catch::Contains("modulus 11 over the clearing number and the account number"));
  }
}

TEST_CASE("parse_bank_account: type 2, comment 1 (10 digits, mod 10)", "[pay]") {
  check_account("9570 123 456 789-7", "9570", "1234567897", "Sparbanken Syd");
  check_account("9180 4567890126", "9180", "4567890126", "Danske Bank");
  check_account("9890 2222222222", "9890", "2222222222", "Riksgälden");
  SECTION("rejects a wrong length or check digit") {
    CHECK(error_of("9570 123456789") ==
          "account = \"9570 123456789\": an account number at Sparbanken Syd (clearing 9570) has 10 digits; "
          "this one has 9");
    CHECK_THAT(error_of("9570 1234567898"), Catch::Contains("modulus 10 over the account number"));
  }
}

TEST_CASE("parse_bank_account: Nordea personkonto (3300 and 3782)", "[pay]") {
  check_account("3300 850312-2387", "3300", "8503122387", "Nordea");
  check_account("3782, 8503122387", "3782", "8503122387", "Nordea");
  SECTION("masks every digit, since the number is a personnummer") {
    const BankAccount a = parse("3300 850312-2387");
    CHECK(a.is_personkonto());
    CHECK(a.masked() == "XXXX, XXXXXXXXXX");
  }
  SECTION("explains the personnummer rules") {
    CHECK_THAT(error_of("3300 850312-2388"),
               Catch::Contains("the account number of a Nordea personkonto is the holder's personnummer"));
    CHECK_THAT(error_of("3300 19850312-2387"), Catch::Contains("without the century"));
  }
}

TEST_CASE("parse_bank_account: type 2, comment 2 (Handelsbanken, 9 digits, mod 11)", "[pay]") {
  check_account("6000 123 456 789", "6000", "123456789", "Handelsbanken");
  check_account("6789-987 654 322", "6789", "987654322", "Handelsbanken");
  SECTION("pads an older 8-digit number with a leading zero") {
    check_account("6000 12 345 679", "6000", "012345679", "Handelsbanken");
  }
  SECTION("rejects a wrong length or check digit") {
    CHECK(error_of("6000 1234567") ==
          "account = \"6000 1234567\": an account number at Handelsbanken (clearing 6000) has 9 digits; "
          "this one has 7");
    CHECK_THAT(error_of("6000 123456788"), Catch::Contains("modulus 11 over the account number"));
  }
}

TEST_CASE("parse_bank_account: type 2, comment 3 (Swedbank 8xxx-x and Plusgirot, mod 10)", "[pay]") {
  SECTION("reads the 5-digit clearing number, written or not") {
    for (const char* text : {"8327-9 012 345 678-2", "8327-9, 012 345 678-2", "8327 9 0123456782", "83279 0123456782",
                             "832790123456782", "8327 0123456782", "8327, 012 345 678-2"}) {
      check_account(text, "83279", "0123456782", "Swedbank");
    }
    check_account("8327-9, 993 300 123-3", "83279", "9933001233", "Swedbank");
  }
  SECTION("pads a shorter number to 10 digits") {
    check_account("8327-9 1234 5674", "83279", "0012345674", "Swedbank");
  }
  SECTION("formats with the dash, and leaves the fifth digit out of the BBAN") {
    const BankAccount a = parse("8327-9 012 345 678-2");
    CHECK(a.formatted() == "8327-9, 0123456782");
    CHECK(a.masked() == "XXXX-X, XXXXXX6782");
    CHECK(a.bban() == "83270123456782");
  }
  SECTION("checks the clearing number's own check digit") {
    CHECK(error_of("8327-0 0123456782") ==
          "account = \"8327-0 0123456782\": the fifth digit of a Swedbank clearing number is a check digit: "
          "8327-0 should be 8327-9");
  }
  SECTION("rejects a wrong check digit or too many digits") {
    CHECK_THAT(error_of("8327-9 012 345 678-3"),
               Catch::Contains("at Swedbank (clearing 8327-9) it is computed by modulus 10 over the account number"));
    CHECK(error_of("8327-9 01234567820") ==
          "account = \"8327-9 01234567820\": an account number at Swedbank (clearing 8327-9) has at most 10 "
          "digits; this one has 11");
  }
  SECTION("Plusgirot") {
    check_account("9500 1234-4", "9500", "0000012344", "Plusgirot");
    check_account("9960 12344", "9960", "0000012344", "Plusgirot");
  }
}

TEST_CASE("parse_bank_account: refusals", "[pay]") {
  SECTION("an unknown clearing number") {
    CHECK(error_of("0999 1234567") == "account = \"0999 1234567\": no Swedish bank has the clearing number 0999");
    CHECK_THAT(error_of("2200 1234567"), Catch::Contains("no Swedish bank has the clearing number 2200"));
    CHECK_THAT(error_of("9999 1234567"), Catch::Contains("no Swedish bank has the clearing number 9999"));
  }
  SECTION("characters other than digits and separators") {
    CHECK(error_of("5000/1234560") ==
          "account = \"5000/1234560\": only digits, spaces and the separators - , . may appear in a bank "
          "account number");
    CHECK_THROWS_AS(parse("5000 123456O"), InputError);
    CHECK_THROWS_AS(parse("SE4550000000058398257466"), InputError);
  }
  SECTION("nothing, or too little") {
    CHECK_THAT(error_of(""), Catch::Contains("a clearing number and an account number are required"));
    CHECK_THAT(error_of(" - , "), Catch::Contains("a clearing number and an account number are required"));
    CHECK_THAT(error_of("500"), Catch::Contains("a clearing number has four digits"));
    CHECK(error_of("5000") == "account = \"5000\": the account number is missing after the clearing number");
    CHECK_THAT(error_of("8327-9"), Catch::Contains("the account number is missing"));
  }
  SECTION("an account number of zeros") {
    CHECK_THAT(error_of("5000 0000000"), Catch::Contains("the account number is all zeros"));
    CHECK_THAT(error_of("9500 00"), Catch::Contains("the account number is all zeros"));
  }
  SECTION("names the field given") {
    try {
      parse_bank_account("0999 1234567", "member[1].account");
      FAIL("no exception");
    } catch (const InputError& e) {
      REQUIRE(e.problems().size() == 1);
      CHECK(e.problems()[0].field == "member[1].account");
      CHECK(e.problems()[0].value == "\"0999 1234567\"");
    }
  }
}
