// SPDX-License-Identifier: MIT
// How an application is read from its rows: one definition of the columns and the row mapping
// for cases.cpp (load_application) and scan.cpp (the bulk scans), so both build the same
// assess::Application. Internal to lib/store.
#pragma once

#include <string_view>

#include "assess/application.hpp"
#include "store/raw_query.hpp"

namespace eb::store {

// Aliases: application a, member m, person p, cost c, income i.
inline constexpr std::string_view k_application_columns =
    "a.month, a.kind, a.received_on, a.address, a.account, a.guideline, a.housemates, a.large_household_exempt, "
    "a.housing, a.complete_on";
inline constexpr std::string_view k_member_columns =
    "p.pnr, p.name, m.role, m.hinder, m.assistance_months, m.stimulus_start, m.preschool_lunch, m.in_school, m.days, "
    "m.alternating_residence, m.earned_before_ore, m.norm_raise_ore, m.norm_raise_reason, m.norm_raise_applied_ore";
inline constexpr std::string_view k_cost_columns =
    "c.kind, c.applied_ore, c.approved_ore, c.note, c.second_hand, c.consent, c.special_reasons";
inline constexpr std::string_view k_income_columns = "p.pnr, i.kind, i.amount_ore, i.note";

// The id of application a's latest assessment: the one rule for "the current assessment",
// used by every query that joins it (summaries, routine candidates, scans).
inline constexpr std::string_view k_latest_assessment_id =
    "(SELECT max(x.id) FROM assessment x WHERE x.application_id = a.id)";

// The row mapping from column `first` on: the application without members, costs and incomes,
// and one member, cost or income.
assess::Application read_application_row(const RawQuery& q, int first);
assess::Member read_member_row(const RawQuery& q, int first);
assess::Cost read_cost_row(const RawQuery& q, int first);
assess::Income read_income_row(const RawQuery& q, int first);

}  // namespace eb::store
