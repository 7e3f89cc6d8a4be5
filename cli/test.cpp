// SPDX-License-Identifier: MIT
// eb test: golden case files (an application and its [expect] table) held against their
// expectations, under the norms folder or a candidate norm file; --update records the current
// results; --reform holds each reform budget's simulated cost against its tolerance.
#include "flow/test.hpp"
#include "command.hpp"
#include "render/test_render.hpp"

namespace eb::cli {

namespace {

struct TestOptions {
  std::vector<std::string> paths;
  std::string norms_file;
  std::string reforms_file;
  std::string pattern;
  bool update = false;
};

void run_test(const TestOptions& opt, Run& run) {
  if (opt.paths.empty() && opt.reforms_file.empty()) {
    throw CLI::ValidationError("test", "give case files or folders (PATH…), --reform FILE, or both");
  }
  if (opt.paths.empty() && (opt.update || !opt.norms_file.empty())) {
    throw CLI::ValidationError(opt.update ? "--update" : "--norms-file", "applies to case files: give PATH…");
  }
  flow::TestRequest r;
  r.paths = opt.paths;
  r.norms_file = opt.norms_file;
  r.update = opt.update;
  r.pattern = opt.pattern;
  r.reforms_file = opt.reforms_file;
  const flow::TestOutcome o = flow::run_tests(run.has_db() ? &run.db() : nullptr, run.ctx, r);

  for (const auto& w : o.warnings) run.warn(w);
  for (const auto& u : o.updates) run.write_output(u.path, u.text);
  if (run.format() == Format::json) {
    run.result() << test_json(o, opt.norms_file).dump(1) << "\n";
  } else {
    print_test_text(run.result(), o, opt.norms_file);
  }
  if (o.failed > 0) run.session.exit_status = static_cast<int>(ExitCode::flags_raised);
}

}  // namespace

void add_test_command(CLI::App& app, CommandTable& table, Session& /*session*/) {
  auto opt = std::make_shared<TestOptions>();
  CLI::App* cmd = app.add_subcommand(
      "test", "Hold golden cases (application + [expect]) and reform budgets against their expected amounts");
  cmd->add_option("paths", opt->paths,
                  "Case files, or folders of them (every *.toml below, in name order); see eb-test(1)");
  cmd->add_option("--norms-file", opt->norms_file,
                  "Run the cases under this candidate norm file: it replaces the folder's norm for its period");
  cmd->add_flag("--update", opt->update,
                "Rewrite each case's [expect] table from the current results and list the files changed "
                "(never a refused case)");
  cmd->add_option("--reform", opt->reforms_file,
                  "Reform budgets (reforms.toml): simulate each on the case store (read only) against its tolerance");
  cmd->add_option("-k", opt->pattern,
                  "Only the cases (and reforms) whose name contains PATTERN, or matches it as a glob");
  CommandTable::with_output(table.add(
                                cmd, [opt] { return opt->reforms_file.empty() ? Access::none : Access::read; },
                                [opt](Run& run) { run_test(*opt, run); }),
                            {Format::text, Format::json});
}

}  // namespace eb::cli
