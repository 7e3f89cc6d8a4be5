// SPDX-License-Identifier: MIT
#include "report/unit_report_json.hpp"

#include <nlohmann/json.hpp>
#include <sstream>

#include "common/json_number.hpp"

namespace eb::report {

namespace {

using nlohmann::json;
using period::Month;

constexpr int k_decimals = 6;

// A JSON number computed from integers, exact (common/json_number.hpp).
json number(Fraction f, int decimals = k_decimals) {
  if (!f.defined()) return nullptr;
  return decimal_number(decimal_text(f, decimals));
}

json fraction(Fraction f) {
  if (!f.defined()) return json{{"numerator", f.numerator}, {"denominator", f.denominator}, {"value", nullptr}};
  return json{{"numerator", f.numerator}, {"denominator", f.denominator}, {"value", number(f)}};
}

json money_or_null(const std::optional<Money>& m) {
  return m ? json(m->ore()) : json(nullptr);
}

json text_or_null(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

json month_range(const period::MonthRange& r) {
  return json{{"first", r.first.to_string()}, {"last", r.last.to_string()}};
}

json median(const std::optional<Fraction>& m) {
  if (!m) return nullptr;
  return number(*m, m->denominator == 1 ? 0 : 1);
}

// An indicator cell: {"value": …} for a count, the fraction's keys for a share; "missing" says
// why there is no value.
json cell(const Cell& c, bool share) {
  json j;
  if (share) {
    j = c.value ? fraction(*c.value) : json{{"numerator", nullptr}, {"denominator", nullptr}, {"value", nullptr}};
  } else {
    j = json{{"value", c.value ? json(c.value->numerator) : json(nullptr)}};
  }
  if (!c.value) j["missing"] = text_or_null(c.missing);
  return j;
}

json target(const std::optional<Target>& t) {
  if (!t) return nullptr;
  json value = nullptr;
  if (t->share) value = fraction(*t->share);
  if (t->count) value = *t->count;
  return json{{"text", t->text}, {"value", value}};
}

json prognosis(const Prognosis& p) {
  return json{{"method", prognosis_method_name(p.method)},
              {"amount_ore", money_or_null(p.amount)},
              {"through", p.through.to_string()}};
}

std::string hinder_key(const std::string& code) {
  return code.empty() ? "unrecorded" : code;
}

json build(const UnitReport& r, const FigureSet& figures) {
  const UnitFigures& f = r.figures;
  const ReportConfig& c = r.config;
  json j;
  j["version"] = k_report_json_version;
  j["period"] = month_range(r.period);
  j["period"]["months"] = r.period.month_count();
  j["period"]["label"] = period_label(r.period);
  j["today"] = r.today.to_string();
  j["preliminary"] = r.preliminary;
  j["data_from"] = r.data_from ? json(r.data_from->to_string()) : json(nullptr);
  j["config"] = {{"file", text_or_null(c.file)}, {"status", text_or_null(c.status)}, {"unit", text_or_null(c.unit)}};
  json reasons = json::array();
  for (const auto reason : c.support_reasons) reasons.push_back(closure_reason_name(reason));
  j["definitions"] = {
      {"handlaggningstid", {{"count", handling_count_name(c.handling.count)}, {"target_days", c.handling.target_days}}},
      {"long_term",
       {{"window", month_range(f.long_term.window)},
        {"kind", long_term_window_name(c.long_term_window)},
        {"min_months", f.long_term.min_months}}},
      {"arbetsplan_current_months", c.arbetsplan_months ? json(*c.arbetsplan_months) : json(nullptr)},
      {"support_reasons", reasons}};
  j["year_before"] = {{"period", month_range(r.period.shifted_years(-1))},
                      {"available", r.year_before.has_value()},
                      {"missing", text_or_null(r.year_before_missing)}};

  if (figures.has(Figure::households)) {
    json per_month = json::object();
    for (const auto& m : f.households.per_month) per_month[m.month.to_string()] = m.value;
    j["households"] = {{"per_month", per_month},
                       {"distinct", f.households.distinct},
                       {"household_months", f.households.household_months},
                       {"average", fraction(f.households.average)},
                       {"with_children", f.households.with_children}};
  }
  if (figures.has(Figure::persons)) {
    const PersonFigures& p = f.persons;
    j["persons"] = {{"persons", p.persons()},
                    {"adults", p.adults},
                    {"women", p.women},
                    {"men", p.men},
                    {"children", p.children},
                    {"girls", p.girls},
                    {"boys", p.boys},
                    {"children_single_parent", p.children_single_parent},
                    {"young_18_24", {{"persons", p.young}, {"women", p.young_women}, {"men", p.young_men}}}};
  }
  if (figures.has(Figure::paid)) {
    j["paid_ore"] = f.money.paid.ore();
    json per_month = json::object();
    for (const auto& m : f.money.per_month) per_month[m.month.to_string()] = m.value;
    j["paid_per_month_ore"] = per_month;
  }
  if (figures.has(Figure::medelbidrag)) {
    json per_month = json::object();
    for (std::size_t i = 0; i < f.money.per_month.size(); ++i) {
      per_month[f.money.per_month[i].month.to_string()] = money_or_null(f.money.medelbidrag_per_month[i]);
    }
    j["medelbidrag"] = {{"per_household_month_ore", money_or_null(f.money.per_household_month)},
                        {"per_household_year_ore", money_or_null(f.money.per_household_year)},
                        {"per_month_ore", per_month}};
  }
  if (figures.has(Figure::long_term)) {
    j["long_term"] = {{"adults", f.long_term.adults}, {"women", f.long_term.women}, {"men", f.long_term.men}};
  }
  if (figures.has(Figure::hinder)) {
    json shares = json::object();
    json codes = json::object();
    for (const auto& h : f.hinder.codes) {
      shares[hinder_key(h.code)] = fraction(h.share);
      codes[hinder_key(h.code)] = {{"label", h.code.empty() ? "uppgift saknas" : c.hinder_label(h.code)},
                                   {"adults", h.adults},
                                   {"households", h.households},
                                   {"share", fraction(h.share)},
                                   {"household_share", fraction(h.household_share)}};
    }
    j["hinder"] = shares;
    j["hinder_detail"] = {{"month", f.hinder.month.to_string()},
                          {"adults", f.hinder.adults},
                          {"households", f.hinder.households},
                          {"codes", codes}};
    json support = json::object();
    for (const auto& s : f.hinder_support) {
      support[s.code] = {{"persons", s.persons},
                         {"women", s.women},
                         {"men", s.men},
                         {"supported", s.supported},
                         {"supported_women", s.supported_women},
                         {"supported_men", s.supported_men},
                         {"share", fraction({s.supported, s.persons})}};
    }
    j["hinder_support"] = support;
  }
  if (figures.has(Figure::handlaggningstid)) {
    const HandlingFigures& h = f.handling;
    json distribution = json::object();
    for (std::size_t d = 0; d < h.distribution.size(); ++d) distribution[std::to_string(d)] = h.distribution[d];
    j["handlaggningstid"] = {{"decided", h.decided},
                             {"not_measured", h.not_measured},
                             {"median_days", median(h.median_days)},
                             {"within_5_share", fraction(h.within_5_share())},
                             {"within_target_share", fraction(h.within_target_share())},
                             {"target_days", h.convention.target_days},
                             {"count", handling_count_name(h.convention.count)},
                             {"distribution", distribution}};
  }
  if (figures.has(Figure::decisions)) {
    const DecisionFigures& d = f.decisions;
    j["decisions"] = {{"bifall", d.bifall},
                      {"delbifall", d.delbifall},
                      {"avslag", d.avslag},
                      {"total", d.total()},
                      {"avslag_share", fraction(d.avslag_share())}};
  }
  if (figures.has(Figure::closures)) {
    json closures = json::object();
    for (const auto reason : k_closure_reasons)
      closures[std::string(closure_reason_name(reason))] = f.closures.count(reason);
    j["closures"] = closures;
    j["reopened"] = f.closures.reopened;
  }
  if (figures.has(Figure::housing)) {
    const HousingFigures& h = f.housing;
    j["housing"] = {{"homeless",
                     {{"adults", h.homeless},
                      {"women", h.homeless_women},
                      {"men", h.homeless_men},
                      {"children", h.homeless_children}}},
                    {"families_without_stable_housing", h.families_unstable}};
  }
  if (figures.has(Figure::internal_control)) {
    const ControlFigures& k = f.control;
    j["internal_control"] = {{"barnkonsekvensanalys",
                              {{"decisions", k.child_decisions},
                               {"with_analysis", k.with_child_impact},
                               {"share", fraction(k.child_impact_share())}}},
                             {"arbetsplan",
                              {{"months", k.arbetsplan_months ? json(*k.arbetsplan_months) : json(nullptr)},
                               {"cases", k.cases},
                               {"current", k.with_current_plan},
                               {"share", fraction(k.arbetsplan_share())}}}};
  }
  if (figures.has(Figure::fut)) {
    const FutFigures& u = f.fut;
    if (!u.available) {
      j["fut"] = {{"available", false}};
    } else {
      j["fut"] = {
          {"available", true},
          {"flags_raised", u.flags_raised},
          {"flags_closed", {{"no_error", u.closed_no_error}, {"error", u.closed_error}, {"crime", u.closed_crime}}},
          {"claims_raised", u.claims_raised},
          {"claimed_ore", u.claimed.ore()},
          {"repaid_ore", u.repaid.ore()},
          {"police_reports", u.police_reports}};
    }
  }
  if (figures.has(Figure::indicators)) {
    json rows = json::array();
    for (const IndicatorRow& i : r.indicators) {
      json row{{"id", indicator_id_text(i.id)},
               {"name", i.name},
               {"unit", i.share ? "share" : "count"},
               {"outcome", cell(i.outcome, i.share)}};
      if (i.sex_split) {
        row["men"] = cell(i.men, i.share);
        row["women"] = cell(i.women, i.share);
      } else {
        row["men"] = nullptr;
        row["women"] = nullptr;
      }
      row["year_before"] = cell(i.year_before, i.share);
      row["prognosis"] = cell(i.prognosis, i.share);
      row["target"] = target(i.target);
      row["kf_target"] = target(i.kf_target);
      rows.push_back(std::move(row));
    }
    j["indicators"] = rows;
  }
  if (figures.has(Figure::budget)) {
    const BudgetFollowUp& b = r.budget;
    json accuracy = nullptr;
    if (b.accuracy) {
      accuracy = {{"t2_prognosis", prognosis(b.accuracy->t2)},
                  {"outcome_ore", b.accuracy->outcome.ore()},
                  {"difference_ore", b.accuracy->difference.ore()},
                  {"of_budget", b.accuracy->of_budget ? fraction(*b.accuracy->of_budget) : json(nullptr)}};
    }
    j["budget"] = {{"year", b.year},
                   {"outcome_ore", b.outcome.ore()},
                   {"budget_ore", money_or_null(b.budget)},
                   {"deviation_ore", money_or_null(b.deviation)},
                   {"budget_missing", text_or_null(b.budget_missing)},
                   {"prognosis", prognosis(b.prognosis)},
                   {"budget_year_ore", money_or_null(b.budget_year)},
                   {"deviation_year_ore", money_or_null(b.deviation_year)},
                   {"accuracy", accuracy},
                   {"accuracy_missing", text_or_null(b.accuracy_missing)}};
  }
  j["notes"] = r.notes;
  return j;
}

// CSV -----------------------------------------------------------------------------------------

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

std::string scalar_text(const json& v) {
  if (v.is_null()) return "";
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_string()) return decimal_of(v).value_or(v.get_ref<const std::string&>());
  return v.dump();
}

bool is_number_string(const json& v) {
  return decimal_of(v).has_value();
}

struct CsvWriter {
  std::ostringstream out;

