// SPDX-License-Identifier: MIT
// eb users: the people who decide (and present) decisions, with their roles.
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "common/text.hpp"
#include "flow/users.hpp"
#include "render/table.hpp"

namespace eb::cli {

namespace {

struct UsersOptions {
  std::string name;
  std::string role;
  std::string full_name;
};

nlohmann::json user_json(const decide::User& u) {
  return {{"name", u.name}, {"full_name", u.full_name}, {"role", decide::role_name(u.role)}, {"active", u.active}};
}

void print_user(Run& s, const decide::User& u, const std::string& what) {
  if (s.format() == Format::json) {
    s.result() << user_json(u).dump() << "\n";
  } else {
    s.result() << what << " " << u.name << " (" << decide::role_name(u.role) << (u.active ? "" : ", inactive") << ")"
               << (u.full_name.empty() ? "" : " " + u.full_name) << "\n";
  }
}

void run_add(const UsersOptions& opt, Run& s) {
  const auto role = decide::parse_role(opt.role);
  if (!role) {
    throw InputError("--role", text::quoted(opt.role),
                     "unknown role (socialsekreterare, gruppledare, enhetschef, fut, admin)");
  }
  const decide::User u = flow::add_user(s.db(), s.ctx, opt.name, opt.full_name, *role);
  print_user(s, u, "added");
}

void run_set_active(const UsersOptions& opt, Run& s, bool active) {
  const decide::User u = flow::set_user_active(s.db(), s.ctx, opt.name, active);
  print_user(s, u, active ? "active:" : "inactive:");
}

void run_list(Run& s) {
  const auto users = flow::list_users(s.db());
  if (s.format() == Format::json) {
    nlohmann::json all = nlohmann::json::array();
    for (const auto& u : users) all.push_back(user_json(u));
    s.result() << all.dump(2) << "\n";
    return;
  }
  Table t({"name", "role", "active", "full name"});
  for (const auto& u : users)
    t.add({u.name, std::string(decide::role_name(u.role)), u.active ? "yes" : "no", u.full_name});
  t.print(s.result());
  s.result() << users.size() << (users.size() == 1 ? " user" : " users") << "\n";
}

}  // namespace

void add_users_command(CLI::App& app, CommandTable& table, Session& /*session*/) {
  auto opt = std::make_shared<UsersOptions>();
  CLI::App* cmd = app.add_subcommand("users", "The users who decide and present decisions, with their roles");
  cmd->require_subcommand(1);
  CLI::App* add = cmd->add_subcommand("add", "Add a user with a role (creates the case store if missing)");
  add->add_option("name", opt->name, "User name, as --by and --as give it")->required();
  add->add_option("--role", opt->role, "socialsekreterare, gruppledare, enhetschef, fut or admin")->required();
  add->add_option("--full-name", opt->full_name, "The name the decision letter prints");
  const std::vector<Format> text_json{Format::text, Format::json};
  CommandTable::with_output(table.add(add, Access::create, [opt](Run& run) { run_add(*opt, run); }), text_json);
  CLI::App* list = cmd->add_subcommand("list", "List the users");
  CommandTable::with_output(table.add(list, Access::read, run_list), text_json);
  CLI::App* off = cmd->add_subcommand("deactivate", "Stop a user from deciding (past decisions keep the name)");
  off->add_option("name", opt->name, "User name")->required();
  CommandTable::with_output(table.add(off, Access::write, [opt](Run& run) { run_set_active(*opt, run, false); }),
                            text_json);
  CLI::App* on = cmd->add_subcommand("activate", "Let a deactivated user decide again");
  on->add_option("name", opt->name, "User name")->required();
  CommandTable::with_output(table.add(on, Access::write, [opt](Run& run) { run_set_active(*opt, run, true); }),
                            text_json);
}

}  // namespace eb::cli
