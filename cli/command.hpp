// SPDX-License-Identifier: MIT
// The command table: every leaf command declares what it needs of the case store, and main
// opens the store once, runs the command in one transaction that commits only when it returns
// normally, owns --dry-run (run, render, roll back), and writes the files it asked for only
// after a successful commit (ninja's tool table with its `when`; STYLE.md 6.2).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "common/atomic_file.hpp"
#include "flow/context.hpp"
#include "output_format.hpp"
#include "session.hpp"
#include "store/database.hpp"

namespace eb::cli {

// What a command needs of the case store.
enum class Access {
  none,     // no store (an application file, the norms)
  read,     // an existing store, read in one snapshot
  write,    // an existing store, one write transaction
  create,   // the same, creating a missing store (intake, db init, users add)
  migrate,  // an older store brought to this schema, one write transaction
  inspect,  // any schema version, read only (db check, db backup)
};

// What a command receives when it runs.
class Run {
 public:
  Run(Session& session, store::Database* db, bool dry_run, const OutputOption* output = nullptr);
  Session& session;
  std::ostream& out;
  std::ostream& err;
  const flow::Context ctx;

  // The store, opened as the command's access says. Throws (a bug) for Access::none.
  store::Database& db();
  bool has_db() const { return m_db != nullptr; }
  // True when the transaction is rolled back after the command: nothing is stored.
  bool dry_run() const { return m_dry_run; }
  // Writes `content` to `path`: staged now (a directory or a link there is refused before the
  // store records anything), renamed into place when the command has succeeded and committed.
  // "-" or "" prints it to standard output instead.
  void write_output(const std::string& path, const std::string& content);
  // The files staged by write_output, renamed into place by main after the commit.
  void publish_files();
  // Prints a warning: "eb: warning: TEXT".
  void warn(const std::string& text) const;

  // The format the command line chose (-O, an alias or -o's extension); text for a command
  // without an output option.
  Format format() const { return m_output ? m_output->format() : Format::text; }
  // Where the command renders its result in that format. main writes it, once the command has
  // returned normally, to -o FILE through write_output, else to standard output.
  std::ostream& result() { return m_result; }
  // The -o file as given ("" when there is none).
  std::string output_path() const { return m_output ? m_output->path() : std::string(); }
  // Writes the result (main calls it); the -o file is staged like any other.
  void write_result();

 private:
  store::Database* m_db;
  bool m_dry_run;
  const OutputOption* m_output;
  std::ostringstream m_result;
  std::vector<StagedFile> m_files;
};

using Access_fn = std::function<Access()>;
using Run_fn = std::function<void(Run&)>;

// One leaf command as main runs it.
struct Leaf {
  CLI::App* app = nullptr;
  Access_fn access;
  Run_fn run;
  // Work before the store is opened, such as reading standard input, so no lock is held for it.
  std::function<void()> prepare;
  bool dry_run = false;                  // set by --dry-run when the leaf has it
  std::shared_ptr<OutputOption> output;  // set by with_output
};

class CommandTable {
 public:
  // Registers `app` (a leaf subcommand) to run `fn` with `access`, which may depend on the
  // options (e.g. `assess --file` needs no store). Returns the leaf, for `with_dry_run`.
  Leaf& add(CLI::App* app, Access access, Run_fn fn);
  Leaf& add(CLI::App* app, Access_fn access, Run_fn fn);
  // Gives a write command --dry-run: it runs in full, renders what it did, and rolls back.
  static void with_dry_run(Leaf& leaf);
  // Gives a command that prints a result -O/--output-format, -o/--output and the --json, --csv
  // and --html aliases; `formats` are the ones it has, the first its default. The leaf renders
  // into `run.result()` in `run.format()`.
  static OutputOption& with_output(Leaf& leaf, std::vector<Format> formats, FileOption file = FileOption::optional);
  // The leaf the command line chose, if any.
  Leaf* chosen();
  // Opens the store as `leaf` needs, runs it in one transaction, commits unless it threw or is
  // a dry run, then writes its files. Errors pass through to main's one catch.
  static void execute(Leaf& leaf, Session& session);

 private:
  std::vector<std::unique_ptr<Leaf>> m_leaves;
};

// Every command of eb, one file each, in product order (main.cpp's table).
void add_intake_command(CLI::App& app, CommandTable& table, Session& session);
void add_assess_command(CLI::App& app, CommandTable& table, Session& session);
void add_decide_command(CLI::App& app, CommandTable& table, Session& session);
void add_letter_command(CLI::App& app, CommandTable& table, Session& session);
void add_pay_command(CLI::App& app, CommandTable& table, Session& session);
void add_fut_check_command(CLI::App& app, CommandTable& table, Session& session);
void add_show_command(CLI::App& app, CommandTable& table, Session& session);
void add_list_command(CLI::App& app, CommandTable& table, Session& session);
void add_norms_command(CLI::App& app, CommandTable& table, Session& session);
void add_simulate_command(CLI::App& app, CommandTable& table, Session& session);
void add_close_command(CLI::App& app, CommandTable& table, Session& session);
void add_arbetsplan_command(CLI::App& app, CommandTable& table, Session& session);
void add_report_command(CLI::App& app, CommandTable& table, Session& session);
void add_test_command(CLI::App& app, CommandTable& table, Session& session);
void add_users_command(CLI::App& app, CommandTable& table, Session& session);
void add_db_command(CLI::App& app, CommandTable& table, Session& session);
void add_demo_command(CLI::App& app, CommandTable& table, Session& session);
// eb help, eb completion (and the hidden eb __complete): about eb itself, last.
void add_help_command(CLI::App& app, CommandTable& table, Session& session);
void add_completion_command(CLI::App& app, CommandTable& table, Session& session);

}  // namespace eb::cli
