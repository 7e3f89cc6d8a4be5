// SPDX-License-Identifier: MIT
// eb help [COMMAND [SUBCOMMAND]]: the command's man page (man -l, from the installed pages or
// the build's), or its --help when man or the page is missing.
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "usage.hpp"

extern char** environ;

namespace eb::cli {

namespace {

namespace fs = std::filesystem;

struct HelpOptions {
  std::vector<std::string> topic;
};

// The man page of `page` ("eb-pay"): installed beside the binary (PREFIX/bin/eb and
// PREFIX/share/man/man1), else in the build tree's man folder. Empty if there is none.
fs::path man_page(const std::string& page) {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  std::vector<fs::path> candidates;
  if (!ec) candidates.push_back(exe.parent_path().parent_path() / "share" / "man" / "man1" / (page + ".1"));
  candidates.push_back(fs::path(EB_BUILD_MAN_DIR) / (page + ".1"));
  for (const auto& c : candidates) {
    if (fs::is_regular_file(c, ec)) return c;
  }
  return {};
}

// Runs `man -l page`. Returns its exit status, or nothing when man cannot be run.
std::optional<int> run_man(const fs::path& page) {
  const std::string file = page.string();
  char man[] = "man";
  char local[] = "-l";
  std::vector<char> path(file.begin(), file.end());
  path.push_back('\0');
  char* argv[] = {man, local, path.data(), nullptr};
  pid_t pid = 0;
  if (::posix_spawnp(&pid, "man", nullptr, nullptr, argv, environ) != 0) return std::nullopt;
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return std::nullopt;
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) return std::nullopt;  // no man after all
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

void run_help(const HelpOptions& opt, const CLI::App& root, Run& run) {
  const CLI::App& command = find_command(root, opt.topic);
  const std::string page = opt.topic.empty() ? "eb" : "eb-" + opt.topic.front();
  if (const fs::path file = man_page(page); !file.empty()) {
    run.out.flush();
    if (const auto status = run_man(file)) {
      run.session.exit_status = *status;
      return;
    }
  }
  run.out << command.help();
}

}  // namespace

void add_help_command(CLI::App& app, CommandTable& table, Session& /*session*/) {
  auto opt = std::make_shared<HelpOptions>();
  CLI::App* cmd = app.add_subcommand("help", "Show the manual of eb or of a command (eb help pay), or its --help");
  cmd->add_option("command", opt->topic, "The command (and subcommand) to show");
  const CLI::App* root = &app;
  table.add(cmd, Access::none, [opt, root](Run& run) { run_help(*opt, *root, run); });
}

}  // namespace eb::cli
