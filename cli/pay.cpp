// SPDX-License-Identifier: MIT
// eb pay: placeholder until its issue lands.
#include "commands.hpp"

namespace eb::cli {

void add_pay_command(CLI::App& /*app*/, Session& /*session*/) {}

}  // namespace eb::cli
