// SPDX-License-Identifier: MIT
#include "render/pay_render.hpp"

#include <string>

#include "common/ids.hpp"
#include "common/text.hpp"
#include "render/case_words.hpp"
#include "render/table.hpp"

namespace eb::cli {

namespace {

using money::Money;

std::string kr(Money m) {
  return money::format_kr(m);
}

// The ledger's columns, in order: the key of JSON and CSV, the header of the table, the getter.
struct Column {
  const char* name;
  const char* label;
  Money (*get)(const pay::LedgerFigures&);
};

const std::vector<Column>& columns() {
  static const std::vector<Column> all{
      {"decided", "beslutat", [](const pay::LedgerFigures& f) { return f.decided; }},
      {"paid", "utbetalt", [](const pay::LedgerFigures& f) { return f.paid; }},
      {"returned", "returnerat", [](const pay::LedgerFigures& f) { return f.returned; }},
      {"pending", "väntande", [](const pay::LedgerFigures& f) { return f.pending; }},
      {"claimed", "återkrävt", [](const pay::LedgerFigures& f) { return f.claimed; }},
      {"repaid", "återbetalt", [](const pay::LedgerFigures& f) { return f.repaid; }},
      {"to_pay", "att betala", [](const pay::LedgerFigures& f) { return f.to_pay(); }},
      {"owed", "att återbetala", [](const pay::LedgerFigures& f) { return f.owed(); }},
      {"balance", "saldo", [](const pay::LedgerFigures& f) { return f.balance(); }},
      {"waived", "eftergivet", [](const pay::LedgerFigures& f) { return f.waived; }},
  };
  return all;
}

// The CSV header (the JSON keys) or, `text`, the table's Swedish one.
std::vector<std::string> header(bool by_month, bool text) {
  std::vector<std::string> h{text ? (by_month ? "månad" : "ärende") : (by_month ? "month" : "case")};
  for (const auto& c : columns()) h.push_back(text ? std::string(c.label) : std::string(c.name) + "_ore");
  return h;
}

std::vector<std::string> cells(const std::string& key, const pay::LedgerFigures& f, bool ore) {
  std::vector<std::string> row{key};
  for (const auto& c : columns()) row.push_back(ore ? std::to_string(c.get(f).ore()) : kr(c.get(f)));
  return row;
}

std::string key_of(const pay::LedgerRow& r, bool by_month) {
  return by_month ? (r.month ? r.month->to_string() : "") : format_id(IdKind::arende, r.case_id);
}

nlohmann::json figures_json(const pay::LedgerFigures& f) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& c : columns()) j[std::string(c.name) + "_ore"] = c.get(f).ore();
  j["claimed_on_decisions_ore"] = f.claimed_on_decisions.ore();
  return j;
}

std::string payment_state(const pay::BatchPayment& p) {
  if (p.cancelled) return "makulerad";
  if (p.returned_on) return "returnerad " + p.returned_on->to_string();
  return "";
}

// "skapad", "exporterad", "bekräftad", "makulerad" (pay::status_name in Swedish).
std::string_view status_sv(pay::BatchStatus s) {
  switch (s) {
    case pay::BatchStatus::created:
      return "skapad";
    case pay::BatchStatus::exported:
      return "exporterad";
    case pay::BatchStatus::confirmed:
      return "bekräftad";
    case pay::BatchStatus::cancelled:
      return "makulerad";
  }
  return "?";
}

nlohmann::json planned_claim_json(const pay::PlannedClaim& c, std::optional<std::int64_t> id) {
  return {{"claim_id", id ? nlohmann::json(format_id(IdKind::claim, *id)) : nlohmann::json(nullptr)},
          {"case_id", format_id(IdKind::arende, c.case_id)},
          {"application_id", format_id(IdKind::application, c.application_id)},
          {"decision_id", format_id(IdKind::beslut, c.decision_id)},
          {"month", c.month.to_string()},
          {"amount_ore", c.amount.ore()},
          {"statute", c.statute},
          {"reason", c.reason}};
}

