// SPDX-License-Identifier: MIT
#include "render/show_render.hpp"

#include <nlohmann/json.hpp>

#include "assess/application.hpp"
#include "assess/assessment_json.hpp"
#include "common/ids.hpp"
#include "common/text.hpp"
#include "person/personnummer.hpp"
#include "render/assessment_text.hpp"
#include "render/case_words.hpp"
#include "render/summary.hpp"
#include "render/table.hpp"

namespace eb::cli {

namespace {

std::string amount_text(const std::optional<money::Money>& m) {
  return m ? money::format_kr(*m) : "—";
}

}  // namespace

void print_case(std::ostream& out, const store::CaseSummary& c, bool json, bool show_pnr) {
  if (json) {
    nlohmann::json apps = nlohmann::json::array();
    for (const auto& a : c.applications) apps.push_back(application_summary_json(a, show_pnr));
    out << nlohmann::json{{"case_id", format_id(IdKind::arende, c.id)},
                          {"applicant", person::written_pnr(c.applicant_pnr, show_pnr)},
                          {"opened_on", c.opened_on.to_string()},
                          {"applications", apps}}
               .dump(2)
        << "\n";
    return;
  }
  out << "Ärende " << format_id(IdKind::arende, c.id) << "  sökande " << person::written_pnr(c.applicant_pnr, show_pnr)
      << (c.applicant_name.empty() ? "" : " " + text::terminal_safe(c.applicant_name)) << "  öppnat "
      << c.opened_on.to_string() << "\n\n";
  Table t({"ansökan", "månad", "typ", "inkom", "personer", "status", "belopp"},
          {false, false, false, false, true, false, true});
  for (const auto& a : c.applications) {
    t.add({format_id(IdKind::application, a.id), a.month.to_string(), kind_sv(a.kind), a.received.to_string(),
           std::to_string(a.members), status_sv(a.status) + (a.has_warnings ? " (varningar)" : ""),
           amount_text(a.amount)});
  }
  t.print(out);
}

void print_application_view(std::ostream& out, const flow::ApplicationView& v, bool json, bool show_pnr) {
  const std::int64_t id = v.summary.id;
  const store::ApplicationSummary& sum = v.summary;
  const assess::Application& app = v.application;
  const auto& assessments = v.assessments;
  const auto& decisions = v.decisions;
  if (json) {
    nlohmann::json j = application_summary_json(sum, show_pnr);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& a : assessments) {
      nlohmann::json x = assess::to_json(a.result);
      x["assessment_id"] = a.id;
      x["assessed_on"] = a.assessed_on.to_string();
      x["assessed_by"] = a.assessed_by;
      list.push_back(std::move(x));
    }
    j["assessments"] = std::move(list);
    nlohmann::json dlist = nlohmann::json::array();
    for (const auto& d : decisions) {
      dlist.push_back(
          {{"decision_id", format_id(IdKind::beslut, d.id)},
           {"kind", std::string(decide::kind_name(d.kind))},
           {"decided_on", d.decided_on.to_string()},
           {"decided_by", d.decided_by},
           {"assessment_id", d.assessment_id},
           {"granted_ore", d.granted.ore()},
           {"handling_days", d.handling_days},
           {"replaces", d.replaces ? nlohmann::json(format_id(IdKind::beslut, *d.replaces)) : nlohmann::json()}});
    }
    j["decisions"] = std::move(dlist);
    j["history_notes"] = v.history_notes;
    out << j.dump(2) << "\n";
    return;
  }
  out << "Ansökan " << format_id(IdKind::application, id) << "  ärende " << format_id(IdKind::arende, sum.case_id)
      << "  " << sum.month.to_string() << " (" << kind_sv(sum.kind) << ")  inkom " << sum.received.to_string()
      << "\n\n";
  Table members({"personnummer", "roll", "namn"});
  for (const auto& m : app.members) {
    members.add({person::written_pnr(m.pnr.digits(), show_pnr), std::string(assess::role_label(m.role)), m.name});
  }
  members.print(out);
  for (const auto& n : v.history_notes) out << "note: " << n << "\n";
  if (assessments.empty()) {
    out << "\ninte beräknad än: eb assess " << format_id(IdKind::application, id) << "\n";
    return;
  }
  out << "\nberäkningar:\n";
  for (const auto& a : assessments) {
    out << "  " << a.id << "  " << a.assessed_on.to_string() << "  " << a.assessed_by << "  " << a.result.norm_id
        << "  " << money::format_kr(a.result.totals.amount) << "\n";
  }
  if (!decisions.empty()) {
    out << "\nbeslut:\n";
    for (const auto& d : decisions) {
      out << "  " << format_id(IdKind::beslut, d.id) << "  " << d.decided_on.to_string() << "  " << d.decided_by << "  "
          << decide::kind_name(d.kind) << "  " << money::format_kr(d.granted) << "  (beräkning " << d.assessment_id
          << ", " << text::counted(d.handling_days, "arbetsdag", "arbetsdagar")
          << (d.replaces ? ", ersätter " + format_id(IdKind::beslut, *d.replaces) : std::string()) << ")\n";
    }
  }
  out << "\nsenaste beräkningen:\n";
  print_assessment(out, assessments.back().result, false);
}

}  // namespace eb::cli
