// SPDX-License-Identifier: MIT
// Date: a calendar day. Boost.Date_Time does the calendar work behind this type.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eb::period {

class Date {
 public:
  // Throws std::out_of_range for a day that does not exist (use make_date to test).
  Date(int year, int month, int day);

  int year() const;
  int month() const;
  int day() const;
  // 1 = Monday … 7 = Sunday (ISO 8601).
  int iso_weekday() const;
  bool is_weekend() const { return iso_weekday() >= 6; }

  Date plus_days(int days) const;
  // Days from `other` to this date (positive when this date is later).
  int days_since(Date other) const;
  // "YYYY-MM-DD".
  std::string to_string() const;

  auto operator<=>(const Date&) const = default;

 private:
  explicit Date(std::int32_t serial) : m_serial(serial) {}
  std::int32_t m_serial = 0;  // days since 1970-01-01
};

// The date if it exists in the Gregorian calendar, else nothing.
std::optional<Date> make_date(int year, int month, int day);
bool is_leap_year(int year);
int days_in_month(int year, int month);

// Parses "YYYY-MM-DD". Throws InputError naming `field` and `text` if it is not a real date.
Date parse_date(std::string_view text, std::string_view field);

// Easter Sunday of `year` (Gregorian computus; Boost's gregorian calendar has none).
Date easter_sunday(int year);

}  // namespace eb::period
