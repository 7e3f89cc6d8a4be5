// SPDX-License-Identifier: MIT
// The users flows (`eb users`): the people who decide and present decisions, with their roles.
#pragma once

#include <string>
#include <vector>

#include "decide/delegation.hpp"
#include "flow/context.hpp"
#include "store/database.hpp"

namespace eb::flow {

// Adds user `name` with `role`. Throws InputError for a bad name, Conflict if it exists.
decide::User add_user(store::Database& db, const Context& ctx, const std::string& name, const std::string& full_name,
                      decide::Role role);
// Lets user `name` decide again, or stops them. Throws NotFound.
decide::User set_user_active(store::Database& db, const Context& ctx, const std::string& name, bool active);
std::vector<decide::User> list_users(const store::Database& db);

}  // namespace eb::flow
