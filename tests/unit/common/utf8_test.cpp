// SPDX-License-Identifier: MIT
// Tests of UTF-8 validation.
#include "common/utf8.hpp"

#include <catch2/catch.hpp>

using eb::utf8::first_invalid;

TEST_CASE("utf8::first_invalid", "[csv]") {
  SECTION("accepts ASCII, Swedish letters and 4-byte characters") {
    CHECK_FALSE(first_invalid("Ängsvägen 2, Örebro"));
    CHECK_FALSE(first_invalid("\xF0\x9F\x98\x80"));
    CHECK_FALSE(first_invalid(""));
  }
  SECTION("gives the offset of a stray continuation byte, a truncated sequence or a bad lead byte") {
    CHECK(first_invalid("ab\x80") == 2u);
    CHECK(first_invalid("a\xC3") == 1u);
    CHECK(first_invalid("\xFFx") == 0u);
  }
  SECTION("refuses overlong forms, surrogates and code points above U+10FFFF") {
    CHECK(first_invalid("\xC0\xAF") == 0u);
    CHECK(first_invalid("\xED\xA0\x80") == 0u);
    CHECK(first_invalid("\xF4\x90\x80\x80") == 0u);
  }
}
