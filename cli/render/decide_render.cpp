// SPDX-License-Identifier: MIT
#include "render/decide_render.hpp"

#include <nlohmann/json.hpp>

#include "common/ids.hpp"
#include "common/text.hpp"
#include "decide/decision.hpp"
#include "render/decision_json.hpp"
#include "render/table.hpp"

namespace eb::cli {

void print_decision(std::ostream& out, const decide::Decision& d, bool json) {
  if (json) {
    out << decision_json(d).dump(2) << "\n";
    return;
  }
  const std::string app = format_id(IdKind::application, d.application_id);
  out << (d.id > 0 ? "decided " + format_id(IdKind::beslut, d.id) : std::string("would decide (dry run)")) << ": "
      << decide::kind_name(d.kind) << " of " << app << ", " << money::format_kr(d.granted) << " granted of "
      << money::format_kr(d.applied) << " applied for\n"
      << "  decided by " << d.decided_by << " on " << d.decided_on.to_string() << " under " << d.delegation << "\n"
      << "  handläggningstid " << text::counted(d.handling_days, "arbetsdag", "arbetsdagar")
      << " (ankomstdagen är dag 1)\n";
  if (d.replaces) out << "  replaces " << format_id(IdKind::beslut, *d.replaces) << "\n";
  for (const auto& l : d.lines) {
    if (l.refused().is_zero()) continue;
    out << "  " << l.item << ": " << money::format_kr(l.refused()) << " of " << money::format_kr(l.applied)
        << " refused" << (l.reason_code.empty() ? "" : " (" + l.reason_code + ")") << "\n";
  }
  if (d.large_household_exempt) out << "  large-household limit lifted: synnerliga skäl recorded\n";
  if (d.repayment) {
    out << "  repayment condition: " << decide::repayment_name(d.repayment->kind)
        << (d.repayment->on.empty() ? "" : " on " + d.repayment->on) << "\n";
  }
  for (const auto& x : d.dissents) out << "  dissent recorded: " << x.user << "\n";
  if (d.id > 0) out << "the letter: eb letter " << format_id(IdKind::beslut, d.id) << "\n";
}

std::vector<std::string> decision_warnings(const flow::DecideOutcome& o) {
  const decide::Decision& d = o.decision;
  const std::string app = format_id(IdKind::application, d.application_id);
  std::vector<std::string> out;
  for (const auto& w : o.warnings) out.push_back("the assessment of " + app + ": " + w);
  if (d.unofficial_norm) {
    out.push_back(
        "decided on a norm that is not official (--allow-unofficial-norm); the letter says so and reserves "
        "a change if the fixed amounts are lower (FL 37 §)");
  }
  if (d.repayment) {
    out.push_back(
        "the condition for repayment binds only when the letter is served on the applicant (delgivning, "
        "SoL 33 kap. 2 § 2 a and 3 § 2): " +
        (d.id > 0 ? "eb letter " + format_id(IdKind::beslut, d.id) : std::string("eb letter D-n")));
  }
  return out;
}

void print_routine(std::ostream& out, const flow::RoutineOutcome& o, const std::string& month, bool dry_run,
                   bool json) {
  const decide::RoutinePlan& plan = o.plan;
  if (json) {
    nlohmann::json decided = nlohmann::json::array();
    for (const auto& d : plan.decisions) {
      decided.push_back({{"decision_id", d.id > 0 ? nlohmann::json(format_id(IdKind::beslut, d.id)) : nullptr},
                         {"application_id", format_id(IdKind::application, d.application_id)},
                         {"granted_ore", d.granted.ore()},
                         {"handling_days", d.handling_days}});
    }
    nlohmann::json manual = nlohmann::json::array();
    for (const auto& m : plan.manual) {
      manual.push_back({{"application_id", format_id(IdKind::application, m.application_id)}, {"why", m.why}});
    }
    nlohmann::json done = nlohmann::json::array();
    for (const auto& a : plan.already_decided) {
      done.push_back({{"application_id", format_id(IdKind::application, a.application_id)},
                      {"decision_id", format_id(IdKind::beslut, a.decision_id)}});
    }
    out << nlohmann::json{{"month", month},     {"dry_run", dry_run}, {"decided_by", o.user.name},
                          {"decided", decided}, {"manual", manual},   {"already_decided", done}}
               .dump(2)
        << "\n";
    return;
  }
  out << (dry_run ? "dry run: would decide " : "decided ") << plan.decisions.size() << " routine bifall for " << month
      << ", confirmed by " << o.user.name << " (" << decide::role_name(o.user.role) << "); " << plan.manual.size()
      << " for manual handling; " << plan.already_decided.size() << " already decided\n";
  if (!plan.decisions.empty()) {
    Table t({"decision", "application", "granted", "days"}, {false, false, true, true});
    for (const auto& d : plan.decisions) {
      t.add({d.id > 0 ? format_id(IdKind::beslut, d.id) : "—", format_id(IdKind::application, d.application_id),
             money::format_kr(d.granted), std::to_string(d.handling_days)});
    }
    out << "\n";
    t.print(out);
  }
  if (!plan.manual.empty()) {
    Table t({"manual handling", "why"});
    for (const auto& m : plan.manual) t.add({format_id(IdKind::application, m.application_id), m.why});
    out << "\n";
    t.print(out);
  }
}

}  // namespace eb::cli
