// SPDX-License-Identifier: MIT
// Every subcommand of eb: one file each, registered by main in product order.
#pragma once

#include <CLI/CLI.hpp>

#include "session.hpp"

namespace eb::cli {

void add_intake_command(CLI::App& app, Session& session);
void add_assess_command(CLI::App& app, Session& session);
void add_show_command(CLI::App& app, Session& session);
void add_list_command(CLI::App& app, Session& session);
void add_norms_command(CLI::App& app, Session& session);
void add_decide_command(CLI::App& app, Session& session);
void add_letter_command(CLI::App& app, Session& session);
void add_pay_command(CLI::App& app, Session& session);
void add_simulate_command(CLI::App& app, Session& session);
void add_users_command(CLI::App& app, Session& session);
void add_db_command(CLI::App& app, Session& session);
void add_demo_command(CLI::App& app, Session& session);

}  // namespace eb::cli
