// SPDX-License-Identifier: MIT
// FUT screening in the case store (schema v7): register imports, the screening input of a period
// read in a few ordered queries, flags unique by their evidence key, outcomes, FUT claims in the
// ledger's claim table, waivers and the documents made. Free functions over a Database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fut/follow_up.hpp"
#include "fut/registers.hpp"
#include "fut/screening.hpp"
#include "money/money.hpp"
#include "period/month_range.hpp"
#include "store/database.hpp"

namespace eb::store {

// One import of a register file.
struct FutImport {
  std::int64_t id = 0;
  std::string kind;  // "income" or "population"
  std::string file;
  std::string sha256;
  std::int64_t rows_read = 0;
  std::int64_t rows_added = 0;
  std::string imported_at;
  std::string imported_by;
};

struct FutImportResult {
  FutImport import;
  std::vector<std::size_t> added;  // the indices of the rows that were new, in file order
};

// Stores the rows of an income register file: each row not yet in the store (by its content
// key) is added; rows already there are not. The import itself is recorded with the file's name
// and SHA-256 and what it read and added, with one audit entry. Sets each row's import_id.
// All of it in the caller's transaction. Throws StoreError.
FutImportResult import_income_rows(Database& store, const std::string& file, const std::string& sha256,
                                   std::vector<fut::IncomeRow>& rows, const WriteContext& ctx);
// The same for a population register file.
FutImportResult import_population_rows(Database& store, const std::string& file, const std::string& sha256,
                                       std::vector<fut::PopulationRow>& rows, const WriteContext& ctx);
// Every import, oldest first.
std::vector<FutImport> fut_imports(const Database& store);

// What screening reads for `period`: each case-month with bistånd sent for it (net of returned
// payments, by the month the bistånd is for) with its applications, members, declared incomes
// (ref "A-12 income[2]"), what its current decisions grant, the claims on its decisions, the
// accounts paid to and its address; the income-register rows of the period's months; the
// population rows that give a date of death. A fixed number of ordered queries whatever the
// number of cases. Case-months come in the order of their first application (A-n). Throws
// StoreError.
fut::ScreeningInput screening_input(const Database& store, const period::MonthRange& period);

// A stored flag.
struct StoredFlag {
  std::int64_t id = 0;
  fut::Finding finding;
  std::int64_t first_run = 0;
  std::string run_period;
  std::string created_at;
  std::string created_by;
  std::optional<fut::Resolution> resolution;
  std::optional<std::int64_t> claim_id;
};

// The ids of the flags that hold the evidence keys of `findings`, in their order (nothing where
// none does).
std::vector<std::optional<std::int64_t>> flag_ids_of(const Database& store, const std::vector<fut::Finding>& findings);
// The number the next run that stores flags gets: one more than the last.
std::int64_t next_fut_run(const Database& store);
// Stores `findings` as new flags first seen in run `run` over `period` (text), each unless a
// flag holds its evidence key already; returns their ids (nothing for one already there). One
// audit entry per flag. Throws StoreError.
std::vector<std::optional<std::int64_t>> store_flags(Database& store, const std::vector<const fut::Finding*>& findings,
                                                     std::int64_t run, const std::string& period,
                                                     const WriteContext& ctx);

// Records in the audit log what run `run` (one that stored new flags) screened: `detail`.
void audit_fut_run(Database& store, std::int64_t run, const std::string& detail, const WriteContext& ctx);

struct FlagFilter {
  bool open_only = false;
  std::optional<std::string> rule;
};
// The flags that pass `filter`, newest first, each with its outcome and claim.
std::vector<StoredFlag> list_flags(const Database& store, const FlagFilter& filter);
// Flag `id`. Throws NotFound.
StoredFlag load_flag(const Database& store, std::int64_t id);

// Closes flag `id` with `r`. The schema refuses a second outcome (Conflict). One audit entry.
void store_outcome(Database& store, std::int64_t id, const fut::Resolution& r, const WriteContext& ctx);

// What the store knows about a case in a month, for a claim, a report or a notice.
struct CaseMonthFacts {
  money::Money paid;                             // sent for the month, net of returned payments
  std::optional<period::Date> first_paid_on;     // the earliest pay date of what was sent
  std::optional<period::Date> first_decided_on;  // the earliest decision of the month's applications
  std::optional<std::int64_t> application_id;    // the month's application (not a supplement, if any)
  std::string address;
  struct Member {
    std::string pnr;  // 12 digits
    std::string name;
  };
  std::vector<Member> members;
};
// Throws StoreError.
CaseMonthFacts case_month_facts(const Database& store, std::int64_t case_id, period::Month month);

// A FUT claim with what has happened to its money.
struct FlagClaim {
  std::int64_t id = 0;  // K-n
  fut::Claim claim;
  fut::ClaimBalance balance;
};
// Stores `claim` on flag `flag` (of `case_id` and `month`, on `application_id`) as a claim of
// the ledger (no decision; reason "FUT F-n …"), with its deadline. Returns the claim id. The
// schema refuses a second claim on a flag, or one on a flag not closed as error or suspected
// crime (Conflict). One audit entry.
std::int64_t store_fut_claim(Database& store, const StoredFlag& flag, const fut::Claim& claim,
                             std::optional<std::int64_t> application_id, const WriteContext& ctx);
// The claim of flag `flag_id`, if any, with what is repaid and waived of it.
std::optional<FlagClaim> flag_claim(const Database& store, std::int64_t flag_id);

// A follow-up record of a flag.
struct FollowUp {
  std::int64_t id = 0;
  std::string kind;  // "police-report", "notice" or "waiver"
  std::optional<std::int64_t> claim_id;
  std::optional<money::Money> amount;
  std::string authority;  // a notice's: "FK", …
  std::string recipient;
  std::string detail;  // a waiver's reason, a notice's benefit, a document's format
  std::string statute;
  std::string sha256;  // of a document
  period::Date on{1970, 1, 1};
  std::string created_at;
  std::string created_by;
};
// Records `w` on the claim of flag `flag_id`. The schema refuses more than is outstanding. One
// audit entry. Returns the record's id.
std::int64_t store_waiver(Database& store, std::int64_t flag_id, std::int64_t claim_id, const fut::Waiver& w,
                          const WriteContext& ctx);
// Records that a document (kind "police-report" or "notice") was made on flag `flag_id`, and its
// SHA-256. One audit entry. Returns the record's id.
std::int64_t store_document(Database& store, std::int64_t flag_id, const FollowUp& record, const WriteContext& ctx);
// The follow-up records of flag `flag_id`, oldest first.
std::vector<FollowUp> follow_ups(const Database& store, std::int64_t flag_id);

}  // namespace eb::store
