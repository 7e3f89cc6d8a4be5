// SPDX-License-Identifier: MIT
// Users and decisions in the case store (schema v3). Implemented in decisions.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "decide/decision.hpp"
#include "decide/delegation.hpp"
#include "decide/routine.hpp"
#include "store/database.hpp"

namespace eb::store {

using decide::User;

// Adds a user; throws Conflict if the name exists, InputError naming NAME if it is not 1–64
// characters of a–z, A–Z, 0–9, '.', '_' and '-'. Returns the stored user.
User add_user(Database& store, const std::string& name, const std::string& full_name, decide::Role role,
              const WriteContext& ctx);
std::optional<User> find_user(const Database& store, const std::string& name);
std::vector<User> list_users(const Database& store);
// Marks a user active or inactive (an inactive user cannot decide; past decisions keep the
// name). Throws NotFound. Returns the user as stored now.
User set_user_active(Database& store, const std::string& name, bool active, const WriteContext& ctx);

// Stores `d` (with its lines) and returns its id. The schema refuses a second first decision
// of an application, a decision replacing one that is already replaced or belongs to another
// application, and any edit; those come back as Conflict naming the rule. Throws NotFound for
// an unknown decided_by or presented_by user.
std::int64_t record_decision(Database& store, const decide::Decision& d, const WriteContext& ctx);
// Throws NotFound.
decide::Decision load_decision(const Database& store, std::int64_t id);
// The decision of `application_id` that no later decision replaces, if any.
std::optional<decide::Decision> current_decision(const Database& store, std::int64_t application_id);
// The decision that replaces decision `id`, if any.
std::optional<std::int64_t> replaced_by(const Database& store, std::int64_t id);
// Every decision of `application_id`, oldest first.
std::vector<decide::Decision> decisions_of(const Database& store, std::int64_t application_id);

// Application `application_id` with what a decision on it needs (its latest assessment, current
// decision, children, what the case was granted elsewhere that month). Throws NotFound.
decide::Candidate decision_candidate(const Database& store, std::int64_t application_id);

// Every application of `month` in id order, with what a routine run needs (latest assessment,
// current decision, children, what the case was granted elsewhere that month), read with a
// fixed number of queries whatever the number of applications.
std::vector<decide::Candidate> routine_candidates(const Database& store, period::Month month);

}  // namespace eb::store
