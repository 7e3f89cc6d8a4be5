// SPDX-License-Identifier: MIT
#include "render/summary.hpp"

#include <string>

#include "common/ids.hpp"
#include "common/text.hpp"
#include "session.hpp"

namespace eb::cli {

nlohmann::json application_summary_json(const store::ApplicationSummary& a, bool show_pnr) {
  return {{"application_id", format_id(IdKind::application, a.id)},
          {"case_id", format_id(IdKind::arende, a.case_id)},
          {"month", a.month.to_string()},
          {"kind", a.kind},
          {"received", a.received.to_string()},
          {"applicant", Session::pnr_shown(a.applicant_pnr, show_pnr)},
          {"members", a.members},
          {"status", a.status},
          {"has_warnings", a.has_warnings},
          {"amount_ore", a.amount ? nlohmann::json(a.amount->ore()) : nlohmann::json(nullptr)},
          {"decision_id", a.decision_id ? nlohmann::json(format_id(IdKind::beslut, *a.decision_id)) : nlohmann::json()},
          {"decision_kind", a.decision_id ? nlohmann::json(a.decision_kind) : nlohmann::json()},
          {"granted_ore", a.granted ? nlohmann::json(a.granted->ore()) : nlohmann::json()}};
}

void print_error(std::ostream& err, const Error& e) {
  print_refusal(err, refusal_of(e));
}

void print_refusal(std::ostream& err, const Refusal& r) {
  for (const auto& line : r.lines) err << "eb: error: " << text::terminal_safe(line) << "\n";
}

}  // namespace eb::cli
