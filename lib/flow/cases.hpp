// SPDX-License-Identifier: MIT
// The views of the case store (`eb show`, `eb list`) and the decision letter (`eb letter`):
// read-only flows that gather what a caseworker or the applicant reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "decide/decision.hpp"
#include "decide/letter.hpp"
#include "store/cases.hpp"
#include "store/database.hpp"

namespace eb::flow {

struct ApplicationView {
  store::ApplicationSummary summary;
  assess::Application application;
  std::vector<store::StoredAssessment> assessments;  // oldest first
  std::vector<decide::Decision> decisions;           // oldest first
  std::vector<std::string> history_notes;
};

// Throws NotFound.
store::CaseSummary show_case(const store::Database& db, std::int64_t case_id);
// Throws NotFound.
ApplicationView show_application(const store::Database& db, std::int64_t application_id);
std::vector<store::ApplicationSummary> list_applications(const store::Database& db,
                                                         const store::ApplicationFilter& filter);

struct LetterOutcome {
  std::string text;
  // The decision that replaced this one, if any: the letter is then of an earlier decision.
  std::optional<std::int64_t> replaced_by;
};

// The letter of decision `decision_id` in `format`. Throws NotFound.
LetterOutcome letter(const store::Database& db, std::int64_t decision_id, decide::LetterFormat format);

}  // namespace eb::flow
