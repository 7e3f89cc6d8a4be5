// SPDX-License-Identifier: MIT
// Tests of payee_problems: an application whose payee a payment file cannot carry is known at
// intake (issue 11: names with control characters or more than 140 characters, and missing
// names, were stored and put into batches, and only then refused).
#include "pay/payee_check.hpp"

#include <catch2/catch.hpp>
#include <string>

using eb::pay::masked_account;
using eb::pay::payee_problems;

namespace {
const std::string k_address = "Storgatan 1, 123 45 Exempelstad";
const std::string k_account = "5000 1234560";  // SEB, a valid check digit (pay_fixture.hpp)
}  // namespace

TEST_CASE("payee_problems", "[pay]") {
  SECTION("none for a named applicant with an account or an address") {
    CHECK(payee_problems("Karin Ek", k_account, "").empty());
    CHECK(payee_problems("Karin Ek", "", k_address).empty());
  }
  SECTION("no name: the payment file names the payee") {
    const auto p = payee_problems("  ", "", k_address);
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "applicant.name");
    CHECK(p[0].message == "is empty; a payment file names the payee (the applicant of the application)");
  }
  SECTION("a name that pain.001 cannot carry: control characters or more than 140 characters") {
    auto p = payee_problems("Karin\x1b[31mEk", "", k_address);
    REQUIRE(p.size() == 1);
    CHECK(p[0].message == "contains a control character (U+001B); a payment file cannot carry it");
    p = payee_problems(std::string(141, 'a'), "", k_address);
    REQUIRE(p.size() == 1);
    CHECK(p[0].message == "has 141 characters; at most 140 fit; a payment file cannot carry it");
  }
  SECTION("an invalid account, masked") {
    const auto p = payee_problems("Karin Ek", "5000 1234561", "");
    REQUIRE(p.size() == 1);
    CHECK(p[0].field == "account");
    CHECK(p[0].value == "XXXX XXX4561");
    CHECK(p[0].message.find("is not a valid bank account (") == 0);
  }
  SECTION("an avi needs an address that fits: at most 7 lines of 70 characters") {
    auto p = payee_problems("Karin Ek", "", " , ");
    REQUIRE(p.size() == 1);
    CHECK(p[0].message == "is empty and there is no account: a payment by avi needs an address");
    p = payee_problems("Karin Ek", "", "1,2,3,4,5,6,7,8");
    REQUIRE(p.size() == 1);
    CHECK(p[0].message == "has 8 lines; a payment by avi carries at most 7");
    p = payee_problems("Karin Ek", "", std::string(71, 'g') + ", 123 45 Exempelstad");
    REQUIRE(p.size() == 1);
    CHECK(p[0].message == "a line has 71 characters; at most 70 fit (a payment by avi)");
  }
  SECTION("reports the name and the account together") {
    CHECK(payee_problems("", "1", "").size() == 2);
  }
}

TEST_CASE("payee masked_account", "[pay]") {
  CHECK(masked_account("8327-9 123 456 789-0") == "XXXX-X XXX XXX 789-0");
  CHECK(masked_account("12") == "12");
}
