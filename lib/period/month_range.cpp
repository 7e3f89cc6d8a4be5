// SPDX-License-Identifier: MIT
#include "period/month_range.hpp"

#include "common/error.hpp"
#include "common/text.hpp"

namespace eb::period {

namespace {

constexpr std::string_view k_syntax =
    "is not a period: write a year (2026 or 2026-VB), a month (2026-03), a tertial (2026-T1 = January-April, "
    "2026-T2 = January-August, 2026-T3 = the whole year) or a range of months (2026-01..2026-06)";

bool is_year(std::string_view s, int& year) {
  return s.size() == 4 && text::parse_digits(s, year) && year >= 1900;
}

}  // namespace

std::string MonthRange::to_string() const {
  if (first == last) return first.to_string();
  return first.to_string() + ".." + last.to_string();
}

MonthRange parse_month_range(std::string_view text, std::string_view field) {
  const auto bad = [&]() { return InputError(std::string(field), std::string(text), std::string(k_syntax)); };
  int year = 0;
  if (is_year(text, year)) return {Month(year, 1), Month(year, 12)};
  if (text.size() == 7 && text[4] == '-' && text[5] == 'T' && is_year(text.substr(0, 4), year)) {
    if (text[6] == '1') return {Month(year, 1), Month(year, 4)};
    if (text[6] == '2') return {Month(year, 1), Month(year, 8)};
    if (text[6] == '3') return {Month(year, 1), Month(year, 12)};
    throw bad();
  }
  if (text.size() == 7 && text.substr(4) == "-VB" && is_year(text.substr(0, 4), year)) {
    return {Month(year, 1), Month(year, 12)};
  }
  if (const auto dots = text.find(".."); dots != std::string_view::npos) {
    try {
      const Month from = period::parse_month(text.substr(0, dots), field);
      const Month to = period::parse_month(text.substr(dots + 2), field);
      if (to < from) {
        throw InputError(std::string(field), std::string(text), "the range ends before it starts");
      }
      return {from, to};
    } catch (const InputError& e) {
      if (e.problems().front().message == "the range ends before it starts") throw;
      throw bad();
    }
  }
  try {
    const Month m = period::parse_month(text, field);
    return {m, m};
  } catch (const InputError&) {
    throw bad();
  }
}

}  // namespace eb::period
