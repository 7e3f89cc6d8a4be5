// SPDX-License-Identifier: MIT
// eb decide: decide an assessed application (bifall, delbifall, avslag), or make the month's
// routine bifall decisions, each confirmed by a named user under the delegation order.
#include "command.hpp"
#include "common/ids.hpp"
#include "common/text.hpp"
#include "decide/reasons.hpp"
#include "render/decide_render.hpp"

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
  std::string month;
  bool routine = false;
  std::string unofficial_norm;
  std::string exempt;
  std::string advance_on;
  bool repayable = false;
  std::vector<std::string> dissent_users;
  std::vector<std::string> dissent_notes;
};

decide::Kind requested_kind(const DecideOptions& opt) {
  const int n = (opt.bifall ? 1 : 0) + (opt.delbifall ? 1 : 0) + (opt.avslag ? 1 : 0);
  if (n != 1) throw CLI::ValidationError("decide", "give exactly one of --bifall, --delbifall and --avslag");
  return opt.bifall ? decide::Kind::bifall : opt.delbifall ? decide::Kind::delbifall : decide::Kind::avslag;
}

decide::Request request_of(const DecideOptions& opt) {
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
  if (!opt.unofficial_norm.empty()) r.unofficial_norm_reason = opt.unofficial_norm;
  if (!opt.exempt.empty()) r.large_household_exempt = opt.exempt;
  if (!opt.advance_on.empty()) r.advance_on = opt.advance_on;
  r.repayable = opt.repayable;
  if (opt.dissent_users.size() != opt.dissent_notes.size()) {
    throw CLI::ValidationError("decide", "give each --dissent USER its --note TEXT");
  }
  for (std::size_t i = 0; i < opt.dissent_users.size(); ++i) {
    r.dissents.push_back({opt.dissent_users[i], opt.dissent_notes[i]});
  }
  return r;
}

void run_routine(const DecideOptions& opt, Run& run) {
  if (!opt.routine || opt.month.empty())
    throw CLI::ValidationError("decide", "--month and --bifall-routine go together");
  if (!opt.application.empty() || opt.bifall || opt.delbifall || opt.avslag || !opt.rejects.empty() ||
      !opt.reasons.empty() || opt.child_impact_option->count() > 0 || !opt.replaces.empty() ||
      !opt.presented_by.empty() || !opt.unofficial_norm.empty() || !opt.exempt.empty() || !opt.advance_on.empty() ||
      opt.repayable || !opt.dissent_users.empty() || !opt.dissent_notes.empty()) {
    throw CLI::ValidationError("decide",
                               "--bifall-routine decides a month: give no APP-ID, kind, --reject, --reason, "
                               "--child-impact, --replaces, --presented-by or any option of one decision");
  }
  const period::Month month = period::parse_month(opt.month, "--month");
  flow::RoutineOutcome o = flow::decide_routine(run.db(), run.ctx, month, opt.by.empty() ? run.ctx.user : opt.by);
  if (run.dry_run()) {
    for (auto& d : o.plan.decisions) d.id = 0;
  }
  print_routine(run.result(), o, opt.month, run.dry_run(), run.format() == Format::json);
}

void run_decide(const DecideOptions& opt, Run& run) {
  if (opt.routine || !opt.month.empty()) return run_routine(opt, run);
  if (opt.application.empty()) {
    throw CLI::ValidationError("decide", "give an application id (A-12), or --month M --bifall-routine");
  }
  const auto id = parse_id(opt.application, IdKind::application, true);
  if (!id) throw InputError("APP-ID", text::quoted(opt.application), "not an application id (write e.g. A-12)");
  const decide::Request request = request_of(opt);
  flow::DecideOutcome o = flow::decide(run.db(), run.ctx, *id, request, opt.by.empty() ? run.ctx.user : opt.by);
  if (run.dry_run()) o.decision.id = 0;
  for (const auto& w : decision_warnings(o)) run.warn(w);
  print_decision(run.result(), o.decision, run.format() == Format::json);
}

std::string reason_codes() {
  std::string out;
  for (const auto& r : decide::reason_catalogue()) out += (out.empty() ? "" : ", ") + std::string(r.code);
  return out;
}

}  // namespace

void add_decide_command(CLI::App& app, CommandTable& table, Session& session) {
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
  cmd->add_option("--allow-unofficial-norm", opt->unofficial_norm,
                  "Decide on a norm that is not official or municipal (preliminary, estimate, derived): the reason");
  cmd->add_option("--synnerliga-skal", opt->exempt,
                  "The synnerliga skäl that lift the limit for more than three children (SoL 12 kap. 7 a §)");
  cmd->add_option("--advance-on", opt->advance_on,
                  "The bistånd is an advance on PAYER:BENEFIT, e.g. FK:sjukpenning (SoL 33 kap. 2 §)");
  cmd->add_flag("--repayable", opt->repayable,
                "Bistånd under 12 kap. 2 § on condition of repayment; --reason gives the grounds (33 kap. 3 §)");
  cmd->add_option("--dissent", opt->dissent_users, "A user whose dissenting opinion is recorded (FL 30 §; repeatable)");
  cmd->add_option("--note", opt->dissent_notes, "The dissenting opinion of the --dissent before it");
  cmd->add_option("--delegation", session.delegation_flag,
                  "Delegation order; default $EB_DELEGATION, else NORMS/local/delegation.toml, else the example");
  cmd->add_option("--month", opt->month, "With --bifall-routine: the month (YYYY-MM)");
  cmd->add_flag("--bifall-routine", opt->routine,
                "Decide bifall for every assessed, undecided application of --month that needs no judgement");
  Leaf& leaf = table.add(cmd, Access::write, [opt](Run& run) { run_decide(*opt, run); });
  CommandTable::with_dry_run(leaf);
  CommandTable::with_output(leaf, {Format::text, Format::json});  // json: the decision, or the routine run
}

}  // namespace eb::cli
