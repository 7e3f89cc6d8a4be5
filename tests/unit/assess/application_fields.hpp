// SPDX-License-Identifier: MIT
// Test helper: the fields in which two applications differ, for round-trip tests of the
// writers (every field of assess::Application except source, source_sha256 and line numbers).
#pragma once

#include <string>
#include <vector>

#include "assess/application.hpp"

namespace eb::test {

inline std::vector<std::string> application_differences(const assess::Application& a, const assess::Application& b) {
  std::vector<std::string> out;
  const auto check = [&](bool same, const std::string& field) {
    if (!same) out.push_back(field);
  };
  check(a.month == b.month, "month");
  check(a.received == b.received, "received");
  check(a.kind == b.kind, "kind");
  check(a.guideline == b.guideline, "guideline");
  check(a.housemates == b.housemates, "housemates");
  check(a.address == b.address, "address");
  check(a.account == b.account, "account");
  check(a.large_household_exempt == b.large_household_exempt, "large_household_exempt");
  check(a.housing == b.housing, "housing");
  check(a.complete_on == b.complete_on, "complete_on");
  check(a.members.size() == b.members.size(), "members");
  for (std::size_t i = 0; i < a.members.size() && i < b.members.size(); ++i) {
    const assess::Member& x = a.members[i];
    const assess::Member& y = b.members[i];
    const std::string f = "member[" + std::to_string(i + 1) + "].";
    check(x.pnr == y.pnr, f + "pnr");
    check(x.name == y.name, f + "name");
    check(x.role == y.role, f + "role");
    check(x.hinder == y.hinder, f + "hinder");
    check(x.assistance_months == y.assistance_months, f + "assistance_months");
    check(x.stimulus_start == y.stimulus_start, f + "stimulus_start");
    check(x.preschool_lunch == y.preschool_lunch, f + "preschool_lunch");
    check(x.in_school == y.in_school, f + "in_school");
    check(x.days == y.days, f + "days");
    check(x.alternating_residence == y.alternating_residence, f + "alternating_residence");
    check(x.earned_this_year_before == y.earned_this_year_before, f + "earned_this_year_before");
    check(x.norm_raise == y.norm_raise, f + "norm_raise");
    check(x.norm_raise_reason == y.norm_raise_reason, f + "norm_raise_reason");
  }
  check(a.costs.size() == b.costs.size(), "costs");
  for (std::size_t i = 0; i < a.costs.size() && i < b.costs.size(); ++i) {
    const assess::Cost& x = a.costs[i];
    const assess::Cost& y = b.costs[i];
    const std::string f = "cost[" + std::to_string(i + 1) + "].";
    check(x.kind == y.kind, f + "kind");
    check(x.applied == y.applied, f + "applied");
    check(x.approved == y.approved, f + "approved");
    check(x.note == y.note, f + "note");
    check(x.second_hand == y.second_hand, f + "second_hand");
    check(x.consent == y.consent, f + "consent");
    check(x.special_reasons == y.special_reasons, f + "special_reasons");
  }
  check(a.incomes.size() == b.incomes.size(), "incomes");
  for (std::size_t i = 0; i < a.incomes.size() && i < b.incomes.size(); ++i) {
    const assess::Income& x = a.incomes[i];
    const assess::Income& y = b.incomes[i];
    const std::string f = "income[" + std::to_string(i + 1) + "].";
    check(x.member == y.member, f + "member");
    check(x.kind == y.kind, f + "kind");
    check(x.amount == y.amount, f + "amount");
    check(x.note == y.note, f + "note");
  }
  return out;
}

}  // namespace eb::test
