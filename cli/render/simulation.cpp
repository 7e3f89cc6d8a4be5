// SPDX-License-Identifier: MIT
#include "render/simulation.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/ids.hpp"
#include "render/table.hpp"

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

std::string count_text(std::int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string ore_text(Money m) {
  return std::to_string(m.ore());
}

void print_cases(std::ostream& out, const std::vector<CaseChange>& cases, bool with_reduction) {
  std::vector<std::string> header{"application", "case", "household", "before", "after", "change"};
  std::vector<bool> right{false, false, false, true, true, true};
  if (with_reduction) {
    header.insert(header.begin() + 3, {"children counted", "reduction"});
    right.insert(right.begin() + 3, {true, true});
  }
  Table t(header, right);
  for (const auto& c : cases) {
    std::vector<std::string> row{format_id(IdKind::application, c.application_id),
                                 format_id(IdKind::arende, c.case_id),
                                 report::household_type_label(c.type()),
                                 money::format_kr(c.before),
                                 money::format_kr(c.after),
                                 signed_kr(c.change())};
    if (with_reduction) {
      row.insert(row.begin() + 3, {halves_text(c.children_halves, ','), money::format_kr(c.reduction_after)});
    }
    t.add(std::move(row));
  }
  t.print(out);
}

nlohmann::json case_json(const CaseChange& c) {
  using nlohmann::json;
  return json{{"application_id", format_id(IdKind::application, c.application_id)},
              {"case_id", format_id(IdKind::arende, c.case_id)},
              {"household", report::household_type_label(c.type())},
              {"adults", c.couple ? 2 : 1},
              {"children", c.children},
              {"children_counted", halves_text(c.children_halves, '.')},
              {"before_ore", c.before.ore()},
              {"after_ore", c.after.ore()},
              {"change_ore", c.change().ore()},
              {"reduction_before_ore", c.reduction_before.ore()},
              {"reduction_after_ore", c.reduction_after.ore()},
              {"stored_ore", c.stored ? json(c.stored->ore()) : json(nullptr)}};
}

// How many large households the text lists; JSON, CSV and HTML list them all.
constexpr std::size_t k_text_list = 20;

}  // namespace

std::string signed_kr(Money m) {
  std::string s = m.ore() > 0 ? "+" : "";
  s += money::format_kr(m);
  return s;
}

std::string percent_of(Money part, Money whole) {
  if (whole.is_zero()) return "–";
  // Tenths of a percent, rounded half away from zero, in integers: part × 1000 / whole.
  const std::int64_t num = part.ore() * 1000;
  const std::int64_t den = whole.ore();
  std::int64_t q = num / den;
  const std::int64_t r = num % den;
  if (2 * (r < 0 ? -r : r) >= (den < 0 ? -den : den)) q += ((num < 0) != (den < 0)) ? -1 : 1;
  const std::int64_t a = q < 0 ? -q : q;
  std::string s = q < 0 ? "-" : q > 0 ? "+" : "";
  s += std::to_string(a / 10);
  s += ',';
  s += std::to_string(a % 10);
  s += " %";
  return s;
}

std::string halves_text(int halves, char decimal_mark) {
  return std::to_string(halves / 2) + (halves % 2 != 0 ? std::string(1, decimal_mark) + "5" : "");
}

