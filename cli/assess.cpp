// SPDX-License-Identifier: MIT
// eb assess: compute försörjningsstöd for an application file or a stored application; with
// --norms-file, --as-of or --diff, a what-if that is shown and never stored; with --month,
// every application of a month in one transaction.
#include "assess/limits.hpp"
#include "command.hpp"
#include "common/file.hpp"
#include "common/ids.hpp"
#include "render/assess_render.hpp"

namespace eb::cli {

namespace {

struct AssessOptions {
  std::string application;
  std::string file;
  std::string norms_file;
  std::string as_of;
  std::string month;
  std::vector<std::string> statuses;
  bool explain = false;
  bool diff = false;
  Leaf* leaf = nullptr;
};

// The request the options make; checked before anything is read.
flow::AssessRequest request_of(const AssessOptions& opt) {
  if (opt.application.empty() == opt.file.empty()) {
    throw CLI::ValidationError("assess", "give an application id (A-12), --file FILE or --month YYYY-MM");
  }
  if (opt.diff && opt.norms_file.empty() && opt.as_of.empty()) {
    throw CLI::ValidationError("--diff", "compares with --norms-file FILE or --as-of YYYY-MM: give one or both");
  }
  flow::AssessRequest r;
  if (!opt.as_of.empty()) r.as_of = period::parse_month(opt.as_of, "--as-of");
  r.norms_file = opt.norms_file;
  r.diff = opt.diff;
  if (!opt.file.empty()) {
    r.file = opt.file;
    return r;
  }
  r.application_id = parse_id(opt.application, IdKind::application, true);
  if (!r.application_id) throw InputError("APP-ID", opt.application, "not an application id (write e.g. A-12)");
  return r;
}

Access access_of(const AssessOptions& opt) {
  if (!opt.month.empty()) return Access::write;
  const flow::AssessRequest r = request_of(opt);
  if (!r.application_id) return Access::none;
  return flow::stores_result(r) ? Access::write : Access::read;
}

void run_assess_month(const AssessOptions& opt, Run& run) {
  if (!opt.application.empty() || !opt.file.empty() || opt.diff || !opt.as_of.empty() || !opt.norms_file.empty()) {
    throw CLI::ValidationError("--month",
                               "assesses the stored applications of a month: give no APP-ID, --file, "
                               "--norms-file, --as-of or --diff");
  }
  const period::Month month = period::parse_month(opt.month, "--month");
  std::set<std::string> statuses = flow::default_bulk_statuses();
  if (!opt.statuses.empty()) statuses = {opt.statuses.begin(), opt.statuses.end()};
  const flow::AssessMonthOutcome o = flow::assess_month(run.db(), run.ctx, month, statuses);
  print_assess_month(run.result(), run.err, o, {run.format() == Format::json, false, run.dry_run()});
  if (o.refused > 0) run.session.exit_status = static_cast<int>(o.first_failure);
}

void run_assess(const AssessOptions& opt, Run& run) {
  if (!opt.month.empty()) return run_assess_month(opt, run);
  flow::AssessRequest r = request_of(opt);
  if (!r.file.empty()) r.file_text = read_file(r.file, assess::k_max_application_bytes);
  const flow::AssessOutcome o = flow::assess(run.has_db() ? &run.db() : nullptr, run.ctx, r);
  print_assess(run.result(), run.err, o, {run.format() == Format::json, opt.explain, run.dry_run()});
}

}  // namespace

void add_assess_command(CLI::App& app, CommandTable& table, Session& /*session*/) {
  auto opt = std::make_shared<AssessOptions>();
  CLI::App* cmd = app.add_subcommand("assess", "Compute försörjningsstöd from the riksnorm, costs and income");
  cmd->add_option("application", opt->application, "Stored application to assess (A-12); the result is stored");
  cmd->add_option("--file,-f", opt->file, "Application file (TOML, see eb-application(5)); nothing is stored");
  cmd->add_option("--month", opt->month,
                  "Assess every stored application of this month (YYYY-MM) in one transaction, and store the results");
  cmd->add_option("--status", opt->statuses,
                  "With --month: only applications with this status: received | assessed | decided (repeatable; "
                  "default received and assessed, i.e. everything not yet decided)")
      ->check(CLI::IsMember({"received", "assessed", "decided"}));
  cmd->add_option("--norms-file", opt->norms_file,
                  "Assess under this norm file instead of the norms folder (a what-if: never stored)");
  cmd->add_option("--as-of", opt->as_of,
                  "Assess the household as if it applied for this month (YYYY-MM): ages and norm of that month; "
                  "a what-if, never stored");
  auto* explain = cmd->add_flag("--explain", opt->explain, "Show each line's rule, computation and statute");
  cmd->add_flag("--diff", opt->diff,
                "Compare line by line: the norm in force for the application's month vs --norms-file and/or "
                "--as-of; never stored")
      ->excludes(explain);
  opt->leaf = &table.add(
      cmd, [opt] { return access_of(*opt); }, [opt](Run& run) { run_assess(*opt, run); });
  CommandTable::with_dry_run(*opt->leaf);
  // json: the assessment (the public contract)
  explain->excludes(CommandTable::with_output(*opt->leaf, {Format::text, Format::json}).alias(Format::json));
}

}  // namespace eb::cli
