// SPDX-License-Identifier: MIT
// The payment file of a batch: an ISO 20022 pain.001.001.03 credit transfer message, and CSV.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "money/money.hpp"
#include "pay/bank_account.hpp"
#include "period/date.hpp"

namespace eb::pay {

// The paying organisation and its account, from configuration.
struct Debtor {
  std::string name;
  // Spaces are allowed ("SE45 5000 0000 0583 9825 7466"); the file gets it without them.
  std::string iban;
  std::string bic;
  // The organisationsnummer, "212000-2080" or "2120002080".
  std::string org_number;
};

// One payment to one recipient.
struct Transfer {
  // Unique within the file (at most 35 characters); it comes back in the bank's reports.
  std::string end_to_end_id;
  money::Money amount;
  std::string creditor_name;
  // The recipient's own account; nothing means payment by avi (utbetalningsavi), which the
  // bank sends to `creditor_address`.
  std::optional<BankAccount> account;
  // Lines separated by '\n' (or, on one line, by ','): "Storgatan 1\n791 71 Falun". Written
  // to the files only for a payment by avi, where the bank needs it.
  std::string creditor_address;
  // Shown to the recipient, e.g. "Försörjningsstöd 2026-03"; may be empty.
  std::string remittance;
};

// A payment batch as one file: one debtor account, one execution date.
struct PaymentFile {
  // Unique per file (at most 35 characters).
  std::string message_id;
  // When the file was made, as an ISO 8601 date and time: "2026-03-20T14:05:00" (lib has no clock).
  std::string created_at;
  period::Date execution_date;
  Debtor debtor;
  std::vector<Transfer> transfers;
};

// The lines of a postal address, trimmed, blank ones left out: split at newlines, or at commas
// when written on one line ("Storgatan 1, 791 71 Falun").
std::vector<std::string> address_lines(std::string_view address);

// Every problem with `debtor` (name, IBAN with its modulus-97 check, BIC, organisationsnummer
// with its check digit), each naming its field as "debtor.iban" etc.; empty if it is usable.
std::vector<Problem> debtor_problems(const Debtor& debtor);

// The pain.001.001.03 XML: one PmtInf (TRF), one CdtTrfTxInf per transfer (an account by SESBA
// clearing and BBAN; an avi by postal address), control sums from whole öre. Throws InputError
// listing every problem: no transfers, amount <= 0, duplicate id, bad text, IBAN, BIC, org.nr, time.
std::string write_pain001(const PaymentFile& file);

// The same transfers as CSV (RFC 4180: comma, CRLF, quotes where needed), one header row and
// one row per transfer, amounts as "1234.50", the address only for avi rows. Throws
// InputError as write_pain001 does.
std::string write_payment_csv(const PaymentFile& file);

}  // namespace eb::pay
