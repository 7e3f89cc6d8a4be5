// SPDX-License-Identifier: MIT
// Fraction: an exact share or average of the report, numerator over denominator in integers,
// and its decimal and percentage text computed in integers (never floating point).
#pragma once

#include <cstdint>
#include <string>

namespace eb::report {

// numerator / denominator, exact and not reduced (the JSON shows both as counted: 3 of 12
// households is 3/12). A denominator of 0 means there was nothing to divide by: the figure is
// undefined ("no data"), never a division by zero.
struct Fraction {
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;

  bool defined() const { return denominator != 0; }
  // Exactly the same numerator and denominator.
  bool operator==(const Fraction&) const = default;
};

// True when `a` and `b` are defined and have the same value (1/2 and 2/4).
bool same_value(Fraction a, Fraction b);

// The value rounded to `decimals` places (0–9), half away from zero, as digits with `mark`
// as the decimal mark and no thousands separator: decimal_text({1, 3}, 4) == "0.3333",
// decimal_text({-1, 8}, 2) == "-0.13". "" when undefined.
// Rounding: half away from zero, the rule of the units' tables (0,87 %).
std::string decimal_text(Fraction f, int decimals, char mark = '.');
// Swedish: space as thousands separator and decimal comma: "1 234,5". "" when undefined.
std::string format_decimal_sv(Fraction f, int decimals);
// The value as a Swedish percentage, rounded half away from zero: format_percent_sv({87, 10000},
// 2) == "0,87 %". "" when undefined.
std::string format_percent_sv(Fraction f, int decimals);
// The value rounded half away from zero to a whole number (for money: öre). Throws
// std::domain_error when undefined.
std::int64_t rounded_value(Fraction f);

}  // namespace eb::report
