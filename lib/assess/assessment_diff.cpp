// SPDX-License-Identifier: MIT
#include "assess/assessment_diff.hpp"

namespace eb::assess {

namespace {

using money::Money;

// A line's effect on need − counted income.
Money signed_amount(const Line& l) {
  return l.section == Section::income ? -l.amount : l.amount;
}

// What pairs two lines: cost and income lines by kind (their rule can gain a suffix, e.g.
// rent on a second-hand lease from 2027), norm lines by rule.
std::string pairing_key(const Line& l) {
  return std::string(assess::section_name(l.section)) + "|" + (l.kind.empty() ? l.rule : "kind:" + l.kind) + "|" +
         l.member;
}

}  // namespace

Money LineDiff::difference() const {
  return after.value_or(Money()) - before.value_or(Money());
}

AssessmentDiff diff_assessments(Assessment before, Assessment after) {
  AssessmentDiff d{std::move(before), std::move(after), {}};
  std::vector<bool> used(d.after.lines.size(), false);
  for (Section s : k_sections_in_order) {
    for (const Line& b : d.before.lines) {
      if (b.section != s) continue;
      LineDiff l;
      l.section = s;
      l.rule = b.rule;
      l.kind = b.kind;
      l.member = b.member;
      l.label_before = b.label;
      l.before = signed_amount(b);
      for (std::size_t i = 0; i < d.after.lines.size(); ++i) {
        const Line& a = d.after.lines[i];
        if (used[i] || pairing_key(a) != pairing_key(b)) continue;
        used[i] = true;
        l.rule = a.rule;
        l.label_after = a.label;
        l.after = signed_amount(a);
        break;
      }
      d.lines.push_back(std::move(l));
    }
    for (std::size_t i = 0; i < d.after.lines.size(); ++i) {
      const Line& a = d.after.lines[i];
      if (used[i] || a.section != s) continue;
      used[i] = true;
      LineDiff l;
      l.section = s;
      l.rule = a.rule;
      l.kind = a.kind;
      l.member = a.member;
      l.label_after = a.label;
      l.after = signed_amount(a);
      d.lines.push_back(std::move(l));
    }
  }
  return d;
}

}  // namespace eb::assess
