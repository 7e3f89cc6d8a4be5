// SPDX-License-Identifier: MIT
#include "period/working_days.hpp"

#include <stdexcept>

#include "common/error.hpp"

namespace eb::period {

namespace {

// The Saturday in the week starting on `month`-`first_day` of `year`: Midsommardagen is the
// Saturday 20–26 June and Alla helgons dag the Saturday 31 October–6 November.
Date saturday_from(int year, int month, int first_day) {
  const Date first(year, month, first_day);
  return first.plus_days((6 - first.iso_weekday() + 7) % 7);
}

Date midsommardagen(int year) {
  return saturday_from(year, 6, 20);
}

std::optional<std::string> fixed_date_holiday(int month, int day) {
  if (month == 1 && day == 1) return "Nyårsdagen";
  if (month == 1 && day == 6) return "Trettondedag jul";
  if (month == 5 && day == 1) return "Första maj";
  if (month == 6 && day == 6) return "Nationaldagen";
  if (month == 12 && day == 25) return "Juldagen";
  if (month == 12 && day == 26) return "Annandag jul";
  return std::nullopt;
}

std::optional<std::string> easter_holiday(Date day) {
  switch (day.days_since(easter_sunday(day.year()))) {
    case -2:
      return "Långfredagen";
    case 0:
      return "Påskdagen";
    case 1:
      return "Annandag påsk";
    case 39:
      return "Kristi himmelfärdsdag";
    case 49:
      return "Pingstdagen";
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<std::string> public_holiday_name(Date day) {
  const int year = day.year();
  if (auto name = fixed_date_holiday(day.month(), day.day())) return name;
  if (auto name = easter_holiday(day)) return name;
  if (day == midsommardagen(year)) return "Midsommardagen";
  if ((day.month() == 10 || day.month() == 11) && day == saturday_from(year, 10, 31)) return "Alla helgons dag";
  if (day.iso_weekday() == 7) return "Söndag";
  return std::nullopt;
}

std::optional<std::string> day_off_name(Date day) {
  const int month = day.month();
  if (month == 6 && day == midsommardagen(day.year()).plus_days(-1)) return "Midsommarafton";
  if (month == 12 && day.day() == 24) return "Julafton";
  if (month == 12 && day.day() == 31) return "Nyårsafton";
  return std::nullopt;
}

bool is_working_day(Date day) {
  return !day.is_weekend() && !public_holiday_name(day) && !day_off_name(day);
}

int working_days_between(Date arrived, Date decided) {
  if (decided < arrived) {
    throw InputError("decided", decided.to_string(),
                     "is before the day the application arrived (" + arrived.to_string() + ")");
  }
  int count = 0;
  for (Date day = arrived; day <= decided; day = day.plus_days(1)) {
    if (is_working_day(day)) ++count;
  }
  return count;
}

Date nth_working_day(Date arrived, int n) {
  if (n < 1) throw std::invalid_argument("nth_working_day: n must be at least 1, got " + std::to_string(n));
  Date day = arrived;
  for (;;) {
    if (is_working_day(day) && --n == 0) return day;
    day = day.plus_days(1);
  }
}

WorkingDayCounter::WorkingDayCounter(Date first, Date last) : m_first(first) {
  if (last < first) throw std::invalid_argument("WorkingDayCounter: the span ends before it starts");
  const int n = last.days_since(first) + 1;
  m_before.reserve(static_cast<std::size_t>(n) + 1);
  m_before.push_back(0);
  Date day = first;
  for (int i = 0; i < n; ++i, day = day.plus_days(1))
    m_before.push_back(m_before.back() + (is_working_day(day) ? 1 : 0));
}

int WorkingDayCounter::between(Date arrived, Date decided) const {
  const int a = arrived.days_since(m_first);
  const int b = decided.days_since(m_first);
  const int span = static_cast<int>(m_before.size()) - 1;
  if (decided < arrived || a < 0 || b >= span) return working_days_between(arrived, decided);
  return m_before[static_cast<std::size_t>(b) + 1] - m_before[static_cast<std::size_t>(a)];
}

}  // namespace eb::period
