// SPDX-License-Identifier: MIT
#include "flow/users.hpp"

#include "store/decisions.hpp"

namespace eb::flow {

decide::User add_user(store::Database& db, const Context& ctx, const std::string& name, const std::string& full_name,
                      decide::Role role) {
  return store::add_user(db, name, full_name, role, ctx.write("users add"));
}

decide::User set_user_active(store::Database& db, const Context& ctx, const std::string& name, bool active) {
  return store::set_user_active(db, name, active, ctx.write(active ? "users activate" : "users deactivate"));
}

std::vector<decide::User> list_users(const store::Database& db) {
  return store::list_users(db);
}

}  // namespace eb::flow
