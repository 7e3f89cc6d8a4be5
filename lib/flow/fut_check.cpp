// SPDX-License-Identifier: MIT
#include "flow/fut_check.hpp"

#include <future>

#include "common/document.hpp"
#include "common/ids.hpp"
#include "common/sha256.hpp"
#include "fut/content.hpp"
#include "fut/police_report.hpp"
#include "store/cases.hpp"
#include "store/decisions.hpp"

namespace eb::flow {

namespace {

using money::Money;

template <class Row>
std::vector<Row> picked(const std::vector<Row>& rows, const std::vector<std::size_t>& indices) {
  std::vector<Row> out;
  out.reserve(indices.size());
  for (const auto i : indices) out.push_back(rows[i]);
  return out;
}

std::string flag_name(std::int64_t id) {
  return format_id(IdKind::flag, id);
}

fut::FlagState state_of(const store::StoredFlag& f) {
  fut::FlagState s;
  s.resolution = f.resolution;
  s.has_claim = f.claim_id.has_value();
  s.rule = f.finding.rule;
  return s;
}

// Who signs: the user's full name as the store has it, else the user name.
std::string signer(const store::Database& db, const Context& ctx) {
  const auto u = store::find_user(db, ctx.user);
  return u && !u->full_name.empty() ? u->full_name : ctx.user;
}

// The person a document is about: the flag's member, else the case's applicant; with a name.
struct Subject {
  person::Personnummer pnr;
  std::string name;
};
Subject subject_of(const store::StoredFlag& f, const store::CaseMonthFacts& facts) {
  const auto named = [&](const std::string& digits) {
    for (const auto& m : facts.members) {
      if (m.pnr == digits) return m.name;
    }
    return std::string();
  };
  if (f.finding.member) return {*f.finding.member, named(f.finding.member->digits())};
  if (facts.members.empty()) {
    throw Conflict(flag_name(f.id) + ": the case has no application for " + f.finding.month.to_string() +
                   " to name the person from");
  }
  return {person::parse_personnummer(facts.members.front().pnr, "person.pnr"), facts.members.front().name};
}

FutDocumentOutcome rendered(const fut::Content& content, const std::string& issuer, DocumentFormat format) {
  const doc::Document d = fut::document_of(content, issuer);
  FutDocumentOutcome out;
  out.content = format == DocumentFormat::html ? doc::to_html(d) : doc::to_text(d);
  out.sha256 = sha256_hex(out.content);
  return out;
}

const char* format_name(DocumentFormat f) {
  return f == DocumentFormat::html ? "html" : "text";
}

void warn_example_payer(const Context& ctx, FutDocumentOutcome& out) {
  if (ctx.payer().is_example()) {
    out.warnings.push_back("the sender is the example payer's municipality (" + ctx.payer().debtor.name +
                           "): configure norms/local/payer.toml");
  }
}

}  // namespace

FutImportOutcome fut_import(store::Database& db, const Context& ctx, RegisterKind kind, const std::string& file,
                            std::string_view text) {
  FutImportOutcome out;
  out.kind = kind;
  const std::string sha = sha256_hex(text);
  const store::WriteContext write = ctx.write("fut-check import");
  if (kind == RegisterKind::income) {
    auto rows = fut::parse_income_register(text, file);
    const auto r = store::import_income_rows(db, file, sha, rows, write);
    out.import = r.import;
    out.income_read = fut::summarize(rows);
    out.income_added = fut::summarize(picked(rows, r.added));
  } else {
    auto rows = fut::parse_population_register(text, file);
    const auto r = store::import_population_rows(db, file, sha, rows, write);
    out.import = r.import;
    out.population_read = fut::summarize(rows);
    out.population_added = fut::summarize(picked(rows, r.added));
  }
  return out;
}

FutRunOutcome fut_run(store::Database& db, const Context& ctx, const FutRunRequest& request) {
  FutRunOutcome out;
  out.period = request.period;
  out.rules = fut::select_rules(request.rules);
  // A month at a time: every rule looks at one month alone, and a national year's case-months
  // and register rows together take about a gigabyte, a month at a time a twelfth of that. The
  // next month is read on a second thread while this one is screened (the store is used by
  // that thread alone until the reads are done; the rules touch no store).
  fut::Screening screening(out.rules, request.params);
  const auto read = [&db](period::Month m) { return store::screening_input(db, period::MonthRange{m, m}); };
  std::future<fut::ScreeningInput> ahead = std::async(std::launch::async, read, request.period.first);
  for (period::Month m = request.period.first; m <= request.period.last; m = m.plus(1)) {
    const fut::ScreeningInput part = ahead.get();
    if (m < request.period.last) ahead = std::async(std::launch::async, read, m.plus(1));
    out.case_months += part.case_months.size();
    out.register_rows += part.income_rows.size();
    screening.add(part);
  }
  std::vector<fut::Finding> findings = std::move(screening).findings();
  const auto known = store::flag_ids_of(db, findings);
  std::vector<const fut::Finding*> fresh;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (!known[i]) fresh.push_back(&findings[i]);
  }
  std::vector<std::optional<std::int64_t>> stored;
  if (!fresh.empty()) {
    const store::WriteContext write = ctx.write("fut-check run");
    out.run = store::next_fut_run(db);
    stored = store::store_flags(db, fresh, *out.run, request.period.to_string(), write);
    std::string rules;
    for (const auto* r : out.rules) rules += (rules.empty() ? "" : ", ") + std::string(r->id);
    std::size_t added = 0;
    for (const auto& id : stored) added += id ? 1U : 0U;
    store::audit_fut_run(db, *out.run,
                         "screened " + request.period.to_string() + " (" + std::to_string(out.case_months) +
                             " paid case-months; rules " + rules + "; tolerance " +
                             money::format_kr(request.params.underdeclared_tolerance) + ", max cases " +
                             std::to_string(request.params.address_max_cases) + "): " +
                             std::to_string(findings.size()) + " findings, " + std::to_string(added) + " new flags",
                         write);
  }
  std::size_t next = 0;
  out.flags.reserve(findings.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    FutFlagResult r;
    if (known[i]) {
      r.flag_id = *known[i];
    } else {
      const auto& id = stored[next++];
      if (!id) throw StoreError("a flag for evidence " + findings[i].evidence_key.hex() + " appeared during the run");
      r.flag_id = *id;
      r.is_new = true;
      ++out.new_flags;
    }
    r.finding = std::move(findings[i]);
    out.flags.push_back(std::move(r));
  }
  return out;
}

