// SPDX-License-Identifier: MIT
// Users and decisions in the case store (schema v3). Implemented in decisions.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "decide/decision.hpp"
#include "store/case_store.hpp"

namespace eb::store {

struct User {
  std::int64_t id = 0;
  std::string name;
  std::string full_name;
  decide::Role role = decide::Role::socialsekreterare;
  bool active = true;
};

// Adds a user; throws Conflict if the name exists. Returns the stored user.
User add_user(CaseStore& store, const std::string& name, const std::string& full_name, decide::Role role,
              const WriteContext& ctx);
std::optional<User> find_user(const CaseStore& store, const std::string& name);
std::vector<User> list_users(const CaseStore& store);

// Stores `d` (with its lines) and returns its id. The schema refuses a second first decision
// of an application, a decision replacing one that is already replaced or belongs to another
// application, and any edit; those come back as Conflict naming the rule.
std::int64_t record_decision(CaseStore& store, const decide::Decision& d, const WriteContext& ctx);
// Throws NotFound.
decide::Decision load_decision(const CaseStore& store, std::int64_t id);
// The decision of `application_id` that no later decision replaces, if any.
std::optional<decide::Decision> current_decision(const CaseStore& store, std::int64_t application_id);

}  // namespace eb::store
