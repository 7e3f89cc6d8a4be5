// SPDX-License-Identifier: MIT
#include "render/assessment_text.hpp"

#include "render/case_words.hpp"
#include "render/table.hpp"

namespace eb::cli {

namespace {

using assess::Section;
using money::format_kr;

constexpr std::size_t k_label = 46;
constexpr std::size_t k_member = 20;
constexpr std::size_t k_amount = 14;

void total(std::ostream& out, const std::string& label, money::Money m) {
  out << "  " << pad_right(label, k_label + k_member + 2) << pad_left(format_kr(m), k_amount) << "\n";
}

}  // namespace

void print_assessment(std::ostream& out, const assess::Assessment& a, bool explain) {
  out << "Försörjningsstöd " << a.month.to_string() << "  (" << a.norm_id << ", " << norm_status_sv(a.norm_status)
      << ")\n";
  if (explain) {
    out << "  norm file sha256 " << a.norm_sha256 << "\n  source " << a.norm_source << "\n";
    if (!a.guideline_id.empty()) out << "  local guideline " << a.guideline_id << "\n";
  }
  for (Section s :
       {Section::norm, Section::common, Section::cost, Section::other, Section::income, Section::exemption}) {
    bool first = true;
    for (const auto& l : a.lines) {
      if (l.section != s) continue;
      if (first) out << "\n" << assess::section_heading(s) << "\n";
      first = false;
      // Income is taken from the need: shown with the minus sign format_kr writes; an exempt
      // amount is given back.
      std::string amount = format_kr(s == Section::income ? -l.amount : l.amount);
      if (s == Section::exemption) amount = "+" + amount;
      out << "  " << pad_right(l.label, k_label) << "  " << pad_right(l.member, k_member) << pad_left(amount, k_amount)
          << "\n";
      if (explain) {
        out << "      regel: " << l.rule << "\n"
            << "      beräkning: " << l.detail << "\n"
            << "      lagrum: " << l.ref << "\n";
      }
    }
  }
  out << "\n";
  total(out, "Norm (personliga + gemensamma)", a.totals.norm);
  total(out, "Skäliga kostnader", a.totals.costs);
  total(out, "Livsföring i övrigt", a.totals.other);
  total(out, "Summa behov", a.totals.need);
  total(out, "Räknade inkomster", a.totals.income);
  if (!a.totals.exempt.is_zero()) total(out, "(inkomster som inte räknas)", a.totals.exempt);
  out << "  " << pad_right("Försörjningsstöd att betala", k_label + k_member + 2)
      << pad_left(money::format_kr(a.totals.amount), k_amount) << "\n";
  if (explain) {
    out << "      beräkning: max(0, behov − räknade inkomster), avrundat till hela kronor (payable_rounding)\n";
  }
  for (const auto& n : a.notes) out << "\nnote: " << n;
  for (const auto& w : a.warnings) out << "\nWARNING: " << w;
  if (!a.notes.empty() || !a.warnings.empty()) out << "\n";
}

}  // namespace eb::cli
