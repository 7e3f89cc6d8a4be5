// SPDX-License-Identifier: MIT
// Users and decisions in the case store (schema v3). Implemented in decisions.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "decide/decision.hpp"
#include "decide/routine.hpp"
#include "store/case_store.hpp"

namespace eb::store {

struct User {
  std::int64_t id = 0;
  std::string name;
  std::string full_name;
  decide::Role role = decide::Role::socialsekreterare;
  bool active = true;
};

// Adds a user; throws Conflict if the name exists, InputError naming NAME if it is not 1–64
// characters of a–z, A–Z, 0–9, '.', '_' and '-'. Returns the stored user.
User add_user(CaseStore& store, const std::string& name, const std::string& full_name, decide::Role role,
              const WriteContext& ctx);
std::optional<User> find_user(const CaseStore& store, const std::string& name);
std::vector<User> list_users(const CaseStore& store);
// Marks a user active or inactive (an inactive user cannot decide; past decisions keep the
// name). Throws NotFound. Returns the user as stored now.
User set_user_active(CaseStore& store, const std::string& name, bool active, const WriteContext& ctx);

// Stores `d` (with its lines) and returns its id. The schema refuses a second first decision
// of an application, a decision replacing one that is already replaced or belongs to another
// application, and any edit; those come back as Conflict naming the rule. Throws NotFound for
// an unknown decided_by or presented_by user.
std::int64_t record_decision(CaseStore& store, const decide::Decision& d, const WriteContext& ctx);
// Throws NotFound.
decide::Decision load_decision(const CaseStore& store, std::int64_t id);
// The decision of `application_id` that no later decision replaces, if any.
std::optional<decide::Decision> current_decision(const CaseStore& store, std::int64_t application_id);
// The decision that replaces decision `id`, if any.
std::optional<std::int64_t> replaced_by(const CaseStore& store, std::int64_t id);
// Every decision of `application_id`, oldest first.
std::vector<decide::Decision> decisions_of(const CaseStore& store, std::int64_t application_id);

// What the current decisions of the same case's other applications for the same month grant
// (a supplement next to the month's application): counted toward the delegation limit.
money::Money granted_elsewhere(const CaseStore& store, std::int64_t application_id);
// The number of children (role child) in application `application_id`.
int child_count(const CaseStore& store, std::int64_t application_id);

// Every application of `month` in id order, with what a routine run needs (latest assessment,
// current decision, children, what the case was granted elsewhere that month), read with a
// fixed number of queries whatever the number of applications.
std::vector<decide::Candidate> routine_candidates(const CaseStore& store, period::Month month);

}  // namespace eb::store
