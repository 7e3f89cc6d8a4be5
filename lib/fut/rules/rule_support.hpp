// SPDX-License-Identifier: MIT
// What the rule files share: starting a finding from a case-month, Swedish wording for the
// evidence notes, and the canonical text behind evidence keys.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fut/screening.hpp"

namespace eb::fut {

// The payment facts of `cm`.
PaymentEvidence payment_evidence(const PaidCaseMonth& cm);
// A finding of `rule` about `cm`: its case, month and payment facts.
Finding start_finding(std::string_view rule, const PaidCaseMonth& cm);
// "sökande", "medsökande", "barn": the role of `pnr` in `cm` ("medlem" if it is not one).
std::string role_sv(const PaidCaseMonth& cm, const person::Personnummer& pnr);
// "ansökan A-12", "ansökningarna A-12 och A-13", or "ansökan" when there are no ids.
std::string applications_sv(const PaidCaseMonth& cm);
// The income kind's label with a small first letter, for the middle of a sentence.
std::string kind_sv(assess::IncomeKind kind);
// "C-3,C-9": the cases for canonical texts.
std::string case_list(const std::vector<std::int64_t>& cases);
// "C-3 och C-9", "C-3, C-5 och C-9": the cases for notes.
std::string cases_sv(const std::vector<std::int64_t>& cases);

}  // namespace eb::fut
