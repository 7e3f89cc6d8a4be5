// SPDX-License-Identifier: MIT
#include "render/decision_json.hpp"

#include "common/ids.hpp"

namespace eb::cli {

nlohmann::json decision_json(const decide::Decision& d) {
  using nlohmann::json;
  json reasons = json::array();
  for (const auto& r : d.reasons) reasons.push_back({{"code", r.code}, {"text", r.text}});
  json lines = json::array();
  for (const auto& l : d.lines) {
    lines.push_back({{"item", l.item},
                     {"label", l.label},
                     {"applied_ore", l.applied.ore()},
                     {"assessed_ore", l.assessed.ore()},
                     {"granted_ore", l.granted.ore()},
                     {"refused_ore", l.refused().ore()},
                     {"outcome", decide::kind_name(l.outcome)},
                     {"reason", l.reason},
                     {"reason_code", l.reason_code}});
  }
  json dissents = json::array();
  for (const auto& x : d.dissents) dissents.push_back({{"user", x.user}, {"note", x.note}});
  json repayment = nullptr;
  if (d.repayment) {
    repayment = {{"kind", decide::repayment_name(d.repayment->kind)},
                 {"on", d.repayment->on},
                 {"grounds", d.repayment->grounds}};
  }
  return {{"decision_id", d.id > 0 ? json(format_id(IdKind::beslut, d.id)) : json(nullptr)},
          {"application_id", format_id(IdKind::application, d.application_id)},
          {"assessment_id", d.assessment_id},
          {"kind", decide::kind_name(d.kind)},
          {"applied_ore", d.applied.ore()},
          {"assessed_ore", d.assessed.ore()},
          {"granted_ore", d.granted.ore()},
          {"handling_days", d.handling_days},
          {"decided_on", d.decided_on.to_string()},
          {"decided_by", d.decided_by},
          {"presented_by", d.presented_by ? json(*d.presented_by) : json(nullptr)},
          {"delegation", d.delegation},
          {"authority", d.authority},
          {"replaces", d.replaces ? json(format_id(IdKind::beslut, *d.replaces)) : json(nullptr)},
          {"routine", d.routine},
          {"child_impact", d.child_impact ? json(*d.child_impact) : json(nullptr)},
          {"reasons", std::move(reasons)},
          {"statutes", d.statutes},
          {"unofficial_norm", d.unofficial_norm ? json(*d.unofficial_norm) : json(nullptr)},
          {"large_household_exempt", d.large_household_exempt ? json(*d.large_household_exempt) : json(nullptr)},
          {"repayment", std::move(repayment)},
          {"dissents", std::move(dissents)},
          {"lines", std::move(lines)}};
}

}  // namespace eb::cli