std::string norms_text(const std::vector<std::string>& ids) {
  std::string s;
  for (const auto& id : ids) s += (s.empty() ? "" : ", ") + id;
  return s.empty() ? "(none used)" : s;
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

std::vector<RuleRow> rule_rows(const SimulationResult& r) {
  const auto& b = r.rules_before;
  const auto& a = r.rules_after;
  return {{"minskningsbelopp, fler än tre barn (7 a §)", b.large_household, a.large_household},
          {"undantag för synnerliga skäl (7 a §)", b.large_household_exempt, a.large_household_exempt},
          {"höjd norm med särskilda eller synnerliga skäl (7, 7 b §§)", b.norm_raised, a.norm_raised},
          {"andrahandshyra utan samtycke, räknas inte (7 d §)", b.second_hand_refused, a.second_hand_refused}};
}

void print_simulation_text(std::ostream& out, const SimulationResult& r) {
  const auto& t = r.total;
  out << "Simulation of " << r.month.to_string();
  if (r.as_of) out << " as of " << r.as_of->to_string();
  out << " (nothing is stored)\n";
  out << "  before: " << norms_text(r.norms_before) << ", for " << r.month.to_string() << "\n";
  out << "  after:  " << norms_text(r.norms_after) << ", for " << r.after_month.to_string() << "\n";
  for (const auto& w : r.warnings) out << "  warning: " << w << "\n";
  out << "  " << count_text(r.applications, "application", "applications") << " read, "
      << count_text(t.households, "household", "households") << " simulated";
  if (!r.errors.empty()) out << ", " << r.errors.size() << " could not be assessed (listed below)";
  out << "\n\n";

  Table totals({"", "before", "after", "difference", ""}, {false, true, true, true, true});
  totals.add({"försörjningsstöd, total", money::format_kr(t.before), money::format_kr(t.after),
              signed_kr(t.difference()), percent_of(t.difference(), t.before)});
  if (t.households > 0) {
    totals.add({"per household", money::format_kr(t.before.scaled(1, t.households, money::Rounding::ore_half_up)),
                money::format_kr(t.after.scaled(1, t.households, money::Rounding::ore_half_up)),
                signed_kr(t.difference().scaled(1, t.households, money::Rounding::ore_half_up)), ""});
  }
  totals.print(out);
  out << "\n";
  Table who({"households", "count", "change"}, {false, true, true});
  who.add({"gain", std::to_string(t.gain), signed_kr(t.gained)});
  who.add({"lose", std::to_string(t.lose), signed_kr(t.lost)});
  who.add({"unchanged", std::to_string(t.unchanged), ""});
  who.print(out);

  out << "\nBy household type (children by headcount; a child in växelvis boende counts 1 here)\n";
  Table types({"household", "households", "gain", "lose", "unchanged", "växelvis", "before", "after", "difference",
               "per household"},
              {false, true, true, true, true, true, true, true, true, true});
  for (int i = 0; i < report::k_household_types; ++i) {
    const auto& g = r.by_type[static_cast<std::size_t>(i)];
    if (g.households == 0) continue;
    types.add({report::household_type_label(i), std::to_string(g.households), std::to_string(g.gain),
               std::to_string(g.lose), std::to_string(g.unchanged), std::to_string(g.alternating),
               money::format_kr(g.before), money::format_kr(g.after), signed_kr(g.difference()),
               signed_kr(g.difference().scaled(1, g.households, money::Rounding::ore_half_up))});
  }
  if (types.empty()) {
    out << "(no households)\n";
  } else {
    types.print(out);
  }

  out << "\nDistribution of the change per household\n";
  Table dist({"change", "households", "sum"}, {false, true, true});
  for (const auto& b : r.distribution) {
    if (b.households > 0) dist.add({band_label(b), std::to_string(b.households), signed_kr(b.change)});
  }
  if (dist.empty()) {
    out << "(no households)\n";
  } else {
    dist.print(out);
  }

  out << "\nLarge-household reduction (minskningsbelopp, more than three children; växelvis counts 0,5)\n";
  out << "  after:  " << count_text(static_cast<std::int64_t>(r.large_households.size()), "household", "households")
      << ", " << money::format_kr(r.large_reduction_after) << " in total\n";
  out << "  before: " << count_text(r.large_households_before, "household", "households") << ", "
      << money::format_kr(r.large_reduction_before) << " in total\n";
  if (!r.large_households.empty()) {
    const bool cut = r.large_households.size() > k_text_list;
    print_cases(out,
                cut ? std::vector<CaseChange>(r.large_households.begin(),
                                              r.large_households.begin() + static_cast<std::ptrdiff_t>(k_text_list))
                    : r.large_households,
                true);
    if (cut) out << "… and " << r.large_households.size() - k_text_list << " more (--csv, --json or --html list all)\n";
  }

  out << "\nRules of the 2027 model (SoL 12 kap.): households\n";
  Table rules({"rule", "before", "after"}, {false, true, true});
  for (const auto& row : rule_rows(r)) rules.add({row.label, std::to_string(row.before), std::to_string(row.after)});
  rules.print(out);

  out << "\nLargest gains\n";
  if (r.largest_gains.empty()) {
    out << "(none)\n";
  } else {
    print_cases(out, r.largest_gains, false);
  }
  out << "\nLargest losses\n";
  if (r.largest_losses.empty()) {
    out << "(none)\n";
  } else {
    print_cases(out, r.largest_losses, false);
  }

  out << "\nStored assessments: " << r.stored_same << " the same as before, " << r.stored_differs << " differ, "
      << r.not_assessed << " not assessed\n";

  if (!r.errors.empty()) {
    out << "\nCould not be assessed (" << r.errors.size() << ")\n";
    for (const auto& e : r.errors) {
      out << "  " << format_id(IdKind::application, e.application_id) << " (" << format_id(IdKind::arende, e.case_id)
          << ")";
      if (!e.before.empty()) out << " before: " << e.before;
      if (!e.after.empty()) out << (e.before.empty() ? "" : ";") << " after: " << e.after;
      out << "\n";
    }
  }
}

void print_simulation_csv(std::ostream& out, const SimulationResult& r) {
  // Written row by row, not through a Table: a simulation may have a million rows.
  const auto cell = [](const std::string& v) {
    if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
    std::string q = "\"";
    for (char ch : v) {
      if (ch == '"') q += '"';
      q += ch;
    }
    return q + "\"";
  };
  const auto row = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << cell(cells[i]);
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
  std::string head = j.dump(2);
  head.pop_back();  // the closing brace
  while (!head.empty() && head.back() == '\n') head.pop_back();
  out << head << ",\n  \"cases\": [";
  for (std::size_t i = 0; i < r.cases.size(); ++i) out << (i ? ",\n    " : "\n    ") << case_json(r.cases[i]).dump();
  out << (r.cases.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

}  // namespace eb::cli
