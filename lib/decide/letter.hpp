// SPDX-License-Identifier: MIT
// The decision letter (beslut) in plain Swedish, as text or as a self-contained printable HTML
// page: everything FL 31–33 §§ require (rules-reference.md §4.3, checklist for eb decide).
// It names no personnummer but the recipient's (the applicant's).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "assess/application.hpp"
#include "assess/assessment.hpp"
#include "common/document.hpp"
#include "decide/decision.hpp"
#include "period/date.hpp"

namespace eb::decide {

// A decision-maker or föredragande as the letter names them.
struct Official {
  std::string name;       // user name
  std::string full_name;  // may be empty: the user name is printed instead
  Role role = Role::socialsekreterare;
};

struct LetterInput {
  const Decision* decision = nullptr;
  const assess::Assessment* assessment = nullptr;    // the one the decision rests on
  const assess::Application* application = nullptr;  // as stored
  std::int64_t case_id = 0;
  Official decided_by;
  std::optional<Official> presented_by;
  std::optional<period::Date> replaced_decided_on;  // the date of the decision it replaces
  std::optional<money::Money> replaced_granted;     // what the decision it replaces granted
  std::vector<Official> dissenters;                 // the users of decision->dissents, in order
};

enum class LetterFormat { text, html };

// The letter as a document (Layout::letter): the header, the addressee and one section per
// FL 31–33 §§ element, each with the HTML id the tests look for ("beslut", "poster", "berakning",
// "skal", "aterbetalning", "barn", "nasta-steg", "beslutsfattare", "avvikande-mening",
// "overklagande"): per item what was applied for, granted and refused, with the reason and
// statute of each refused part (FL 32 §), a norm that is not official said plainly, the
// conditions for repayment (SoL 33 kap. 2–3 §§) and any dissenting opinion (FL 33 §).
doc::Document letter_document(const LetterInput& in);
// The letter rendered by the shared writers: text wrapped at 78 columns, or one
// self-contained HTML page (no external resources), every value HTML-escaped.
std::string render_letter(const LetterInput& in, LetterFormat format);

// The Swedish name of a month, "november 2026".
std::string month_sv(period::Month m);

}  // namespace eb::decide
