// SPDX-License-Identifier: MIT
// The assessment as JSON: the public contract of `eb assess --json` (application-format.md).
#pragma once

#include <nlohmann/json.hpp>

#include "assess/assessment.hpp"

namespace eb::assess {

// The contract's object: month, norm {id, sha256, status}, lines[], totals{*_ore}, notes,
// warnings. Amounts are integers in öre.
nlohmann::json to_json(const Assessment& a);

// Reads back what to_json wrote (the store keeps assessments in this form).
// Throws InputError if a field is missing or of the wrong type.
Assessment assessment_from_json(const nlohmann::json& j);

}  // namespace eb::assess
