// SPDX-License-Identifier: MIT
// eb simulate: placeholder until its issue lands.
#include "commands.hpp"

namespace eb::cli {

void add_simulate_command(CLI::App& /*app*/, Session& /*session*/) {}

}  // namespace eb::cli
