// SPDX-License-Identifier: MIT
// What the two halves of eb fut-check share (fut_check.cpp: import and screening;
// fut_check_follow_up.cpp: a flag's outcome and its follow-up): the options, their readers and
// the registration of a leaf.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "command.hpp"
#include "money/money.hpp"

namespace eb::cli {

struct FutOptions {
  std::string flag;  // FLAG-ID
  std::string income, population;
  std::string file_text;  // the register file, read before the store is opened
  std::string period;
  std::vector<std::string> rules;
  std::vector<std::string> params;
  std::string tolerance;
  std::string rule;
  bool open = false, show_pnr = false, sanction_fee = false;
  std::string outcome, note, amount, decision, reason, contact;
  std::string ground = "wrongly-paid", on_decision;
  std::string authority, recipient, benefit, circumstances;
};

// The flag id of FLAG-ID (F-7). Throws InputError naming FLAG-ID.
std::int64_t flag_of(const FutOptions& opt);
// --amount in kronor, more than 0 kr. Throws InputError naming --amount.
money::Money amount_of(const FutOptions& opt);

// Registers `sub` to run `fn` on the shared options, with `formats` when it prints a result
// in more than one (CommandTable::with_output).
Leaf& add_fut_leaf(CommandTable& table, const std::shared_ptr<FutOptions>& opt, CLI::App* sub, Access access,
                   void (*fn)(const FutOptions&, Run&), std::vector<Format> formats = {});
// The required FLAG-ID argument of `sub`.
void add_flag_argument(CLI::App* sub, FutOptions& opt);

// Adds resolve, claim, waive, report-police and notify to `cmd` (eb fut-check).
void add_fut_follow_up_commands(CLI::App* cmd, CommandTable& table, const std::shared_ptr<FutOptions>& opt);

}  // namespace eb::cli
