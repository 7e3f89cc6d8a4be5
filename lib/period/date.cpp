// SPDX-License-Identifier: MIT
#include "period/date.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdio>
#include <stdexcept>

#include "common/error.hpp"
#include "common/text.hpp"

namespace eb::period {

namespace bg = boost::gregorian;

namespace {

const bg::date k_epoch(1970, 1, 1);

bg::date to_boost(std::int32_t serial) {
  return k_epoch + bg::days(serial);
}

}  // namespace

Date::Date(int year, int month, int day) {
  if (year < 1400 || year > 9999 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
    throw std::out_of_range("no such date: " + std::to_string(year) + "-" + std::to_string(month) + "-" +
                            std::to_string(day));
  }
  const bg::date d(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                   static_cast<unsigned short>(day));
  m_serial = static_cast<std::int32_t>((d - k_epoch).days());
}

int Date::year() const {
  return to_boost(m_serial).year();
}
int Date::month() const {
  return to_boost(m_serial).month();
}
int Date::day() const {
  return to_boost(m_serial).day();
}

int Date::iso_weekday() const {
  const int w = to_boost(m_serial).day_of_week().as_number();  // 0 = Sunday
  return w == 0 ? 7 : w;
}

Date Date::plus_days(int days) const {
  return Date(m_serial + days);
}
int Date::days_since(Date other) const {
  return m_serial - other.m_serial;
}

std::string Date::to_string() const {
  return bg::to_iso_extended_string(to_boost(m_serial));
}

bool is_leap_year(int year) {
  return bg::gregorian_calendar::is_leap_year(static_cast<unsigned short>(year));
}

int days_in_month(int year, int month) {
  if (month < 1 || month > 12) return 0;
  return bg::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(year),
                                                  static_cast<unsigned short>(month));
}

std::optional<Date> make_date(int year, int month, int day) {
  if (year < 1400 || year > 9999 || month < 1 || month > 12 || day < 1) return std::nullopt;
  if (day > days_in_month(year, month)) return std::nullopt;
  return Date(year, month, day);
}

Date parse_date(std::string_view text, std::string_view field) {
  int y = 0, m = 0, d = 0;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-' && eb::text::parse_digits(text.substr(0, 4), y) &&
      eb::text::parse_digits(text.substr(5, 2), m) && eb::text::parse_digits(text.substr(8, 2), d)) {
    if (auto date = make_date(y, m, d)) return *date;
    throw InputError(std::string(field), text::quoted(text), "no such date");
  }
  throw InputError(std::string(field), text::quoted(text), "not a date (write YYYY-MM-DD)");
}

Date easter_sunday(int year) {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date(year, month, day);
}

}  // namespace eb::period
