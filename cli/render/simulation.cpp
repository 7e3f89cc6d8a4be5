// SPDX-License-Identifier: MIT
#include "render/simulation.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/ids.hpp"
#include "common/json_number.hpp"
#include "common/text.hpp"

namespace eb::cli {

namespace {

using money::Money;
using report::CaseChange;
using report::SimulationResult;

// "1 200" for 1 200 kr, "1 200,50" with öre: format_kr without its unit.
std::string kr_number(Money m) {
  std::string s = money::format_kr(m);
  return s.substr(0, s.size() - 3);
}

std::string ore_text(Money m) {
  return std::to_string(m.ore());
}

nlohmann::json case_json(const CaseChange& c) {
  using nlohmann::json;
  return json{{"application_id", format_id(IdKind::application, c.application_id)},
              {"case_id", format_id(IdKind::arende, c.case_id)},
              {"household", report::household_type_label(c.type())},
              {"adults", c.couple ? 2 : 1},
              {"children", c.children},
              {"children_counted", decimal_number(halves_text(c.children_halves, '.'))},
              {"before_ore", c.before.ore()},
              {"after_ore", c.after.ore()},
              {"change_ore", c.change().ore()},
              {"reduction_before_ore", c.reduction_before.ore()},
              {"reduction_after_ore", c.reduction_after.ore()},
              {"stored_ore", c.stored ? json(c.stored->ore()) : json(nullptr)}};
}

}  // namespace

std::string halves_text(int halves, char decimal_mark) {
  return std::to_string(halves / 2) + (halves % 2 != 0 ? std::string(1, decimal_mark) + "5" : "");
}

std::string band_label(const report::ChangeBand& b) {
  const Money cent = Money::from_ore(1);
  if (b.min && b.max && b.min->is_zero() && b.max->is_zero()) return "unchanged";
  if (b.max && b.max->is_negative()) {  // a loss: magnitudes from -max (exclusive) to -min
    if (!b.min) return "lose > " + kr_number(-*b.max - cent) + " kr";
    return "lose " + kr_number(-*b.max - cent) + "–" + kr_number(-*b.min) + " kr";
  }
  if (!b.max) return "gain > " + kr_number(*b.min - cent) + " kr";
  return "gain " + kr_number(*b.min - cent) + "–" + kr_number(*b.max) + " kr";
}

void print_simulation_csv(std::ostream& out, const SimulationResult& r) {
  // Written row by row, not through a Table: a simulation may have a million rows.
  const auto row = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << text::csv_cell(cells[i]);
    out << "\r\n";
  };
  row({"application", "case", "month", "after_month", "household", "adults", "children", "children_counted",
       "before_ore", "after_ore", "change_ore", "reduction_after_ore", "stored_ore", "error"});
  const std::string month = r.month.to_string();
  const std::string after_month = r.after_month.to_string();
  for (const auto& c : r.cases) {
    row({format_id(IdKind::application, c.application_id), format_id(IdKind::arende, c.case_id), month, after_month,
         report::household_type_label(c.type()), c.couple ? "2" : "1", std::to_string(c.children),
         halves_text(c.children_halves, '.'), ore_text(c.before), ore_text(c.after), ore_text(c.change()),
         ore_text(c.reduction_after), c.stored ? ore_text(*c.stored) : "", ""});
  }
  for (const auto& e : r.errors) {
    std::string why;
    if (!e.before.empty()) why += "before: " + e.before;
    if (!e.after.empty()) why += (why.empty() ? "" : "; ") + std::string("after: ") + e.after;
    row({format_id(IdKind::application, e.application_id), format_id(IdKind::arende, e.case_id), month, after_month, "",
         "", "", "", "", "", "", "", "", why});
  }
}

void print_simulation_json(std::ostream& out, const SimulationResult& r) {
  using nlohmann::json;
  const auto cases_json = [](const std::vector<CaseChange>& cases) {
    json a = json::array();
    for (const auto& c : cases) a.push_back(case_json(c));
    return a;
  };
  const auto tally_json = [](const report::Tally& t) {
    return json{{"households", t.households},
                {"gain", t.gain},
                {"lose", t.lose},
                {"unchanged", t.unchanged},
                {"alternating", t.alternating},
                {"before_ore", t.before.ore()},
                {"after_ore", t.after.ore()},
                {"difference_ore", t.difference().ore()},
                {"gained_ore", t.gained.ore()},
                {"lost_ore", t.lost.ore()}};
  };
  json j;
  j["month"] = r.month.to_string();
  j["as_of"] = r.as_of ? json(r.as_of->to_string()) : json(nullptr);
  j["after_month"] = r.after_month.to_string();
  j["norms"] = {{"before", r.norms_before}, {"after", r.norms_after}};
  j["warnings"] = r.warnings;
  j["applications"] = r.applications;
  j["totals"] = tally_json(r.total);
  json types = json::array();
  for (int i = 0; i < report::k_household_types; ++i) {
    json g = tally_json(r.by_type[static_cast<std::size_t>(i)]);
    g["household"] = report::household_type_label(i);
    g["adults"] = i >= report::k_child_groups ? 2 : 1;
    g["children"] = i % report::k_child_groups;
    g["children_or_more"] = i % report::k_child_groups == report::k_child_groups - 1;
    types.push_back(std::move(g));
  }
  j["by_household_type"] = std::move(types);
  json dist = json::array();
  for (const auto& b : r.distribution) {
    dist.push_back({{"label", band_label(b)},
                    {"min_ore", b.min ? json(b.min->ore()) : json(nullptr)},
                    {"max_ore", b.max ? json(b.max->ore()) : json(nullptr)},
                    {"households", b.households},
                    {"change_ore", b.change.ore()}});
  }
  j["distribution"] = std::move(dist);
  j["large_household"] = {{"households", r.large_households.size()},
                          {"reduction_ore", r.large_reduction_after.ore()},
                          {"households_before", r.large_households_before},
                          {"reduction_before_ore", r.large_reduction_before.ore()},
                          {"cases", cases_json(r.large_households)}};
  const auto rules_json = [](const report::RuleCounts& c) {
    return json{{"large_household", c.large_household},
                {"large_household_exempt", c.large_household_exempt},
                {"norm_raised", c.norm_raised},
                {"second_hand_refused", c.second_hand_refused}};
  };
  j["rules"] = {{"before", rules_json(r.rules_before)}, {"after", rules_json(r.rules_after)}};
  j["largest_gains"] = cases_json(r.largest_gains);
  j["largest_losses"] = cases_json(r.largest_losses);
  j["stored_assessments"] = {{"same", r.stored_same}, {"differ", r.stored_differs}, {"not_assessed", r.not_assessed}};
  json errors = json::array();
  for (const auto& e : r.errors) {
    errors.push_back({{"application_id", format_id(IdKind::application, e.application_id)},
                      {"case_id", format_id(IdKind::arende, e.case_id)},
                      {"before", e.before.empty() ? json(nullptr) : json(e.before)},
                      {"after", e.after.empty() ? json(nullptr) : json(e.after)}});
  }
  j["errors"] = std::move(errors);
  // The cases last, one compact object per line, written as they go: there may be a million.
  std::string head = dump_json(j, 2);
  head.pop_back();  // the closing brace
  while (!head.empty() && head.back() == '\n') head.pop_back();
  out << head << ",\n  \"cases\": [";
  for (std::size_t i = 0; i < r.cases.size(); ++i)
    out << (i ? ",\n    " : "\n    ") << dump_json(case_json(r.cases[i]));
  out << (r.cases.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

}  // namespace eb::cli
