// SPDX-License-Identifier: MIT
// Shared renderings of store results and errors, so every command prints them alike.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "common/error.hpp"
#include "common/refusal.hpp"
#include "store/cases.hpp"

namespace eb::cli {

// One application as `eb list --json` and `eb show --json` print it; the personnummer is
// masked unless `show_pnr`.
nlohmann::json application_summary_json(const store::ApplicationSummary& a, bool show_pnr);

// Prints `e` as "eb: error: …", one line per problem (InputError) or per line of the message;
// each line through text::terminal_safe, so a value's escapes and line breaks stay in its line.
// Every personnummer in them is masked (YYYYMMDD-XXXX) unless `show_pnr` (--show-pnr).
void print_error(std::ostream& err, const Error& e, bool show_pnr = false);
// The same for an error kept as a value.
void print_refusal(std::ostream& err, const Refusal& r, bool show_pnr = false);

}  // namespace eb::cli
