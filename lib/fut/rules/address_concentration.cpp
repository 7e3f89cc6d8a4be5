// SPDX-License-Identifier: MIT
// address-concentration: more than N (default 4) paid cases at one address in a month (fut.md):
// exactly N is not flagged. Addresses are compared in their normal form (normalised_address:
// case, white space and commas), so one address written two ways is one address; an empty
// address is never compared. One finding per address and month, about the lowest-numbered case,
// listing every case. A signal: nothing at risk.
#include <algorithm>
#include <functional>
#include <string>
#include <tuple>

#include "fut/address.hpp"
#include "fut/rules/rule_support.hpp"
#include "fut/rules/rules.hpp"
#include "fut/screening_index.hpp"

namespace eb::fut {

namespace {

// A paid case-month by the month and the hash of its normalised address; the address itself is
// written out again only for the few groups large enough to be flagged.
struct Entry {
  int month;
  std::size_t hash;
  std::uint32_t cm;
  bool operator<(const Entry& o) const { return std::tie(month, hash, cm) < std::tie(o.month, o.hash, o.cm); }
};

}  // namespace

std::vector<Finding> find_address_concentration(const ScreeningIndex& ix, const ScreeningParams& params) {
  const auto limit = static_cast<std::size_t>(std::max(params.address_max_cases, 0));
  std::vector<Entry> entries;
  entries.reserve(ix.paid.size());
  std::string buffer;
  for (const auto c : ix.paid) {
    const auto& cm = ix.case_month(c);
    normalised_address(cm.address, buffer);
    if (!buffer.empty()) entries.push_back({month_index(cm.month), std::hash<std::string>{}(buffer), c});
  }
  std::sort(entries.begin(), entries.end());
  std::vector<Finding> out;
  std::vector<std::pair<std::string, std::uint32_t>> group;  // (normalised address, case-month)
  std::vector<std::uint32_t> cms;
  for (std::size_t i = 0; i < entries.size();) {
    std::size_t j = i;
    while (j < entries.size() && entries[j].month == entries[i].month && entries[j].hash == entries[i].hash) ++j;
    if (j - i <= limit) {  // too few case-months, so too few cases, whatever the addresses
      i = j;
      continue;
    }
    group.clear();
    for (std::size_t k = i; k < j; ++k)
      group.emplace_back(normalised_address(ix.case_month(entries[k].cm).address), entries[k].cm);
    i = j;
    std::sort(group.begin(), group.end());
    for (std::size_t a = 0; a < group.size();) {
      std::size_t b = a;
      cms.clear();
      for (; b < group.size() && group[b].first == group[a].first; ++b) cms.push_back(group[b].second);
      const std::string& address = group[a].first;
      a = b;
      std::sort(cms.begin(), cms.end(),
                [&](std::uint32_t x, std::uint32_t y) { return ix.case_month(x).case_id < ix.case_month(y).case_id; });
      cms.erase(std::unique(cms.begin(), cms.end(),
                            [&](std::uint32_t x, std::uint32_t y) {
                              return ix.case_month(x).case_id == ix.case_month(y).case_id;
                            }),
                cms.end());
      if (cms.size() <= limit) continue;
      const auto& cm = ix.case_month(cms.front());
      Finding f = start_finding(k_rule_address_concentration, cm);
      f.cases.clear();
      f.evidence.payments.clear();
      for (const auto c : cms) {
        f.cases.push_back(ix.case_month(c).case_id);
        f.evidence.payments.push_back(payment_evidence(ix.case_month(c)));
      }
      f.evidence.address = address;
      f.evidence.note = std::to_string(f.cases.size()) + " ärenden med bistånd för " + cm.month.to_string() +
                        " har samma adress (" + cases_sv(f.cases) + "); gränsen är " +
                        std::to_string(params.address_max_cases) + ".";
      f.evidence_key = ContentKey::of(std::string(k_rule_address_concentration) + "|" + address + "|" +
                                      cm.month.to_string() + "|" + case_list(f.cases));
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace eb::fut
