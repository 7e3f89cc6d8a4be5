// SPDX-License-Identifier: MIT
// Builders for the FUT tests: synthetic personnummer, paid case-months and register rows.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fut/registers.hpp"
#include "fut/rule_table.hpp"
#include "fut/rules/rules.hpp"
#include "fut/screening.hpp"
#include "person/personnummer.hpp"

namespace eb::test {

using fut::CaseMember;
using fut::DeclaredIncome;
using fut::Finding;
using fut::IncomeRow;
using fut::PaidCaseMonth;
using fut::PopulationRow;
using fut::ScreeningInput;
using fut::Source;
using money::Money;
using period::Date;
using period::Month;
using person::Personnummer;

inline Money kr(std::int64_t k) {
  return Money::from_kr(k);
}

// A synthetic personnummer born on 1980-01-01 + `n` days' worth of serials: "19800101-NNNC" with
// serial `n` (0–999) and the right check digit; `year` moves the birth year (children: 2015).
inline Personnummer synthetic_pnr(int n, int year = 1980) {
  char nine[16];
  std::snprintf(nine, sizeof nine, "%02d0101%03d", year % 100, n % 1000);
  const int check = person::luhn_check_digit(nine);
  char full[20];
  std::snprintf(full, sizeof full, "%04d0101-%03d%d", year, n % 1000, check);
  return person::parse_personnummer(full, "pnr");
}

inline std::string pnr_text(const Personnummer& p) {
  return p.formatted();
}

// A case-month paid `paid` (granted the same), for March 2026, with the given members (the
// first is the applicant, a second adult the partner, later ones children).
inline PaidCaseMonth case_month(std::int64_t case_id, std::vector<Personnummer> members, Money paid,
                                Month month = Month(2026, 3)) {
  PaidCaseMonth cm;
  cm.case_id = case_id;
  cm.application_ids = {100 + case_id};
  cm.month = month;
  for (std::size_t i = 0; i < members.size(); ++i) {
    CaseMember m;
    m.pnr = members[i];
    m.role = i == 0 ? assess::Role::applicant : i == 1 ? assess::Role::partner : assess::Role::child;
    cm.members.push_back(m);
  }
  cm.paid = paid;
  cm.granted = paid;
  cm.address = "Storgatan " + std::to_string(case_id) + ", 123 45 Exempelstad";
  return cm;
}

inline DeclaredIncome declared(const Personnummer& member, assess::IncomeKind kind, Money amount, std::string ref) {
  return DeclaredIncome{member, kind, amount, std::move(ref)};
}

// A register row with its key, as if imported as `import_id` at `line`.
inline IncomeRow income_row(const Personnummer& pnr, assess::IncomeKind kind, Money amount, Source source = Source::fk,
                            Month month = Month(2026, 3), Date paid_on = Date(2026, 3, 25), long line = 2,
                            std::int64_t import_id = 1) {
  IncomeRow r;
  r.pnr = pnr;
  r.month = month;
  r.source = source;
  r.kind = kind;
  r.amount = amount;
  r.paid_on = paid_on;
  r.line = line;
  r.import_id = import_id;
  r.key = fut::income_row_key(r);
  return r;
}

inline PopulationRow population_row(const Personnummer& pnr, std::optional<Date> deceased_on, long line = 2) {
  PopulationRow r;
  r.pnr = pnr;
  r.address = "Storgatan 1, 123 45 Exempelstad";
  r.deceased_on = deceased_on;
  r.line = line;
  r.import_id = 1;
  r.key = fut::population_row_key(r);
  return r;
}

inline ScreeningInput input_for(Month first, std::optional<Month> last = std::nullopt) {
  ScreeningInput in;
  in.period = {first, last.value_or(first)};
  return in;
}

// The findings of the one rule `id` over `in`.
inline std::vector<Finding> run_rule(std::string_view id, const ScreeningInput& in,
                                     const fut::ScreeningParams& params = {}) {
  return fut::screen(in, {fut::find_rule(id)}, params);
}

}  // namespace eb::test
