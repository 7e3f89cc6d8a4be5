// SPDX-License-Identifier: MIT
// ContentKey: the SHA-256 of a register row's or a finding's canonical text, as a value.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace eb::fut {

// 32 bytes, compared and hashed as bytes, written as 64 lowercase hex characters. Two rows or
// findings with the same canonical text have the same key: that is what makes imports
// idempotent and keeps flags unique.
struct ContentKey {
  std::array<std::uint8_t, 32> bytes{};

  // The SHA-256 of `canonical`.
  static ContentKey of(std::string_view canonical);
  // The key written as hex by hex(). Throws InputError naming `field` for anything else.
  static ContentKey from_hex(std::string_view hex, std::string_view field);
  std::string hex() const;
  // The first 8 bytes as a number, for hash tables.
  std::uint64_t prefix() const;

  auto operator<=>(const ContentKey&) const = default;
};

}  // namespace eb::fut