// The stored id of the plan's `i`th claim, if it was stored.
std::optional<std::int64_t> claim_id(const BatchRun& run, std::size_t i) {
  if (run.dry_run || i >= run.outcome.claim_ids.size()) return std::nullopt;
  return run.outcome.claim_ids[i];
}

}  // namespace

void print_batch_run(std::ostream& out, const BatchRun& run) {
  const auto& plan = run.plan;
  const std::size_t n = plan.payments.size();
  const std::size_t accounts = plan.to_accounts();
  const std::string what = pay::payments_text(n) + ", " + money::format_kr(plan.total()) + " for " +
                           run.pay_date.to_string() + " (" + std::to_string(accounts) + " to accounts, " +
                           std::to_string(n - accounts) + " by avi)";
  if (n == 0) {
    out << "nothing to pay" << (run.month ? " for " + run.month->to_string() : std::string()) << "\n";
  } else if (run.dry_run || !run.outcome.batch_id) {
    out << "would pay " << what << "\n";
  } else {
    out << format_id(IdKind::batch, *run.outcome.batch_id) << ": " << what << "\n";
  }
  for (std::size_t i = 0; i < plan.claims.size(); ++i) {
    const auto& c = plan.claims[i];
    const auto id = claim_id(run, i);
    out << (id ? "claim " + format_id(IdKind::claim, *id) : std::string("would raise claim")) << ": "
        << money::format_kr(c.amount) << " on " << format_id(IdKind::beslut, c.decision_id) << " ("
        << format_id(IdKind::application, c.application_id) << ", " << format_id(IdKind::arende, c.case_id) << ", "
        << c.month.to_string() << ") under " << c.statute << "\n";
  }
  if (run.dry_run) out << "dry run: nothing was stored\n";
}

nlohmann::json batch_run_json(const BatchRun& run) {
  const auto& plan = run.plan;
  const std::size_t accounts = plan.to_accounts();
  nlohmann::json claims = nlohmann::json::array();
  for (std::size_t i = 0; i < plan.claims.size(); ++i)
    claims.push_back(planned_claim_json(plan.claims[i], claim_id(run, i)));
  return {{"batch_id", run.outcome.batch_id ? nlohmann::json(format_id(IdKind::batch, *run.outcome.batch_id))
                                            : nlohmann::json(nullptr)},
          {"payments", plan.payments.size()},
          {"total_ore", plan.total().ore()},
          {"to_accounts", accounts},
          {"by_avi", plan.payments.size() - accounts},
          {"pay_date", run.pay_date.to_string()},
          {"month", run.month ? nlohmann::json(run.month->to_string()) : nlohmann::json(nullptr)},
          {"claims", claims},
          {"warnings", plan.warnings},
          {"dry_run", run.dry_run}};
}

void print_batch_payments(std::ostream& out, const pay::Batch& batch, const std::vector<pay::BatchPayment>& payments) {
  out << "Utbetalningsomgång " << format_id(IdKind::batch, batch.id) << "  " << status_sv(batch.status)
      << "  betalningsdag " << batch.pay_date.to_string() << "  "
      << text::counted(static_cast<std::int64_t>(batch.payments), "utbetalning", "utbetalningar") << "  "
      << money::format_kr(batch.total) << "  meddelande-id " << batch.message_id << "\n";
  out << "skapad " << batch.created_at << " av " << batch.created_by << "\n";
  for (const auto& e : batch.exports) {
    out << "exporterad som " << (e.format == pay::FileFormat::pain001 ? "pain.001" : "CSV") << " " << e.exported_at
        << " av " << e.exported_by << ", sha256 " << e.sha256 << "\n";
  }
  if (batch.confirmed_at) out << "bekräftad " << *batch.confirmed_at << "\n";
  if (batch.cancelled_at) out << "makulerad " << *batch.cancelled_at << "\n";
  out << "\n";
  Table t({"utbetalning", "ärende", "ansökan", "månad", "beslut", "belopp", "sätt", "konto", "ersätter", "läge"},
          {false, false, false, false, false, true});
  for (const auto& p : payments) {
    t.add({format_id(IdKind::payment, p.id), format_id(IdKind::arende, p.case_id),
           format_id(IdKind::application, p.application_id), p.month.to_string(),
           format_id(IdKind::beslut, p.decision_id), kr(p.amount), p.account ? "konto" : "avi",
           p.account ? p.account->masked() : "", p.reissue_of ? format_id(IdKind::payment, *p.reissue_of) : "",
           payment_state(p)});
  }
  t.print(out);
}

