// SPDX-License-Identifier: MIT
// The flows of `eb fut-check`: importing the FUT registers, screening a period (storing only the
// new flags), and following a flag to its outcome: closing it, a claim (återkrav) in the ledger,
// a waiver, a police report and a notice to another paying authority. The rules are lib/fut's;
// the invariants the schema's; these orchestrate.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flow/context.hpp"
#include "fut/authority_notice.hpp"
#include "fut/follow_up.hpp"
#include "fut/registers.hpp"
#include "fut/rule_table.hpp"
#include "fut/screening.hpp"
#include "period/month_range.hpp"
#include "store/database.hpp"
#include "store/fut.hpp"

namespace eb::flow {

enum class RegisterKind { income, population };

struct FutImportOutcome {
  RegisterKind kind = RegisterKind::income;
  store::FutImport import;
  // What the file held and what of it was new (income or population, by `kind`).
  fut::IncomeSummary income_read, income_added;
  fut::PopulationSummary population_read, population_added;
};

// Parses `text`, the register file `file` of `kind`, and stores the rows not yet in the store.
// The whole file is checked first: a file with any bad row is refused with every problem (file,
// line, field, value) as InputError, and nothing is stored. Throws StoreError.
FutImportOutcome fut_import(store::Database& db, const Context& ctx, RegisterKind kind, const std::string& file,
                            std::string_view text);

struct FutRunRequest {
  period::MonthRange period{period::Month(2000, 1), period::Month(2000, 1)};
  std::vector<std::string> rules;  // empty: every rule
  fut::ScreeningParams params;
};

// One finding of a run, with the flag that holds its evidence.
struct FutFlagResult {
  std::int64_t flag_id = 0;
  bool is_new = false;  // stored by this run
  fut::Finding finding;
};

struct FutRunOutcome {
  period::MonthRange period{period::Month(2000, 1), period::Month(2000, 1)};
  std::vector<const fut::RuleInfo*> rules;
  std::vector<FutFlagResult> flags;  // every finding, in the rule table's order
  std::size_t new_flags = 0;
  std::optional<std::int64_t> run;  // the run's number, when it stored new flags
  std::size_t case_months = 0;      // paid case-months screened
  std::size_t register_rows = 0;    // income-register rows of their members read
};

// Screens the paid case-months of the period with the chosen rules and stores each finding whose
// evidence has no flag yet, open or closed; writes nothing else (and nothing at all when every
// finding has a flag). Throws InputError for an unknown rule.
FutRunOutcome fut_run(store::Database& db, const Context& ctx, const FutRunRequest& request);

// The flags that pass `filter`, newest first.
std::vector<store::StoredFlag> fut_list(const store::Database& db, const store::FlagFilter& filter);

struct FutFlagView {
  store::StoredFlag flag;
  std::optional<store::FlagClaim> claim;
  std::vector<store::FollowUp> follow_ups;
  period::Date today{1970, 1, 1};
};
// Flag `id` with its follow-up. Throws NotFound.
FutFlagView fut_show(const store::Database& db, const Context& ctx, std::int64_t id);

// Closes flag `id` with `outcome` and `note` (fut::resolve's rules). Throws NotFound, Conflict
// (closed already), InputError (blank note).
fut::Resolution fut_resolve(store::Database& db, const Context& ctx, std::int64_t id, fut::Outcome outcome,
                            std::string note);

struct FutClaimOutcome {
  std::int64_t claim_id = 0;
  std::int64_t case_id = 0;
  fut::Claim claim;
  std::vector<std::string> warnings;  // what eb cannot check of a written condition (its service)
};
// Raises a claim of `amount` on flag `id` on the nämnd's `decision`, under `ground` (SoL 33 kap.
// 1 §; 2 or 3 § on the written condition of decision `on_decision`), with its deadline (33 kap.
// 5 §), as a claim of the ledger. Throws NotFound (flag, decision), Conflict (open, no error, a
// claim already, overpayment, a decision without the condition the ground needs), InputError
// (amount not within what was paid, blank decision, a decision not of the flag's case and month).
FutClaimOutcome fut_claim(store::Database& db, const Context& ctx, std::int64_t id, money::Money amount,
                          std::string decision, decide::ClaimGround ground = decide::ClaimGround::wrongly_paid,
                          std::optional<std::int64_t> on_decision = std::nullopt);

struct FutWaiveOutcome {
  std::int64_t claim_id = 0;
  fut::Waiver waiver;
  money::Money outstanding;  // after the waiver
};
// Waives `amount` of flag `id`'s claim (eftergift, SoL 33 kap. 6 §). Throws NotFound, Conflict
// (no claim, nothing outstanding), InputError (more than outstanding, blank reason).
FutWaiveOutcome fut_waive(store::Database& db, const Context& ctx, std::int64_t id, money::Money amount,
                          std::string reason);

enum class DocumentFormat { text, html };

struct FutDocumentOutcome {
  std::string content;
  std::string sha256;
  std::vector<std::string> warnings;
};

struct PoliceReportRequest {
  DocumentFormat format = DocumentFormat::text;
  std::string contact;
  // What the investigation found wrongly paid; default the claim, else the amount at risk.
  std::optional<money::Money> wrongly_paid;
  bool sanction_fee_possible = false;
};
// The police report of flag `id` (bidragsbrottslagen 6 §), recorded as made. The sender is the
// payer's municipality and the user. Throws NotFound, Conflict (not closed as suspected-crime),
// InputError (nothing wrongly paid: give it).
FutDocumentOutcome fut_report_police(store::Database& db, const Context& ctx, std::int64_t id,
                                     const PoliceReportRequest& request);

struct NoticeRequest {
  fut::Authority authority = fut::Authority::fk;
  std::string recipient;
  std::string benefit;
  std::string circumstances;
  std::string contact;
  DocumentFormat format = DocumentFormat::text;
};
// The notice of flag `id` to another paying authority (lag 2008:206 3–4 §§), recorded as made.
// Throws NotFound, Conflict (no error found), InputError (blank benefit or circumstances).
FutDocumentOutcome fut_notify(store::Database& db, const Context& ctx, std::int64_t id, const NoticeRequest& request);

}  // namespace eb::flow
