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

struct Entry {
  int month;
  std::size_t hash;
  std::uint32_t address;  // index into the normalised addresses
  std::uint32_t cm;
};

}  // namespace

std::vector<Finding> find_address_concentration(const ScreeningIndex& ix, const ScreeningParams& params) {
  std::vector<std::string> addresses;
  std::vector<Entry> entries;
  addresses.reserve(ix.paid.size());
  entries.reserve(ix.paid.size());
  for (const auto c : ix.paid) {
    const auto& cm = ix.case_month(c);
    std::string a = normalised_address(cm.address);
    if (a.empty()) continue;
    entries.push_back(
        {month_index(cm.month), std::hash<std::string>{}(a), static_cast<std::uint32_t>(addresses.size()), c});
    addresses.push_back(std::move(a));
  }
  const auto tie = [&](const Entry& e) { return std::tie(e.month, e.hash, addresses[e.address]); };
  std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
    const auto ta = tie(a);
    const auto tb = tie(b);
    return ta != tb ? ta < tb : a.cm < b.cm;
  });
  std::vector<Finding> out;
  std::vector<std::int64_t> cases;
  std::vector<std::uint32_t> cms;
  for (std::size_t i = 0; i < entries.size();) {
    cms.clear();
    std::size_t j = i;
    for (; j < entries.size() && tie(entries[j]) == tie(entries[i]); ++j) cms.push_back(entries[j].cm);
    const std::string& address = addresses[entries[i].address];
    i = j;
    std::sort(cms.begin(), cms.end(),
              [&](std::uint32_t a, std::uint32_t b) { return ix.case_month(a).case_id < ix.case_month(b).case_id; });
    cms.erase(std::unique(cms.begin(), cms.end(),
                          [&](std::uint32_t a, std::uint32_t b) {
                            return ix.case_month(a).case_id == ix.case_month(b).case_id;
                          }),
              cms.end());
    if (cms.size() <= static_cast<std::size_t>(std::max(params.address_max_cases, 0))) continue;
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
  return out;
}

}  // namespace eb::fut