  void row(const std::string& figure, const std::string& key, const std::string& value, const std::string& num,
           const std::string& den, const std::string& note) {
    out << csv_field(figure) << ',' << csv_field(key) << ',' << csv_field(value) << ',' << csv_field(num) << ','
        << csv_field(den) << ',' << csv_field(note) << "\r\n";
  }

  // One row per leaf: the figure is the path to the leaf's parent, the key the leaf's name. A
  // fraction ({"numerator", "denominator", "value"}) and a cell ({"value", "missing"}) are one
  // leaf; an indicator is named by its id.
  void walk(const std::string& figure, const std::string& key, const json& v) {
    if (figure.empty() && !v.is_object() && !v.is_array()) return walk(key, "", v);  // a top-level number
    const std::string path = figure.empty() ? key : key.empty() ? figure : figure + "." + key;
    if (v.is_object() && v.contains("value") && !v["value"].is_object() && (v.contains("numerator") || v.size() <= 2)) {
      const std::string note = v.contains("missing") ? scalar_text(v["missing"])
                               : v.contains("text")  ? scalar_text(v["text"])
                                                     : "";
      row(figure, key, scalar_text(v["value"]), v.contains("numerator") ? scalar_text(v["numerator"]) : "",
          v.contains("denominator") ? scalar_text(v["denominator"]) : "", note);
      return;
    }
    if (v.is_object()) {
      for (const auto& [k, child] : v.items()) walk(path, k, child);
      return;
    }
    if (v.is_array()) {
      std::size_t n = 0;
      for (const auto& el : v) {
        ++n;
        const std::string name = el.is_object() && el.contains("id") ? el["id"].get<std::string>() : std::to_string(n);
        if (el.is_object()) {
          for (const auto& [k, child] : el.items()) {
            if (k != "id") walk(path + "." + name, k, child);
          }
        } else {
          walk(path, name, el);
        }
      }
      return;
    }
    if (v.is_string() && !is_number_string(v)) {
      row(figure, key, "", "", "", scalar_text(v));
      return;
    }
    row(figure, key, scalar_text(v), "", "", "");
  }
};

}  // namespace

std::string unit_report_json(const UnitReport& r, const FigureSet& figures) {
  return dump_json(build(r, figures), 2) + "\n";
}

std::string unit_report_csv(const UnitReport& r, const FigureSet& figures) {
  CsvWriter w;
  w.row("figure", "key", "value", "numerator", "denominator", "note");
  const json j = build(r, figures);
  for (const auto& [k, v] : j.items()) w.walk("", k, v);
  return w.out.str();
}

}  // namespace eb::report
