// SPDX-License-Identifier: MIT
#include "common/timestamp.hpp"

#include <catch2/catch.hpp>

TEST_CASE("rfc3339_timestamp", "[common]") {
  using eb::rfc3339_timestamp;
  SECTION("a stored +hhmm offset gets its colon") {
    CHECK(rfc3339_timestamp("2026-11-22T14:24:06+0000") == "2026-11-22T14:24:06+00:00");
    CHECK(rfc3339_timestamp("2026-03-20T14:05:00+0100") == "2026-03-20T14:05:00+01:00");
    CHECK(rfc3339_timestamp("2026-03-20T14:05:00-0230") == "2026-03-20T14:05:00-02:30");
    CHECK(rfc3339_timestamp("2026-03-20T14:05:00.250+0200") == "2026-03-20T14:05:00.250+02:00");
  }
  SECTION("RFC 3339 already is left as it is") {
    CHECK(rfc3339_timestamp("2026-11-22T14:24:06+00:00") == "2026-11-22T14:24:06+00:00");
    CHECK(rfc3339_timestamp("2026-11-22T14:24:06-05:00") == "2026-11-22T14:24:06-05:00");
    CHECK(rfc3339_timestamp("2026-11-22T14:24:06Z") == "2026-11-22T14:24:06Z");
  }
  SECTION("other text is left as it is") {
    CHECK(rfc3339_timestamp("2026-03-20T14:05:00") == "2026-03-20T14:05:00");
    CHECK(rfc3339_timestamp("2026-11-22") == "2026-11-22");
    CHECK(rfc3339_timestamp("") == "");
    CHECK(rfc3339_timestamp("2026-11-22 14:24:06+0000") == "2026-11-22 14:24:06+0000");
    CHECK(rfc3339_timestamp("2026-11-22T14:24:06+00x0") == "2026-11-22T14:24:06+00x0");
  }
}
