// SPDX-License-Identifier: MIT
// Swedish bank account numbers (clearing number + account number), checked by the banks' rules.
#pragma once

#include <string>
#include <string_view>

namespace eb::pay {

// A validated Swedish bank account, per Bankgirot's "Bankernas kontonummer": the clearing
// number says which bank, and the bank's type and comment say how long the account number
// is and how its check digit is computed.
struct BankAccount {
  // Digits only: 4, or 5 for Swedbank's 8xxx-x, whose fifth digit checks the first four.
  std::string clearing;
  // Digits only, at the bank's full length: Handelsbanken's 9 and Swedbank 8xxx-x's and
  // Plusgirot's 10 digits are padded with leading zeros.
  std::string number;
  // The bank's name, e.g. "Swedbank".
  std::string bank;

  // "8327-9, 0123456789" or "5000, 1234567"; parse_bank_account reads it back.
  std::string formatted() const;
  // The formatted text with every digit but the last four shown as 'X': "XXXX, XXX4567". A
  // Nordea personkonto (3300, 3782) shows no digit at all: its number is a personnummer.
  std::string masked() const;
  // The 4-digit clearing number followed by the account number, as payment files take it
  // (Swedbank's fifth clearing digit is left out): "83270123456789".
  std::string bban() const;
  // True for a Nordea personkonto, whose account number is the holder's personnummer.
  bool is_personkonto() const { return clearing == "3300" || clearing == "3782"; }

  bool operator==(const BankAccount&) const = default;
};

// Parses "8327-9 123 456 789-0", "8327-9, 123 456 789-0", "5000 1234567": digits, with spaces,
// '-', ',' and '.' between. Throws InputError naming `field` and `text` for another character, an
// unknown clearing number, the wrong length for that bank, or a wrong check digit.
BankAccount parse_bank_account(std::string_view text, std::string_view field);

}  // namespace eb::pay
