// SPDX-License-Identifier: MIT
#include "demo/figures.hpp"

namespace eb::demo {

void DistrictFigures::add(const GeneratedApplication& a) {
  const assess::Application& app = a.application;
  ++m_households[a.month_index];
  ++m_household_months;
  m_adult_months += app.adult_count();
  m_child_months += app.child_count();
  if (app.members.size() == 1) ++m_single_months;
  if (a.calculated) {
    ++m_calculated;
    m_paid += a.payable;
  }
  m_distinct.insert(a.household);
  if (a.month_index > m_last_month) {
    m_last_month = a.month_index;
    m_hinder_last.clear();
    m_adults_last = 0;
  }
  for (const auto& m : app.members) {
    if (!m.is_adult()) continue;
    std::uint64_t digits = 0;
    for (const char c : m.pnr.digits()) digits = digits * 10 + static_cast<std::uint64_t>(c - '0');
    ++m_adult_months_by_year[static_cast<std::uint64_t>(app.month.year()) * std::uint64_t{1'000'000'000'000} + digits];
    ++m_hinder_last[m.hinder];
    ++m_adults_last;
  }
}

money::Money DistrictFigures::medelbidrag() const {
  if (m_calculated == 0) return money::Money();
  // A statistic, not an amount anyone is paid: to whole kronor like the payable amounts.
  return m_paid.scaled(1, m_calculated, money::Rounding::krona_half_up);
}

std::int64_t DistrictFigures::long_term_adults() const {
  std::int64_t n = 0;
  for (const auto& [key, months] : m_adult_months_by_year) n += months >= 10 ? 1 : 0;
  return n;
}

std::map<std::string, std::int64_t> DistrictFigures::hinder_per_mille_last_month() const {
  std::map<std::string, std::int64_t> out;
  for (const auto& [code, n] : m_hinder_last) out[code] = per_mille(n, m_adults_last);
  return out;
}

}  // namespace eb::demo
