// SPDX-License-Identifier: MIT
// The seven FUT rules (fut.md), one file each. Each reads the shared ScreeningIndex and
// returns its findings in a fixed order; rule_table.hpp lists them with names and statutes.
#pragma once

#include <string_view>
#include <vector>

#include "fut/screening.hpp"
#include "fut/screening_index.hpp"

namespace eb::fut {

// The rule ids: used in --rule, in JSON and in every evidence key.
inline constexpr std::string_view k_rule_undeclared_income = "undeclared-income";
inline constexpr std::string_view k_rule_underdeclared_income = "underdeclared-income";
inline constexpr std::string_view k_rule_overpayment = "overpayment";
inline constexpr std::string_view k_rule_person_in_two_cases = "person-in-two-cases";
inline constexpr std::string_view k_rule_shared_account = "shared-account";
inline constexpr std::string_view k_rule_paid_after_death = "paid-after-death";
inline constexpr std::string_view k_rule_address_concentration = "address-concentration";

// undeclared-income: a register row of a case member for a month with bistånd paid, of an
// income kind that no member of the case declared that month. One finding per row; at risk:
// min(row amount, what is paid and not yet at risk from earlier rows of the case-month).
std::vector<Finding> find_undeclared_income(const ScreeningIndex& ix, const ScreeningParams& params);

// underdeclared-income: for a case-month and an income kind the case declared, the register
// rows of its members add up to more than the declared lines by more than the tolerance. At
// risk: min(difference, what is paid and not yet at risk).
std::vector<Finding> find_underdeclared_income(const ScreeningIndex& ix, const ScreeningParams& params);

// overpayment: a case-month paid more than the decisions in force grant plus the claims
// already raised on them. At risk: the excess.
std::vector<Finding> find_overpayment(const ScreeningIndex& ix, const ScreeningParams& params);

// person-in-two-cases: one pnr is a member of two or more cases paid for the same month. At
// risk: all but the largest payment (the smaller one, for two cases).
std::vector<Finding> find_person_in_two_cases(const ScreeningIndex& ix, const ScreeningParams& params);

// shared-account: one account was paid for two or more cases in a month, two of which have no
// member in common. A signal: nothing at risk.
std::vector<Finding> find_shared_account(const ScreeningIndex& ix, const ScreeningParams& params);

// paid-after-death: bistånd paid for a month after the month a member died in. At risk: the
// deceased's share (see paid_after_death.cpp), the whole payment for a one-person case.
std::vector<Finding> find_paid_after_death(const ScreeningIndex& ix, const ScreeningParams& params);

// address-concentration: more than `address_max_cases` paid cases at one (normalised) address
// in a month. A signal: nothing at risk.
std::vector<Finding> find_address_concentration(const ScreeningIndex& ix, const ScreeningParams& params);

}  // namespace eb::fut
