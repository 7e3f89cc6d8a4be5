// SPDX-License-Identifier: MIT
// eb pay: payment batches (exactly once), payment files, returns, repayments and the ledger.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "common/file.hpp"
#include "common/ids.hpp"
#include "common/sha256.hpp"
#include "pay/payer.hpp"
#include "period/working_days.hpp"
#include "render/pay_render.hpp"
#include "store/payments.hpp"

namespace eb::cli {

namespace {

using money::Money;

struct PayOptions {
  std::string id;  // BATCH-ID, PAYMENT-ID or CASE-ID
  std::string date;
  std::string month;
  bool dry_run = false;
  bool json = false;
  bool csv = false;
  bool hold_invalid = false;
  std::string format;
  std::string output;
  std::string payer;
  std::string reason;
  std::string amount;
  std::string claim;
  std::string period;
};

std::int64_t id_of(const std::string& text, IdKind kind, const char* field, const char* example) {
  const auto id = parse_id(text, kind, true);
  if (!id) throw InputError(field, text, std::string("is not an id of that kind (write e.g. ") + example + ")");
  return *id;
}

void warn(Session& s, const std::string& text) {
  s.err << "eb: warning: " << text << "\n";
}

// --payer, else $EB_PAYER, else <norms>/local/payer.toml, else the example (with a warning).
pay::Payer load_payer(const PayOptions& opt, Session& s) {
  namespace fs = std::filesystem;
  std::string path = opt.payer;
  if (path.empty()) {
    if (const char* env = std::getenv("EB_PAYER"); env != nullptr && *env != '\0') path = env;
  }
  if (path.empty()) {
    const fs::path configured = s.norms_dir() / "local" / "payer.toml";
    path = fs::exists(configured) ? configured.string() : (s.norms_dir() / "local" / "payer.example.toml").string();
  }
  pay::Payer payer = pay::parse_payer(read_file(path), path);
  if (payer.is_example()) {
    warn(s, path + " is an example payer (status = \"example\"), not the municipality's account; configure " +
                (s.norms_dir() / "local" / "payer.toml").string() + ", $EB_PAYER or --payer before paying");
  }
  return payer;
}

// A file written whole or not at all: a private temporary file beside `path`, renamed over it.
class AtomicFile {
 public:
  explicit AtomicFile(const std::string& path) : m_path(path) {
    const std::filesystem::path p(path);
    const std::filesystem::path dir = p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
    m_dir = dir.string();
    std::string tmpl = (dir / ("." + p.filename().string() + ".XXXXXX")).string();
    m_fd = ::mkstemp(tmpl.data());  // mode 0600
    if (m_fd < 0) throw StoreError(path + ": cannot write here: " + std::strerror(errno));
    m_tmp = tmpl;
  }
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile() {
    if (m_fd >= 0) ::close(m_fd);
    if (!m_tmp.empty()) ::unlink(m_tmp.c_str());
  }
  void commit(const std::string& content) {
    std::size_t done = 0;
    while (done < content.size()) {
      const ssize_t n = ::write(m_fd, content.data() + done, content.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) fail("cannot write");
      done += static_cast<std::size_t>(n);
    }
    if (::fsync(m_fd) != 0) fail("cannot sync");
    if (::close(m_fd) != 0) {
      m_fd = -1;
      fail("cannot close");
    }
    m_fd = -1;
    if (::rename(m_tmp.c_str(), m_path.c_str()) != 0) fail("cannot rename the temporary file to it");
    m_tmp.clear();
    // Make the rename itself durable (best effort: not every file system allows it).
    const int dir = ::open(m_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
      ::fsync(dir);
      ::close(dir);
    }
  }

