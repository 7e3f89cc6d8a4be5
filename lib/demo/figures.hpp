// SPDX-License-Identifier: MIT
// The district's figures, counted as the applications stream by: what a unit's report would
// show for the generated year (reports.md), to compare with the seed units.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "demo/generator.hpp"
#include "money/money.hpp"

namespace eb::demo {

class DistrictFigures {
 public:
  void add(const GeneratedApplication& a);

  int months() const { return static_cast<int>(m_households.size()); }
  std::int64_t household_months() const { return m_household_months; }
  // Per month, averaged over the months: households, adults, children.
  std::int64_t households_per_month() const { return average(m_household_months); }
  std::int64_t adults_per_month() const { return average(m_adult_months); }
  std::int64_t children_per_month() const { return average(m_child_months); }
  // Households that appear at least once.
  std::int64_t distinct_households() const { return static_cast<std::int64_t>(m_distinct.size()); }
  // Per mille of the household-months with one person only.
  std::int64_t single_per_mille() const { return per_mille(m_single_months, m_household_months); }
  // Medelbidrag per hushåll och månad: payable ÷ household-months (reports.md), over the
  // calculated applications; zero when none was calculated.
  money::Money medelbidrag() const;
  money::Money paid_total() const { return m_paid; }
  // Adults with an application in at least 10 months of one calendar year (Socialstyrelsen's
  // långvarigt bistånd), counted once per person and year.
  std::int64_t long_term_adults() const;
  // Per mille of the adults of the last month with each hinder code.
  std::map<std::string, std::int64_t> hinder_per_mille_last_month() const;

 private:
  std::int64_t average(std::int64_t total) const { return m_households.empty() ? 0 : total / months(); }
  static std::int64_t per_mille(std::int64_t part, std::int64_t whole) { return whole == 0 ? 0 : part * 1000 / whole; }

  std::map<int, std::int64_t> m_households;  // per month index
  std::int64_t m_household_months = 0, m_adult_months = 0, m_child_months = 0, m_single_months = 0;
  std::int64_t m_calculated = 0;
  money::Money m_paid;
  std::unordered_set<std::string> m_distinct;
  std::unordered_map<std::uint64_t, int> m_adult_months_by_year;  // year × 10^12 + the 12 digits → months
  int m_last_month = -1;
  std::map<std::string, std::int64_t> m_hinder_last;
  std::int64_t m_adults_last = 0;
};

}  // namespace eb::demo
