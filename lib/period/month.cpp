// SPDX-License-Identifier: MIT
#include "period/month.hpp"

#include <cstdio>
#include <stdexcept>

#include "common/error.hpp"
#include "common/text.hpp"

namespace eb::period {

Month::Month(int year, int month) : m_year(year), m_month(month) {
  if (month < 1 || month > 12) throw std::out_of_range("no such month: " + std::to_string(month));
}

Date Month::last_day() const {
  return Date(m_year, m_month, days_in_month(m_year, m_month));
}

Month Month::plus(int months) const {
  const int index = m_year * 12 + (m_month - 1) + months;
  return Month(index / 12, index % 12 + 1);
}

int Month::months_since(Month other) const {
  return (m_year * 12 + m_month) - (other.m_year * 12 + other.m_month);
}

std::string Month::to_string() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", m_year, m_month);
  return buf;
}

Month month_of(Date d) {
  return Month(d.year(), d.month());
}

Month parse_month(std::string_view text, std::string_view field) {
  int y = 0, m = 0;
  if (text.size() == 7 && text[4] == '-' && eb::text::parse_digits(text.substr(0, 4), y) &&
      eb::text::parse_digits(text.substr(5, 2), m) && y >= 1900 && y <= 9999) {
    if (m >= 1 && m <= 12) return Month(y, m);
    throw InputError(std::string(field), text::quoted(text), "no such month");
  }
  throw InputError(std::string(field), text::quoted(text), "not a month (write YYYY-MM)");
}

}  // namespace eb::period