std::vector<store::StoredFlag> fut_list(const store::Database& db, const store::FlagFilter& filter) {
  if (filter.rule) (void)fut::select_rules({*filter.rule});  // an unknown rule is refused, naming the known ones
  return store::list_flags(db, filter);
}

FutFlagView fut_show(const store::Database& db, const Context& ctx, std::int64_t id) {
  FutFlagView v;
  v.flag = store::load_flag(db, id);
  v.claim = store::flag_claim(db, id);
  v.follow_ups = store::follow_ups(db, id);
  v.today = ctx.today;
  return v;
}

fut::Resolution fut_resolve(store::Database& db, const Context& ctx, std::int64_t id, fut::Outcome outcome,
                            std::string note) {
  const store::StoredFlag f = store::load_flag(db, id);
  const fut::Resolution r = fut::resolve(state_of(f), outcome, std::move(note), ctx.user, ctx.today);
  store::store_outcome(db, id, r, ctx.write("fut-check resolve"));
  return r;
}

FutClaimOutcome fut_claim(store::Database& db, const Context& ctx, std::int64_t id, Money amount, std::string decision,
                          decide::ClaimGround ground, std::optional<std::int64_t> on_decision) {
  const store::StoredFlag f = store::load_flag(db, id);
  const store::CaseMonthFacts facts = store::case_month_facts(db, f.finding.case_id, f.finding.month);
  const fut::FlagState state = state_of(f);
  if (!facts.first_paid_on && state.resolution && state.resolution->outcome != fut::Outcome::no_error &&
      !state.has_claim) {
    throw Conflict(flag_name(id) + ": nothing is paid for " + format_id(IdKind::arende, f.finding.case_id) + " in " +
                   f.finding.month.to_string() + " any more (returned?): there is nothing to reclaim");
  }
  fut::ClaimRequest request;
  request.amount = amount;
  request.decision = std::move(decision);
  request.costs_arose_on = facts.first_paid_on.value_or(ctx.today);
  request.first_decided_on = facts.first_decided_on.value_or(request.costs_arose_on);
  request.paid = facts.paid;
  request.by = ctx.user;
  request.on = ctx.today;
  request.ground = ground;
  std::optional<std::int64_t> application_id = facts.application_id;
  if (on_decision) {
    const decide::Decision d = store::load_decision(db, *on_decision);
    const store::ApplicationSummary app = store::application_summary(db, d.application_id);
    if (app.case_id != f.finding.case_id || app.month != f.finding.month) {
      throw InputError("--on-decision", format_id(IdKind::beslut, d.id),
                       "is a decision of " + format_id(IdKind::arende, app.case_id) + " for " + app.month.to_string() +
                           ", not of the flag's " + format_id(IdKind::arende, f.finding.case_id) + " for " +
                           f.finding.month.to_string());
    }
    request.on_decision = decide::claimed_decision_of(d);
    application_id = d.application_id;
  }
  FutClaimOutcome out;
  out.claim = fut::make_claim(state, request);
  out.case_id = f.finding.case_id;
  if (on_decision) {
    if (auto w = decide::claim_ground_warning(ground, *on_decision)) out.warnings.push_back(std::move(*w));
  }
  out.claim_id = store::store_fut_claim(db, f, out.claim, application_id, ctx.write("fut-check claim"));
  return out;
}

