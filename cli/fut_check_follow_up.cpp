// SPDX-License-Identifier: MIT
// eb fut-check's follow-up of a flag: resolve it, raise and waive its claim (återkrav), write
// the police report and the notice to another paying authority.
#include "common/ids.hpp"
#include "common/text.hpp"
#include "flow/fut_check.hpp"
#include "fut_check.hpp"
#include "record_shown.hpp"
#include "render/fut_follow_up_json.hpp"
#include "render/fut_render.hpp"

namespace eb::cli {

namespace {

flow::DocumentFormat format_of(const Run& run) {
  return run.format() == Format::html ? flow::DocumentFormat::html : flow::DocumentFormat::text;
}

void run_resolve(const FutOptions& opt, Run& run) {
  const std::int64_t id = flag_of(opt);
  const fut::Outcome outcome = fut::parse_outcome(opt.outcome, "--outcome");
  const fut::Resolution r = flow::fut_resolve(run.db(), run.ctx, id, outcome, opt.note);
  record_shown(run, resolved_json(id, r), [&](std::ostream& out) { print_resolved(out, id, r); });
}

void run_claim(const FutOptions& opt, Run& run) {
  const std::int64_t id = flag_of(opt);
  const decide::ClaimGround ground = decide::parse_claim_ground(opt.ground, "--ground");
  std::optional<std::int64_t> on;
  if (!opt.on_decision.empty()) {
    on = parse_id(opt.on_decision, IdKind::beslut, true);
    if (!on) throw InputError("--on-decision", text::quoted(opt.on_decision), "is not a decision id (write e.g. D-8)");
  }
  const auto o = flow::fut_claim(run.db(), run.ctx, id, amount_of(opt), opt.decision, ground, on);
  for (const auto& w : o.warnings) run.warn(w);
  record_shown(run, claimed_json(id, o), [&](std::ostream& out) { print_claimed(out, id, o); });
}

void run_waive(const FutOptions& opt, Run& run) {
  const std::int64_t id = flag_of(opt);
  const flow::FutWaiveOutcome o = flow::fut_waive(run.db(), run.ctx, id, amount_of(opt), opt.reason);
  record_shown(run, waived_json(id, o), [&](std::ostream& out) { print_waived(out, id, o); });
}

void write_document(const FutOptions& opt, Run& run, const flow::FutDocumentOutcome& o, const char* what) {
  for (const auto& w : o.warnings) run.warn(w);
  run.result() << o.content;
  if (const std::string path = run.output_path(); !path.empty() && path != "-") {
    run.out << opt.flag << ": " << what << " written to " << path << " (sha256 " << o.sha256 << ")\n";
  }
}

void run_report_police(const FutOptions& opt, Run& run) {
  flow::PoliceReportRequest r;
  r.format = format_of(run);
  r.contact = opt.contact;
  if (!opt.amount.empty()) r.wrongly_paid = amount_of(opt);
  r.sanction_fee_possible = opt.sanction_fee;
  write_document(opt, run, flow::fut_report_police(run.db(), run.ctx, flag_of(opt), r), "police report");
}

void run_notify(const FutOptions& opt, Run& run) {
  flow::NoticeRequest r{fut::parse_authority(opt.authority, "--authority"),
                        opt.recipient,
                        opt.benefit,
                        opt.circumstances,
                        opt.contact,
                        format_of(run)};
  write_document(opt, run, flow::fut_notify(run.db(), run.ctx, flag_of(opt), r), "notice");
}

}  // namespace

void add_fut_follow_up_commands(CLI::App* cmd, CommandTable& table, const std::shared_ptr<FutOptions>& opt) {
  const auto leaf = [&table, opt](CLI::App* sub, Access access, void (*fn)(const FutOptions&, Run&),
                                  std::vector<Format> formats = {}) -> Leaf& {
    return add_fut_leaf(table, opt, sub, access, fn, std::move(formats));
  };
  const auto flag_arg = [opt](CLI::App* sub) { add_flag_argument(sub, *opt); };
  const std::vector<Format> text_json{Format::text, Format::json};

  CLI::App* res = cmd->add_subcommand("resolve", "Close a flag with its outcome");
  flag_arg(res);
  res->add_option("--outcome", opt->outcome, "no-error, error or suspected-crime")->required();
  res->add_option("--note", opt->note, "What the investigation found")->required();
  leaf(res, Access::write, run_resolve, text_json);

  CLI::App* claim = cmd->add_subcommand("claim", "Raise a claim (återkrav, SoL 33 kap. 1–3 §§) on a closed flag");
  flag_arg(claim);
  claim->add_option("--amount", opt->amount, "Kronor to reclaim")->required();
  claim->add_option("--decision", opt->decision, "The nämnd's decision on the claim")->required();
  claim->add_option("--ground", opt->ground, "wrongly-paid (33 kap. 1 §, default), advance (2 §) or repayable (3 §)");
  claim->add_option("--on-decision", opt->on_decision,
                    "The decision on the bistånd (D-8) whose written condition grounds the claim");
  leaf(claim, Access::write, run_claim, text_json);

  CLI::App* waive = cmd->add_subcommand("waive", "Waive (part of) a flag's claim (eftergift, SoL 33 kap. 6 §)");
  flag_arg(waive);
  waive->add_option("--amount", opt->amount, "Kronor waived")->required();
  waive->add_option("--reason", opt->reason, "Why the nämnd waives it")->required();
  leaf(waive, Access::write, run_waive, text_json);

  CLI::App* police = cmd->add_subcommand("report-police", "Write the police report of a suspected bidragsbrott");
  flag_arg(police);
  police->add_option("--contact", opt->contact, "The investigator's telephone or e-mail");
  police->add_option("--amount", opt->amount, "Kronor wrongly paid; default the claim, else the amount at risk");
  police->add_flag("--sanction-fee-possible", opt->sanction_fee,
                   "An administrative sanction fee can be imposed for the same act (bidragsbrottslagen 6 § 2 st.)");
  leaf(police, Access::write, run_report_police, {Format::text, Format::html});

  CLI::App* notify = cmd->add_subcommand("notify", "Write the notice to another paying authority (lag 2008:206)");
  flag_arg(notify);
  notify->add_option("--authority", opt->authority, "FK, PM, CSN, AF, AKASSA, MV or KOMMUN")->required();
  notify->add_option("--recipient", opt->recipient, "Which a-kassa or kommun (required for those)");
  notify->add_option("--benefit", opt->benefit, "The recipient's benefit believed wrong, e.g. bostadsbidrag")
      ->required();
  notify->add_option("--circumstances", opt->circumstances, "What the belief rests on (4 §)")->required();
  notify->add_option("--contact", opt->contact, "The investigator's telephone or e-mail");
  leaf(notify, Access::write, run_notify, {Format::text, Format::html});
}

}  // namespace eb::cli
