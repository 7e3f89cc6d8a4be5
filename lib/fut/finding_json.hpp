// SPDX-License-Identifier: MIT
// A finding as JSON, the shape `eb fut-check run --json` prints for each flag (man/eb-fut-check.1),
// and its evidence read back (the store keeps a flag's evidence as this JSON).
#pragma once

#include <nlohmann/json.hpp>

#include "fut/screening.hpp"

namespace eb::fut {

// {"rule", "case_id": "C-3", "cases": ["C-3", …], "month", "member" (masked unless
// `show_personal`; null when none), "amount_at_risk_ore", "evidence_key", "evidence": {…}}.
// The caller adds "flag_id" and "new". Accounts are masked unless `show_personal` too.
nlohmann::json finding_json(const Finding& finding, bool show_personal);

// The evidence of finding_json(f, true)["evidence"] read back: equal to f.evidence, except that
// a population row comes back without its address (the JSON does not carry it). Throws
// InputError naming the field ("evidence.register_rows[1].pnr") for anything else, such as
// masked personnummer.
Evidence evidence_from_json(const nlohmann::json& evidence);

}  // namespace eb::fut
