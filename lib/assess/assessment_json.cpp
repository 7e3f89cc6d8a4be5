// SPDX-License-Identifier: MIT
#include "assess/assessment_json.hpp"

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
                       {"amount_ore", t.amount.ore()}}},
                     {"notes", a.notes},
                     {"warnings", a.warnings}};
  if (!a.guideline_id.empty()) out["guideline"] = a.guideline_id;
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
      a.lines.push_back(std::move(line));
    }
    const auto& t = j.at("totals");
    const auto ore = [&](const char* key) { return Money::from_ore(t.at(key).get<std::int64_t>()); };
    a.totals = Totals{ore("norm_ore"),   ore("costs_ore"),  ore("other_ore"), ore("need_ore"),
                      ore("income_ore"), ore("exempt_ore"), ore("amount_ore")};
    a.notes = j.value("notes", std::vector<std::string>{});
    a.warnings = j.value("warnings", std::vector<std::string>{});
    return a;
  } catch (const nlohmann::json::exception& e) {
    throw InputError("assessment", "", std::string("stored assessment JSON is malformed: ") + e.what());
  }
}

}  // namespace eb::assess
