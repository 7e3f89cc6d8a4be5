// SPDX-License-Identifier: MIT
#include "fut/screening_index.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace eb::fut {

std::uint64_t pnr_number(const person::Personnummer& pnr) {
  std::uint64_t n = 0;
  for (const char c : pnr.digits()) n = n * 10 + static_cast<std::uint64_t>(c - '0');
  return n;
}

int month_index(period::Month m) {
  return m.year() * 12 + (m.month() - 1);
}

std::uint64_t pnr_month_key(const person::Personnummer& pnr, period::Month month) {
  // 12 digits < 2^40 and a month index (years up to 9999) < 2^17: 40 + 17 bits fit in 64.
  return (pnr_number(pnr) << 17) | static_cast<std::uint64_t>(month_index(month));
}

ScreeningIndex build_index(const ScreeningInput& input, unsigned needs) {
  constexpr auto k_max = std::numeric_limits<std::uint32_t>::max();
  if (input.case_months.size() >= k_max || input.income_rows.size() >= k_max) {
    throw std::length_error("screening input too large");
  }
  ScreeningIndex ix;
  ix.input = &input;
  for (std::uint32_t i = 0; i < input.case_months.size(); ++i) {
    const auto& cm = input.case_months[i];
    if (input.period.contains(cm.month) && cm.paid > Money()) ix.paid.push_back(i);
  }
  if (needs & (k_need_members | k_need_income)) {
    std::size_t n = 0;
    for (const auto i : ix.paid) n += input.case_months[i].members.size();
    ix.members.reserve(n);
    for (const auto i : ix.paid) {
      const auto& cm = input.case_months[i];
      for (const auto& m : cm.members) ix.members.emplace_back(pnr_month_key(m.pnr, cm.month), i);
    }
    std::sort(ix.members.begin(), ix.members.end());
  }
  if (needs & k_need_income) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> rows;
    rows.reserve(input.income_rows.size());
    for (std::uint32_t r = 0; r < input.income_rows.size(); ++r) {
      const auto& row = input.income_rows[r];
      if (input.period.contains(row.month)) rows.emplace_back(pnr_month_key(row.pnr, row.month), r);
    }
    std::sort(rows.begin(), rows.end());
    // Merge join on (pnr, month).
    std::size_t a = 0, b = 0;
    while (a < ix.members.size() && b < rows.size()) {
      const auto ka = ix.members[a].first;
      const auto kb = rows[b].first;
      if (ka < kb) {
        ++a;
      } else if (kb < ka) {
        ++b;
      } else {
        std::size_t a_end = a, b_end = b;
        while (a_end < ix.members.size() && ix.members[a_end].first == ka) ++a_end;
        while (b_end < rows.size() && rows[b_end].first == kb) ++b_end;
        for (std::size_t i = a; i < a_end; ++i) {
          for (std::size_t j = b; j < b_end; ++j) ix.income_matches.emplace_back(ix.members[i].second, rows[j].second);
        }
        a = a_end;
        b = b_end;
      }
    }
    std::sort(ix.income_matches.begin(), ix.income_matches.end());
    // A member listed twice in one case-month would match a row twice.
    ix.income_matches.erase(std::unique(ix.income_matches.begin(), ix.income_matches.end()), ix.income_matches.end());
  }
  return ix;
}

}  // namespace eb::fut
