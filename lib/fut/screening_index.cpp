// SPDX-License-Identifier: MIT
#include "fut/screening_index.hpp"

#include <algorithm>
#include <limits>

#include "common/error.hpp"

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
    throw Error("screening input too large: at most 4 294 967 294 case-months and register rows");
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
    // Merge join on (pnr, month), then a counting sort by case-month.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> joined;
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
          for (std::size_t j = b; j < b_end; ++j) joined.emplace_back(ix.members[i].second, rows[j].second);
        }
        a = a_end;
        b = b_end;
      }
    }
    std::vector<std::uint32_t> start(input.case_months.size() + 1, 0);
    for (const auto& m : joined) ++start[m.first + 1];
    for (std::size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
    ix.income_matches.resize(joined.size());
    for (const auto& m : joined) ix.income_matches[start[m.first]++] = m;
    // Within a case-month: by row, each row once (a member listed twice would match it twice).
    auto& mt = ix.income_matches;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < mt.size();) {
      std::size_t j = i;
      while (j < mt.size() && mt[j].first == mt[i].first) ++j;
      std::sort(mt.begin() + static_cast<std::ptrdiff_t>(i), mt.begin() + static_cast<std::ptrdiff_t>(j));
      const std::size_t first_kept = kept;
      for (std::size_t k = i; k < j; ++k) {
        if (kept == first_kept || mt[k] != mt[kept - 1]) mt[kept++] = mt[k];
      }
      i = j;
    }
    mt.resize(kept);
  }
  return ix;
}

}  // namespace eb::fut
