// SPDX-License-Identifier: MIT
#include "assess/assessment_json.hpp"

#include "assess/calculator.hpp"

#include "common/error.hpp"
#include "period/month.hpp"

namespace eb::assess {

namespace {

std::optional<Section> section_from(std::string_view name) {
  for (auto s : {Section::norm, Section::common, Section::cost, Section::other, Section::income, Section::exemption}) {
    if (section_name(s) == name) return s;
  }
  return std::nullopt;
}

std::optional<norms::NormStatus> status_from(std::string_view name) {
  using norms::NormStatus;
  for (auto s : {NormStatus::official, NormStatus::municipal, NormStatus::derived, NormStatus::estimate,
                 NormStatus::preliminary}) {
    if (norms::status_name(s) == name) return s;
  }
  return std::nullopt;
}

}  // namespace

nlohmann::json to_json(const Assessment& a) {
  nlohmann::json lines = nlohmann::json::array();
  for (const Line& l : a.lines) {
    nlohmann::json line{{"section", section_name(l.section)},
                        {"label", l.label},
                        {"member", l.member},
                        {"amount_ore", l.amount.ore()},
                        {"rule", l.rule},
                        {"ref", l.ref},
                        {"detail", l.detail}};
    if (!l.kind.empty()) line["kind"] = l.kind;
    if (l.applied != l.amount) line["applied_ore"] = l.applied.ore();
    if (l.is_cut()) line["cut"] = {{"code", l.cut_code}, {"text", l.cut_text}};
    lines.push_back(std::move(line));
  }
  const Totals& t = a.totals;
  nlohmann::json out{{"month", a.month.to_string()},
                     {"norm",
                      {{"id", a.norm_id},
                       {"sha256", a.norm_sha256},
                       {"status", norms::status_name(a.norm_status)},
                       {"source", a.norm_source}}},
                     {"lines", std::move(lines)},
                     {"totals",
                      {{"norm_ore", t.norm.ore()},
                       {"costs_ore", t.costs.ore()},
                       {"other_ore", t.other.ore()},
                       {"need_ore", t.need.ore()},
                       {"income_ore", t.income.ore()},
                       {"exempt_ore", t.exempt.ore()},
                       {"amount_ore", t.amount.ore()},
                       {"applied_ore", t.applied.ore()}}},
                     {"notes", a.notes},
                     {"warnings", a.warnings}};
  if (!a.guideline_id.empty()) out["guideline"] = a.guideline_id;
  nlohmann::json acts = nlohmann::json::array();
  for (const auto& tr : a.transitions) {
    acts.push_back({{"sfs", tr.sfs},
                    {"title", tr.title},
                    {"in_force", tr.in_force.to_string()},
                    {"kind", norms::transition_kind_name(tr.kind)}});
  }
  out["rules"] = {{"norm_day", a.norm_day.to_string()},
                  {"law_day", a.law_day.to_string()},
                  {"transitions", std::move(acts)},
                  {"payable_rounding", money::rounding_name(a.payable_rounding)}};
  if (!a.large_household_exempt.empty()) out["large_household_exempt"] = a.large_household_exempt;
  return out;
}

Assessment assessment_from_json(const nlohmann::json& j) {
  try {
    Assessment a;
    a.month = period::parse_month(j.at("month").get<std::string>(), "month");
    const auto& n = j.at("norm");
    a.norm_id = n.at("id").get<std::string>();
    a.norm_sha256 = n.at("sha256").get<std::string>();
    a.norm_status = status_from(n.at("status").get<std::string>()).value_or(norms::NormStatus::official);
    a.norm_source = n.value("source", "");
    a.guideline_id = j.value("guideline", "");
    for (const auto& l : j.at("lines")) {
      Line line;
      line.section = section_from(l.at("section").get<std::string>()).value_or(Section::norm);
      line.label = l.at("label").get<std::string>();
      line.member = l.at("member").get<std::string>();
      line.amount = Money::from_ore(l.at("amount_ore").get<std::int64_t>());
      line.applied = Money::from_ore(l.value("applied_ore", line.amount.ore()));
      line.rule = l.at("rule").get<std::string>();
      line.ref = l.at("ref").get<std::string>();
      line.detail = l.value("detail", "");
      line.kind = l.value("kind", "");
      if (const auto cut = l.find("cut"); cut != l.end()) {
        line.cut_code = cut->at("code").get<std::string>();
        line.cut_text = cut->at("text").get<std::string>();
      }
      a.lines.push_back(std::move(line));
    }
    const auto& t = j.at("totals");
    const auto ore = [&](const char* key) { return Money::from_ore(t.at(key).get<std::int64_t>()); };
    a.totals = Totals{ore("norm_ore"),   ore("costs_ore"),  ore("other_ore"),  ore("need_ore"),
                      ore("income_ore"), ore("exempt_ore"), ore("amount_ore"), ore("amount_ore")};
    // Stored before v9 without it: what was applied for is then what the lines applied for.
    if (t.contains("applied_ore")) a.totals.applied = ore("applied_ore");
    a.norm_day = a.law_day = a.month.first_day();
    if (const auto r = j.find("rules"); r != j.end()) {
      a.norm_day = period::parse_date(r->at("norm_day").get<std::string>(), "rules.norm_day");
      a.law_day = period::parse_date(r->at("law_day").get<std::string>(), "rules.law_day");
      for (const auto& t2 : r->value("transitions", nlohmann::json::array())) {
        norms::AppliedTransition at;
        at.sfs = t2.at("sfs").get<std::string>();
        at.title = t2.value("title", "");
        at.in_force = period::parse_date(t2.at("in_force").get<std::string>(), "rules.transitions.in_force");
        at.kind = t2.at("kind").get<std::string>() == "decision_date" ? norms::TransitionKind::decision_date
                                                                      : norms::TransitionKind::arrival_and_period;
        a.transitions.push_back(std::move(at));
      }
      a.payable_rounding =
          money::parse_rounding(r->value("payable_rounding", "krona_half_up"), "rules.payable_rounding");
    }
    if (!t.contains("applied_ore")) a.totals.applied = applied_amount(a);
    a.large_household_exempt = j.value("large_household_exempt", "");
    a.notes = j.value("notes", std::vector<std::string>{});
    a.warnings = j.value("warnings", std::vector<std::string>{});
    return a;
  } catch (const nlohmann::json::exception& e) {
    throw InputError("assessment", "", std::string("stored assessment JSON is malformed: ") + e.what());
  }
}

}  // namespace eb::assess
