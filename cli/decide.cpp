// SPDX-License-Identifier: MIT
// eb decide: decide an assessed application (bifall, delbifall, avslag), or make the month's
// routine bifall decisions, each confirmed by a named user under the delegation order.
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "common/file.hpp"
#include "common/ids.hpp"
#include "common/text.hpp"
#include "decide/make_decision.hpp"
#include "decide/reasons.hpp"
#include "decide/routine.hpp"
#include "render/decision_json.hpp"
#include "render/table.hpp"
#include "store/decisions.hpp"

namespace eb::cli {

namespace {

struct DecideOptions {
  std::string application;
  bool bifall = false;
  bool delbifall = false;
  bool avslag = false;
  std::vector<std::string> rejects;
  std::vector<std::string> reasons;
  std::string child_impact;
  CLI::Option* child_impact_option = nullptr;
  std::string replaces;
  std::string by;
  std::string presented_by;
  std::string delegation_file;
  std::string month;
  bool routine = false;
  bool dry_run = false;
  bool json = false;
};

// The delegation order: --delegation, else $EB_DELEGATION, else NORMS/local/delegation.toml,
// else the shipped example (with a warning).
decide::Delegation load_delegation(const std::string& flag, Session& session) {
  namespace fs = std::filesystem;
  std::string path = flag;
  bool fallback = false;
  if (path.empty()) {
    if (const char* env = std::getenv("EB_DELEGATION"); env != nullptr && *env != '\0') path = env;
  }
  if (path.empty()) {
    const fs::path adopted = session.norms_dir() / "local" / "delegation.toml";
    std::error_code ec;
    fallback = !fs::exists(adopted, ec);
    path = (fallback ? session.norms_dir() / "local" / "delegation.example.toml" : adopted).string();
  }
  decide::Delegation d = decide::parse_delegation(read_file(path), path);
  if (fallback) {
    session.err << "eb: warning: no delegation order given (--delegation, $EB_DELEGATION or "
                << (session.norms_dir() / "local" / "delegation.toml").string() << "); using the example " << path
                << "\n";
  } else if (d.is_example()) {
    session.err << "eb: warning: the delegation order " << path
                << " is an example (status = \"example\"), not one a nämnd has adopted\n";
  }
  return d;
}

// The user who decides (--by, else the session's user): known and active.
store::User active_user(const store::CaseStore& store, const std::string& name, const std::string& field) {
  const std::optional<store::User> u = store::find_user(store, name);
  if (!u) {
    throw NotFound(field + " = " + text::quoted(name) +
                   ": no such user in the case store (add one with eb users add NAME --role ROLE)");
  }
  if (!u->active) throw Conflict(field + " = " + text::quoted(name) + ": the user is inactive and cannot decide");
  return *u;
}

decide::Kind requested_kind(const DecideOptions& opt) {
  const int n = (opt.bifall ? 1 : 0) + (opt.delbifall ? 1 : 0) + (opt.avslag ? 1 : 0);
  if (n != 1) throw CLI::ValidationError("decide", "give exactly one of --bifall, --delbifall and --avslag");
  return opt.bifall ? decide::Kind::bifall : opt.delbifall ? decide::Kind::delbifall : decide::Kind::avslag;
}

decide::Request parse_request(const DecideOptions& opt) {
  decide::Request r;
  r.kind = requested_kind(opt);
  for (const auto& text : opt.rejects) r.rejections.push_back(decide::parse_rejection(text, "--reject"));
  for (const auto& text : opt.reasons) r.reasons.push_back(decide::parse_reason(text, "--reason"));
  if (opt.child_impact_option->count() > 0) r.child_impact = opt.child_impact;
  if (!opt.replaces.empty()) {
    r.replaces = parse_id(opt.replaces, IdKind::beslut, true);
    if (!r.replaces) throw InputError("--replaces", text::quoted(opt.replaces), "not a decision id (write e.g. D-5)");
  }
  if (!opt.presented_by.empty()) r.presented_by = opt.presented_by;
  return r;
}

void print_decision(const DecideOptions& opt, Session& s, const decide::Decision& d) {
  if (opt.json) {
    s.out << decision_json(d).dump(2) << "\n";
    return;
  }
  const std::string app = format_id(IdKind::application, d.application_id);
  s.out << (d.id > 0 ? "decided " + format_id(IdKind::beslut, d.id) : std::string("would decide (dry run)")) << ": "
        << decide::kind_name(d.kind) << " of " << app << ", " << money::format_kr(d.granted) << " granted of "
        << money::format_kr(d.assessed) << " assessed\n"
        << "  decided by " << d.decided_by << " on " << d.decided_on.to_string() << " under " << d.delegation << "\n"
        << "  handläggningstid " << d.handling_days << " working days (arrival = day 1)\n";
  if (d.replaces) s.out << "  replaces " << format_id(IdKind::beslut, *d.replaces) << "\n";
  if (d.id > 0) s.out << "the letter: eb letter " << format_id(IdKind::beslut, d.id) << "\n";
}

void run_decide_one(const DecideOptions& opt, Session& session) {
  const auto id = parse_id(opt.application, IdKind::application, true);
  if (!id) throw InputError("APP-ID", text::quoted(opt.application), "not an application id (write e.g. A-12)");
  const decide::Request request = parse_request(opt);
  const decide::Delegation delegation = load_delegation(opt.delegation_file, session);
  store::CaseStore store = session.open_store(opt.dry_run ? store::OpenMode::read_only : store::OpenMode::read_write);
  // The write transaction starts before the first read, so every read sees what is decided on.
  std::optional<store::Transaction> tx;
  if (!opt.dry_run) tx.emplace(store);
  const store::User user = active_user(store, opt.by.empty() ? session.user() : opt.by, "--by");
  if (request.presented_by) (void)active_user(store, *request.presented_by, "--presented-by");
  const store::ApplicationSummary summary = store.application_summary(*id);
  const std::optional<store::StoredAssessment> assessment = store.latest_assessment(*id);
  if (!assessment) {
    throw Conflict(format_id(IdKind::application, *id) +
                   " is not assessed: a decision rests on an assessment (eb assess " +
                   format_id(IdKind::application, *id) + ")");
  }
  // A decision by hand may rest on an assessment with warnings; the decider sees them.
  for (const auto& w : assessment->result.warnings) {
    session.err << "eb: warning: the assessment of " << format_id(IdKind::application, *id) << ": " << w << "\n";
  }
  decide::Basis basis;
  basis.application_id = *id;
  basis.assessment_id = assessment->id;
  basis.assessment = &assessment->result;
  basis.received = summary.received;
  basis.children = store::child_count(store, *id);
  basis.granted_elsewhere = store::granted_elsewhere(store, *id);
  if (const auto current = store::current_decision(store, *id)) {
    basis.current_decision = current->id;
    basis.current_granted = current->granted;
  }
  decide::Decision d = decide::make_decision(basis, request, {user.name, user.role, &delegation}, session.today());
  if (tx) {
    d.id = store::record_decision(store, d, session.write_context("decide"));
    tx->commit();
  }
  print_decision(opt, session, d);
}

void print_routine(const DecideOptions& opt, Session& s, const store::User& user, const decide::RoutinePlan& plan) {
  if (opt.json) {
    nlohmann::json decided = nlohmann::json::array();
    for (const auto& d : plan.decisions) {
      decided.push_back({{"decision_id", d.id > 0 ? nlohmann::json(format_id(IdKind::beslut, d.id)) : nullptr},
                         {"application_id", format_id(IdKind::application, d.application_id)},
                         {"granted_ore", d.granted.ore()},
                         {"handling_days", d.handling_days}});
    }
    nlohmann::json manual = nlohmann::json::array();
    for (const auto& m : plan.manual) {
      manual.push_back({{"application_id", format_id(IdKind::application, m.application_id)}, {"why", m.why}});
    }
    nlohmann::json done = nlohmann::json::array();
    for (const auto& a : plan.already_decided) {
      done.push_back({{"application_id", format_id(IdKind::application, a.application_id)},
                      {"decision_id", format_id(IdKind::beslut, a.decision_id)}});
    }
    s.out << nlohmann::json{{"month", opt.month}, {"dry_run", opt.dry_run}, {"decided_by", user.name},
                            {"decided", decided}, {"manual", manual},       {"already_decided", done}}
                 .dump(2)
          << "\n";
    return;
  }
  s.out << (opt.dry_run ? "dry run: would decide " : "decided ") << plan.decisions.size() << " routine bifall for "
        << opt.month << ", confirmed by " << user.name << " (" << decide::role_name(user.role) << "); "
        << plan.manual.size() << " for manual handling; " << plan.already_decided.size() << " already decided\n";
  if (!plan.decisions.empty()) {
    Table t({"decision", "application", "granted", "days"}, {false, false, true, true});
    for (const auto& d : plan.decisions) {
      t.add({d.id > 0 ? format_id(IdKind::beslut, d.id) : "—", format_id(IdKind::application, d.application_id),
             money::format_kr(d.granted), std::to_string(d.handling_days)});
    }
    s.out << "\n";
    t.print(s.out);
  }
  if (!plan.manual.empty()) {
    Table t({"manual handling", "why"});
    for (const auto& m : plan.manual) t.add({format_id(IdKind::application, m.application_id), m.why});
    s.out << "\n";
    t.print(s.out);
  }
}

void run_decide_routine(const DecideOptions& opt, Session& session) {
  if (!opt.routine || opt.month.empty()) {
    throw CLI::ValidationError("decide", "--month and --bifall-routine go together");
  }
  if (!opt.application.empty() || opt.bifall || opt.delbifall || opt.avslag || !opt.rejects.empty() ||
      !opt.reasons.empty() || opt.child_impact_option->count() > 0 || !opt.replaces.empty() ||
      !opt.presented_by.empty()) {
    throw CLI::ValidationError("decide",
                               "--bifall-routine decides a month: give no APP-ID, kind, --reject, --reason, "
                               "--child-impact, --replaces or --presented-by");
  }
  const period::Month month = period::parse_month(opt.month, "--month");
  const decide::Delegation delegation = load_delegation(opt.delegation_file, session);
  store::CaseStore store = session.open_store(opt.dry_run ? store::OpenMode::read_only : store::OpenMode::read_write);
  std::optional<store::Transaction> tx;  // the whole run, from its first read: all decided, or nothing
  if (!opt.dry_run) tx.emplace(store);
  const store::User user = active_user(store, opt.by.empty() ? session.user() : opt.by, "--by");
  decide::RoutinePlan plan = decide::plan_routine(store::routine_candidates(store, month),
                                                  {user.name, user.role, &delegation}, session.today());
  if (tx) {
    const store::WriteContext ctx = session.write_context("decide --bifall-routine");
    for (auto& d : plan.decisions) d.id = store::record_decision(store, d, ctx);
    tx->commit();
  }
  print_routine(opt, session, user, plan);
}

void run_decide(const DecideOptions& opt, Session& session) {
  if (opt.routine || !opt.month.empty()) {
    run_decide_routine(opt, session);
    return;
  }
  if (opt.application.empty()) {
    throw CLI::ValidationError("decide", "give an application id (A-12), or --month M --bifall-routine");
  }
  run_decide_one(opt, session);
}

std::string reason_codes() {
  std::string out;
  for (const auto& r : decide::reason_catalogue()) out += (out.empty() ? "" : ", ") + std::string(r.code);
  return out;
}

}  // namespace

void add_decide_command(CLI::App& app, Session& session) {
  auto opt = std::make_shared<DecideOptions>();
  CLI::App* cmd =
      app.add_subcommand("decide", "Decide an assessed application (beslut), or the month's routine bifall");
  cmd->add_option("application", opt->application, "The assessed application to decide (A-12)");
  cmd->add_flag("--bifall", opt->bifall, "Grant the assessed amount in full");
  cmd->add_flag("--delbifall", opt->delbifall, "Grant part: the assessed amount less each --reject");
  cmd->add_flag("--avslag", opt->avslag, "Refuse: grant nothing (needs --reason)");
  cmd->add_option("--reject", opt->rejects,
                  "With --delbifall: ITEM:KRONOR[:REASON] not granted, e.g. rent:1200 (repeatable)");
  cmd->add_option("--reason", opt->reasons, "A reason code (" + reason_codes() + ") or free text (repeatable)");
  opt->child_impact_option = cmd->add_option(
      "--child-impact", opt->child_impact,
      "Barnkonsekvensanalys: how the decision affects the children (required for avslag or delbifall with children)");
  cmd->add_option("--replaces", opt->replaces, "The current decision this one replaces (D-5)");
  cmd->add_option("--by", opt->by, "The user who decides; default the session's user (--as, else the OS user)");
  cmd->add_option("--presented-by", opt->presented_by, "The föredragande, when not the one who decides");
  cmd->add_option("--delegation", opt->delegation_file,
                  "Delegation order; default $EB_DELEGATION, else NORMS/local/delegation.toml, else the example")
      ->check(CLI::ExistingFile);
  cmd->add_option("--month", opt->month, "With --bifall-routine: the month (YYYY-MM)");
  cmd->add_flag("--bifall-routine", opt->routine,
                "Decide bifall for every assessed, undecided application of --month that needs no judgement");
  cmd->add_flag("--dry-run", opt->dry_run, "Show what would be decided; store nothing");
  cmd->add_flag("--json", opt->json, "Print the decision (or the routine run) as JSON");
  cmd->callback([opt, &session] { run_decide(*opt, session); });
}

}  // namespace eb::cli
