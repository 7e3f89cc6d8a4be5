// SPDX-License-Identifier: MIT
// Command-line mistakes in eb's words: the message for what CLI11 refused, with a "did you
// mean" for a mistyped command or option (ninja's edit_distance; CLI11 2.1 has none).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "did_you_mean.hpp"

namespace eb::cli {

// The names of the visible subcommands of `app`, in the order they were added.
std::vector<std::string> subcommand_names(const CLI::App& app);

// "eb", "eb pay", "eb pay batch": how the user names `app`.
std::string command_path(const CLI::App& app);
// " (see 'eb pay batch --help')": where to read more about `app`.
std::string see_help(const CLI::App& app);

// The subcommand of `root` that `words` ("pay", "batch") name. Throws CLI::ParseError (an
// ExtrasError whose message is eb's: "unknown command 'X'; did you mean 'Y'?") when one is not
// a command there.
const CLI::App& find_command(const CLI::App& root, const std::vector<std::string>& words);

// The message (without "eb: error: ") for `e`, which CLI11 raised for the command line `args`
// (argv without the program name) of `root`: an unknown command or option named, with the
// nearest one, else CLI11's finding in plain words, and where to read more.
std::string usage_message(const CLI::App& root, const std::vector<std::string>& args, const CLI::Error& e);
// CLI11's finding `e` on command `app` in plain words, without "eb: error: ": a missing
// command listed, an unexpected argument, an option without its value, a value it could not
// convert or out of its range ("--top = x: must be 0 to 1000"), with where to read more.
std::string cli11_finding(const CLI::App& app, const CLI::Error& e);
// The exit status of `e`: 3 (invalid input) for an option value CLI11 could not convert
// ("--households abc") or found out of its range ("--top 5000"), as for any other bad value of
// a command's option; else 2 (usage).
int usage_exit_status(const CLI::Error& e);

}  // namespace eb::cli
