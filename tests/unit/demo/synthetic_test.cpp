// SPDX-License-Identifier: MIT
// Tests of the synthetic identities: personnummer that validate and never repeat, accounts that
// every bank's rule accepts and never repeat, addresses that never repeat.
#include "demo/synthetic.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "pay/bank_account.hpp"
#include "period/date.hpp"

using eb::demo::PersonnummerPool;
using eb::demo::Rng;
using eb::demo::synthetic_account;
using eb::demo::synthetic_address;
using eb::period::Date;
using eb::person::Sex;

TEST_CASE("PersonnummerPool::issue", "[demo]") {
  PersonnummerPool pool;
  Rng r(1);
  SECTION("gives valid numbers for the birth date and sex, never the same twice") {
    std::set<std::string> seen;
    const Date birth(1985, 3, 12);
    for (int i = 0; i < 400; ++i) {
      const Sex sex = i % 2 == 0 ? Sex::woman : Sex::man;
      const auto p = pool.issue(r, birth, sex, false);
      INFO(p.formatted());
      CHECK(p.birth_date() == birth);
      CHECK(p.sex() == sex);
      CHECK_FALSE(p.is_samordningsnummer());
      CHECK(eb::person::parse_personnummer(p.formatted(), "pnr") == p);
      seen.insert(p.digits());
    }
    CHECK(seen.size() == 400);
    CHECK(pool.size() == 400);
  }
  SECTION("gives samordningsnummer with 60 added to the day") {
    const auto p = pool.issue(r, Date(1990, 12, 31), Sex::man, true);
    CHECK(p.is_samordningsnummer());
    CHECK(p.digits().substr(0, 8) == "19901291");
    CHECK(p.birth_date() == Date(1990, 12, 31));
  }
}

TEST_CASE("synthetic_account", "[demo]") {
  PersonnummerPool pool;
  Rng r(2);
  const auto holder = pool.issue(r, Date(1980, 1, 8), Sex::man, false);
  SECTION("every bank's numbers pass the bank's check and are unique per key") {
    std::set<std::string> banks;
    for (int pick = 0; pick < 1000; pick += 25) {
      std::set<std::string> seen;
      for (std::uint64_t key = 0; key < 400; ++key) {
        const std::string text = synthetic_account(key * 977 + 5, 11, pick, holder);
        INFO(text);
        const auto account = eb::pay::parse_bank_account(text, "account");
        banks.insert(account.bank);
        if (!account.is_personkonto()) seen.insert(account.bban());
      }
      if (!seen.empty()) CHECK(seen.size() == 400);
    }
    CHECK(banks ==
          std::set<std::string>{"Swedbank", "Handelsbanken", "Nordea", "SEB", "ICA Banken", "Länsförsäkringar Bank"});
  }
  SECTION("a personkonto is the holder's personnummer") {
    const auto account = eb::pay::parse_bank_account(synthetic_account(3, 1, 600, holder), "account");
    CHECK(account.is_personkonto());
    CHECK(account.number == holder.digits().substr(2));
  }
  SECTION("keys in the millions stay unique (the clearing carries them)") {
    std::set<std::string> seen;
    for (std::uint64_t key : {5ULL, 1'000'005ULL, 2'000'005ULL, 100'000'005ULL}) {
      seen.insert(eb::pay::parse_bank_account(synthetic_account(key, 1, 800, holder), "a").bban());
    }
    CHECK(seen.size() == 4);
  }
}

TEST_CASE("synthetic_address", "[demo]") {
  SECTION("gives a different address for each dwelling, with street, lgh, postcode and city") {
    std::set<std::string> seen;
    for (std::uint64_t d = 0; d < 50000; ++d) seen.insert(synthetic_address(d, 9));
    CHECK(seen.size() == 50000);
    const std::string a = synthetic_address(0, 9);
    INFO(a);
    CHECK(a.find(" lgh 1") != std::string::npos);
    CHECK(a.find(", 12") != std::string::npos);
    CHECK(a.ends_with(" Stockholm"));
  }
  SECTION("goes on in other cities beyond Stockholm's flats, and refuses beyond the last") {
    CHECK(synthetic_address(2'052'864, 1).ends_with(" Göteborg"));
    CHECK(synthetic_address(eb::demo::synthetic_address_count() - 1, 1).ends_with(" Norrköping"));
    CHECK_THROWS_AS(synthetic_address(eb::demo::synthetic_address_count(), 1), std::out_of_range);
  }
}
