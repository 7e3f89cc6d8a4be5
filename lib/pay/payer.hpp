// SPDX-License-Identifier: MIT
// The payer: the municipality's name and account that payment files are drawn on, from a TOML
// configuration file (norms/local/payer.toml; norms/local/payer.example.toml shows the format).
#pragma once

#include <string>
#include <string_view>

#include "pay/payment_file.hpp"

namespace eb::pay {

struct Payer {
  Debtor debtor;
  // "example" (a format example, not a real account: eb warns) or "adopted".
  std::string status;
  // Where the figures come from (a decision, the bank agreement).
  std::string source;
  // The file it was read from.
  std::string file;

  bool is_example() const { return status == "example"; }
};

// Parses a payer file: status, source, name, iban, bic and org_number, nothing else. Throws
// InputError listing every problem with file, line, field and value: a missing or unknown key,
// a status other than "example" or "adopted", an invalid IBAN, BIC or organisationsnummer.
Payer parse_payer(std::string_view text, const std::string& file);

}  // namespace eb::pay
