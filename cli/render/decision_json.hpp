// SPDX-License-Identifier: MIT
// A decision as `eb decide --json` prints it.
#pragma once

#include <nlohmann/json.hpp>

#include "decide/decision.hpp"

namespace eb::cli {

// {"decision_id": "D-5", "application_id": "A-3", "kind", "assessment_id", "assessed_ore",
// "granted_ore", "handling_days", "decided_on", "decided_by", "presented_by", "delegation",
// "authority", "replaces", "routine", "child_impact", "reasons", "statutes", "lines"}. An unstored
// decision (a dry run) has "decision_id": null.
nlohmann::json decision_json(const decide::Decision& d);

}  // namespace eb::cli
