// SPDX-License-Identifier: MIT
#include "demo/truth.hpp"

#include <array>

#include "demo/generator.hpp"

namespace eb::demo {

namespace {

using nlohmann::ordered_json;

ordered_json case_json(const CaseRef& c) {
  ordered_json j;
  j["household"] = c.household;
  j["applicant_pnr"] = c.applicant.formatted();
  j["month"] = c.month.to_string();
  if (c.payable) j["payable_ore"] = c.payable->ore();
  return j;
}

ordered_json row_json(const IncomeRow& row, long line) {
  ordered_json j;
  j["file"] = "income-register.csv";
  if (line > 0) j["line"] = line;
  j["pnr"] = row.pnr.formatted();
  j["month"] = row.month.to_string();
  j["source"] = std::string(source_name(row.source));
  j["kind"] = std::string(assess::income_kind_name(row.kind));
  j["amount_ore"] = row.amount.ore();
  j["paid_on"] = row.paid_on.to_string();
  return j;
}

ordered_json plant_json(const Plant& p) {
  ordered_json j;
  j["id"] = p.id;
  j["rule"] = std::string(rule_id(p.rule));
  j["month"] = p.month.to_string();
  j["what"] = p.what;
  ordered_json cases = ordered_json::array();
  for (const auto& c : p.cases) cases.push_back(case_json(c));
  j["cases"] = std::move(cases);
  if (p.member) j["member_pnr"] = p.member->formatted();
  if (p.register_row) j["register_row"] = row_json(*p.register_row, p.register_line);
  if (p.declared) j["declared_ore"] = p.declared->ore();
  if (!p.account.empty()) j["account"] = p.account;
  if (!p.address.empty()) j["address"] = p.address;
  if (p.deceased_on) {
    j["population_row"] = {{"file", "population.csv"},
                           {"pnr", p.member ? p.member->formatted() : ""},
                           {"deceased_on", p.deceased_on->to_string()}};
  }
  j["amount_at_risk_ore"] = p.amount_at_risk ? ordered_json(p.amount_at_risk->ore()) : ordered_json(nullptr);
  return j;
}

}  // namespace

std::string_view rule_id(FutRule rule) {
  switch (rule) {
    case FutRule::undeclared_income:
      return "undeclared-income";
    case FutRule::underdeclared_income:
      return "underdeclared-income";
    case FutRule::overpayment:
      return "overpayment";
    case FutRule::person_in_two_cases:
      return "person-in-two-cases";
    case FutRule::shared_account:
      return "shared-account";
    case FutRule::paid_after_death:
      return "paid-after-death";
    case FutRule::address_concentration:
      return "address-concentration";
  }
  return "?";
}

ordered_json truth_json(const TruthHeader& header, const Truth& truth) {
  ordered_json j;
  j["format"] = "eb-demo-truth/1";
  j["parameters"] = {{"households", header.households},
                     {"months", header.months},
                     {"first_month", header.first_month.to_string()},
                     {"seed", header.seed},
                     {"plant_errors", plant_rate_text(header.plant_ppm)}};
  // The thresholds the plants were made against (fut.md's defaults).
  j["tolerances"] = {{"underdeclared_income_ore", 10000}, {"address_concentration_max_cases", 4}};
  std::array<int, k_fut_rule_count> errors{}, edges{};
  for (const auto& p : truth.planted) ++errors[static_cast<std::size_t>(p.rule)];
  for (const auto& p : truth.edges) ++edges[static_cast<std::size_t>(p.rule)];
  ordered_json counts;
  for (int r = 0; r < k_fut_rule_count; ++r) {
    counts[std::string(rule_id(static_cast<FutRule>(r)))] = {{"planted", errors[static_cast<std::size_t>(r)]},
                                                             {"clean_edges", edges[static_cast<std::size_t>(r)]}};
  }
  j["counts"] = std::move(counts);
  ordered_json planted = ordered_json::array(), clean = ordered_json::array(), actions = ordered_json::array();
  for (const auto& p : truth.planted) planted.push_back(plant_json(p));
  for (const auto& p : truth.edges) clean.push_back(plant_json(p));
  for (const auto& a : truth.actions) {
    ordered_json x;
    x["id"] = a.id;
    x["plant"] = a.plant;
    x["action"] = "lower-decision";
    x["after_paying"] = a.after_paying.to_string();
    x["case"] = case_json(a.target);
    x["granted_ore"] = a.granted.ore();
    x["lowered_to_ore"] = a.lowered_to.ore();
    actions.push_back(std::move(x));
  }
  j["planted"] = std::move(planted);
  j["clean_edges"] = std::move(clean);
  j["actions"] = std::move(actions);
  return j;
}

}  // namespace eb::demo
