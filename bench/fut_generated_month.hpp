// SPDX-License-Identifier: MIT
// A generated month for FUT screening: many clean case-months with register rows that agree
// with them (including the edges the rules must not flag), and a known set of planted errors,
// one rule at a time, with the truth to score the findings against. Deterministic for a seed.
// Used by bench/fut_rules_bench.cpp (a million case-months) and the unit tests (a few thousand).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "fut/registers.hpp"
#include "fut/rules/rules.hpp"
#include "fut/screening.hpp"
#include "person/personnummer.hpp"

namespace eb::bench {

// One planted error: the rule that must flag it, a case the flag must list, and, for the income
// rules, the register row its evidence must name.
struct PlantedError {
  std::string rule;
  std::int64_t case_id = 0;
  period::Month month{2000, 1};
  std::optional<fut::ContentKey> row_key;
};

struct GeneratedMonth {
  fut::ScreeningInput input;
  std::vector<PlantedError> truth;
};

// How well the findings match the truth.
struct Score {
  std::size_t planted = 0;
  std::size_t planted_found = 0;  // planted errors some finding matches
  std::size_t findings = 0;
  std::size_t false_findings = 0;  // findings that match no planted error
  std::vector<std::string> missed;
};

namespace detail {

class Lcg {
 public:
  explicit Lcg(std::uint64_t seed) : m_state(seed * 6364136223846793005ULL + 1442695040888963407ULL) {}
  std::uint64_t next() {
    m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return m_state >> 33;
  }
  std::int64_t below(std::int64_t n) { return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n)); }

 private:
  std::uint64_t m_state;
};

// The k-th synthetic person: born on 1950-01-01 + k / 1000 days (children from 2012), serial
// k % 1000, with the right check digit.
inline person::Personnummer person_number(std::int64_t k, bool child) {
  const auto born = period::Date(child ? 2012 : 1950, 1, 1).plus_days(static_cast<int>(k / 1000));
  char nine[16];
  std::snprintf(nine, sizeof nine, "%02d%02d%02d%03d", born.year() % 100, born.month(), born.day(),
                static_cast<int>(k % 1000));
  char full[20];
  std::snprintf(full, sizeof full, "%04d%.4s%.3s%d", born.year(), nine + 2, nine + 6, person::luhn_check_digit(nine));
  return person::parse_personnummer(full, "pnr");
}

struct KindSource {
  assess::IncomeKind kind;
  fut::Source source;
};
constexpr std::array<KindSource, 8> k_kinds{{
    {assess::IncomeKind::salary, fut::Source::skv},
    {assess::IncomeKind::sjukpenning, fut::Source::fk},
    {assess::IncomeKind::barnbidrag, fut::Source::fk},
    {assess::IncomeKind::csn, fut::Source::csn},
    {assess::IncomeKind::a_kassa, fut::Source::akassa},
    {assess::IncomeKind::pension, fut::Source::pm},
    {assess::IncomeKind::bostadsbidrag, fut::Source::fk},
    {assess::IncomeKind::aktivitetsstod, fut::Source::af},
}};

inline fut::IncomeRow register_row(const person::Personnummer& pnr, const KindSource& ks, money::Money amount,
                                   period::Month month, int day, long line) {
  fut::IncomeRow r;
  r.pnr = pnr;
  r.month = month;
  r.source = ks.source;
  r.kind = ks.kind;
  r.amount = amount;
  r.paid_on = period::Date(month.year(), month.month(), day);
  r.import_id = 1;
  r.line = line;
  r.key = fut::income_row_key(r);
  return r;
}

}  // namespace detail

