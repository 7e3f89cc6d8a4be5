// SPDX-License-Identifier: MIT
#include "demo/store_identity.hpp"

#include <catch2/catch.hpp>

TEST_CASE("store_identity", "[demo]") {
  eb::demo::Parameters p;
  const eb::demo::StoreIdentity a = eb::demo::store_identity(p);

  SECTION("is a store id of 32 hex digits and a key of 32 bytes") {
    REQUIRE(a.store_id.size() == 32);
    CHECK(a.store_id.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(a.key.size() == 32);
  }
  SECTION("is the same for the same parameters") {
    const eb::demo::StoreIdentity b = eb::demo::store_identity(p);
    CHECK(a.store_id == b.store_id);
    CHECK(a.key == b.key);
  }
  SECTION("differs with each parameter") {
    const auto differs = [&](eb::demo::Parameters q) {
      const eb::demo::StoreIdentity b = eb::demo::store_identity(q);
      CHECK(b.store_id != a.store_id);
      CHECK(b.key != a.key);
    };
    eb::demo::Parameters q = p;
    q.seed = 2;
    differs(q);
    q = p;
    q.households = 506;
    differs(q);
    q = p;
    q.months = 11;
    differs(q);
    q = p;
    q.first_month = eb::period::Month(2025, 1);
    differs(q);
    q = p;
    q.plant_ppm = 5000;
    differs(q);
  }
}
