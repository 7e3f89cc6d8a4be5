// SPDX-License-Identifier: MIT
#include "person/personnummer.hpp"

#include "common/error.hpp"
#include "common/text.hpp"

namespace eb::person {

std::string written_pnr(std::string_view digits, bool full) {
  if (digits.size() != 12) return std::string(digits);
  return std::string(digits.substr(0, 8)) + "-" + (full ? std::string(digits.substr(8)) : std::string("XXXX"));
}

std::string Personnummer::formatted() const {
  return written_pnr(m_digits, true);
}
std::string Personnummer::masked() const {
  return written_pnr(m_digits, false);
}

Sex Personnummer::sex() const {
  return (m_digits[10] - '0') % 2 == 1 ? Sex::man : Sex::woman;
}

int Personnummer::age_on(period::Date day, bool leap_day_on_feb28) const {
  int age = day.year() - m_birth.year();
  int bm = m_birth.month(), bd = m_birth.day();
  if (bm == 2 && bd == 29 && !period::is_leap_year(day.year())) {
    if (leap_day_on_feb28) {
      bd = 28;
    } else {
      bm = 3;
      bd = 1;
    }
  }
  if (day.month() < bm || (day.month() == bm && day.day() < bd)) --age;
  return age;
}

int luhn_check_digit(std::string_view nine) {
  int sum = 0;
  for (std::size_t i = 0; i < nine.size(); ++i) {
    int v = (nine[i] - '0') * (i % 2 == 0 ? 2 : 1);
    sum += v > 9 ? v - 9 : v;
  }
  return (10 - sum % 10) % 10;
}

Personnummer parse_personnummer(std::string_view text, std::string_view field) {
  const auto fail = [&](const std::string& why) -> Personnummer {
    throw InputError(std::string(field), text::quoted(text), why);
  };
  std::string digits;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if ((c == '-' || c == '+') && i == 8) {
      continue;
    } else {
      return fail("a personnummer is 12 digits, YYYYMMDD-NNNN");
    }
  }
  if (digits.size() != 12) return fail("a personnummer is 12 digits, YYYYMMDD-NNNN");
  int y = 0, m = 0, d = 0;
  text::parse_digits(std::string_view(digits).substr(0, 4), y);
  text::parse_digits(std::string_view(digits).substr(4, 2), m);
  text::parse_digits(std::string_view(digits).substr(6, 2), d);
  const bool samordning = d > 60;
  auto birth = period::make_date(y, m, samordning ? d - 60 : d);
  if (!birth || y < 1880) {
    return fail(samordning ? "no such birth date (a samordningsnummer adds 60 to the day)" : "no such birth date");
  }
  const int expected = luhn_check_digit(std::string_view(digits).substr(2, 9));
  if (digits[11] - '0' != expected) {
    return fail("check digit is wrong (should be " + std::to_string(expected) + ")");
  }
  Personnummer p;
  p.m_digits = digits;
  p.m_birth = *birth;
  p.m_samordning = samordning;
  return p;
}

}  // namespace eb::person
