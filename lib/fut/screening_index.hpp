// SPDX-License-Identifier: MIT
// The sorted views of a ScreeningInput that the rules share: built once per screening by sorts
// and merge joins, never by a scan of the register per payment.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "fut/screening.hpp"

namespace eb::fut {

// What a rule needs built (the rule table says which).
enum Need : unsigned {
  k_need_members = 1u,  // the members of paid case-months by (pnr, month)
  k_need_income = 2u,   // the register rows matched to paid case-months
};

struct ScreeningIndex {
  const ScreeningInput* input = nullptr;
  // The case-months in the period with something paid, as indices into input->case_months.
  std::vector<std::uint32_t> paid;
  // (pnr_month_key, case-month index) of every member of a paid case-month, ascending.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> members;
  // (case-month index, income row index) for every register row of a member of a paid
  // case-month in that month: ascending by case-month, then by row index.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> income_matches;

  const PaidCaseMonth& case_month(std::uint32_t i) const { return input->case_months[i]; }
  const IncomeRow& income_row(std::uint32_t i) const { return input->income_rows[i]; }
};

// Builds what `needs` asks for. The input must outlive the index. Throws eb::Error (internal) for
// more than 4 294 967 294 case-months or rows.
ScreeningIndex build_index(const ScreeningInput& input, unsigned needs);

// The 12 digits of `pnr` as a number.
std::uint64_t pnr_number(const person::Personnummer& pnr);
// One number for a person and a month: the pnr in the high bits, the month in the low 16.
std::uint64_t pnr_month_key(const person::Personnummer& pnr, period::Month month);
// Months since year 0: 2026-03 is 2026 × 12 + 2.
int month_index(period::Month m);

}  // namespace eb::fut
