// SPDX-License-Identifier: MIT
#include "flow/decide.hpp"

#include "store/decisions.hpp"

namespace eb::flow {

namespace {

// The rules a decision made today follows, by the transitional rules of the norms folder.
void with_rules_now(decide::Candidate& c, const Context& ctx) {
  if (c.assessment) c.rules_now = ctx.catalog().rules_for(c.assessment->month, c.received, ctx.today);
}

}  // namespace

DecideOutcome decide(store::Database& db, const Context& ctx, std::int64_t application_id,
                     const decide::Request& request, const std::string& by) {
  const decide::Delegation& delegation = ctx.delegation();
  const std::optional<decide::User> found = store::find_user(db, by);
  const decide::User& user = decide::require_active(found, by, "--by");
  if (request.presented_by) {
    (void)decide::require_active(store::find_user(db, *request.presented_by), *request.presented_by, "--presented-by");
  }
  for (const auto& dissent : request.dissents) {
    (void)decide::require_active(store::find_user(db, dissent.user), dissent.user, "--dissent");
  }
  decide::Candidate candidate = store::decision_candidate(db, application_id);
  with_rules_now(candidate, ctx);
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
  std::vector<decide::Candidate> candidates = store::routine_candidates(db, month);
  for (auto& c : candidates) with_rules_now(c, ctx);
  out.plan = decide::plan_routine(candidates, {out.user.name, out.user.role, &delegation}, ctx.today);
  const store::WriteContext write = ctx.write("decide --bifall-routine");
  for (auto& d : out.plan.decisions) d.id = store::record_decision(db, d, write);
  return out;
}

}  // namespace eb::flow
