// SPDX-License-Identifier: MIT
// eb intake: register applications (files, folders or JSON lines on stdin) in the case store.
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "assess/application_reader.hpp"
#include "commands.hpp"
#include "common/file.hpp"
#include "common/ids.hpp"
#include "pay/bank_account.hpp"
#include "render/summary.hpp"

namespace eb::cli {

namespace {

namespace fs = std::filesystem;

struct IntakeOptions {
  std::vector<std::string> files;
  bool all_or_nothing = false;
  bool json = false;
};

struct Source {
  std::string name;
  std::string text;
  assess::SourceFormat format;
};

// Files as given, folders as their *.toml files in name order, "-" as JSON lines on stdin.
std::vector<Source> collect_sources(const std::vector<std::string>& args, std::istream& in) {
  std::vector<Source> out;
  for (const auto& arg : args) {
    if (arg == "-") {
      std::string line;
      for (int n = 1; std::getline(in, line); ++n) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        out.push_back({"stdin:" + std::to_string(n), line, assess::SourceFormat::json});
      }
    } else if (fs::is_directory(arg)) {
      std::vector<std::string> files;
      for (const auto& e : fs::directory_iterator(arg)) {
        if (e.is_regular_file() && e.path().extension() == ".toml") files.push_back(e.path().string());
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) out.push_back({f, read_file(f), assess::SourceFormat::toml});
    } else {
      out.push_back({arg, read_file(arg), assess::SourceFormat::toml});
    }
  }
  return out;
}

void run_intake(const IntakeOptions& opt, Session& session) {
  const norms::NormCatalog catalog = session.catalog();
  const std::vector<Source> sources = collect_sources(opt.files, std::cin);
  store::CaseStore store = session.open_store(store::OpenMode::create);
  const store::WriteContext ctx = session.write_context("intake");

  std::vector<std::pair<std::string, store::IntakeResult>> stored;
  int failed = 0;
  ExitCode first_failure = ExitCode::success;
  std::set<std::string> checked_guidelines;
  store::Transaction tx(store);  // the whole batch: all there or all absent after a crash
  for (const Source& src : sources) {
    bool in_savepoint = false;
    try {
      assess::Application app = assess::read_application(src.text, src.name, src.format, catalog, true);
      if (!app.account.empty()) (void)pay::parse_bank_account(app.account, src.name + ": account");
      // Each guideline named in the batch is read and checked once.
      if (!app.guideline.empty() && checked_guidelines.insert(app.guideline).second) {
        try {
          (void)catalog.guideline(app.guideline);
        } catch (...) {
          checked_guidelines.erase(app.guideline);
          throw;
        }
      }
      store.savepoint();
      in_savepoint = true;
      store::IntakeResult r = store.intake(std::move(app), ctx);
      store.release_savepoint();
      stored.emplace_back(src.name, std::move(r));
    } catch (const Error& e) {
      if (in_savepoint) store.rollback_to_savepoint();  // nothing of this file is stored
      print_error(session.err, e);
      if (failed++ == 0) first_failure = e.exit_code();
    }
  }
  if (failed > 0 && opt.all_or_nothing) {
    session.err << "eb: error: nothing was stored (--all-or-nothing): " << failed << " of " << sources.size()
                << " applications refused\n";
    session.exit_status = static_cast<int>(first_failure);
    return;  // the transaction rolls back
  }
  tx.commit();
  for (const auto& [name, r] : stored) {
    if (opt.json) {
      session.out << nlohmann::json{{"file", name},
                                    {"case_id", format_id(IdKind::arende, r.case_id)},
                                    {"application_id", format_id(IdKind::application, r.application_id)},
                                    {"new_case", r.new_case},
                                    {"notes", r.notes}}
                         .dump()
                  << "\n";
    } else {
      session.out << format_id(IdKind::application, r.application_id) << "  " << format_id(IdKind::arende, r.case_id)
                  << (r.new_case ? " (new case)" : "") << "  " << name << "\n";
      for (const auto& n : r.notes) session.out << "    note: " << n << "\n";
    }
  }
  if (failed > 0) {
    session.err << "eb: " << stored.size() << " stored, " << failed << " refused\n";
    session.exit_status = static_cast<int>(first_failure);
  }
}

}  // namespace

void add_intake_command(CLI::App& app, Session& session) {
  auto opt = std::make_shared<IntakeOptions>();
  CLI::App* cmd = app.add_subcommand("intake", "Register applications (ansökan) in the case store");
  cmd->add_option("--file,-f,files", opt->files,
                  "Application file (TOML), a folder of them, or - for JSON lines on stdin; repeatable")
      ->required();
  cmd->add_flag("--all-or-nothing", opt->all_or_nothing, "Store nothing if any application is refused");
  cmd->add_flag("--json", opt->json,
                "Print one JSON object per stored application: {\"case_id\", \"application_id\", …}");
  cmd->callback([opt, &session] { run_intake(*opt, session); });
}

}  // namespace eb::cli