FutWaiveOutcome fut_waive(store::Database& db, const Context& ctx, std::int64_t id, Money amount, std::string reason) {
  const store::StoredFlag f = store::load_flag(db, id);
  auto claim = store::flag_claim(db, id);
  if (!claim) throw Conflict(flag_name(id) + " has no claim to waive (raise one with eb fut-check claim)");
  const store::CaseMonthFacts facts = store::case_month_facts(db, f.finding.case_id, f.finding.month);
  claim->claim.first_decided_on = facts.first_decided_on.value_or(claim->claim.on);
  FutWaiveOutcome out;
  out.claim_id = claim->id;
  out.waiver = fut::make_waiver(claim->claim, claim->balance, amount, std::move(reason), ctx.user, ctx.today);
  store::store_waiver(db, id, claim->id, out.waiver, ctx.write("fut-check waive"));
  claim->balance.waived += out.waiver.amount;
  out.outstanding = fut::outstanding(claim->claim, claim->balance);
  return out;
}

FutDocumentOutcome fut_report_police(store::Database& db, const Context& ctx, std::int64_t id,
                                     const PoliceReportRequest& request) {
  const store::StoredFlag f = store::load_flag(db, id);
  if (!f.resolution || f.resolution->outcome != fut::Outcome::suspected_crime) {
    throw Conflict(flag_name(id) + ": a police report needs the flag closed as suspected-crime (it is " +
                   (f.resolution ? std::string(fut::outcome_name(f.resolution->outcome)) : std::string("open")) + ")");
  }
  const store::CaseMonthFacts facts = store::case_month_facts(db, f.finding.case_id, f.finding.month);
  const auto claim = store::flag_claim(db, id);
  const Subject who = subject_of(f, facts);
  fut::PoliceReportFacts x;
  x.municipality = ctx.payer().debtor.name;
  x.board = "Socialnämnden";
  x.reporter = signer(db, ctx);
  x.contact = request.contact;
  x.date = ctx.today;
  x.flag_id = flag_name(id);
  x.person_name = who.name;
  x.person_pnr = who.pnr;
  x.person_address = facts.address;
  x.finding = f.finding;
  x.resolution = *f.resolution;
  x.wrongly_paid = request.wrongly_paid ? *request.wrongly_paid
                   : claim              ? claim->claim.amount
                                        : f.finding.amount_at_risk;
  if (x.wrongly_paid <= Money() && !request.wrongly_paid) {
    throw InputError("--amount", "", "the flag has no amount at risk and no claim: give what was wrongly paid");
  }
  if (claim) x.claim = claim->claim;
  x.sanction_fee_possible = request.sanction_fee_possible;
  FutDocumentOutcome out = rendered(fut::police_report(x), x.board + ", " + x.municipality, request.format);
  warn_example_payer(ctx, out);
  store::FollowUp record;
  record.kind = "police-report";
  record.detail = format_name(request.format);
  record.statute = "bidragsbrottslagen (2007:612) 6 §";
  record.sha256 = out.sha256;
  record.on = ctx.today;
  store::store_document(db, id, record, ctx.write("fut-check report-police"));
  return out;
}

FutDocumentOutcome fut_notify(store::Database& db, const Context& ctx, std::int64_t id, const NoticeRequest& request) {
  const store::StoredFlag f = store::load_flag(db, id);
  if (!f.resolution) {
    throw Conflict(flag_name(id) + ": a notice needs the flag closed as error or suspected-crime (it is open)");
  }
  const store::CaseMonthFacts facts = store::case_month_facts(db, f.finding.case_id, f.finding.month);
  const Subject who = subject_of(f, facts);
  fut::NoticeFacts x;
  x.authority = request.authority;
  x.recipient = request.recipient;
  x.municipality = ctx.payer().debtor.name;
  x.board = "Socialnämnden";
  x.sender = signer(db, ctx);
  x.contact = request.contact;
  x.date = ctx.today;
  x.flag_id = flag_name(id);
  x.person_name = who.name;
  x.person_pnr = who.pnr;
  x.benefit = request.benefit;
  x.circumstances = request.circumstances;
  x.finding = f.finding;
  x.resolution = *f.resolution;
  FutDocumentOutcome out = rendered(fut::authority_notice(x), x.board + ", " + x.municipality, request.format);
  warn_example_payer(ctx, out);
  store::FollowUp record;
  record.kind = "notice";
  record.authority = std::string(fut::authority_code(request.authority));
  record.recipient = request.recipient;
  record.detail = request.benefit + " (" + format_name(request.format) + ")";
  record.statute = "lag (2008:206) 3 §";
  record.sha256 = out.sha256;
  record.on = ctx.today;
  store::store_document(db, id, record, ctx.write("fut-check notify"));
  return out;
}

}  // namespace eb::flow
