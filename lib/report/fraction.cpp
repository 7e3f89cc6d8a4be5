// SPDX-License-Identifier: MIT
#include "report/fraction.hpp"

#include <stdexcept>

namespace eb::report {

namespace {

// 128-bit intermediates so numerator × 10^decimals cannot overflow (a GCC/Clang extension).
__extension__ typedef __int128 Wide;

Wide power_of_ten(int n) {
  Wide p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// n / d rounded half away from zero; d != 0.
Wide round_half_away(Wide n, Wide d) {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const bool negative = n < 0;
  const Wide a = negative ? -n : n;
  Wide q = a / d;
  if ((a % d) * 2 >= d) ++q;
  return negative ? -q : q;
}

std::string digits_of(Wide v) {
  if (v == 0) return "0";
  std::string s;
  while (v > 0) {
    s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  return s;
}

std::string grouped(const std::string& digits) {
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return out;
}

// The value × `factor`, rounded to `decimals` places, as text.
std::string decimal(Fraction f, int decimals, char mark, bool group, Wide factor = 1) {
  if (!f.defined()) return "";
  if (decimals < 0 || decimals > 9) throw std::invalid_argument("decimal_text: decimals must be 0-9");
  const Wide scale = power_of_ten(decimals);
  const Wide v = round_half_away(static_cast<Wide>(f.numerator) * factor * scale, f.denominator);
  const bool negative = v < 0;
  const Wide a = negative ? -v : v;
  std::string whole = digits_of(a / scale);
  if (group) whole = grouped(whole);
  std::string out = negative ? "-" + whole : whole;
  if (decimals > 0) {
    std::string frac = digits_of(a % scale);
    frac.insert(frac.begin(), static_cast<std::size_t>(decimals) - frac.size(), '0');
    out += mark;
    out += frac;
  }
  return out;
}

}  // namespace

bool same_value(Fraction a, Fraction b) {
  return a.defined() && b.defined() &&
         static_cast<Wide>(a.numerator) * b.denominator == static_cast<Wide>(b.numerator) * a.denominator;
}

std::string decimal_text(Fraction f, int decimals, char mark) {
  return decimal(f, decimals, mark, false);
}

std::string format_decimal_sv(Fraction f, int decimals) {
  return decimal(f, decimals, ',', true);
}

std::string format_percent_sv(Fraction f, int decimals) {
  if (!f.defined()) return "";
  return decimal(f, decimals, ',', true, 100) + " %";
}

std::int64_t rounded_value(Fraction f) {
  if (!f.defined()) throw std::domain_error("rounded_value: the fraction has no denominator");
  return static_cast<std::int64_t>(round_half_away(f.numerator, f.denominator));
}

}  // namespace eb::report
