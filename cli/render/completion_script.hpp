// SPDX-License-Identifier: MIT
// The shell completion scripts of eb (bash, zsh, fish), generated from the command tree that
// main builds, so they always know every command and option; ids come from the store through
// `eb __complete ids PREFIX` (read only).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>

namespace eb::cli {

// The shells completion_script writes for.
inline constexpr const char* k_completion_shells[] = {"bash", "zsh", "fish"};

// The completion script for `shell` ("bash", "zsh" or "fish") of the commands under `root`.
// Throws std::invalid_argument for another shell (the option's check refuses it first).
std::string completion_script(const CLI::App& root, std::string_view shell);

}  // namespace eb::cli
