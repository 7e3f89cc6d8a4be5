// SPDX-License-Identifier: MIT
// The intake flow (`eb intake`): applications read, checked and stored in one transaction, a
// savepoint per application, so a refused one stores nothing while the rest go on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "assess/application_reader.hpp"
#include "common/refusal.hpp"
#include "flow/context.hpp"
#include "store/cases.hpp"

namespace eb::flow {

// One application to take in: its name in messages, its text, TOML or one JSON object.
struct IntakeSource {
  std::string name;
  std::string text;
  assess::SourceFormat format = assess::SourceFormat::toml;
};

struct IntakeItem {
  std::string source;
  std::optional<store::IntakeResult> stored;  // nothing when refused
  std::optional<Refusal> refusal;
  // Why the stored application cannot be paid as it stands (pay::payee_problems): stored all
  // the same, since the caseworker may still complete it, but said now, not at export.
  std::vector<Problem> payee_warnings;
};

struct IntakeOutcome {
  std::vector<IntakeItem> items;  // in the order of the sources
  std::size_t stored = 0;
  std::size_t refused = 0;
  std::size_t unpayable = 0;                   // stored applications with payee_warnings
  ExitCode first_failure = ExitCode::success;  // the exit code of the first refusal
};

// Reads, checks (the file format, the account, the guideline, the arrival date) and stores
// each source with the store's history applied (calculation.md §5). Refusals are reported per
// item; only an error outside the items (the store failing) is thrown.
IntakeOutcome intake(store::Database& db, const Context& ctx, const std::vector<IntakeSource>& sources);

}  // namespace eb::flow