nlohmann::json batch_json(const pay::Batch& batch, const std::vector<pay::BatchPayment>& payments) {
  nlohmann::json exports = nlohmann::json::array();
  for (const auto& e : batch.exports) {
    exports.push_back({{"format", pay::format_name(e.format)},
                       {"sha256", e.sha256},
                       {"bytes", e.bytes},
                       {"exported_at", e.exported_at},
                       {"exported_by", e.exported_by}});
  }
  nlohmann::json list = nlohmann::json::array();
  for (const auto& p : payments) {
    list.push_back(
        {{"payment_id", format_id(IdKind::payment, p.id)},
         {"case_id", format_id(IdKind::arende, p.case_id)},
         {"application_id", format_id(IdKind::application, p.application_id)},
         {"decision_id", format_id(IdKind::beslut, p.decision_id)},
         {"month", p.month.to_string()},
         {"amount_ore", p.amount.ore()},
         {"method", p.account ? "account" : "avi"},
         {"account", p.account ? nlohmann::json(p.account->masked()) : nlohmann::json(nullptr)},
         {"reissue_of",
          p.reissue_of ? nlohmann::json(format_id(IdKind::payment, *p.reissue_of)) : nlohmann::json(nullptr)},
         {"cancelled", p.cancelled},
         {"returned_on", p.returned_on ? nlohmann::json(p.returned_on->to_string()) : nlohmann::json(nullptr)}});
  }
  return {{"batch_id", format_id(IdKind::batch, batch.id)},
          {"status", pay::status_name(batch.status)},
          {"pay_date", batch.pay_date.to_string()},
          {"month", batch.month ? nlohmann::json(batch.month->to_string()) : nlohmann::json(nullptr)},
          {"message_id", batch.message_id},
          {"payments", batch.payments},
          {"total_ore", batch.total.ore()},
          {"created_at", batch.created_at},
          {"exports", exports},
          {"confirmed_at", batch.confirmed_at ? nlohmann::json(*batch.confirmed_at) : nlohmann::json(nullptr)},
          {"cancelled_at", batch.cancelled_at ? nlohmann::json(*batch.cancelled_at) : nlohmann::json(nullptr)},
          {"payment_list", list}};
}

void print_ledger(std::ostream& out, const pay::Ledger& ledger, bool by_month) {
  std::vector<bool> right(columns().size() + 1, true);
  right[0] = false;
  Table t(header(by_month, true), right);
  for (const auto& r : ledger.rows) t.add(cells(key_of(r, by_month), r.figures, false));
  t.add(cells("summa", ledger.total, false));
  t.print(out);
}

void print_ledger_csv(std::ostream& out, const pay::Ledger& ledger, bool by_month) {
  Table t(header(by_month, false));
  for (const auto& r : ledger.rows) t.add(cells(key_of(r, by_month), r.figures, true));
  t.add(cells("total", ledger.total, true));
  t.print_csv(out);
}

