// SPDX-License-Identifier: MIT
// What the two parts of eb pay share (pay.cpp: batches, files, returns, the ledger;
// pay_claims.cpp: claims and repayments): the options, their readers and how a leaf is
// registered and shows what it recorded.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "command.hpp"
#include "common/ids.hpp"
#include "period/date.hpp"
#include "record_shown.hpp"

namespace eb::cli {

struct PayOptions {
  std::string id;  // BATCH-ID, PAYMENT-ID or CASE-ID
  std::string date;
  std::string month;
  bool hold_invalid = false;
  std::string reason;
  std::string amount;
  std::string claim;
  std::string period;
  std::string ground, decision;
};

// The id of `kind` in `text`. Throws InputError naming `field`, with `example` (B-3).
std::int64_t id_of(const std::string& text, IdKind kind, const char* field, const char* example);
// --date, or today without one. Throws InputError naming --date.
period::Date date_or_today(const PayOptions& opt, const Run& run);

using PayRun = void (*)(const PayOptions&, Run&);
// Registers `sub` to run `fn` on the shared options with `formats` (-O, -o; a payment file
// format first makes -o required).
Leaf& add_pay_leaf(CommandTable& table, const std::shared_ptr<PayOptions>& opt, CLI::App* sub, Access access, PayRun fn,
                   std::vector<Format> formats);

// Adds repayment and claim to `cmd` (eb pay).
void add_pay_claim_commands(CLI::App* cmd, CommandTable& table, const std::shared_ptr<PayOptions>& opt);

}  // namespace eb::cli
