// SPDX-License-Identifier: MIT
#include "render/test_render.hpp"

#include <sstream>

#include "common/text.hpp"
#include "render/table.hpp"

namespace eb::cli {

namespace {

using assess::Difference;
using flow::CaseStatus;
using money::Money;

// "8 200 kr"; with `sign`, "+100 kr" and "-100 kr" (a difference).
std::string amount_text(Money m, bool sign = false) {
  return sign ? money::format_kr_change(m) : money::format_kr(m);
}

std::string side_text(const std::optional<Money>& m, const std::string& text) {
  if (m) return amount_text(*m);
  return text.empty() ? "—" : text::terminal_safe(text);
}

std::string status_text(CaseStatus s) {
  switch (s) {
    case CaseStatus::passed:
      return "ok";
    case CaseStatus::failed:
      return "FAIL";
    case CaseStatus::updated:
      return "updated";
  }
  return "?";
}

// The differences as a table indented under their case.
void print_differences(std::ostream& out, const std::vector<Difference>& diffs, const std::string& expected,
                       const std::string& got) {
  Table t({"", expected, got, "difference", "statute"}, {false, true, true, true, false});
  for (const Difference& d : diffs) {
    if (!d.is_amount()) {
      // A refusal where an assessment was expected, or another refusal: one line each side.
      out << "    " << d.key << ": " << expected << " " << text::terminal_safe(d.expected_text) << "\n";
      out << "    " << std::string(display_width(d.key) + 2, ' ') << got << " " << text::terminal_safe(d.got_text)
          << "\n";
      continue;
    }
    const std::string what = d.label.empty() ? d.key : d.key + " (" + d.label + ")";
    t.add({what, side_text(d.expected, d.expected_text), side_text(d.got, d.got_text),
           amount_text(d.difference(), true), d.statute});
  }
  if (t.empty()) return;
  std::ostringstream text;
  t.print(text);
  std::istringstream lines(text.str());
  for (std::string line; std::getline(lines, line);) out << "    " << line << "\n";
}

nlohmann::ordered_json ore_or_null(const std::optional<Money>& m) {
  return m ? nlohmann::ordered_json(m->ore()) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json difference_json(const Difference& d) {
  const auto text_or_null = [](const std::string& s) {
    return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
  };
  return {{"key", d.key},
          {"label", text_or_null(d.label)},
          {"expected_ore", ore_or_null(d.expected)},
          {"got_ore", ore_or_null(d.got)},
          {"difference_ore",
           d.is_amount() ? nlohmann::ordered_json(d.difference().ore()) : nlohmann::ordered_json(nullptr)},
          {"expected", text_or_null(d.expected_text)},
          {"got", text_or_null(d.got_text)},
          {"statute", text_or_null(d.statute)}};
}

nlohmann::ordered_json differences_json(const std::vector<Difference>& diffs) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Difference& d : diffs) out.push_back(difference_json(d));
  return out;
}

std::string reform_what(const report::ReformBudget& b) {
  std::string what = b.month.to_string();
  if (b.as_of) what += " as of " + b.as_of->to_string();
  if (!b.norms_file.empty()) what += " under " + text::terminal_safe(b.norms_file);
  return what;
}

}  // namespace

