// SPDX-License-Identifier: MIT
#include "money/money_reader.hpp"

#include <string>

#include "common/text.hpp"

namespace eb::money {

namespace {

using Kind = TomlValue::Kind;

// Whole kronor `kr` within ±`max`, as Money.
std::optional<Money> whole_kr(std::int64_t kr, Money max) {
  const std::int64_t max_kr = max.ore() / 100;
  if (kr > max_kr || kr < -max_kr) return std::nullopt;
  return Money::from_kr(kr);
}

}  // namespace

std::optional<Money> read_money(TomlReader& r, std::string_view key, const AmountRule& rule) {
  const auto v = r.value(key, rule.required);
  if (!v) return std::nullopt;
  std::optional<Money> m;
  if (v->kind == Kind::integer) {
    m = whole_kr(v->integer, rule.max);
    if (!m) {
      r.problem(key, std::to_string(v->integer), "the amount is too large (at most " + format_kr(rule.max) + ")");
      return std::nullopt;
    }
  } else if (v->kind == Kind::string) {
    try {
      m = parse_money(v->string, r.field(key));
    } catch (const InputError& e) {
      r.problem(key, v->shown, e.problems().front().message);
      return std::nullopt;
    }
    if (*m > rule.max || *m < -rule.max) {
      r.problem(key, v->shown, "the amount is too large (at most " + format_kr(rule.max) + ")");
      return std::nullopt;
    }
  } else if (v->kind == Kind::floating) {
    r.problem(key, v->shown,
              "write kronor as a whole number (8200) or as a string with öre (\"8200.50\"), not as a float");
    return std::nullopt;
  } else {
    r.problem(key, v->shown, "must be an amount in kronor");
    return std::nullopt;
  }
  if (!rule.allow_negative && m->is_negative()) {
    r.problem(key, v->shown, "must not be negative");
    return std::nullopt;
  }
  return m;
}

std::optional<Ratio> read_ratio(TomlReader& r, std::string_view key, bool required) {
  const auto v = r.value(key, required);
  if (!v) return std::nullopt;
  if (v->kind != Kind::string) {
    r.problem(key, v->shown, "write the factor as a decimal string, e.g. \"0.375\"");
    return std::nullopt;
  }
  try {
    return parse_ratio(v->string, r.field(key));
  } catch (const InputError& e) {
    r.problem(key, v->shown, e.problems().front().message);
    return std::nullopt;
  }
}

std::vector<Money> read_money_list(TomlReader& r, std::string_view key, bool required) {
  std::vector<Money> out;
  const auto values = r.list(key, required, "must be a list of amounts in kronor");
  if (!values) return out;
  for (const auto& v : *values) {
    std::optional<Money> m;
    if (v.kind == Kind::integer) m = whole_kr(v.integer, k_max_amount);
    if (m) {
      out.push_back(*m);
    } else {
      r.problem(key, v.shown, "must be a list of whole kronor");
    }
  }
  return out;
}

}  // namespace eb::money
