// SPDX-License-Identifier: MIT
// eb users: placeholder until its issue lands.
#include "commands.hpp"

namespace eb::cli {

void add_users_command(CLI::App& /*app*/, Session& /*session*/) {}

}  // namespace eb::cli
