// SPDX-License-Identifier: MIT
// eb decide: placeholder until its issue lands.
#include "commands.hpp"

namespace eb::cli {

void add_decide_command(CLI::App& /*app*/, Session& /*session*/) {}

}  // namespace eb::cli
