// SPDX-License-Identifier: MIT
#include "decide/routine.hpp"

#include <map>
#include <utility>

#include "common/ids.hpp"
#include "decide/make_decision.hpp"

namespace eb::decide {

RoutinePlan plan_routine(const std::vector<Candidate>& candidates, const Decider& decider, period::Date today) {
  RoutinePlan plan;
  // What this run grants per case and month, so a supplement decided in the same run counts
  // toward the delegation limit like one decided earlier.
  std::map<std::pair<std::int64_t, std::string>, Money> granted_in_run;
  for (const Candidate& c : candidates) {
    if (c.current_decision) {
      plan.already_decided.push_back({c.application_id, *c.current_decision});
      continue;
    }
    if (!c.assessment || !c.assessment_id) {
      plan.manual.push_back(
          {c.application_id, "not assessed: run eb assess " + format_id(IdKind::application, c.application_id)});
      continue;
    }
    if (auto why = rules_refusal(c)) {
      plan.manual.push_back({c.application_id, std::move(*why)});
      continue;
    }
    const auto key = std::make_pair(c.case_id, c.assessment->month.to_string());
    Basis basis = basis_of(c);
    basis.granted_elsewhere += granted_in_run[key];
    if (auto why = routine_refusal(basis, decider, today)) {
      plan.manual.push_back({c.application_id, std::move(*why)});
      continue;
    }
    Request request;
    request.kind = Kind::bifall;
    request.routine = true;
    plan.decisions.push_back(make_decision(basis, request, decider, today));
    granted_in_run[key] += plan.decisions.back().granted;
  }
  return plan;
}

}  // namespace eb::decide
