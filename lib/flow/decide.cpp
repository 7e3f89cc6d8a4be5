// SPDX-License-Identifier: MIT
#include "flow/decide.hpp"

#include "store/decisions.hpp"

namespace eb::flow {

DecideOutcome decide(store::Database& db, const Context& ctx, std::int64_t application_id,
                     const decide::Request& request, const std::string& by) {
  const decide::Delegation& delegation = ctx.delegation();
  const std::optional<decide::User> found = store::find_user(db, by);
  const decide::User& user = decide::require_active(found, by, "--by");
  if (request.presented_by) {
    (void)decide::require_active(store::find_user(db, *request.presented_by), *request.presented_by, "--presented-by");
  }
  const decide::Candidate candidate = store::decision_candidate(db, application_id);
  const decide::Basis basis = decide::basis_of(candidate);
  DecideOutcome out;
  out.warnings = candidate.assessment->warnings;
  out.decision = decide::make_decision(basis, request, {user.name, user.role, &delegation}, ctx.today);
  out.decision.id = store::record_decision(db, out.decision, ctx.write("decide"));
  return out;
}

RoutineOutcome decide_routine(store::Database& db, const Context& ctx, period::Month month, const std::string& by) {
  const decide::Delegation& delegation = ctx.delegation();
  RoutineOutcome out;
  out.user = decide::require_active(store::find_user(db, by), by, "--by");
  out.plan = decide::plan_routine(store::routine_candidates(db, month), {out.user.name, out.user.role, &delegation},
                                  ctx.today);
  const store::WriteContext write = ctx.write("decide --bifall-routine");
  for (auto& d : out.plan.decisions) d.id = store::record_decision(db, d, write);
  return out;
}

}  // namespace eb::flow
