// SPDX-License-Identifier: MIT
// Reading amounts and factors from a TomlReader (the money side of the reader in lib/common,
// which knows no Money).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "common/toml_reader.hpp"
#include "money/money.hpp"
#include "money/ratio.hpp"

namespace eb::money {

// The largest amount a file may state, whatever the file: 90 000 000 000 000 kr. A format
// can set a lower one (lib/assess/limits.hpp for the application).
inline constexpr Money k_max_amount = Money::from_ore(9'000'000'000'000'000);

struct AmountRule {
  bool required = false;
  bool allow_negative = false;
  Money max = k_max_amount;  // the largest amount allowed, and minus it the smallest
};

// Kronor as an integer (8200) or a string ("8200.50", "8 200,50") at `key`; floats are refused
// because binary fractions cannot hold öre exactly. Problems go to `r`; nothing on any problem.
std::optional<Money> read_money(TomlReader& r, std::string_view key, const AmountRule& rule = {});
// A decimal factor written as a string: "0.375".
std::optional<Ratio> read_ratio(TomlReader& r, std::string_view key, bool required = false);
// A list of whole kronor: [1280, 1560].
std::vector<Money> read_money_list(TomlReader& r, std::string_view key, bool required = false);

}  // namespace eb::money
