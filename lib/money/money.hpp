// SPDX-License-Identifier: MIT
// Money: an exact amount in whole öre (int64). Never floating point.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "money/rounding.hpp"

namespace eb::money {

// Thrown when a sum, difference, product or negation of amounts would leave the range of
// Money (±92 233 720 368 547 758,07 kr): an input error (exit 3), never a wrapped amount. No
// valid application comes near it (lib/assess/limits.hpp); a caller that knows the field
// (the calculator, a line of the application) catches it and names the field.
class Overflow : public InputError {
 public:
  // `operation` says what overflowed: "sum", "difference", "product", "negation".
  explicit Overflow(std::string_view operation);
};

namespace detail {
[[noreturn]] void throw_overflow(std::string_view operation);
}  // namespace detail

// Every arithmetic operation is checked (__builtin_*_overflow) and throws Overflow.
class Money {
 public:
  constexpr Money() = default;
  static constexpr Money from_ore(std::int64_t ore) { return Money(ore); }
  // Throws Overflow if `kr` × 100 öre does not fit.
  static constexpr Money from_kr(std::int64_t kr) { return Money(checked_mul(kr, 100, "product")); }

  constexpr std::int64_t ore() const { return m_ore; }
  constexpr bool is_zero() const { return m_ore == 0; }
  constexpr bool is_negative() const { return m_ore < 0; }

  constexpr Money operator+(Money o) const { return Money(checked_add(m_ore, o.m_ore)); }
  constexpr Money operator-(Money o) const { return Money(checked_sub(m_ore, o.m_ore)); }
  constexpr Money operator-() const { return Money(checked_sub(0, m_ore)); }
  constexpr Money& operator+=(Money o) {
    m_ore = checked_add(m_ore, o.m_ore);
    return *this;
  }
  constexpr Money& operator-=(Money o) {
    m_ore = checked_sub(m_ore, o.m_ore);
    return *this;
  }
  constexpr Money operator*(std::int64_t n) const { return Money(checked_mul(m_ore, n, "product")); }
  constexpr auto operator<=>(const Money&) const = default;

  // This amount × `num` / `den`, computed exactly and then rounded by `rule`.
  // Throws std::invalid_argument if `den` is not positive, Overflow if the result does not fit.
  Money scaled(std::int64_t num, std::int64_t den, Rounding rule) const;
  // This amount rounded by `rule` (e.g. to whole kronor).
  Money rounded(Rounding rule) const { return scaled(1, 1, rule); }

 private:
  constexpr explicit Money(std::int64_t ore) : m_ore(ore) {}
  static constexpr std::int64_t checked_add(std::int64_t a, std::int64_t b) {
    std::int64_t r = 0;
    if (__builtin_add_overflow(a, b, &r)) detail::throw_overflow("sum");
    return r;
  }
  static constexpr std::int64_t checked_sub(std::int64_t a, std::int64_t b) {
    std::int64_t r = 0;
    if (__builtin_sub_overflow(a, b, &r)) detail::throw_overflow(a == 0 ? "negation" : "difference");
    return r;
  }
  static constexpr std::int64_t checked_mul(std::int64_t a, std::int64_t b, std::string_view what) {
    std::int64_t r = 0;
    if (__builtin_mul_overflow(a, b, &r)) detail::throw_overflow(what);
    return r;
  }
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
// "8 200,50 kr", or "8 200 kr" for whole kronor; "-690 kr" below zero (the one minus sign of
// eb's text, U+002D, as format_sv writes it).
std::string format_kr(Money m);
// A change: "+1 410 kr", "-690 kr", "0 kr".
std::string format_kr_change(Money m);

}  // namespace eb::money
