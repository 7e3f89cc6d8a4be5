// SPDX-License-Identifier: MIT
// eb show: a case with its months, or an application with its members and assessments.
#include <nlohmann/json.hpp>

#include "assess/assessment_json.hpp"
#include "command.hpp"
#include "common/ids.hpp"
#include "flow/cases.hpp"
#include "render/assessment_text.hpp"
#include "render/summary.hpp"
#include "render/table.hpp"

namespace eb::cli {

namespace {

struct ShowOptions {
  std::string id;
  bool json = false;
  bool show_pnr = false;
};

std::string amount_text(const std::optional<money::Money>& m) {
  return m ? money::format_kr(*m) : "—";
}

void show_case(std::int64_t id, const ShowOptions& opt, Run& s) {
  const store::CaseSummary c = flow::show_case(s.db(), id);
  if (opt.json) {
    nlohmann::json apps = nlohmann::json::array();
    for (const auto& a : c.applications) apps.push_back(application_summary_json(a, opt.show_pnr));
    s.out << nlohmann::json{{"case_id", format_id(IdKind::arende, c.id)},
                            {"applicant", Session::pnr_shown(c.applicant_pnr, opt.show_pnr)},
                            {"opened_on", c.opened_on.to_string()},
                            {"applications", apps}}
                 .dump(2)
          << "\n";
    return;
  }
  s.out << "Ärende " << format_id(IdKind::arende, c.id) << "  sökande "
        << Session::pnr_shown(c.applicant_pnr, opt.show_pnr) << (c.applicant_name.empty() ? "" : " " + c.applicant_name)
        << "  öppnat " << c.opened_on.to_string() << "\n\n";
  Table t({"application", "month", "kind", "received", "members", "status", "amount"},
          {false, false, false, false, true, false, true});
  for (const auto& a : c.applications) {
    t.add({format_id(IdKind::application, a.id), a.month.to_string(), a.kind, a.received.to_string(),
           std::to_string(a.members), a.status + (a.has_warnings ? " (warnings)" : ""), amount_text(a.amount)});
  }
  t.print(s.out);
}

void show_application(std::int64_t id, const ShowOptions& opt, Run& s) {
  const flow::ApplicationView v = flow::show_application(s.db(), id);
  const store::ApplicationSummary& sum = v.summary;
  const assess::Application& app = v.application;
  const auto& assessments = v.assessments;
  const auto& decisions = v.decisions;
  if (opt.json) {
    nlohmann::json j = application_summary_json(sum, opt.show_pnr);
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
    s.out << j.dump(2) << "\n";
    return;
  }
  s.out << "Ansökan " << format_id(IdKind::application, id) << "  ärende " << format_id(IdKind::arende, sum.case_id)
        << "  " << sum.month.to_string() << " (" << sum.kind << ")  inkom " << sum.received.to_string() << "\n\n";
  Table members({"member", "role", "name"});
  for (const auto& m : app.members) {
    members.add({Session::pnr_shown(m.pnr.digits(), opt.show_pnr), std::string(assess::role_name(m.role)), m.name});
  }
  members.print(s.out);
  for (const auto& n : v.history_notes) s.out << "note: " << n << "\n";
  if (assessments.empty()) {
    s.out << "\nnot assessed yet: eb assess " << format_id(IdKind::application, id) << "\n";
    return;
  }
  s.out << "\nassessments:\n";
  for (const auto& a : assessments) {
    s.out << "  " << a.id << "  " << a.assessed_on.to_string() << "  " << a.assessed_by << "  " << a.result.norm_id
          << "  " << money::format_kr(a.result.totals.amount) << "\n";
  }
  if (!decisions.empty()) {
    s.out << "\ndecisions:\n";
    for (const auto& d : decisions) {
      s.out << "  " << format_id(IdKind::beslut, d.id) << "  " << d.decided_on.to_string() << "  " << d.decided_by
            << "  " << decide::kind_name(d.kind) << "  " << money::format_kr(d.granted) << "  (assessment "
            << d.assessment_id << ", " << d.handling_days << " working days"
            << (d.replaces ? ", replaces " + format_id(IdKind::beslut, *d.replaces) : std::string()) << ")\n";
    }
  }
  s.out << "\nlatest assessment:\n";
  print_assessment(s.out, assessments.back().result, false);
}

void run_show(const ShowOptions& opt, Run& s) {
  if (auto c = parse_id(opt.id, IdKind::arende)) return show_case(*c, opt, s);
  if (auto a = parse_id(opt.id, IdKind::application)) return show_application(*a, opt, s);
  throw InputError("ID", opt.id, "not a case (C-12) or application (A-34) id");
}

}  // namespace

void add_show_command(CLI::App& app, CommandTable& table, Session& /*session*/) {
  auto opt = std::make_shared<ShowOptions>();
  CLI::App* cmd = app.add_subcommand("show", "Show a case (C-12) with its months, or an application (A-34)");
  cmd->add_option("id", opt->id, "C-… or A-…")->required();
  cmd->add_flag("--json", opt->json, "Print as JSON");
  cmd->add_flag("--show-pnr", opt->show_pnr, "Show full personnummer (masked as YYYYMMDD-XXXX by default)");
  table.add(cmd, Access::read, [opt](Run& run) { run_show(*opt, run); });
}

}  // namespace eb::cli
