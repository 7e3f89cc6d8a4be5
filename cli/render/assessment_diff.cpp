// SPDX-License-Identifier: MIT
#include "render/assessment_diff.hpp"

#include <array>

#include "render/table.hpp"

namespace eb::cli {

namespace {

using assess::AssessmentDiff;
using assess::Line;
using assess::LineDiff;
using assess::Section;
using money::Money;

// "-9 000 kr", "7 100,50 kr"; with `plus`, "+1 410 kr" (a change).
std::string amount_text(Money m, bool plus = false) {
  return plus ? money::format_kr_change(m) : money::format_kr(m);
}

// "barn 4 år → 5 år" for two labels that share a beginning; the label when they are equal.
std::string label_text(const LineDiff& l) {
  if (!l.label_before) return *l.label_after;
  if (!l.label_after || *l.label_before == *l.label_after) return *l.label_before;
  const std::string& a = *l.label_before;
  const std::string& b = *l.label_after;
  std::size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  // Back to the start of a word, so "4 år"/"5 år" stay whole.
  while (common > 0 && a[common - 1] != ' ') --common;
  return a + " → " + b.substr(common);
}

struct TotalRow {
  const char* key;
  const char* label;
  Money assess::Totals::*field;
};

constexpr std::array<TotalRow, 7> k_totals{{
    {"norm", "Norm (personliga + gemensamma)", &assess::Totals::norm},
    {"costs", "Skäliga kostnader", &assess::Totals::costs},
    {"other", "Livsföring i övrigt", &assess::Totals::other},
    {"need", "Summa behov", &assess::Totals::need},
    {"income", "Räknade inkomster", &assess::Totals::income},
    {"exempt", "(inkomster som inte räknas)", &assess::Totals::exempt},
    {"amount", "Försörjningsstöd att betala", &assess::Totals::amount},
}};

nlohmann::json side_json(const assess::Assessment& a, const std::string& what) {
  return {{"what", what},
          {"month", a.month.to_string()},
          {"norm", {{"id", a.norm_id}, {"status", norms::status_name(a.norm_status)}, {"sha256", a.norm_sha256}}},
          {"notes", a.notes},
          {"warnings", a.warnings}};
}

}  // namespace

void print_assessment_diff(std::ostream& out, const AssessmentDiff& d, const std::string& what_before,
                           const std::string& what_after) {
  const auto side = [&](const char* name, const assess::Assessment& a, const std::string& what) {
    out << "  " << name << a.month.to_string() << "  " << a.norm_id << " (" << norms::status_name(a.norm_status)
        << ")  " << what << "\n";
  };
  out << "Försörjningsstöd, the same household under two norms\n";
  side("before  ", d.before, what_before);
  side("after   ", d.after, what_after);
  out << "\n";
  Table t({"", "member", "before", "after", "change", ""}, {false, false, true, true, true, false});
  for (Section s : assess::k_sections_in_order) {
    bool first = true;
    for (const auto& l : d.lines) {
      if (l.section != s) continue;
      if (first) t.add({std::string(assess::section_heading(s)), "", "", "", "", ""});
      first = false;
      const char* only = !l.before ? "only after" : (!l.after ? "only before" : "");
      t.add({"  " + label_text(l), l.member, l.before ? amount_text(*l.before) : "—",
             l.after ? amount_text(*l.after) : "—", amount_text(l.difference(), true), only});
    }
  }
  t.add({"", "", "", "", "", ""});
  for (const auto& row : k_totals) {
    const Money a = d.before.totals.*row.field;
    const Money b = d.after.totals.*row.field;
    if (row.field == &assess::Totals::exempt && a.is_zero() && b.is_zero()) continue;
    t.add({row.label, "", amount_text(a), amount_text(b), amount_text(b - a, true), ""});
  }
  t.print(out);
  out << "\n(amounts signed by their effect on the amount payable: income counts negative)\n";
}

nlohmann::json assessment_diff_json(const AssessmentDiff& d, const std::string& what_before,
                                    const std::string& what_after) {
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& l : d.lines) {
    nlohmann::json j{
        {"section", assess::section_name(l.section)},
        {"rule", l.rule},
        {"kind", l.kind},
        {"member", l.member},
        {"label_before", l.label_before ? nlohmann::json(*l.label_before) : nlohmann::json()},
        {"label_after", l.label_after ? nlohmann::json(*l.label_after) : nlohmann::json()},
        {"before_ore", l.before ? nlohmann::json(l.before->ore()) : nlohmann::json()},
        {"after_ore", l.after ? nlohmann::json(l.after->ore()) : nlohmann::json()},
        {"difference_ore", l.difference().ore()},
        {"only", !l.before ? nlohmann::json("after") : (!l.after ? nlohmann::json("before") : nlohmann::json())}};
    lines.push_back(std::move(j));
  }
  nlohmann::json totals = nlohmann::json::object();
  for (const auto& row : k_totals) {
    const Money a = d.before.totals.*row.field;
    const Money b = d.after.totals.*row.field;
    totals[row.key] = {{"before_ore", a.ore()}, {"after_ore", b.ore()}, {"difference_ore", (b - a).ore()}};
  }
  return {{"before", side_json(d.before, what_before)},
          {"after", side_json(d.after, what_after)},
          {"lines", lines},
          {"totals", totals}};
}

}  // namespace eb::cli
