// SPDX-License-Identifier: MIT
// shared-account: one bank account was paid bistånd for cases with no member in common in the
// same month (fut.md). Accounts are compared as the caller gives them (BankAccount::bban()).
// Cases that share a member (one household, or a person in two cases: that rule's concern) may
// share an account; the account is flagged when at least two of the cases paid to it share no
// member. One finding per account and month, about the lowest-numbered case, listing every case
// paid to the account. A signal: nothing is at risk until the investigator finds otherwise.
// Past k_pair_check_limit cases on one account the pair check is skipped and the account
// flagged: so many households on one account is the signal.
#include <algorithm>
#include <functional>
#include <string_view>
#include <tuple>

#include "common/ids.hpp"
#include "fut/rules/rule_support.hpp"
#include "fut/rules/rules.hpp"
#include "fut/screening_index.hpp"

namespace eb::fut {

namespace {

constexpr std::size_t k_pair_check_limit = 1000;

bool share_a_member(const PaidCaseMonth& a, const PaidCaseMonth& b) {
  for (const auto& x : a.members) {
    for (const auto& y : b.members) {
      if (x.pnr == y.pnr) return true;
    }
  }
  return false;
}

struct Entry {
  int month;
  std::size_t hash;
  std::string_view account;
  std::uint32_t cm;
};

}  // namespace

std::vector<Finding> find_shared_account(const ScreeningIndex& ix, const ScreeningParams&) {
  std::vector<Entry> entries;
  for (const auto c : ix.paid) {
    const auto& cm = ix.case_month(c);
    for (const auto& a : cm.accounts) {
      if (!a.empty()) entries.push_back({month_index(cm.month), std::hash<std::string_view>{}(a), a, c});
    }
  }
  const auto tie = [](const Entry& e) { return std::tie(e.month, e.hash, e.account); };
  std::sort(entries.begin(), entries.end(),
            [&](const Entry& a, const Entry& b) { return tie(a) != tie(b) ? tie(a) < tie(b) : a.cm < b.cm; });
  std::vector<Finding> out;
  std::vector<std::uint32_t> cms;
  for (std::size_t i = 0; i < entries.size();) {
    cms.clear();
    std::size_t j = i;
    for (; j < entries.size() && tie(entries[j]) == tie(entries[i]); ++j) cms.push_back(entries[j].cm);
    const std::string_view account = entries[i].account;
    i = j;
    std::sort(cms.begin(), cms.end(),
              [&](std::uint32_t a, std::uint32_t b) { return ix.case_month(a).case_id < ix.case_month(b).case_id; });
    cms.erase(std::unique(cms.begin(), cms.end(),
                          [&](std::uint32_t a, std::uint32_t b) {
                            return ix.case_month(a).case_id == ix.case_month(b).case_id;
                          }),
              cms.end());
    if (cms.size() < 2) continue;
    bool disjoint = cms.size() > k_pair_check_limit;
    for (std::size_t a = 0; !disjoint && a < cms.size(); ++a) {
      for (std::size_t b = a + 1; !disjoint && b < cms.size(); ++b) {
        disjoint = !share_a_member(ix.case_month(cms[a]), ix.case_month(cms[b]));
      }
    }
    if (!disjoint) continue;
    const auto& cm = ix.case_month(cms.front());
    Finding f = start_finding(k_rule_shared_account, cm);
    f.cases.clear();
    f.evidence.payments.clear();
    for (const auto c : cms) {
      f.cases.push_back(ix.case_month(c).case_id);
      f.evidence.payments.push_back(payment_evidence(ix.case_month(c)));
    }
    f.evidence.account = std::string(account);
    f.evidence.note = "Samma konto fick utbetalningar för " + cm.month.to_string() + " i " +
                      std::to_string(f.cases.size()) + " ärenden (" + cases_sv(f.cases) +
                      "), och minst två av dem saknar gemensam medlem.";
    f.evidence_key = ContentKey::of(std::string(k_rule_shared_account) + "|" + f.evidence.account + "|" +
                                    cm.month.to_string() + "|" + case_list(f.cases));
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace eb::fut