nlohmann::json ledger_json(const pay::Ledger& ledger, const std::optional<period::MonthRange>& period,
                           std::optional<std::int64_t> case_id, const std::vector<pay::Claim>& claims) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : ledger.rows) {
    nlohmann::json j = figures_json(r.figures);
    j["case_id"] = format_id(IdKind::arende, r.case_id);
    if (r.month) j["month"] = r.month->to_string();
    rows.push_back(std::move(j));
  }
  nlohmann::json out{
      {"period", period ? nlohmann::json(period->to_string()) : nlohmann::json(nullptr)},
      {"case_id", case_id ? nlohmann::json(format_id(IdKind::arende, *case_id)) : nlohmann::json(nullptr)},
      {"rows", rows},
      {"total", figures_json(ledger.total)}};
  if (case_id) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : claims) {
      list.push_back(
          {{"claim_id", format_id(IdKind::claim, c.id)},
           {"decision_id",
            c.decision_id ? nlohmann::json(format_id(IdKind::beslut, *c.decision_id)) : nlohmann::json(nullptr)},
           {"month", c.month ? nlohmann::json(c.month->to_string()) : nlohmann::json(nullptr)},
           {"amount_ore", c.amount.ore()},
           {"flag_id", c.flag_id ? nlohmann::json(format_id(IdKind::flag, *c.flag_id)) : nlohmann::json(nullptr)},
           {"repaid_ore", c.repaid.ore()},
           {"waived_ore", c.waived.ore()},
           {"left_ore", c.left().ore()},
           {"deadline", c.deadline ? nlohmann::json(c.deadline->to_string()) : nlohmann::json(nullptr)},
           {"raised_on", c.raised_on.to_string()},
           {"statute", c.statute},
           {"ground", c.ground},
           {"on_decision_id",
            c.on_decision_id ? nlohmann::json(format_id(IdKind::beslut, *c.on_decision_id)) : nlohmann::json(nullptr)},
           {"reason", c.reason}});
    }
    out["claims"] = list;
  }
  return out;
}

void print_claims(std::ostream& out, const std::vector<pay::Claim>& claims) {
  Table t({"återkrav", "registrerat", "avser", "månad", "belopp", "återbetalt", "eftergivet", "kvar", "talan senast",
           "grund", "lagrum"},
          {false, false, false, false, true, true, true, true, false, false, false});
  for (const auto& c : claims) {
    std::string on = c.decision_id ? format_id(IdKind::beslut, *c.decision_id)
                     : c.flag_id   ? format_id(IdKind::flag, *c.flag_id)
                                   : "";
    if (c.on_decision_id) on += (on.empty() ? "" : " ") + format_id(IdKind::beslut, *c.on_decision_id);
    t.add({format_id(IdKind::claim, c.id), c.raised_on.to_string(), on, c.month ? c.month->to_string() : "",
           kr(c.amount), kr(c.repaid), kr(c.waived), kr(c.left()), c.deadline ? c.deadline->to_string() : "",
           claim_ground_sv(c.ground), c.statute});
  }
  t.print(out);
}

void print_ledger_outcome(std::ostream& out, const pay::Ledger& ledger, const std::vector<pay::Claim>& claims,
                          const std::optional<period::MonthRange>& range, std::optional<std::int64_t> case_id,
                          const std::string& format) {
  if (format == "json") {
    out << ledger_json(ledger, range, case_id, claims).dump(2) << "\n";
    return;
  }
  if (format == "csv") {
    print_ledger_csv(out, ledger, case_id.has_value());
    return;
  }
  out << "Reskontra" << (case_id ? " för " + format_id(IdKind::arende, *case_id) : std::string(", alla ärenden"))
      << (range ? ", " + range->to_string() : std::string()) << "\n";
  print_ledger(out, ledger, case_id.has_value());
  if (!claims.empty()) {
    out << "\nÅterkrav\n";
    print_claims(out, claims);
  }
}

void print_exported(std::ostream& out, const pay::Batch& before, const pay::BatchExport& file, bool again,
                    const std::string& path) {
  out << format_id(IdKind::batch, before.id) << ": " << (again ? "exported again, identical" : "exported") << ", "
      << pay::payments_text(before.payments) << ", " << money::format_kr(before.total) << ", as "
      << (file.format == pay::FileFormat::pain001 ? "pain.001.001.03" : "CSV") << " to " << path << " (" << file.bytes
      << " bytes, sha256 " << file.sha256 << ")\n";
}

void print_confirmed(std::ostream& out, const pay::Batch& b) {
  out << format_id(IdKind::batch, b.id) << ": confirmed, " << pay::payments_text(b.payments) << ", "
      << money::format_kr(b.total) << "\n";
}

nlohmann::json batch_state_json(const pay::Batch& b, pay::BatchStatus now) {
  return {{"batch_id", format_id(IdKind::batch, b.id)},
          {"status", std::string(pay::status_name(now))},
          {"pay_date", b.pay_date.to_string()},
          {"payments", b.payments},
          {"total_ore", b.total.ore()},
          {"message_id", b.message_id}};
}

