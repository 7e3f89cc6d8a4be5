// SPDX-License-Identifier: MIT
// eb intake: register applications (files, folders or JSON lines on stdin) in the case store.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "assess/limits.hpp"
#include "command.hpp"
#include "common/file.hpp"
#include "common/ids.hpp"
#include "common/text.hpp"
#include "flow/intake.hpp"
#include "render/summary.hpp"
#include "render/table.hpp"

namespace eb::cli {

namespace {

namespace fs = std::filesystem;

struct IntakeOptions {
  std::vector<std::string> files;
  bool all_or_nothing = false;
  std::vector<flow::IntakeSource> sources;  // read before the store is opened
};

// Files as given, folders as their *.toml files in name order, "-" as JSON lines on stdin.
std::vector<flow::IntakeSource> collect_sources(const std::vector<std::string>& args, std::istream& in) {
  std::vector<flow::IntakeSource> out;
  for (const auto& arg : args) {
    if (arg == "-") {
      // Each line is held to an application's size, so an endless line ends in a refusal.
      const std::vector<std::string> lines = read_lines(in, "stdin", assess::k_max_application_bytes);
      for (std::size_t n = 0; n < lines.size(); ++n) {
        if (lines[n].find_first_not_of(" \t\r") == std::string::npos) continue;
        out.push_back({"stdin:" + std::to_string(n + 1), lines[n], assess::SourceFormat::json});
      }
    } else if (fs::is_directory(arg)) {
      std::vector<std::string> files;
      for (const auto& e : fs::directory_iterator(arg)) {
        if (e.is_regular_file() && e.path().extension() == ".toml") files.push_back(e.path().string());
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files)
        out.push_back({f, read_file(f, assess::k_max_application_bytes), assess::SourceFormat::toml});
    } else {
      out.push_back({arg, read_file(arg, assess::k_max_application_bytes), assess::SourceFormat::toml});
    }
  }
  return out;
}

// JSON: one object per line. Text: a table (the columns stay aligned from A-10 on), then the
// notes, each under the application it is about.
void print_stored(Run& run, const flow::IntakeOutcome& outcome) {
  Table t({"application", "case", "", "file"});
  std::vector<std::string> notes;
  for (const auto& item : outcome.items) {
    if (!item.stored) continue;
    const store::IntakeResult& r = *item.stored;
    const std::string app = format_id(IdKind::application, r.application_id);
    if (run.format() == Format::json) {
      run.result() << nlohmann::json{{"file", item.source},
                                     {"case_id", format_id(IdKind::arende, r.case_id)},
                                     {"application_id", app},
                                     {"new_case", r.new_case},
                                     {"notes", r.notes}}
                          .dump()
                   << "\n";
      continue;
    }
    t.add({app, format_id(IdKind::arende, r.case_id), r.new_case ? "new case" : "", item.source});
    for (const auto& n : r.notes) notes.push_back(app + ": note: " + n);
  }
  if (t.empty()) return;
  t.print(run.result());
  for (const auto& n : notes) run.result() << text::terminal_safe(n) << "\n";
}

void run_intake(const IntakeOptions& opt, Run& run) {
  const flow::IntakeOutcome outcome = flow::intake(run.db(), run.ctx, opt.sources);
  for (const auto& item : outcome.items) {
    if (item.refusal) print_refusal(run.err, *item.refusal);
  }
  if (outcome.refused > 0 && opt.all_or_nothing) {
    throw Refused(outcome.first_failure, "nothing was stored (--all-or-nothing): " + std::to_string(outcome.refused) +
                                             " of " + std::to_string(outcome.items.size()) + " applications refused");
  }
  print_stored(run, outcome);
  for (const auto& item : outcome.items) {
    for (const Problem& p : item.payee_warnings) {
      run.warn(text::terminal_safe(item.source + ": " + p.to_string()) +
               " (stored; it cannot be paid until corrected)");
    }
  }
  if (outcome.unpayable > 0) {
    run.warn("pay batch will hold " +
             text::counted(static_cast<std::int64_t>(outcome.unpayable), "stored application", "stored applications") +
             " until corrected");
  }
  if (outcome.refused > 0) {
    run.err << "eb: " << outcome.stored << " stored, " << outcome.refused << " refused\n";
    run.session.exit_status = static_cast<int>(outcome.first_failure);
  }
}

}  // namespace

void add_intake_command(CLI::App& app, CommandTable& table, Session& /*session*/) {
  auto opt = std::make_shared<IntakeOptions>();
  CLI::App* cmd = app.add_subcommand("intake", "Register applications (ansökan) in the case store");
  cmd->add_option("--file,-f,files", opt->files,
                  "Application file (TOML), a folder of them, or - for JSON lines on stdin; repeatable")
      ->required();
  cmd->add_flag("--all-or-nothing", opt->all_or_nothing, "Store nothing if any application is refused");
  // json: one object per stored application and line: {"case_id", "application_id", …}
  Leaf& leaf = table.add(cmd, Access::create, [opt](Run& run) { run_intake(*opt, run); });
  CommandTable::with_output(leaf, {Format::text, Format::json});
  leaf.prepare = [opt] { opt->sources = collect_sources(opt->files, std::cin); };
}

}  // namespace eb::cli