void print_test_text(std::ostream& out, const flow::TestOutcome& o, const std::string& norms_file) {
  for (const flow::CaseResult& c : o.cases) {
    out << status_text(c.status) << "  " << text::terminal_safe(c.name) << "\n";
    if (c.status != CaseStatus::failed) continue;
    print_differences(out, c.differences, "expected", "got");
    if (!c.changed_lines.empty()) {
      out << "    why: the lines the candidate changes (the norms folder → " << norms_file << ", " << c.norm_id
          << ")\n";
      print_differences(out, c.changed_lines, "folder", "candidate");
    }
    if (!c.not_updated.empty()) out << "    not updated: " << text::terminal_safe(c.not_updated) << "\n";
  }
  for (const report::ReformCheck& r : o.reforms) {
    out << (r.within() ? "ok" : "FAIL") << "  reform " << r.budget.name << "\n";
    if (r.within()) continue;
    Money off = r.deviation();
    if (off.is_negative()) off = -off;
    out << "    change " << amount_text(r.change, true) << ", expected " << amount_text(r.budget.expected_change, true)
        << " ± " << amount_text(r.budget.tolerance) << ": outside by " << amount_text(off - r.budget.tolerance) << " ("
        << reform_what(r.budget) << "; " << text::counted(r.households, "household", "households") << ", " << r.changed
        << " change)\n";
    if (r.not_assessed > 0) {
      out << "    " << text::counted(r.not_assessed, "application", "applications")
          << " could not be assessed and are left out\n";
    }
  }
  for (const auto& u : o.updates) out << "updated " << u.path << "\n";
  if (!o.candidate_id.empty()) {
    out << "--norms-file " << norms_file << " (" << o.candidate_id << ") covers ";
    if (o.candidate_cases == o.cases.size()) {
      out << (o.cases.size() == 1 ? "the case" : "all " + std::to_string(o.cases.size()) + " cases") << "\n";
    } else {
      out << o.candidate_cases << " of " << text::counted(static_cast<std::int64_t>(o.cases.size()), "case", "cases")
          << "; the others ran under the norms folder\n";
    }
  }
  out << o.passed << " passed, " << o.failed << " failed\n";
}

nlohmann::ordered_json test_json(const flow::TestOutcome& o, const std::string& norms_file) {
  nlohmann::ordered_json cases = nlohmann::ordered_json::array();
  for (const flow::CaseResult& c : o.cases) {
    nlohmann::ordered_json refusal = nullptr;
    if (c.refusal) {
      refusal = {{"kind", c.refusal->kind}, {"exit", static_cast<int>(c.refusal->code)}, {"lines", c.refusal->lines}};
    }
    cases.push_back({{"name", c.name},
                     {"file", c.file},
                     {"status", status_text(c.status) == "FAIL" ? "fail" : status_text(c.status)},
                     {"norm", c.norm_id.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.norm_id)},
                     {"under_candidate", c.under_candidate},
                     {"amount_ore", ore_or_null(c.amount)},
                     {"refusal", refusal},
                     {"differences", differences_json(c.differences)},
                     {"changed_lines", differences_json(c.changed_lines)},
                     {"not_updated", c.not_updated.empty() ? nlohmann::ordered_json(nullptr)
                                                           : nlohmann::ordered_json(c.not_updated)}});
  }
  nlohmann::ordered_json reforms = nlohmann::ordered_json::array();
  for (const report::ReformCheck& r : o.reforms) {
    const report::ReformBudget& b = r.budget;
    reforms.push_back(
        {{"name", b.name},
         {"month", b.month.to_string()},
         {"as_of", b.as_of ? nlohmann::ordered_json(b.as_of->to_string()) : nlohmann::ordered_json(nullptr)},
         {"norms_file", b.norms_file.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(b.norms_file)},
         {"expected_change_ore", b.expected_change.ore()},
         {"tolerance_ore", b.tolerance.ore()},
         {"change_ore", r.change.ore()},
         {"deviation_ore", r.deviation().ore()},
         {"households", r.households},
         {"changed", r.changed},
         {"not_assessed", r.not_assessed},
         {"status", r.within() ? "ok" : "fail"}});
  }
  nlohmann::ordered_json updated = nlohmann::ordered_json::array();
  for (const auto& u : o.updates) updated.push_back(u.path);
  nlohmann::ordered_json candidate = nullptr;
  if (!o.candidate_id.empty()) {
    candidate = {{"path", norms_file}, {"id", o.candidate_id}, {"cases", o.candidate_cases}};
  }
  return {{"cases", cases},         {"reforms", reforms}, {"updated", updated}, {"norms_file", candidate},
          {"warnings", o.warnings}, {"passed", o.passed}, {"failed", o.failed}};
}

}  // namespace eb::cli