 private:
  [[noreturn]] void fail(const char* what) {
    throw StoreError(m_path + ": " + what + ": " + std::strerror(errno) +
                     " (the batch is recorded as exported: run the export again to write the identical file)");
  }
  std::string m_path;
  std::string m_dir;
  std::string m_tmp;
  int m_fd = -1;
};

void run_batch(const PayOptions& opt, Session& s) {
  const period::Date pay_date = period::parse_date(opt.date, "--date");
  std::optional<period::Month> month;
  if (!opt.month.empty()) month = period::parse_month(opt.month, "--month");
  if (!period::is_working_day(pay_date)) {
    warn(s, "--date " + pay_date.to_string() + " is not a bank day; the bank pays on the next one");
  }
  if (pay_date < s.today()) warn(s, "--date " + pay_date.to_string() + " is in the past");

  store::CaseStore store = s.open_store(opt.dry_run ? store::OpenMode::read_only : store::OpenMode::read_write);
  std::optional<store::Transaction> tx;
  if (!opt.dry_run) tx.emplace(store);  // BEGIN IMMEDIATE: a second process waits here
  const pay::Plan plan = pay::plan_batch(store::payment_states(store, month), {opt.hold_invalid});
  if (!plan.problems.empty()) {
    std::vector<Problem> problems = plan.problems;
    problems.push_back(
        {"", 0, "", "", "nothing was paid; correct these, or pay the others with --hold-invalid (these stay due)"});
    throw InputError(problems);
  }
  store::BatchOutcome outcome;
  if (!opt.dry_run) {
    outcome = store::store_batch(store, plan, pay_date, month, s.write_context("pay batch"));
    tx->commit();
  }
  for (const auto& w : plan.warnings) warn(s, w);

  const BatchRun run{plan, outcome, pay_date, month, opt.dry_run};
  if (opt.json) {
    s.out << batch_run_json(run).dump(2) << "\n";
  } else {
    print_batch_run(s.out, run);
  }
}

void run_export(const PayOptions& opt, Session& s) {
  const std::int64_t id = id_of(opt.id, IdKind::batch, "BATCH-ID", "B-3");
  const pay::FileFormat format = pay::parse_file_format(opt.format, "--format");
  store::CaseStore store = s.open_store(store::OpenMode::read_write);
  store::Transaction tx(store);
  const pay::Batch batch = store::load_batch(store, id);
  const std::string name = format_id(IdKind::batch, id);
  if (batch.status == pay::BatchStatus::cancelled) {
    throw Conflict(name + " is cancelled (" + batch.cancelled_at.value_or("") +
                   "); a cancelled batch is never exported");
  }
  const store::WriteContext ctx = s.write_context("pay export");
  pay::Debtor debtor;
  if (batch.debtor) {
    debtor = *batch.debtor;  // a re-export: the file is drawn on the account recorded at the first export
  } else {
    if (const auto over = store::batch_overgrants(store, id); !over.empty()) {
      std::string text = name + " pays more than the current decisions grant (a lower decision came after it):";
      for (const auto& o : over) text += "\n  " + o;
      throw Conflict(text + "\ncancel it (eb pay cancel " + name + ") and run eb pay batch again");
    }
    debtor = load_payer(opt, s).debtor;
  }
  const pay::BatchExport* earlier = batch.export_of(format);
  pay::BatchExport file;
  file.format = format;
  file.exported_at = earlier ? earlier->exported_at : pay::file_datetime(ctx.at);
  const pay::PaymentFile content_of =
      pay::payment_file(batch, store::batch_payments(store, id), debtor, file.exported_at);
  const std::string content =
      format == pay::FileFormat::pain001 ? pay::write_pain001(content_of) : pay::write_payment_csv(content_of);
  file.sha256 = sha256_hex(content);
  file.bytes = static_cast<std::int64_t>(content.size());
  if (earlier && earlier->sha256 != file.sha256) {
    throw StoreError(name + ": the " + std::string(pay::format_name(format)) + " file made now differs from the one " +
                     "exported " + earlier->exported_at + " (sha256 " + earlier->sha256 +
                     "); the batch was changed outside eb. Nothing was written");
  }
  AtomicFile out(opt.output);  // fails before anything is recorded if the file cannot be written
  store::record_export(store, id, file, debtor, ctx);
  tx.commit();
  out.commit(content);
  s.out << name << ": " << (earlier ? "exported again, identical" : "exported") << ", "
        << pay::payments_text(batch.payments) << ", " << money::format_kr(batch.total) << ", as "
        << (format == pay::FileFormat::pain001 ? "pain.001.001.03" : "CSV") << " to " << opt.output << " ("
        << content.size() << " bytes, sha256 " << file.sha256 << ")\n";
}

void run_confirm(const PayOptions& opt, Session& s) {
  const std::int64_t id = id_of(opt.id, IdKind::batch, "BATCH-ID", "B-3");
  store::CaseStore store = s.open_store(store::OpenMode::read_write);
  store::Transaction tx(store);
  store::confirm_batch(store, id, s.write_context("pay confirm"));
  const pay::Batch b = store::load_batch(store, id);
  tx.commit();
  s.out << format_id(IdKind::batch, id) << ": confirmed, " << pay::payments_text(b.payments) << ", "
        << money::format_kr(b.total) << "\n";
}

void run_cancel(const PayOptions& opt, Session& s) {
  const std::int64_t id = id_of(opt.id, IdKind::batch, "BATCH-ID", "B-3");
  store::CaseStore store = s.open_store(store::OpenMode::read_write);
  store::Transaction tx(store);
  const pay::Batch before = store::load_batch(store, id);
  store::cancel_batch(store, id, s.write_context("pay cancel"));
  tx.commit();
  s.out << format_id(IdKind::batch, id) << ": cancelled, " << pay::payments_text(before.payments) << "; the "
        << money::format_kr(before.total) << " they would have paid is due again\n";
}

void run_return(const PayOptions& opt, Session& s) {
  const std::int64_t id = id_of(opt.id, IdKind::payment, "PAYMENT-ID", "P-7");
  if (opt.reason.find_first_not_of(" \t") == std::string::npos) {
    throw InputError("--reason", opt.reason, "is required: why the bank returned the payment");
  }
  const period::Date on = opt.date.empty() ? s.today() : period::parse_date(opt.date, "--date");
  store::CaseStore store = s.open_store(store::OpenMode::read_write);
  store::Transaction tx(store);
  const pay::BatchPayment p = store::record_return(store, id, on, opt.reason, s.write_context("pay return"));
  tx.commit();
  s.out << format_id(IdKind::payment, id) << ": returned " << on.to_string() << ", " << money::format_kr(p.amount)
        << " (" << format_id(IdKind::application, p.application_id) << ", " << format_id(IdKind::arende, p.case_id)
        << ", " << p.month.to_string() << "); the next eb pay batch re-issues it\n";
}

void run_repayment(const PayOptions& opt, Session& s) {
  const std::int64_t case_id = id_of(opt.id, IdKind::arende, "CASE-ID", "C-3");
  const Money amount = money::parse_money(opt.amount, "--amount");
  if (amount <= Money()) throw InputError("--amount", opt.amount, "must be more than 0 kr");
  const period::Date on = opt.date.empty() ? s.today() : period::parse_date(opt.date, "--date");
  std::optional<std::int64_t> claim;
  if (!opt.claim.empty()) claim = id_of(opt.claim, IdKind::claim, "--claim", "K-2");
  store::CaseStore store = s.open_store(store::OpenMode::read_write);
  store::Transaction tx(store);
  const auto parts = store::record_repayment(store, case_id, amount, on, claim, s.write_context("pay repayment"));
  tx.commit();
  for (const auto& r : parts) {
    s.out << format_id(IdKind::claim, r.claim_id) << ": " << money::format_kr(r.amount) << " repaid " << on.to_string()
          << " by " << format_id(IdKind::arende, case_id) << "; " << money::format_kr(r.left) << " left\n";
  }
}

void run_ledger(const PayOptions& opt, Session& s) {
  std::optional<std::int64_t> case_id;
  if (!opt.id.empty()) case_id = id_of(opt.id, IdKind::arende, "CASE-ID", "C-3");
  std::optional<period::MonthRange> range;
  if (!opt.period.empty()) range = period::parse_month_range(opt.period, "--period");
  const store::CaseStore store = s.open_store(store::OpenMode::read_only);
  if (case_id) store::require_case(store, *case_id);
  const pay::Ledger ledger = pay::make_ledger(store::ledger_entries(store, case_id, range), case_id.has_value());
  const std::vector<pay::Claim> claims = case_id ? store::case_claims(store, *case_id) : std::vector<pay::Claim>{};
  if (opt.json) {
    s.out << ledger_json(ledger, range, case_id, claims).dump(2) << "\n";
    return;
  }
  if (opt.csv) {
    print_ledger_csv(s.out, ledger, case_id.has_value());
    return;
  }
  s.out << "ledger" << (case_id ? " of " + format_id(IdKind::arende, *case_id) : std::string(", all cases"))
        << (range ? ", " + range->to_string() : std::string()) << " (kr)\n";
  print_ledger(s.out, ledger, case_id.has_value());
  if (!claims.empty()) {
    s.out << "\nclaims (återkrav)\n";
    print_claims(s.out, claims);
  }
}

void run_show(const PayOptions& opt, Session& s) {
  const std::int64_t id = id_of(opt.id, IdKind::batch, "BATCH-ID", "B-3");
  const store::CaseStore store = s.open_store(store::OpenMode::read_only);
  const pay::Batch batch = store::load_batch(store, id);
  const auto payments = store::batch_payments(store, id);
  if (opt.json) {
    s.out << batch_json(batch, payments).dump(2) << "\n";
  } else {
    print_batch_payments(s.out, batch, payments);
  }
}

}  // namespace

void add_pay_command(CLI::App& app, Session& session) {
  auto opt = std::make_shared<PayOptions>();
  CLI::App* cmd = app.add_subcommand("pay", "Pay decided amounts exactly once: batches, payment files, the ledger");
  cmd->require_subcommand(1);

  CLI::App* batch = cmd->add_subcommand("batch", "Put every decided, unpaid amount into a new payment batch");
  batch->add_option("--date", opt->date, "Pay date (YYYY-MM-DD)")->required();
  batch->add_option("--month", opt->month, "Only applications for this month (YYYY-MM)");
  batch->add_flag("--dry-run", opt->dry_run, "Show what would be paid and claimed; store nothing");
  batch->add_flag("--hold-invalid", opt->hold_invalid,
                  "Leave out applications with an invalid account (they stay due) instead of refusing the batch");
  batch->add_flag("--json", opt->json, "Print {batch_id, payments, total_ore, claims, …} as JSON");
  batch->callback([opt, &session] { run_batch(*opt, session); });

  CLI::App* exp = cmd->add_subcommand("export", "Write a batch's payment file (pain.001.001.03 XML or CSV)");
  exp->add_option("batch", opt->id, "Batch id (B-3)")->required();
  exp->add_option("--format", opt->format, "pain001 or csv")->required();
  exp->add_option("-o,--output", opt->output, "The file to write (owner-only, replaced atomically)")->required();
  exp->add_option("--payer", opt->payer,
                  "Payer file (TOML); default $EB_PAYER, else <norms>/local/payer.toml, else the example");
  exp->callback([opt, &session] { run_export(*opt, session); });

  CLI::App* confirm = cmd->add_subcommand("confirm", "Record that the bank accepted an exported batch");
  confirm->add_option("batch", opt->id, "Batch id (B-3)")->required();
  confirm->callback([opt, &session] { run_confirm(*opt, session); });

  CLI::App* cancel = cmd->add_subcommand("cancel", "Cancel a batch that is not exported; its payments become due");
  cancel->add_option("batch", opt->id, "Batch id (B-3)")->required();
  cancel->callback([opt, &session] { run_cancel(*opt, session); });

  CLI::App* ret = cmd->add_subcommand("return", "Record a payment the bank returned; the next batch re-issues it");
  ret->add_option("payment", opt->id, "Payment id (P-7)")->required();
  ret->add_option("--reason", opt->reason, "Why it came back (e.g. \"account closed\")")->required();
  ret->add_option("--date", opt->date, "When it came back (YYYY-MM-DD); default today");
  ret->callback([opt, &session] { run_return(*opt, session); });

  CLI::App* rep = cmd->add_subcommand("repayment", "Record a repayment of a claim (återkrav)");
  rep->add_option("case", opt->id, "Case id (C-3)")->required();
  rep->add_option("--amount", opt->amount, "Kronor repaid (500 or 500.50)")->required();
  rep->add_option("--date", opt->date, "When it was paid (YYYY-MM-DD); default today");
  rep->add_option("--claim", opt->claim, "The claim repaid (K-2); default the oldest claims with something left");
  rep->callback([opt, &session] { run_repayment(*opt, session); });

  CLI::App* ledger = cmd->add_subcommand("ledger", "Decided, paid, returned, claimed, repaid and balances");
  ledger->add_option("case", opt->id, "Only this case (C-3), month by month");
  ledger->add_option("--period", opt->period, "2026, 2026-03, 2026-T1, 2026-T2 or 2026-01..2026-06");
  auto* json = ledger->add_flag("--json", opt->json, "Print as JSON (öre)");
  ledger->add_flag("--csv", opt->csv, "Print as CSV (öre)")->excludes(json);
  ledger->callback([opt, &session] { run_ledger(*opt, session); });

  CLI::App* show = cmd->add_subcommand("show", "Show a batch and its payments (accounts masked)");
  show->add_option("batch", opt->id, "Batch id (B-3)")->required();
  show->add_flag("--json", opt->json, "Print as JSON");
  show->callback([opt, &session] { run_show(*opt, session); });
}

}  // namespace eb::cli
