// SPDX-License-Identifier: MIT
#include "report/report_config.hpp"

#include <algorithm>
#include <set>

#include "common/error.hpp"
#include "common/text.hpp"
#include "common/toml_reader.hpp"

namespace eb::report {

namespace {

constexpr std::int64_t k_max_population = 100'000'000;
constexpr std::int64_t k_max_budget_tkr = 1'000'000'000;  // a trillion kronor

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// "0,5", "1.6", "100": a non-negative decimal with at most 4 decimals, as a Fraction.
std::optional<Fraction> decimal_of(std::string_view s) {
  std::int64_t num = 0;
  std::int64_t den = 1;
  bool point = false;
  int digits = 0;
  for (char c : s) {
    if ((c == ',' || c == '.') && !point && digits > 0) {
      point = true;
      continue;
    }
    if (!is_digit(c)) return std::nullopt;
    if (++digits > 12) return std::nullopt;
    if (point) {
      if (den == 10'000) return std::nullopt;
      den *= 10;
    }
    num = num * 10 + (c - '0');
  }
  if (digits == 0 || (point && den == 1)) return std::nullopt;
  return Fraction{num, den};
}

// "195", "1 000", "1 000 st", "18 st": a whole number with optional thousands spaces and "st".
std::optional<std::int64_t> count_of(std::string_view s) {
  if (s.size() >= 2 && s.substr(s.size() - 2) == "st") s = trimmed(s.substr(0, s.size() - 2));
  if (s.empty() || s.size() > 15) return std::nullopt;
  std::int64_t v = 0;
  bool last_space = true;
  for (char c : s) {
    if (c == ' ') {
      if (last_space) return std::nullopt;
      last_space = true;
      continue;
    }
    if (!is_digit(c)) return std::nullopt;
    last_space = false;
    v = v * 10 + (c - '0');
  }
  if (last_space) return std::nullopt;
  return v;
}

bool valid_code(std::string_view code) {
  if (code.empty() || code.size() > 40) return false;
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || is_digit(c) || c == '_' || c == '-'; });
}

int year_of(TomlReader& r) {
  return static_cast<int>(r.integer("year", true, 1900, 2200).value_or(0));
}

Population read_population(TomlReader& p) {
  Population pop;
  pop.year = year_of(p);
  pop.line = p.line();
  pop.source = p.string("source").value_or("");
  const auto count = [&](std::string_view key) { return p.integer(key, false, 0, k_max_population); };
  pop.persons = count("persons");
  pop.women = count("women");
  pop.men = count("men");
  pop.adults = count("adults");
  pop.adult_women = count("adult_women");
  pop.adult_men = count("adult_men");
  pop.children = count("children");
  pop.girls = count("girls");
  pop.boys = count("boys");
  pop.young = count("young");
  pop.young_women = count("young_women");
  pop.young_men = count("young_men");
  // Parts that are all given must add up: a typo in a population silently skews every share.
  const auto sum_check = [&](std::string_view whole_key, const std::optional<std::int64_t>& whole,
                             std::string_view a_key, const std::optional<std::int64_t>& a, std::string_view b_key,
                             const std::optional<std::int64_t>& b) {
    if (whole && a && b && *a + *b != *whole) {
      p.problem(whole_key, std::to_string(*whole),
                "is not " + std::string(a_key) + " + " + std::string(b_key) + " (" + std::to_string(*a) + " + " +
                    std::to_string(*b) + " = " + std::to_string(*a + *b) + ")");
    }
  };
  sum_check("persons", pop.persons, "women", pop.women, "men", pop.men);
  sum_check("persons", pop.persons, "adults", pop.adults, "children", pop.children);
  sum_check("adults", pop.adults, "adult_women", pop.adult_women, "adult_men", pop.adult_men);
  sum_check("children", pop.children, "girls", pop.girls, "boys", pop.boys);
  sum_check("young", pop.young, "young_women", pop.young_women, "young_men", pop.young_men);
  if (pop.young && pop.adults && *pop.young > *pop.adults) {
    p.problem("young", std::to_string(*pop.young), "is more than adults (" + std::to_string(*pop.adults) + ")");
  }
  p.finish();
  return pop;
}

std::optional<Target> read_target(TomlReader& t, std::string_view key, bool share) {
  const auto text = t.string(key);
  if (!text) return std::nullopt;
  try {
    return parse_target(*text, share, t.field(key));
  } catch (const InputError& e) {
    t.problem(key, text::quoted(*text), e.problems().front().message);
    return std::nullopt;
  }
}

}  // namespace

