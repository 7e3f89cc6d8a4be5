// SPDX-License-Identifier: MIT
// eb demo's two parts: the year run in a fresh store (demo.cpp) and the district's files
// (demo_generate.cpp).
#pragma once

#include "command.hpp"

namespace eb::cli {

// Adds `eb demo generate` under `demo`.
void add_demo_generate_command(CLI::App* demo, CommandTable& table);

}  // namespace eb::cli
