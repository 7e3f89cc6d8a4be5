// SPDX-License-Identifier: MIT
#include "flow/demo_run.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "assess/application_writer.hpp"
#include "common/error.hpp"
#include "common/ids.hpp"
#include "common/text.hpp"
#include "decide/letter.hpp"
#include "decide/reasons.hpp"
#include "demo/registers.hpp"
#include "flow/assess.hpp"
#include "flow/cases.hpp"
#include "flow/decide.hpp"
#include "flow/fut_check.hpp"
#include "flow/intake.hpp"
#include "flow/pay.hpp"
#include "flow/report.hpp"
#include "flow/simulate.hpp"
#include "flow/users.hpp"
#include "period/working_days.hpp"
#include "report/simulation_document.hpp"
#include "report/unit_report_text.hpp"
#include "store/cases.hpp"
#include "store/payments.hpp"

namespace eb::flow {

namespace {

using money::Money;
using text::counted;

// The demo's staff: a caseworker who assesses, the group leader who confirms the routine bifall
// and the unit's chief, who decides what the delegation order keeps above the others.
constexpr std::string_view k_caseworker = "sara";
constexpr std::string_view k_group_leader = "gustav";
constexpr std::string_view k_chief = "elin";

// `n` and the word for it (text::counted), for the story's counts.
std::string count(std::size_t n, std::string_view one, std::string_view many) {
  return counted(static_cast<std::int64_t>(n), one, many);
}

// The working day on or before `d` (a payment is due on a banking day: not a weekend, public
// holiday or midsommar-, jul- or nyårsafton).
period::Date working_day_on_or_before(period::Date d) {
  while (!period::is_working_day(d)) d = d.plus_days(-1);
  return d;
}

// The working day on or after `d`.
period::Date working_day_on_or_after(period::Date d) {
  while (!period::is_working_day(d)) d = d.plus_days(1);
  return d;
}

// `ctx` on another day: the demo's clock, at nine in the morning.
Context on_day(const Context& ctx, period::Date day) {
  Context c = ctx;
  c.today = day;
  c.at = day.to_string() + "T09:00:00+0100";
  return c;
}

std::string month_heading(period::Month m) {
  std::string s = decide::month_sv(m);
  if (!s.empty()) s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// Whether the store holds anything the demo could mix with.
void require_empty_store(const store::Database& db) {
  const std::vector<store::ApplicationSummary> existing = store::list_applications(db, {});
  if (!existing.empty()) {
    throw Conflict("eb demo builds a fresh store, and this one holds " +
                   count(existing.size(), "application", "applications") + "; give a new --db");
  }
}

void add_staff(store::Database& db, const Context& ctx) {
  add_user(db, ctx, std::string(k_caseworker), "Sara Handläggare", decide::Role::socialsekreterare);
  add_user(db, ctx, std::string(k_group_leader), "Gustav Gruppledare", decide::Role::gruppledare);
  add_user(db, ctx, std::string(k_chief), "Elin Enhetschef", decide::Role::enhetschef);
}

// Everything the year's story needs to remember between months.
struct Year {
  DemoRunOutcome out;
  std::optional<std::int64_t> returned_payment;
  std::optional<std::int64_t> lowered_decision;
  std::optional<std::int64_t> claim_case;
  Money claimed;
  std::string last_payment_file;
  std::int64_t last_batch = 0;
};

const std::string k_child_impact =
    "Barnens behov är tillgodosedda inom riksnormen; beslutet påverkar inte deras försörjning i övrigt.";

// A delbifall: 500 kr of the month's first rent above the guideline is not granted. Tried on
// the month's applications in id order until one has a rent to cut; returns its decision id.
std::optional<std::int64_t> decide_one_delbifall(store::Database& db, const Context& ctx,
                                                 const AssessMonthOutcome& assessed) {
  decide::Request r;
  r.kind = decide::Kind::delbifall;
  decide::Rejection cut;
  cut.item = "rent";
  cut.amount = Money::from_kr(500);
  cut.reason = decide::Reason{"cost-above-guideline", ""};
  r.rejections.push_back(cut);
  r.reasons.push_back(decide::parse_reason("cost-above-guideline", "reason"));
  r.child_impact = k_child_impact;
  for (const AssessMonthItem& item : assessed.items) {
    if (!item.assessment_id || item.warnings > 0 || item.totals.amount < Money::from_kr(1000)) continue;
    store::Savepoint attempt(db);
    try {
      const DecideOutcome d = decide(db, ctx, item.application_id, r, std::string(k_chief));
      attempt.release();
      return d.decision.id;
    } catch (const InputError&) {
      // no rent to cut in this application: the next one
    }
  }
  return std::nullopt;
}

// What the routine left for a person, decided by the unit's chief, who has seen the warnings:
// an avslag where nothing is payable, a delbifall where the assessment cut an item (a rent above
// the guideline, say: the cut's reason goes in the letter), else a bifall.
struct ManualCounts {
  std::size_t bifall = 0;
  std::size_t delbifall = 0;
  std::size_t avslag = 0;
  std::size_t left = 0;  // for the caseworker: could not be decided as they stand
  std::size_t total() const { return bifall + delbifall + avslag; }
};

ManualCounts decide_manual(store::Database& db, const Context& ctx, const decide::RoutinePlan& plan,
                           const AssessMonthOutcome& assessed) {
  std::map<std::int64_t, Money> payable;
  for (const AssessMonthItem& item : assessed.items) payable[item.application_id] = item.totals.amount;
  ManualCounts n;
  const std::string chief(k_chief);
  for (const decide::ManualItem& m : plan.manual) {
    store::Savepoint attempt(db);
    try {
      const auto found = payable.find(m.application_id);
      if (found == payable.end()) throw NotFound("not assessed this month");
      decide::Request r;
      r.child_impact = k_child_impact;
      if (found->second.is_zero()) {
        r.kind = decide::Kind::avslag;
        r.reasons.push_back(decide::parse_reason("income-exceeds-need", "reason"));
        (void)decide(db, ctx, m.application_id, r, chief);
        ++n.avslag;
      } else {
        try {
          r.kind = decide::Kind::bifall;
          (void)decide(db, ctx, m.application_id, r, chief);
          ++n.bifall;
        } catch (const Conflict&) {
          r.kind = decide::Kind::delbifall;  // an item the assessment cut
          (void)decide(db, ctx, m.application_id, r, chief);
          ++n.delbifall;
        }
      }
      attempt.release();
    } catch (const Error&) {
      ++n.left;
    }
  }
  return n;
}

// The month's payments: a batch for the pay date, its pain.001 file, the bank's confirmation.
void pay_month(store::Database& db, const Context& work, period::Month month, Year& y, DemoStep& step) {
  const period::Date pay_date = working_day_on_or_before(period::Date(month.year(), month.month(), 25));
  // Everything due, not only the month's: a returned payment goes out again, a lowered decision's
  // claim is recorded.
  const PayBatchOutcome batch = pay_batch(db, work, pay_date, std::nullopt, true);
  for (const auto& claim_id : batch.stored.claim_ids) {
    step.lines.push_back("Återkrav " + format_id(IdKind::claim, claim_id) +
                         " registrerat: mer har betalats ut än det ändrade beslutet beviljar.");
  }
  if (!batch.stored.batch_id) return;
  const std::int64_t id = *batch.stored.batch_id;
  const PayExportOutcome file = pay_export(db, work, id, pay::FileFormat::pain001);
  (void)pay_confirm(db, on_day(work, pay_date), id);
  y.out.payments += batch.stored.payments;
  y.out.paid += batch.stored.total;
  y.last_payment_file = file.content;
  y.last_batch = id;
  step.lines.push_back(count(batch.stored.payments, "utbetalning", "utbetalningar") + " om " +
                       money::format_kr(batch.stored.total) + " i " + format_id(IdKind::batch, id) + " den " +
                       pay_date.to_string() + " (pain.001, " +
                       count(batch.plan.to_accounts(), "till konto", "till konto") + "), bekräftad av banken.");
}

// The second month: the first payment of the first batch comes back (the account was closed).
void return_one_payment(store::Database& db, const Context& work, Year& y, DemoStep& step) {
  if (y.returned_payment || y.last_batch == 0) return;
  const std::vector<pay::BatchPayment> payments = store::batch_payments(db, y.last_batch);
  if (payments.empty()) return;
  const pay::BatchPayment& p = payments.front();
  (void)pay_return(db, work, p.id, work.today, "Kontot avslutat");
  y.returned_payment = p.id;
  step.lines.push_back("En utbetalning om " + money::format_kr(p.amount) + " till " +
                       format_id(IdKind::arende, p.case_id) +
                       " kom tillbaka från banken (kontot avslutat) och betalas ut igen i nästa körning.");
}

// The third month: a decision of the month before is lowered when an income comes to light
// (omprövning, FL 37 §); the next batch records the claim for what was paid too much.
void lower_one_decision(store::Database& db, const Context& work, period::Month previous, Year& y, DemoStep& step) {
  if (y.lowered_decision) return;
  store::ApplicationFilter f;
  f.month = previous;
  f.status = "decided";
  for (const store::ApplicationSummary& a : store::list_applications(db, f)) {
    if (!a.decision_id || !a.granted || *a.granted < Money::from_kr(2000)) continue;
    decide::Request r;
    r.kind = decide::Kind::delbifall;
    decide::Rejection cut;
    cut.item = "riksnorm.single";
    cut.amount = Money::from_kr(1000);
    r.rejections.push_back(cut);
    r.reasons.push_back(
        decide::Reason{"free", "En inkomst om 1 000 kr som inte redovisades i ansökan har kommit fram."});
    r.child_impact = k_child_impact;
    r.replaces = *a.decision_id;
    store::Savepoint attempt(db);
    try {
      const DecideOutcome d = decide(db, work, a.id, r, std::string(k_chief));
      attempt.release();
      y.lowered_decision = d.decision.id;
      y.claim_case = a.case_id;
      step.lines.push_back("Beslut " + format_id(IdKind::beslut, *a.decision_id) + " (" + previous.to_string() +
                           ") ändrat genom " + format_id(IdKind::beslut, d.decision.id) +
                           ": en inkomst som inte redovisats har kommit fram, 1 000 kr för mycket har betalats ut.");
      return;
    } catch (const Error&) {
      // not a single household's norm: the next one
    }
  }
}

// The generator's planted overpayments (truth.json's actions), replayed once the year is paid:
// each case's decision for the month is reconsidered (omprövning) and replaced by a delbifall
// granting `lowered_to`, so that what was paid above it is an overpayment for fut-check to find.
// The items refused are the assessment's need lines, greedily in order. Returns how many were
// replayed.
std::size_t replay_actions(store::Database& db, const Context& end, const demo::Truth& truth) {
  std::map<period::Month, std::map<std::string, store::ApplicationSummary>> decided;
  std::size_t replayed = 0;
  for (const demo::Action& action : truth.actions) {
    const period::Month month = action.target.month;
    if (!decided.count(month)) {
      store::ApplicationFilter f;
      f.month = month;
      f.status = "decided";
      auto& by_applicant = decided[month];
      for (store::ApplicationSummary& a : store::list_applications(db, f)) {
        if (a.kind != "supplement") by_applicant.emplace(a.applicant_pnr, std::move(a));
      }
    }
    const auto found = decided[month].find(action.target.applicant.digits());
    if (found == decided[month].end() || !found->second.decision_id || !found->second.granted) continue;
    const store::ApplicationSummary& app = found->second;
    Money left = *app.granted - action.lowered_to;
    const std::optional<store::StoredAssessment> assessed = store::latest_assessment(db, app.id);
    if (left <= Money() || !assessed) continue;
    decide::Request r;
    r.kind = decide::Kind::delbifall;
    std::map<std::string, int> seen;
    for (const assess::Line& l : assessed->result.lines) {
      const bool need = l.section == assess::Section::norm || l.section == assess::Section::common ||
                        l.section == assess::Section::cost || l.section == assess::Section::other;
      if (!need || l.amount <= Money() || left <= Money()) continue;
      const std::string key = l.kind.empty() ? l.rule : l.kind;
      const int n = ++seen[key];
      decide::Rejection cut;
      cut.item = n > 1 ? key + "#" + std::to_string(n) : key;
      cut.amount = money::min(left, l.amount);
      left -= cut.amount;
      r.rejections.push_back(cut);
    }
    r.reasons.push_back(decide::Reason{"free", "Omprövning: hushållets behov var lägre än beslutat."});
    r.child_impact = k_child_impact;
    r.replaces = *app.decision_id;
    store::Savepoint attempt(db);
    try {
      (void)decide(db, end, app.id, r, std::string(k_chief));
      attempt.release();
      ++replayed;
    } catch (const Error&) {
      // not decidable as it stands (the delegation order, a cut item): left out, and counted
    }
  }
  return replayed;
}

// A month after the claim: the household pays 500 kr of it back.
void book_repayment(store::Database& db, const Context& work, Year& y, DemoStep& step) {
  if (!y.claim_case || !y.claimed.is_zero()) return;
  store::Savepoint attempt(db);
  try {
    (void)pay_repayment(db, work, *y.claim_case, Money::from_kr(500), work.today, std::nullopt);
    attempt.release();
    y.claimed = Money::from_kr(500);
    step.lines.push_back(format_id(IdKind::arende, *y.claim_case) + " har betalat tillbaka 500 kr av återkravet.");
  } catch (const Error&) {
    // no claim yet: the next month
  }
}

// The registers the generator wrote, as the CSV files of fut.md: held as text (about 80 bytes a
// row) until the year is screened, so that a national year fits in memory.
struct Registers {
  std::string income = demo::income_register_header();
  std::string population = demo::population_header();
};

// The year's payments screened against the registers the generator wrote (fut.md), and the
// first finding with money at risk followed to a claim on the nämnd's decision.
void screen_year(store::Database& db, const Context& end, const Registers& registers, const demo::Truth& truth,
                 period::MonthRange year, Year& y) {
  DemoStep step{"FUT-kontroll", {}};
  const std::size_t replayed = replay_actions(db, end, truth);
  const FutImportOutcome in = fut_import(db, end, RegisterKind::income, "inkomstregister.csv", registers.income);
  const FutImportOutcome pop = fut_import(db, end, RegisterKind::population, "folkbokforing.csv", registers.population);
  FutRunRequest r;
  r.period = year;
  const FutRunOutcome run = fut_run(db, end, r);
  y.out.fut_flags = run.new_flags;
  // An overpayment is planted as an action (a decision lowered after paying, truth.json's
  // actions); one the demo could not replay is not an error in the store, and is counted apart.
  const std::size_t not_replayed = truth.actions.size() - replayed;
  y.out.planted = truth.planted.size() - std::min(not_replayed, truth.planted.size());
  step.lines.push_back(
      count(run.case_months, "utbetald ärendemånad", "utbetalda ärendemånader") +
      " kontrollerade mot inkomstregistret (" + counted(in.import.rows_read, "rad", "rader") +
      ") och folkbokföringen (" + counted(pop.import.rows_read, "rad", "rader") +
      "): " + count(run.new_flags, "flagga", "flaggor") + " att utreda; generatorn planterade " +
      count(y.out.planted, "fel", "fel") + " i registren och besluten" +
      (replayed > 0 ? " (varav " + count(replayed, "överbetalning", "överbetalningar") +
                          " genom beslut omprövade efter utbetalningen)"
                    : std::string()) +
      (not_replayed > 0 ? "; " + count(not_replayed, "omprövning", "omprövningar") + " kunde inte göras och räknas inte"
                        : std::string()) +
      ".");
  for (const FutFlagResult& f : run.flags) {
    if (f.finding.amount_at_risk.is_zero()) continue;
    store::Savepoint attempt(db);
    try {
      (void)fut_resolve(db, end, f.flag_id, fut::Outcome::error,
                        "Inkomsten redovisades inte i ansökan; kontrollerad mot utbetalarens underlag.");
      const FutClaimOutcome c =
          fut_claim(db, end, f.flag_id, f.finding.amount_at_risk, "SN " + end.today.to_string() + " § 4");
      attempt.release();
      step.lines.push_back(format_id(IdKind::flag, f.flag_id) + " (" + f.finding.rule + ", " +
                           decide::month_sv(f.finding.month) + ") utredd: felaktig utbetalning; återkrav " +
                           format_id(IdKind::claim, c.claim_id) + " om " + money::format_kr(f.finding.amount_at_risk) +
                           " beslutat av nämnden (SoL 33 kap. 1 §).");
      break;
    } catch (const Error&) {
      // not claimable as it stands: the next finding
    }
  }
  y.out.steps.push_back(std::move(step));
}

void run_month(store::Database& db, const Context& ctx, const std::vector<demo::GeneratedApplication>& apps,
               period::Month month, int index, Year& y) {
  DemoStep step;
  step.heading = month_heading(month);
  const Context work = on_day(ctx, working_day_on_or_after(period::Date(month.year(), month.month(), 14)));

  std::vector<IntakeSource> sources;
  sources.reserve(apps.size());
  for (const demo::GeneratedApplication& a : apps) {
    sources.push_back({a.file, assess::write_application_toml(a.application), assess::SourceFormat::toml});
  }
  const IntakeOutcome in = intake(db, work, sources);
  y.out.applications += in.stored;
  const AssessMonthOutcome assessed = assess_month(db, work, month, default_bulk_statuses());
  step.lines.push_back(count(in.stored, "ansökan", "ansökningar") + " registrerade, " +
                       count(assessed.assessed, "bedömd", "bedömda") + " (" +
                       count(assessed.with_warnings, "med varning", "med varningar") + "); beräknat bistånd " +
                       money::format_kr(assessed.total) + ".");

  std::optional<std::int64_t> cut;
  if (index == 0) cut = decide_one_delbifall(db, work, assessed);
  if (cut) y.out.delbifall_decision = *cut;
  const RoutineOutcome routine = decide_routine(db, work, month, std::string(k_group_leader));
  const ManualCounts manual = decide_manual(db, work, routine.plan, assessed);
  const std::size_t decided = routine.plan.decisions.size() + manual.total() + (cut ? 1 : 0);
  y.out.decisions += decided;
  std::string decisions =
      count(routine.plan.decisions.size(), "rutinbifall", "rutinbifall") + " bekräftade av gruppledaren";
  if (manual.total() > 0) {
    decisions += "; enhetschefen beslutade " + count(manual.total(), "ärende", "ärenden") +
                 " med varningar, nedsatta poster eller utan belopp (" + count(manual.bifall, "bifall", "bifall") +
                 ", " + count(manual.delbifall, "delbifall", "delbifall") + ", " +
                 count(manual.avslag, "avslag", "avslag") + ")";
  }
  if (manual.left > 0) decisions += "; " + count(manual.left, "ärende", "ärenden") + " kvar hos handläggaren";
  if (cut) decisions += "; ett delbifall (" + format_id(IdKind::beslut, *cut) + ": 500 kr av hyran över riktlinjen)";
  step.lines.push_back(decisions + ".");

  if (index == 1) return_one_payment(db, work, y, step);
  if (index == 2) lower_one_decision(db, work, month.plus(-1), y, step);
  if (index >= 3) book_repayment(db, work, y, step);
  pay_month(db, work, month, y, step);
  y.out.steps.push_back(std::move(step));
}

// The district as the generator makes it, taken in month by month: a month's applications are
// held until the first application of the next month (or the end) arrives, then run through
// the month's work; the register rows are kept as CSV text for the screening at the end. The
// run never holds more than one month of applications.
class MonthByMonth : public demo::Sink {
 public:
  MonthByMonth(store::Database& db, const Context& ctx, const demo::Parameters& p, const DemoProgress& progress,
               Year& y)
      : m_db(db), m_ctx(ctx), m_p(p), m_progress(progress), m_y(y) {}

  void application(const demo::GeneratedApplication& a) override {
    if (!m_month.empty() && a.month_index != m_index) run();
    m_index = a.month_index;
    m_y.out.figures.add(a);
    m_month.push_back(a);
  }
  void income_row(const demo::IncomeRow& row) override { m_registers.income += demo::income_register_line(row); }
  void population_row(const demo::PopulationRow& row) override { m_registers.population += demo::population_line(row); }

  // Runs the last month.
  void finish() {
    if (!m_month.empty()) run();
  }
  const Registers& registers() const { return m_registers; }

 private:
  void run() {
    const period::Month month = m_p.first_month.plus(m_index);
    const auto total = static_cast<std::size_t>(m_p.months);
    if (m_progress) m_progress(decide::month_sv(month), static_cast<std::size_t>(m_index), total);
    run_month(m_db, m_ctx, m_month, month, m_index, m_y);
    m_month.clear();
  }

  store::Database& m_db;
  const Context& m_ctx;
  const demo::Parameters& m_p;
  const DemoProgress& m_progress;
  Year& m_y;
  std::vector<demo::GeneratedApplication> m_month;
  int m_index = 0;
  Registers m_registers;
};

}  // namespace

DemoRunOutcome demo_run(store::Database& db, const Context& ctx, const DemoRunRequest& request,
                        const DemoProgress& progress) {
  const demo::Parameters& p = request.parameters;
  demo::check_parameters(p);
  require_empty_store(db);
  Year y;
  const Context start = on_day(ctx, p.first_month.first_day());
  add_staff(db, start);
  MonthByMonth year_sink(db, ctx, p, progress, y);
  const demo::Truth truth = demo::generate(p, ctx.catalog(), year_sink);
  year_sink.finish();
  if (progress)
    progress("FUT, simulering och rapport", static_cast<std::size_t>(p.months), static_cast<std::size_t>(p.months));

  const period::Month last = p.first_month.plus(p.months - 1);
  const Context end = on_day(ctx, working_day_on_or_after(last.last_day().plus_days(1)));
  DemoStep year{"Året", {}};
  year.lines.push_back(
      count(y.out.applications, "ansökan", "ansökningar") + ", " + count(y.out.decisions, "beslut", "beslut") + ", " +
      count(y.out.payments, "utbetalning", "utbetalningar") + " om " + money::format_kr(y.out.paid) + ".");
  year.lines.push_back("I genomsnitt " + text::format_count(y.out.figures.households_per_month()) +
                       " hushåll i månaden (" + text::format_count(y.out.figures.adults_per_month()) + " vuxna, " +
                       text::format_count(y.out.figures.children_per_month()) + " barn); medelbidrag " +
                       money::format_kr(y.out.figures.medelbidrag()) + " per hushåll och månad.");
  y.out.steps.push_back(std::move(year));

  if (y.out.delbifall_decision != 0) {
    const LetterOutcome letter_out = letter(db, y.out.delbifall_decision, decide::LetterFormat::html);
    y.out.files.push_back({"beslut-" + format_id(IdKind::beslut, y.out.delbifall_decision) + ".html",
                           "beslutsbrev (delbifall)", letter_out.text});
  }
  if (!y.last_payment_file.empty()) {
    y.out.files.push_back({"betalning-" + format_id(IdKind::batch, y.last_batch) + ".xml", "betalningsfil (pain.001)",
                           y.last_payment_file});
  }

  screen_year(db, end, year_sink.registers(), truth, period::MonthRange{p.first_month, last}, y);

  SimulateRequest sim;
  sim.month = last;
  sim.as_of = period::Month(2027, 1);
  if (last < *sim.as_of) {
    const report::SimulationResult r = simulate(db, end, sim);
    DemoStep s{"Riksnormen 2027", {}};
    s.lines.push_back("Samma " + counted(r.total.households, "hushåll", "hushåll") + " som i " +
                      decide::month_sv(last) + " bedömda med 2027 års riksnorm: " + money::format_kr(r.total.before) +
                      " blir " + money::format_kr(r.total.after) + " (" + report::signed_kr(r.total.difference()) +
                      "); " + counted(r.total.gain, "hushåll får mer", "hushåll får mer") + ", " +
                      counted(r.total.lose, "hushåll får mindre", "hushåll får mindre") + ".");
    y.out.steps.push_back(std::move(s));
    y.out.files.push_back(
        {"simulering-2027.html", "simulering av 2027 års riksnorm", doc::to_html(report::simulation_document(r))});
  }
  ReportRequest rr;
  rr.period = period::MonthRange{p.first_month, last};
  rr.config = request.report_config;
  const report::UnitReport unit = unit_report(db, end, rr);
  DemoStep rs{"Verksamhetsberättelsen", {}};
  rs.lines.push_back("Enhetens rapport för " + report::period_label(rr.period) +
                     ": bidragshushåll, utbetalt, medelbidrag, försörjningshinder, handläggningstider och budget "
                     "(HTML-sida med diagram).");
  y.out.steps.push_back(std::move(rs));
  y.out.files.push_back(
      {"rapport-" + std::to_string(last.year()) + ".html", "enhetens rapport", report::unit_report_html(unit)});
  return std::move(y.out);
}

}  // namespace eb::flow
