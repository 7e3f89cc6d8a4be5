// SPDX-License-Identifier: MIT
// eb letter: placeholder until its issue lands.
#include "commands.hpp"

namespace eb::cli {

void add_letter_command(CLI::App& /*app*/, Session& /*session*/) {}

}  // namespace eb::cli
