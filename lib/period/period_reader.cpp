// SPDX-License-Identifier: MIT
#include "period/period_reader.hpp"

namespace eb::period {

std::optional<Date> read_date(TomlReader& r, std::string_view key, bool required) {
  const auto v = r.value(key, required);
  if (!v) return std::nullopt;
  if (v->kind == TomlValue::Kind::date) {
    if (auto date = make_date(v->year, v->month, v->day)) return date;
    r.problem(key, v->shown, "no such date");
    return std::nullopt;
  }
  if (v->kind == TomlValue::Kind::string) {
    try {
      return parse_date(v->string, r.field(key));
    } catch (const InputError& e) {
      r.problem(key, v->shown, e.problems().front().message);
      return std::nullopt;
    }
  }
  r.problem(key, v->shown, "must be a date, YYYY-MM-DD");
  return std::nullopt;
}

std::optional<Month> read_month(TomlReader& r, std::string_view key, bool required) {
  const auto v = r.value(key, required);
  if (!v) return std::nullopt;
  if (v->kind == TomlValue::Kind::string) {
    try {
      return parse_month(v->string, r.field(key));
    } catch (const InputError& e) {
      r.problem(key, v->shown, e.problems().front().message);
      return std::nullopt;
    }
  }
  r.problem(key, v->shown, "must be a month as a string, \"YYYY-MM\"");
  return std::nullopt;
}

}  // namespace eb::period
