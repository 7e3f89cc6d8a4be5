// SPDX-License-Identifier: MIT
// eb pay's claims (återkrav) on a decision and the repayments booked on claims.
#include "flow/pay.hpp"
#include "pay.hpp"
#include "render/pay_render.hpp"

namespace eb::cli {

namespace {

using money::Money;

void run_repayment(const PayOptions& opt, Run& run) {
  const std::int64_t case_id = id_of(opt.id, IdKind::arende, "CASE-ID", "C-3");
  const Money amount = money::parse_money(opt.amount, "--amount");
  if (amount <= Money()) throw InputError("--amount", opt.amount, "must be more than 0 kr");
  const period::Date on = date_or_today(opt, run);
  std::optional<std::int64_t> claim;
  if (!opt.claim.empty()) claim = id_of(opt.claim, IdKind::claim, "--claim", "K-2");
  const auto parts = flow::pay_repayment(run.db(), run.ctx, case_id, amount, on, claim);
  record_shown(run, repaid_json(parts, case_id, on), [&](std::ostream& o) {
    for (const auto& r : parts) print_repaid(o, r, case_id, on);
  });
}

void run_claim(const PayOptions& opt, Run& run) {
  flow::PayClaimRequest r;
  r.decision_id = id_of(opt.id, IdKind::beslut, "DECISION-ID", "D-8");
  r.amount = money::parse_money(opt.amount, "--amount");
  r.ground = decide::parse_claim_ground(opt.ground, "--ground");
  r.decision = opt.decision;
  r.reason = opt.reason;
  const flow::PayClaimOutcome o = flow::pay_claim(run.db(), run.ctx, r);
  for (const auto& w : o.warnings) run.warn(w);
  record_shown(run, claim_raised_json(o), [&](std::ostream& out) { print_claim_raised(out, o); });
}

}  // namespace

void add_pay_claim_commands(CLI::App* cmd, CommandTable& table, const std::shared_ptr<PayOptions>& opt) {
  const std::vector<Format> text_json{Format::text, Format::json};
  const auto leaf = [&table, opt](CLI::App* sub, Access access, PayRun fn, std::vector<Format> formats) -> Leaf& {
    return add_pay_leaf(table, opt, sub, access, fn, std::move(formats));
  };

  CLI::App* rep = cmd->add_subcommand("repayment", "Record a repayment of a claim (återkrav)");
  rep->add_option("case", opt->id, "Case id (C-3)")->required();
  rep->add_option("--amount", opt->amount, "Kronor repaid (500 or 500.50)")->required();
  rep->add_option("--date", opt->date, "When it was paid (YYYY-MM-DD); default today");
  rep->add_option("--claim", opt->claim, "The claim repaid (K-2); default the oldest claims with something left");
  leaf(rep, Access::write, run_repayment, text_json);

  CLI::App* claim =
      cmd->add_subcommand("claim", "Raise a claim (återkrav) on a decision: an advance, a repayable grant");
  claim->add_option("decision-id", opt->id, "The decision on the bistånd claimed (D-8)")->required();
  claim->add_option("--ground", opt->ground, "advance (SoL 33 kap. 2 §), repayable (3 §) or wrongly-paid (1 §)")
      ->required();
  claim->add_option("--amount", opt->amount, "Kronor to reclaim")->required();
  claim->add_option("--decision", opt->decision, "The nämnd's decision on the claim")->required();
  claim->add_option("--reason", opt->reason, "The circumstances, e.g. what the benefit paid for the same time")
      ->required();
  leaf(claim, Access::write, run_claim, text_json);
}

}  // namespace eb::cli
