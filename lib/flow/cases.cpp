// SPDX-License-Identifier: MIT
#include "flow/cases.hpp"

#include "common/ids.hpp"
#include "store/decisions.hpp"

namespace eb::flow {

namespace {

decide::Official official(const store::Database& db, const std::string& name) {
  const auto u = store::find_user(db, name);
  if (!u) return decide::Official{name, "", decide::Role::socialsekreterare};
  return decide::Official{u->name, u->full_name, u->role};
}

}  // namespace

store::CaseSummary show_case(const store::Database& db, std::int64_t case_id) {
  return store::case_summary(db, case_id);
}

ApplicationView show_application(const store::Database& db, std::int64_t application_id) {
  ApplicationView v;
  v.summary = store::application_summary(db, application_id);
  v.application = store::load_application(db, application_id);
  v.assessments = store::assessments(db, application_id);
  v.decisions = store::decisions_of(db, application_id);
  v.history_notes = store::history_notes(db, application_id);
  return v;
}

std::vector<store::ApplicationSummary> list_applications(const store::Database& db,
                                                         const store::ApplicationFilter& filter) {
  return store::list_applications(db, filter);
}

LetterOutcome letter(const store::Database& db, std::int64_t decision_id, decide::LetterFormat format) {
  const decide::Decision d = store::load_decision(db, decision_id);
  const assess::Application app = store::load_application(db, d.application_id);
  const store::ApplicationSummary summary = store::application_summary(db, d.application_id);
  std::optional<store::StoredAssessment> assessment;
  for (auto& a : store::assessments(db, d.application_id)) {
    if (a.id == d.assessment_id) assessment = std::move(a);
  }
  if (!assessment) {
    throw NotFound("assessment " + std::to_string(d.assessment_id) + " of " + format_id(IdKind::beslut, decision_id));
  }
  decide::LetterInput in;
  in.decision = &d;
  in.assessment = &assessment->result;
  in.application = &app;
  in.case_id = summary.case_id;
  in.decided_by = official(db, d.decided_by);
  if (d.presented_by) in.presented_by = official(db, *d.presented_by);
  if (d.replaces) {
    const decide::Decision replaced = store::load_decision(db, *d.replaces);
    in.replaced_decided_on = replaced.decided_on;
    in.replaced_granted = replaced.granted;
  }
  for (const auto& x : d.dissents) in.dissenters.push_back(official(db, x.user));
  return {decide::render_letter(in, format), store::replaced_by(db, decision_id)};
}

}  // namespace eb::flow
