// SPDX-License-Identifier: MIT
#include "money/money.hpp"

#include <cstdint>
#include <stdexcept>

#include "common/error.hpp"
#include "common/text.hpp"
#include "money/ratio.hpp"

namespace eb::money {

namespace {

// 128-bit intermediate so amount × numerator cannot overflow (a GCC/Clang extension).
__extension__ typedef __int128 Wide;

// Rounds the exact quotient n / d (d > 0) to a multiple of `unit`, by `mode`.
Wide round_quotient(Wide n, Wide d, Wide unit, Rounding mode) {
  const Wide den = d * unit;
  Wide q = n / den;  // truncated toward zero
  const Wide r = n % den;
  if (r == 0) return q * unit;
  switch (mode) {
    case Rounding::exact:
      throw std::logic_error("amount is not whole öre where exact arithmetic was required");
    case Rounding::down_10_kr:
      // toward zero
      break;
    case Rounding::ore_half_up:
    case Rounding::krona_half_up:
    case Rounding::nearest_10_kr: {
      const Wide twice = (r < 0 ? -r : r) * 2;
      if (twice >= den) q += (n < 0 ? -1 : 1);
      break;
    }
  }
  return q * unit;
}

Wide unit_of(Rounding rule) {
  switch (rule) {
    case Rounding::exact:
    case Rounding::ore_half_up:
      return 1;
    case Rounding::krona_half_up:
      return 100;
    case Rounding::down_10_kr:
    case Rounding::nearest_10_kr:
      return 1000;
  }
  return 1;
}

bool is_space_at(std::string_view s, std::size_t i, std::size_t& width) {
  if (s[i] == ' ') {
    width = 1;
    return true;
  }
  if (s.substr(i, 2) == "\xC2\xA0") {
    width = 2;
    return true;
  }  // no-break space
  if (s.substr(i, 3) == "\xE2\x80\xAF") {
    width = 3;
    return true;
  }  // narrow no-break space
  return false;
}

std::string group_thousands(std::int64_t v) {
  return text::format_count(v);
}

}  // namespace

Overflow::Overflow(std::string_view operation)
    : InputError("", "",
                 "the " + std::string(operation) +
                     " of the amounts is beyond what eb can hold (±92 233 720 368 547 758,07 kr)") {}

void detail::throw_overflow(std::string_view operation) {
  throw Overflow(operation);
}

Money Money::scaled(std::int64_t num, std::int64_t den, Rounding rule) const {
  if (den <= 0) throw std::invalid_argument("Money::scaled: denominator must be positive");
  // |m_ore × num| < 2^126, so the 128-bit product is exact; the quotient must fit in 64 bits.
  const Wide n = static_cast<Wide>(m_ore) * num;
  const Wide q = round_quotient(n, den, unit_of(rule), rule);
  if (q > INT64_MAX || q < INT64_MIN) detail::throw_overflow("product");
  return Money(static_cast<std::int64_t>(q));
}

Money parse_money(std::string_view text, std::string_view field) {
  const auto fail = [&](const std::string& why) -> Money {
    throw InputError(std::string(field), text::quoted(text), why);
  };
  std::size_t i = 0;
  while (i < text.size() && text[i] == ' ') ++i;
  std::size_t end = text.size();
  while (end > i && text[end - 1] == ' ') --end;
  std::string_view s = text.substr(i, end - i);
  if (s.empty()) return fail("an amount is required");
  bool negative = false;
  std::size_t pos = 0;
  if (s[0] == '-') {
    negative = true;
    pos = 1;
  }
  std::int64_t kr = 0;
  int int_digits = 0;
  std::size_t width = 0;
  for (; pos < s.size(); ++pos) {
    const char c = s[pos];
    if (c >= '0' && c <= '9') {
      if (kr > 9'000'000'000'000'000LL / 1000) return fail("the amount is too large");
      kr = kr * 10 + (c - '0');
      ++int_digits;
    } else if (int_digits > 0 && is_space_at(s, pos, width)) {
      pos += width - 1;
    } else {
      break;
    }
  }
  if (int_digits == 0) return fail("not an amount in kronor (write e.g. 8200 or \"8 200,50\")");
  std::int64_t ore = 0;
  if (pos < s.size()) {
    if (s[pos] != '.' && s[pos] != ',') return fail("not an amount in kronor (write e.g. 8200 or \"8 200,50\")");
    ++pos;
    int decimals = 0;
    for (; pos < s.size(); ++pos) {
      const char c = s[pos];
      if (c < '0' || c > '9') return fail("not an amount in kronor (write e.g. 8200 or \"8 200,50\")");
      ++decimals;
      if (decimals > 2) return fail("at most two decimals (whole öre) are allowed");
      ore = ore * 10 + (c - '0');
    }
    if (decimals == 0) return fail("a decimal mark must be followed by öre");
    if (decimals == 1) ore *= 10;
  }
  const std::int64_t total = kr * 100 + ore;
  return Money::from_ore(negative ? -total : total);
}

std::string format_sv(Money m) {
  const std::int64_t ore = m.ore();
  const std::int64_t abs = ore < 0 ? -ore : ore;
  std::string out = ore < 0 ? "-" : "";
  out += group_thousands(abs / 100);
  const std::int64_t frac = abs % 100;
  out += ',';
  out += static_cast<char>('0' + frac / 10);
  out += static_cast<char>('0' + frac % 10);
  return out;
}

std::string format_kr(Money m) {
  if (m.ore() % 100 == 0) {
    const std::int64_t kr = m.ore() / 100;
    return (kr < 0 ? "-" + group_thousands(-kr) : group_thousands(kr)) + " kr";
  }
  return format_sv(m) + " kr";
}

std::string format_kr_change(Money m) {
  return (m.ore() > 0 ? "+" : "") + format_kr(m);
}

Rounding parse_rounding(std::string_view name, std::string_view field) {
  for (auto r : {Rounding::exact, Rounding::ore_half_up, Rounding::krona_half_up, Rounding::down_10_kr,
                 Rounding::nearest_10_kr}) {
    if (rounding_name(r) == name) return r;
  }
  throw InputError(std::string(field), text::quoted(name),
                   "unknown rounding rule (ore_half_up, krona_half_up, down_10_kr, nearest_10_kr)");
}

std::string_view rounding_name(Rounding rule) {
  switch (rule) {
    case Rounding::exact:
      return "exact";
    case Rounding::ore_half_up:
      return "ore_half_up";
    case Rounding::krona_half_up:
      return "krona_half_up";
    case Rounding::down_10_kr:
      return "down_10_kr";
    case Rounding::nearest_10_kr:
      return "nearest_10_kr";
  }
  return "?";
}

std::string_view rounding_source(Rounding rule) {
  switch (rule) {
    case Rounding::exact:
      return "no rounding";
    case Rounding::ore_half_up:
      return "whole öre, half up: the smallest unit of the krona (lag (1998:1387) om valutan); "
             "norm parameter where no statute says more";
    case Rounding::krona_half_up:
      return "whole kronor, half up: payments are made in whole kronor (norm parameter payable_rounding)";
    case Rounding::down_10_kr:
      return "down to 10 kr: SoF (2025:468) 12 kap. 3 c § (minskningsbelopp)";
    case Rounding::nearest_10_kr:
      return "nearest 10 kr: SoF (2025:468) 12 kap. 1 b § (riksnorm amounts from referensvärden)";
  }
  return "";
}

std::string Ratio::to_string() const {
  std::string out = std::to_string(num / den);
  std::int64_t rem = num % den;
  if (rem == 0) return out;
  out += '.';
  // den is a power of ten by construction in parse_ratio
  std::int64_t d = den;
  while (rem != 0 && d > 1) {
    d /= 10;
    out += static_cast<char>('0' + rem / d);
    rem %= d;
  }
  return out;
}

Ratio parse_ratio(std::string_view text, std::string_view field) {
  const auto fail = [&]() -> Ratio {
    throw InputError(std::string(field), text::quoted(text), "not a decimal factor (write e.g. \"1.043\")");
  };
  Ratio r{0, 1};
  bool seen_point = false;
  int digits = 0;
  int decimals = 0;
  for (char c : text) {
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return fail();
    ++digits;
    if (seen_point) {
      if (++decimals > 9) return fail();
      r.den *= 10;
    }
    if (r.num > 100'000'000'000LL) return fail();
    r.num = r.num * 10 + (c - '0');
  }
  if (digits == 0 || (seen_point && decimals == 0)) return fail();
  return r;
}

}  // namespace eb::money