std::string_view handling_count_name(HandlingCount c) {
  return c == HandlingCount::including_arrival ? "including_arrival" : "after_arrival";
}

std::string_view long_term_window_name(LongTermWindow w) {
  return w == LongTermWindow::rolling_12 ? "rolling_12" : "calendar_year";
}

const Population* ReportConfig::population_for(int year) const {
  for (const auto& p : population) {
    if (p.year == year) return &p;
  }
  return nullptr;
}

const Budget* ReportConfig::budget_for(int year) const {
  for (const auto& b : budgets) {
    if (b.year == year) return &b;
  }
  return nullptr;
}

const IndicatorTargets* ReportConfig::targets_for(int year, const IndicatorId& indicator) const {
  for (const auto& t : targets) {
    if (t.year == year && t.indicator == indicator) return &t;
  }
  return nullptr;
}

std::string ReportConfig::hinder_label(std::string_view code) const {
  for (const auto& [c, label] : hinder) {
    if (c == code) return label;
  }
  return std::string(code);
}

bool ReportConfig::counts_as_support(ClosureReason r) const {
  return std::find(support_reasons.begin(), support_reasons.end(), r) != support_reasons.end();
}

Target parse_target(std::string_view text, bool share, std::string_view field) {
  const std::string_view t = trimmed(text);
  Target out{std::string(t), std::nullopt, std::nullopt};
  if (t.empty()) throw InputError(std::string(field), text::quoted(text), "is empty");
  if (t.size() > 200) throw InputError(std::string(field), text::quoted(text), "is longer than 200 characters");
  for (char c : t) {
    if (static_cast<unsigned char>(c) < 0x20) {
      throw InputError(std::string(field), text::quoted(text), "must not contain control characters");
    }
  }
  if (t.back() == '%') {
    const auto value = decimal_of(trimmed(t.substr(0, t.size() - 1)));
    if (!value) {
      throw InputError(std::string(field), text::quoted(text),
                       "is not a percentage (write e.g. \"0,5 %\", at most four decimals)");
    }
    if (!share) {
      throw InputError(std::string(field), text::quoted(text),
                       "this indicator is a count: write a number (\"195\" or \"195 st\"), not a percentage");
    }
    if (value->numerator > 100 * value->denominator) {
      throw InputError(std::string(field), text::quoted(text), "is more than 100 %");
    }
    out.share = Fraction{value->numerator, value->denominator * 100};
    return out;
  }
  if (const auto n = count_of(t)) {
    if (share) {
      throw InputError(std::string(field), text::quoted(text),
                       "this indicator is a share: write it as a percentage (e.g. \"0,5 %\")");
    }
    out.count = *n;
    return out;
  }
  if (decimal_of(t)) {
    throw InputError(std::string(field), text::quoted(text),
                     share ? "this indicator is a share: write it as a percentage (e.g. \"0,5 %\")"
                           : "this indicator is a count: write a whole number (\"195\" or \"195 st\")");
  }
  return out;  // free text, e.g. "tas fram av nämnden"
}

