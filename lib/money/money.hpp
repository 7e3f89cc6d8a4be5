// SPDX-License-Identifier: MIT
// Money: an exact amount in whole öre (int64). Never floating point.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "money/rounding.hpp"

namespace eb::money {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money from_ore(std::int64_t ore) { return Money(ore); }
  static constexpr Money from_kr(std::int64_t kr) { return Money(kr * 100); }

  constexpr std::int64_t ore() const { return m_ore; }
  constexpr bool is_zero() const { return m_ore == 0; }
  constexpr bool is_negative() const { return m_ore < 0; }

  constexpr Money operator+(Money o) const { return Money(m_ore + o.m_ore); }
  constexpr Money operator-(Money o) const { return Money(m_ore - o.m_ore); }
  constexpr Money operator-() const { return Money(-m_ore); }
  constexpr Money& operator+=(Money o) {
    m_ore += o.m_ore;
    return *this;
  }
  constexpr Money& operator-=(Money o) {
    m_ore -= o.m_ore;
    return *this;
  }
  constexpr Money operator*(std::int64_t n) const { return Money(m_ore * n); }
  constexpr auto operator<=>(const Money&) const = default;

  // This amount × `num` / `den`, computed exactly and then rounded by `rule`.
  // Throws std::invalid_argument if `den` is not positive.
  Money scaled(std::int64_t num, std::int64_t den, Rounding rule) const;
  // This amount rounded by `rule` (e.g. to whole kronor).
  Money rounded(Rounding rule) const { return scaled(1, 1, rule); }

 private:
  constexpr explicit Money(std::int64_t ore) : m_ore(ore) {}
  std::int64_t m_ore = 0;
};

constexpr Money max(Money a, Money b) {
  return a < b ? b : a;
}
constexpr Money min(Money a, Money b) {
  return a < b ? a : b;
}

// Parses a kronor amount: "8200", "8200.50", "8 200,50", "-12,5". Thousands may be separated
// by spaces (also no-break spaces). Throws InputError naming `field` and `text` for anything
// else, including more than two decimals.
Money parse_money(std::string_view text, std::string_view field);

// Swedish formatting: "8 200,50" (space as thousands separator, comma as decimal mark).
std::string format_sv(Money m);
// "8 200,50 kr", or "8 200 kr" for whole kronor.
std::string format_kr(Money m);

}  // namespace eb::money
