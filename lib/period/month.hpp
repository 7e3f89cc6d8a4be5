// SPDX-License-Identifier: MIT
// Month: a calendar month such as 2026-03, the period an application is for.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "period/date.hpp"

namespace eb::period {

class Month {
 public:
  // Throws std::out_of_range unless 1 <= month <= 12.
  Month(int year, int month);

  int year() const { return m_year; }
  int month() const { return m_month; }
  Date first_day() const { return Date(m_year, m_month, 1); }
  Date last_day() const;
  Month plus(int months) const;
  // Months from `other` to this month: 2026-03 minus 2025-09 is 6.
  int months_since(Month other) const;
  // "YYYY-MM".
  std::string to_string() const;

  auto operator<=>(const Month&) const = default;

 private:
  int m_year;
  int m_month;
};

Month month_of(Date d);

// Parses "YYYY-MM". Throws InputError naming `field` and `text` otherwise.
Month parse_month(std::string_view text, std::string_view field);

}  // namespace eb::period
