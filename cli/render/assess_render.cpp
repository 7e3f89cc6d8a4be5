// SPDX-License-Identifier: MIT
#include "render/assess_render.hpp"

#include <nlohmann/json.hpp>

#include "assess/assessment_json.hpp"
#include "common/ids.hpp"
#include "diagnostic.hpp"
#include "render/assessment_diff.hpp"
#include "render/assessment_text.hpp"
#include "render/summary.hpp"
#include "render/table.hpp"

namespace eb::cli {

namespace {

void print_warnings(std::ostream& err, const assess::Assessment& a, const char* side) {
  for (const auto& w : a.warnings) err << warning_prefix() << side << w << "\n";
}

}  // namespace

void print_assess(std::ostream& out, std::ostream& err, const flow::AssessOutcome& o, const AssessFormat& f) {
  const std::optional<std::int64_t> stored = f.dry_run ? std::nullopt : o.assessment_id;
  if (o.before) {
    print_warnings(err, *o.before, "(before) ");
    print_warnings(err, o.result, "(after) ");
    const assess::AssessmentDiff d = assess::diff_assessments(*o.before, o.result);
    if (f.json) {
      nlohmann::json j = assessment_diff_json(d, o.what_before, o.what_after);
      if (o.application_id) j["application_id"] = format_id(IdKind::application, *o.application_id);
      out << j.dump(2) << "\n";
    } else {
      print_assessment_diff(out, d, o.what_before, o.what_after);
    }
    return;
  }
  print_warnings(err, o.result, "");
  if (f.json) {
    nlohmann::json j = assess::to_json(o.result);
    if (o.application_id) j["application_id"] = format_id(IdKind::application, *o.application_id);
    if (stored) j["assessment_id"] = *stored;
    out << j.dump(2) << "\n";
    return;
  }
  print_assessment(out, o.result, f.explain);
  if (stored) {
    out << "\nstored as assessment " << *stored << " of " << format_id(IdKind::application, *o.application_id) << "\n";
  }
}

void print_assess_month(std::ostream& out, std::ostream& err, const flow::AssessMonthOutcome& o,
                        const AssessFormat& f) {
  for (const auto& item : o.items) {
    if (item.refusal) print_refusal(err, *item.refusal);
  }
  if (f.json) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& i : o.items) {
      nlohmann::json j{{"application_id", format_id(IdKind::application, i.application_id)},
                       {"case_id", format_id(IdKind::arende, i.case_id)}};
      if (i.refusal) {
        j["error"] = i.refusal->lines;
      } else {
        j["assessment_id"] = f.dry_run || !i.assessment_id ? nlohmann::json() : nlohmann::json(*i.assessment_id);
        j["amount_ore"] = i.totals.amount.ore();
        j["warnings"] = i.warnings;
      }
      items.push_back(std::move(j));
    }
    out << nlohmann::json{{"month", o.month.to_string()},     {"dry_run", f.dry_run},
                          {"assessed", o.assessed},           {"refused", o.refused},
                          {"with_warnings", o.with_warnings}, {"skipped", o.skipped},
                          {"total_ore", o.total.ore()},       {"applications", items}}
               .dump(2)
        << "\n";
    return;
  }
  out << (f.dry_run ? "dry run: would assess " : "assessed ") << o.assessed
      << (o.assessed == 1 ? " application" : " applications") << " of " << o.month.to_string() << ", "
      << money::format_kr(o.total) << " payable in all; " << o.with_warnings << " with warnings, " << o.refused
      << " could not be assessed, " << o.skipped << " left out by status\n";
  Table t({"application", "case", "need", "income", "amount", "warnings"}, {false, false, true, true, true, true});
  for (const auto& i : o.items) {
    if (i.refusal) continue;
    t.add({format_id(IdKind::application, i.application_id), format_id(IdKind::arende, i.case_id),
           money::format_kr(i.totals.need), money::format_kr(i.totals.income), money::format_kr(i.totals.amount),
           std::to_string(i.warnings)});
  }
  if (!t.empty()) {
    out << "\n";
    t.print(out);
  }
}

}  // namespace eb::cli
