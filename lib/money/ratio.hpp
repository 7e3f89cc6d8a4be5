// SPDX-License-Identifier: MIT
// Ratio: an exact decimal factor such as 0.375 or 1.043, kept as an integer fraction.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace eb::money {

struct Ratio {
  std::int64_t num = 1;
  std::int64_t den = 1;

  // The decimal text this ratio was parsed from, e.g. "0.375".
  std::string to_string() const;
  bool operator==(const Ratio&) const = default;
};

// Parses a non-negative decimal "1.043" (at most 9 decimals) into an exact Ratio.
// Throws InputError naming `field` and `text` otherwise.
Ratio parse_ratio(std::string_view text, std::string_view field);

}  // namespace eb::money
