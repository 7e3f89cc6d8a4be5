// SPDX-License-Identifier: MIT
// The JSON of what eb fut-check import, resolve, claim and waive recorded (money in öre).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>

#include "flow/fut_check.hpp"

namespace eb::cli {

// {import_id, kind, file, sha256, rows_read, rows_added, imported_at, imported_by, added}: added
// is {rows, by_source: {FK: n, …}, first_month, last_month, total_ore} for an income register,
// {rows, deceased} for a population register; of the rows that were new.
nlohmann::json import_json(const flow::FutImportOutcome& o);
// {flag_id, outcome, note, by, on}.
nlohmann::json resolved_json(std::int64_t flag_id, const fut::Resolution& r);
// {claim_id, flag_id, case_id, amount_ore, decision, ground, on_decision_id, statute,
// raised_on, deadline, deadline_statute, warnings}: the keys of the claim in fut-check show.
nlohmann::json claimed_json(std::int64_t flag_id, const flow::FutClaimOutcome& o);
// {claim_id, flag_id, amount_ore, whole, reason, statute, by, on, outstanding_ore}.
nlohmann::json waived_json(std::int64_t flag_id, const flow::FutWaiveOutcome& o);

}  // namespace eb::cli
