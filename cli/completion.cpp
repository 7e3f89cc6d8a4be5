// SPDX-License-Identifier: MIT
// eb completion bash|zsh|fish: the shell completion script, printed; and the hidden
// `eb __complete ids PREFIX` the scripts call for the stored ids (read only).
#include "command.hpp"
#include "flow/complete.hpp"
#include "render/completion_script.hpp"

namespace eb::cli {

namespace {

struct CompletionOptions {
  std::string shell;
  std::string prefix;
};

}  // namespace

void add_completion_command(CLI::App& app, CommandTable& table, Session& /*session*/) {
  auto opt = std::make_shared<CompletionOptions>();
  CLI::App* cmd = app.add_subcommand(
      "completion", "Print the completion script for bash, zsh or fish (installed by cmake --install)");
  cmd->add_option("shell", opt->shell, "bash | zsh | fish")
      ->required()
      ->check(CLI::IsMember(std::vector<std::string>(std::begin(k_completion_shells), std::end(k_completion_shells))));
  const CLI::App* root = &app;
  table.add(cmd, Access::none, [opt, root](Run& run) { run.out << completion_script(*root, opt->shell); });

  CLI::App* complete = app.add_subcommand("__complete", "What the completion scripts ask eb")->group("");
  complete->require_subcommand(1);
  CLI::App* ids = complete->add_subcommand("ids", "The stored ids that begin with PREFIX (A-, C-1, …)");
  ids->add_option("prefix", opt->prefix, "The beginning of the id")->required();
  table.add(ids, Access::read, [opt](Run& run) {
    for (const auto& id : flow::complete_ids(run.db(), opt->prefix)) run.out << id << "\n";
  });
}

}  // namespace eb::cli