ReportConfig parse_report_config(std::string_view text, const std::string& file) {
  const TomlDocument doc = TomlDocument::parse(text, file);
  ProblemList problems;
  TomlReader r = doc.root(problems);
  ReportConfig c;
  c.file = file;
  c.status = r.string("status", true).value_or("");
  if (!c.status.empty() && c.status != "example" && c.status != "adopted") {
    r.problem("status", text::quoted(c.status), "must be \"example\" or \"adopted\"");
  }
  c.unit = r.string("unit").value_or("");
  c.source = r.string("source").value_or("");

  if (auto h = r.table("handlaggningstid")) {
    if (const auto count = h->string("count")) {
      if (*count == "including_arrival") {
        c.handling.count = HandlingCount::including_arrival;
      } else if (*count == "after_arrival") {
        c.handling.count = HandlingCount::after_arrival;
      } else {
        h->problem("count", text::quoted(*count), "must be \"including_arrival\" or \"after_arrival\"");
      }
    }
    c.handling.target_days = static_cast<int>(h->integer("target_days", false, 1, 60).value_or(5));
    h->finish();
  }
  if (auto a = r.table("arbetsplan")) {
    if (const auto months = a->integer("current_months", true, 1, 60)) c.arbetsplan_months = static_cast<int>(*months);
    a->finish();
  }
  if (auto l = r.table("long_term")) {
    if (const auto window = l->string("window")) {
      if (*window == "rolling_12") {
        c.long_term_window = LongTermWindow::rolling_12;
      } else if (*window == "calendar_year") {
        c.long_term_window = LongTermWindow::calendar_year;
      } else {
        l->problem("window", text::quoted(*window), "must be \"rolling_12\" or \"calendar_year\"");
      }
    }
    c.long_term_min_months = static_cast<int>(l->integer("min_months", false, 1, 12).value_or(10));
    l->finish();
  }
  if (auto s = r.table("support")) {
    const auto reasons = s->strings("reasons", true);
    if (s->has("reasons")) c.support_reasons.clear();
    for (const auto& name : reasons) {
      const auto reason = closure_reason_from(name);
      if (!reason) {
        s->problem("reasons", text::quoted(name),
                   "is not a closure reason (work, studies, another_benefit, moved, deceased, other)");
      } else if (!c.counts_as_support(*reason)) {
        c.support_reasons.push_back(*reason);
      }
    }
    if (s->has("reasons") && reasons.empty()) s->problem("reasons", "[]", "must name at least one closure reason");
    s->finish();
  }
  std::set<std::string> codes;
  for (auto& h : r.tables("hinder")) {
    const auto code = h.string("code", true);
    const auto label = h.string("label", true);
    if (code && !valid_code(*code)) {
      h.problem("code", text::quoted(*code), "must be lower-case letters, digits, '_' or '-' (at most 40)");
    } else if (code && !codes.insert(*code).second) {
      h.problem("code", text::quoted(*code), "is listed twice");
    } else if (code && label) {
      if (label->empty()) h.problem("label", "\"\"", "must not be empty");
      c.hinder.emplace_back(*code, *label);
    }
    h.finish();
  }
  std::set<int> years;
  for (auto& p : r.tables("population")) {
    Population pop = read_population(p);
    if (pop.year != 0 && !years.insert(pop.year).second) {
      p.problem("year", std::to_string(pop.year), "has a population already");
    }
    c.population.push_back(std::move(pop));
  }
  years.clear();
  for (auto& b : r.tables("budget")) {
    Budget budget;
    budget.year = year_of(b);
    budget.line = b.line();
    const auto tkr = b.integer("forsorjningsstod_tkr", true, 0, k_max_budget_tkr);
    budget.forsorjningsstod = money::Money::from_kr(tkr.value_or(0) * 1000);
    if (budget.year != 0 && !years.insert(budget.year).second) {
      b.problem("year", std::to_string(budget.year), "has a budget already");
    }
    b.finish();
    c.budgets.push_back(budget);
  }
  for (auto& t : r.tables("target")) {
    IndicatorTargets it;
    it.year = year_of(t);
    it.line = t.line();
    const auto name = t.string("indicator", true);
    std::optional<IndicatorId> id;
    if (name) {
      id = parse_indicator_id(*name);
      if (!id) {
        t.problem("indicator", text::quoted(*name),
                  "is not an indicator (see INDICATORS in eb-report(1), e.g. \"persons_share\" or "
                  "\"hinder_households:CODE\")");
      } else if (!id->hinder.empty() && codes.count(id->hinder) == 0) {
        t.problem("indicator", text::quoted(*name), "names a hinder code that no [[hinder]] table lists");
        id.reset();
      }
    }
    const bool share = id ? is_share(id->kind) : true;
    if (id) {
      it.indicator = *id;
      it.target = read_target(t, "target", share);
      it.kf_target = read_target(t, "kf_target", share);
      if (!t.has("target") && !t.has("kf_target")) t.problem("gives neither target nor kf_target");
      if (c.targets_for(it.year, it.indicator) != nullptr) {
        t.problem("indicator", text::quoted(*name), "has targets for " + std::to_string(it.year) + " already");
      }
      c.targets.push_back(it);
    } else {
      t.accept("target");
      t.accept("kf_target");
    }
    t.finish();
  }
  r.finish();
  problems.throw_if_any();
  return c;
}

}  // namespace eb::report
