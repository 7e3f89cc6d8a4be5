// SPDX-License-Identifier: MIT
// eb: the entry point. Wiring only: the command table in product order, the global options, and
// the one catch that maps every error to an exit code (man/eb.1, EXIT STATUS).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <exception>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "command.hpp"
#include "common/error.hpp"
#include "diagnostic.hpp"
#include "period/date.hpp"
#include "render/summary.hpp"
#include "session.hpp"
#include "usage.hpp"

namespace {

using eb::cli::CommandTable;
using eb::cli::Session;

// The commands of eb in product order: the path of a case from application to follow-up, each
// with the name its add function gives it.
struct Command {
  std::string_view name;
  void (*add)(CLI::App&, CommandTable&, Session&);
};
constexpr Command k_commands[] = {
    {"intake", eb::cli::add_intake_command},     {"assess", eb::cli::add_assess_command},
    {"decide", eb::cli::add_decide_command},     {"letter", eb::cli::add_letter_command},
    {"pay", eb::cli::add_pay_command},           {"fut-check", eb::cli::add_fut_check_command},
    {"close", eb::cli::add_close_command},       {"arbetsplan", eb::cli::add_arbetsplan_command},
    {"show", eb::cli::add_show_command},         {"list", eb::cli::add_list_command},
    {"report", eb::cli::add_report_command},     {"norms", eb::cli::add_norms_command},
    {"simulate", eb::cli::add_simulate_command}, {"test", eb::cli::add_test_command},
    {"users", eb::cli::add_users_command},       {"db", eb::cli::add_db_command},
    {"demo", eb::cli::add_demo_command},
};

// The command word of the command line: the first argument that is neither a global option nor
// its value; nothing when there is none (eb --help, eb -V, a bad global option).
std::optional<std::string_view> command_word(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") return std::nullopt;
    if (a == "--db" || a == "--norms" || a == "--as" || a == "--today") {
      ++i;
    } else if (a.empty() || a[0] != '-') {
      return a;
    }
  }
  return std::nullopt;
}

// The commands about eb itself, after the product's: eb help, eb completion.
constexpr void (*k_about_commands[])(CLI::App&, CommandTable&, Session&) = {
    eb::cli::add_help_command,
    eb::cli::add_completion_command,
};

// A check for --today: CLI11 reports a bad date as a command-line mistake (exit 2) for every
// command, also one that never reads today.
std::string valid_date(const std::string& text) {
  try {
    eb::period::parse_date(text, "--today");
    return {};
  } catch (const eb::InputError& e) {
    return e.problems().front().value + ": " + e.problems().front().message;
  }
}

// Whether the command line asks for full personnummer (--show-pnr), for the error messages.
bool shows_pnr(const std::vector<std::string>& args) {
  for (const auto& a : args) {
    if (a == "--") break;
    if (a == "--show-pnr") return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  using eb::ExitCode;
  std::ios::sync_with_stdio(false);  // eb uses only iostreams: C stdio need not follow them
  Session session(std::cout, std::cerr);
  eb::cli::set_colour(Session::stderr_colour());

  CLI::App app{"eb — ekonomiskt bistånd: from application to payment and follow-up"};
  app.set_version_flag("-V,--version", std::string("eb ") + EB_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--db", session.db_flag, "Case store (SQLite file); default $EB_DB, else ./eb.db");
  app.add_option("--norms", session.norms_flag,
                 "Norms folder; default $EB_NORMS, else ./norms, else the bundled norms");
  app.add_option("--as", session.as_user, "User recorded in the audit log; default the OS user");
  app.add_option("--today", session.today_flag, "Take this date (YYYY-MM-DD) as today; default the system date")
      ->check(CLI::Validator(valid_date, "DATE", "a date"));
  bool show_pnr = false;  // read from the command line itself, so that it holds for a parse error too
  app.add_flag("--show-pnr", show_pnr, "Show personnummer in full in error messages (masked by default)");

  // Only the command the line names is built, when it names one of the product's: building
  // every command's options was half of a short command's start (bench/run, the assess --file
  // row). eb --help, eb help, completion, a mistyped command and the like build them all.
  const std::vector<std::string> args(argv + 1, argv + argc);
  const std::optional<std::string_view> word = command_word(args);
  const auto named = std::find_if(std::begin(k_commands), std::end(k_commands),
                                  [&](const Command& c) { return word && c.name == *word; });
  CommandTable table;
  if (named != std::end(k_commands)) {
    named->add(app, table, session);
  } else {
    for (const auto& c : k_commands) c.add(app, table, session);
    for (const auto add : k_about_commands) add(app, table, session);
  }
  try {
    app.parse(argc, argv);
    if (eb::cli::Leaf* leaf = table.chosen()) CommandTable::execute(*leaf, session);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::cout.flush();
    std::cerr << eb::cli::error_prefix() << eb::cli::usage_message(app, args, e) << "\n";
    return eb::cli::usage_exit_status(e);
  } catch (const eb::Error& e) {
    std::cout.flush();
    eb::cli::print_error(std::cerr, e, shows_pnr(args));
    return static_cast<int>(e.exit_code());
  } catch (const std::exception& e) {
    std::cerr << eb::cli::error_prefix() << "internal error: " << e.what()
              << " (this is a bug in eb; please report it)\n";
    return static_cast<int>(ExitCode::internal);
  }
  return session.exit_status;
}