nlohmann::json returned_json(const pay::BatchPayment& p) {
  return {{"payment_id", format_id(IdKind::payment, p.id)},
          {"returned_on", p.returned_on ? nlohmann::json(p.returned_on->to_string()) : nlohmann::json()},
          {"reason", p.return_reason},
          {"amount_ore", p.amount.ore()},
          {"application_id", format_id(IdKind::application, p.application_id)},
          {"case_id", format_id(IdKind::arende, p.case_id)},
          {"decision_id", format_id(IdKind::beslut, p.decision_id)},
          {"month", p.month.to_string()}};
}

nlohmann::json repaid_json(const std::vector<store::RepaymentPart>& parts, std::int64_t case_id, period::Date on) {
  nlohmann::json list = nlohmann::json::array();
  money::Money total;
  for (const auto& r : parts) {
    total = total + r.amount;
    list.push_back({{"repayment_id", r.repayment_id},
                    {"claim_id", format_id(IdKind::claim, r.claim_id)},
                    {"amount_ore", r.amount.ore()},
                    {"left_ore", r.left.ore()}});
  }
  return {{"case_id", format_id(IdKind::arende, case_id)},
          {"paid_on", on.to_string()},
          {"amount_ore", total.ore()},
          {"parts", list}};
}

void print_cancelled(std::ostream& out, const pay::Batch& before) {
  out << format_id(IdKind::batch, before.id) << ": cancelled, " << pay::payments_text(before.payments) << "; the "
      << money::format_kr(before.total) << " they would have paid is due again\n";
}

void print_returned(std::ostream& out, const pay::BatchPayment& p) {
  out << format_id(IdKind::payment, p.id) << ": returned "
      << p.returned_on.value_or(period::Date(1970, 1, 1)).to_string() << ", " << money::format_kr(p.amount) << " ("
      << format_id(IdKind::application, p.application_id) << ", " << format_id(IdKind::arende, p.case_id) << ", "
      << p.month.to_string() << "); the next eb pay batch re-issues it\n";
}

void print_claim_raised(std::ostream& out, const flow::PayClaimOutcome& o) {
  const std::string claim = format_id(IdKind::claim, o.claim_id);
  const std::string case_name = format_id(IdKind::arende, o.basis.case_id);
  out << claim << ": claim of " << money::format_kr(o.claim.amount) << " on "
      << format_id(IdKind::beslut, o.claim.on_decision.value_or(0)) << " ("
      << format_id(IdKind::application, o.basis.application_id) << ", " << case_name << ", "
      << o.basis.month.to_string() << ") under " << o.claim.statute << " (" << decide::claim_ground_name(o.claim.ground)
      << ")\n"
      << "  court action by " << o.claim.deadline.to_string() << " if not repaid (" << o.claim.deadline_statute << ")\n"
      << "  repayments: eb pay repayment " << case_name << " --amount KR --claim " << claim << "\n";
}

nlohmann::json claim_raised_json(const flow::PayClaimOutcome& o) {
  const auto& c = o.claim;
  return {{"claim_id", format_id(IdKind::claim, o.claim_id)},
          {"on_decision_id",
           c.on_decision ? nlohmann::json(format_id(IdKind::beslut, *c.on_decision)) : nlohmann::json(nullptr)},
          {"application_id", format_id(IdKind::application, o.basis.application_id)},
          {"case_id", format_id(IdKind::arende, o.basis.case_id)},
          {"month", o.basis.month.to_string()},
          {"amount_ore", c.amount.ore()},
          {"ground", decide::claim_ground_name(c.ground)},
          {"statute", c.statute},
          {"decision", c.decision},
          {"reason", c.reason},
          {"raised_on", c.on.to_string()},
          {"deadline", c.deadline.to_string()},
          {"deadline_statute", c.deadline_statute},
          {"warnings", o.warnings}};
}

void print_repaid(std::ostream& out, const store::RepaymentPart& r, std::int64_t case_id, period::Date on) {
  out << format_id(IdKind::claim, r.claim_id) << ": " << money::format_kr(r.amount) << " repaid " << on.to_string()
      << " by " << format_id(IdKind::arende, case_id) << "; " << money::format_kr(r.left) << " left\n";
}

}  // namespace eb::cli