// `case_months` case-months for `month`, about `register_rows` income rows (rows beyond those
// that match declared incomes are for the month before, which screening `month` must ignore),
// and one planted error in every `plant_every` cases (at least 10), cycling through the seven
// rules. Clean cases include: income paid to another member than the one who declared it,
// register amounts up to 100 kr above the declared ones, three cases at one address, a member
// who died in the month paid, deaths of people in no case.
inline GeneratedMonth generate_month(std::size_t case_months, std::size_t register_rows, std::size_t plant_every,
                                     period::Month month, std::uint64_t seed = 1) {
  using money::Money;
  detail::Lcg rng(seed);
  plant_every = std::max<std::size_t>(plant_every, 10);
  GeneratedMonth g;
  auto& in = g.input;
  in.period = {month, month};
  in.case_months.resize(case_months);
  in.income_rows.reserve(register_rows);
  const period::Month before = month.plus(-1);
  std::int64_t adults = 0, children = 0;
  long line = 1;
  enum Plant { undeclared, underdeclared, overpayment, two_cases, shared_account, after_death, address, none };
  std::vector<Plant> plant(case_months, none);
  for (std::size_t c = 0, k = 0; c + 5 < case_months; c += plant_every, ++k) plant[c] = static_cast<Plant>(k % 7);

  for (std::size_t c = 0; c < case_months; ++c) {
    auto& cm = in.case_months[c];
    cm.case_id = static_cast<std::int64_t>(c) + 1;
    cm.application_ids = {cm.case_id};
    cm.month = month;
    const int n = 1 + static_cast<int>(rng.below(3));
    for (int i = 0; i < n; ++i) {
      fut::CaseMember m;
      const bool child = i == 2;
      m.pnr = detail::person_number(child ? children++ : adults++, child);
      m.role = i == 0 ? assess::Role::applicant : i == 1 ? assess::Role::partner : assess::Role::child;
      cm.members.push_back(m);
    }
    cm.granted = Money::from_kr(3000 + rng.below(9000));
    cm.paid = cm.granted;
    cm.address = "Gatan " + std::to_string(c / 3) + ", 123 45 Exempelstad";
    if (rng.below(10) < 7) cm.accounts = {"5000" + std::to_string(1000000 + c)};
    // Declared incomes, each matched by a register row (the clean edges included).
    const int incomes = static_cast<int>(rng.below(3)) + (plant[c] == underdeclared ? 1 : 0);
    std::uint32_t used = 0;
    for (int i = 0; i < incomes; ++i) {
      const auto& ks = detail::k_kinds[static_cast<std::size_t>(rng.below(detail::k_kinds.size()))];
      if (used & (1u << static_cast<unsigned>(ks.kind))) continue;
      used |= 1u << static_cast<unsigned>(ks.kind);
      const Money amount = Money::from_kr(500 + rng.below(5000));
      const auto& declarer = cm.members[0].pnr;
      cm.incomes.push_back(
          {declarer, ks.kind, amount, "A-" + std::to_string(cm.case_id) + " income[" + std::to_string(i + 1) + "]"});
      // Paid to the declarer, or (clean edge) to the partner; up to 100 kr more (clean edge).
      const auto& payee = cm.members.size() > 1 && rng.below(4) == 0 ? cm.members[1].pnr : declarer;
      Money paid = amount + Money::from_kr(rng.below(2) == 0 ? 0 : rng.below(101));
      if (plant[c] == underdeclared && i == 0) paid = amount + Money::from_kr(500 + rng.below(1000));
      in.income_rows.push_back(detail::register_row(payee, ks, paid, month, 25, ++line));
      if (plant[c] == underdeclared && i == 0) {
        g.truth.push_back(
            {std::string(fut::k_rule_underdeclared_income), cm.case_id, month, in.income_rows.back().key});
      }
    }
    if (plant[c] == underdeclared && cm.incomes.empty()) plant[c] = none;  // (cannot happen: one is forced)
    switch (plant[c]) {
      case undeclared: {
        for (const auto& ks : detail::k_kinds) {
          if (used & (1u << static_cast<unsigned>(ks.kind))) continue;
          in.income_rows.push_back(
              detail::register_row(cm.members[0].pnr, ks, Money::from_kr(1500), month, 27, ++line));
          g.truth.push_back({std::string(fut::k_rule_undeclared_income), cm.case_id, month, in.income_rows.back().key});
          break;
        }
        break;
      }
      case overpayment:
        cm.paid = cm.granted + Money::from_kr(1000);
        g.truth.push_back({std::string(fut::k_rule_overpayment), cm.case_id, month, std::nullopt});
        break;
      case after_death: {
        fut::PopulationRow p;
        p.pnr = cm.members[0].pnr;
        p.address = cm.address;
        p.deceased_on = before.first_day().plus_days(9);
        p.key = fut::population_row_key(p);
        in.population_rows.push_back(p);
        g.truth.push_back({std::string(fut::k_rule_paid_after_death), cm.case_id, month, std::nullopt});
        break;
      }
      default:
        break;
    }
    // Clean edge: now and then a member who died during the month paid.
    if (plant[c] == none && c % 997 == 5) {
      fut::PopulationRow p;
      p.pnr = cm.members.back().pnr;
      p.deceased_on = month.first_day().plus_days(14);
      p.key = fut::population_row_key(p);
      in.population_rows.push_back(p);
    }
  }
  // The plants that tie two or more cases together.
  for (std::size_t c = 0; c < case_months; ++c) {
    auto& cm = in.case_months[c];
    if (plant[c] == two_cases) {
      // A child with no income of its own, in this case and the next.
      fut::CaseMember m;
      m.pnr = detail::person_number(children++, true);
      m.role = assess::Role::child;
      cm.members.push_back(m);
      in.case_months[c + 1].members.push_back(m);
      g.truth.push_back({std::string(fut::k_rule_person_in_two_cases), cm.case_id, month, std::nullopt});
    } else if (plant[c] == shared_account) {
      auto& next = in.case_months[c + 1];
      if (next.accounts.empty()) next.accounts = {"5000" + std::to_string(1000000 + c + 1)};
      cm.accounts = next.accounts;
      g.truth.push_back({std::string(fut::k_rule_shared_account), cm.case_id, month, std::nullopt});
    } else if (plant[c] == address) {
      for (std::size_t k = c; k < c + 5; ++k) in.case_months[k].address = "Planterade vägen " + std::to_string(c);
      g.truth.push_back({std::string(fut::k_rule_address_concentration), cm.case_id, month, std::nullopt});
    }
  }
  // Deaths of people in no case, and register rows for the month before (not screened).
  for (int i = 0; i < 100; ++i) {
    fut::PopulationRow p;
    p.pnr = detail::person_number(adults++, false);
    p.deceased_on = before.first_day();
    p.key = fut::population_row_key(p);
    in.population_rows.push_back(p);
  }
  for (std::size_t c = 0; in.income_rows.size() < register_rows && case_months > 0; c = (c + 1) % case_months) {
    const auto& cm = in.case_months[c];
    const auto& ks = detail::k_kinds[static_cast<std::size_t>(rng.below(detail::k_kinds.size()))];
    in.income_rows.push_back(
        detail::register_row(cm.members[0].pnr, ks, Money::from_kr(100 + rng.below(9000)), before, 25, ++line));
  }
  return g;
}

