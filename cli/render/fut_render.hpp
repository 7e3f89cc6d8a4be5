// SPDX-License-Identifier: MIT
// Terminal, CSV and JSON renderings of eb fut-check: imports, runs, flags and their follow-up.
// Personnummer are masked unless `show_pnr`.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "flow/fut_check.hpp"

namespace eb::cli {

// "fut-import-3: income register FILE: 1 234 rows read, 1 200 new (FK 300, …), 2026-01..2026-02, 1 234 567 kr".
void print_import(std::ostream& out, const flow::FutImportOutcome& o);

// The run as a table of its findings (new ones marked), as JSON {"period", "run", "screened",
// "flags": [{flag_id, new, rule, case_id, cases, month, member, amount_at_risk_ore,
// evidence_key, evidence}]} (written a flag at a time), or as CSV (one row per flag).
void print_run(std::ostream& out, const flow::FutRunOutcome& o, bool show_pnr);
void write_run_json(std::ostream& out, const flow::FutRunOutcome& o, bool show_pnr);
void print_run_csv(std::ostream& out, const flow::FutRunOutcome& o, bool show_pnr);

// The flags of `eb fut-check list`, as a table or a JSON array (written a flag at a time).
void print_flags(std::ostream& out, const std::vector<store::StoredFlag>& flags, bool show_pnr);
void write_flags_json(std::ostream& out, const std::vector<store::StoredFlag>& flags, bool show_pnr);

// One flag with its evidence and follow-up, as text or JSON.
void print_flag(std::ostream& out, const flow::FutFlagView& v, bool show_pnr);
nlohmann::json flag_view_json(const flow::FutFlagView& v, bool show_pnr);

// One line each for what resolve, claim and waive did.
void print_resolved(std::ostream& out, std::int64_t flag_id, const fut::Resolution& r);
void print_claimed(std::ostream& out, std::int64_t flag_id, const flow::FutClaimOutcome& o);
void print_waived(std::ostream& out, std::int64_t flag_id, const flow::FutWaiveOutcome& o);

// The rule table for --help: id, Swedish name, statute and parameters, one rule a paragraph.
std::string rules_help();

}  // namespace eb::cli
