// SPDX-License-Identifier: MIT
// Tests of the normal form of addresses used by address-concentration.
#include "fut/address.hpp"

#include <catch2/catch.hpp>

using eb::fut::normalised_address;

TEST_CASE("normalised_address", "[fut]") {
  SECTION("lower-cases ASCII and Swedish capitals") {
    CHECK(normalised_address("ÄNGSVÄGEN 2, ÖREBRO") == "ängsvägen 2, örebro");
    CHECK(normalised_address("Église Å") == "église å");
  }
  SECTION("makes every run of white space one space, and trims") {
    CHECK(normalised_address("  Storgatan\t 1 \n123 45\xC2\xA0"
                             "Exempelstad  ") == "storgatan 1 123 45 exempelstad");
  }
  SECTION("no space before a comma, one after") {
    CHECK(normalised_address("Storgatan 1 ,123 45 Exempelstad") == "storgatan 1, 123 45 exempelstad");
    CHECK(normalised_address("Storgatan 1,   123 45") == "storgatan 1, 123 45");
    CHECK(normalised_address("Storgatan 1,") == "storgatan 1,");
  }
  SECTION("keeps what tells addresses apart") {
    CHECK(normalised_address("Storgatan 1 lgh 1102") != normalised_address("Storgatan 1"));
    CHECK(normalised_address("×") == "×");
  }
  SECTION("an address of white space is empty") {
    CHECK(normalised_address(" \n\t ").empty());
  }
}
