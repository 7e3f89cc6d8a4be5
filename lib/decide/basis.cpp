// SPDX-License-Identifier: MIT
#include "decide/basis.hpp"

#include "common/error.hpp"
#include "common/ids.hpp"

namespace eb::decide {

Basis basis_of(const Candidate& c) {
  if (!c.assessment || !c.assessment_id) {
    const std::string app = format_id(IdKind::application, c.application_id);
    throw Conflict(app + " is not assessed: a decision rests on an assessment (eb assess " + app + ")");
  }
  if (auto why = rules_refusal(c)) throw Conflict(*why);
  Basis b;
  b.application_id = c.application_id;
  b.assessment_id = *c.assessment_id;
  b.assessment = &*c.assessment;
  b.received = c.received;
  b.children = c.children;
  b.granted_elsewhere = c.granted_elsewhere;
  b.current_decision = c.current_decision;
  b.current_granted = c.current_granted;
  return b;
}

std::optional<std::string> rules_refusal(const Candidate& c) {
  if (!c.assessment || !c.rules_now) return std::nullopt;
  const assess::Assessment& a = *c.assessment;
  const norms::RuleChoice& now = *c.rules_now;
  if (a.norm_day == now.norm_day && a.law_day == now.law_day) return std::nullopt;
  const std::string app = format_id(IdKind::application, c.application_id);
  std::string acts;
  for (const auto& t : now.applied) acts += (acts.empty() ? "" : ", ") + std::string("SFS ") + t.sfs;
  return app + " was assessed under the rules of " + a.law_day.to_string() + " (" + a.norm_id +
         "), but a decision made now follows those of " + now.law_day.to_string() +
         (acts.empty() ? std::string() : " (" + acts + ")") +
         " (norms/transitional.toml): assess it again (eb assess " + app + ") before deciding";
}

}  // namespace eb::decide