// Scores `findings` against `truth`: a finding matches a planted error when its rule and month
// are the error's, it lists the error's case, and (income rules) its evidence names the row.
inline Score score(const std::vector<fut::Finding>& findings, const std::vector<PlantedError>& truth) {
  const auto matches = [](const fut::Finding& f, const PlantedError& p) {
    if (f.rule != p.rule || f.month != p.month) return false;
    if (std::find(f.cases.begin(), f.cases.end(), p.case_id) == f.cases.end()) return false;
    if (!p.row_key) return true;
    return std::any_of(f.evidence.register_rows.begin(), f.evidence.register_rows.end(),
                       [&](const fut::IncomeRow& r) { return r.key == *p.row_key; });
  };
  Score s;
  s.planted = truth.size();
  s.findings = findings.size();
  // Index the truth by case, so scoring a million case-months stays linear.
  std::vector<std::vector<std::size_t>> by_case;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    const auto c = static_cast<std::size_t>(truth[i].case_id);
    if (by_case.size() <= c) by_case.resize(c + 1);
    by_case[c].push_back(i);
  }
  std::vector<bool> found(truth.size(), false);
  for (const auto& f : findings) {
    bool any = false;
    for (const auto c : f.cases) {
      if (static_cast<std::size_t>(c) >= by_case.size()) continue;
      for (const auto i : by_case[static_cast<std::size_t>(c)]) {
        if (matches(f, truth[i])) {
          found[i] = true;
          any = true;
        }
      }
    }
    if (!any) ++s.false_findings;
  }
  for (std::size_t i = 0; i < truth.size(); ++i) {
    if (found[i]) {
      ++s.planted_found;
    } else {
      s.missed.push_back(truth[i].rule + " C-" + std::to_string(truth[i].case_id));
    }
  }
  return s;
}

}  // namespace eb::bench
