// SPDX-License-Identifier: MIT
// The two FUT register files (fut.md): the income register (SSBTEK-style payments from other
// authorities) and the population register (address, date of death), parsed and validated.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assess/application.hpp"
#include "common/csv.hpp"
#include "fut/content_key.hpp"
#include "money/money.hpp"
#include "period/date.hpp"
#include "period/month.hpp"
#include "person/personnummer.hpp"

namespace eb::fut {

using money::Money;

// Who paid: the bodies that give the social board data (SoL 2025:400 15 kap. 10–12 §§;
// förordning 2008:975 2–7 §§), as the register's `source` column names them.
enum class Source { fk, csn, pm, akassa, af, skv };
inline constexpr std::size_t k_source_count = 6;

// "FK", "CSN", "PM", "AKASSA", "AF", "SKV".
std::string_view source_code(Source s);
// "Försäkringskassan", "Centrala studiestödsnämnden", …
std::string_view source_name(Source s);
// The source with code `code` (exactly as source_code writes it), if any.
std::optional<Source> source_from(std::string_view code);

// One row of the income register: `pnr` was paid `amount` of `kind` by `source` on `paid_on`,
// for `month`.
struct IncomeRow {
  person::Personnummer pnr;
  period::Month month{2000, 1};
  Source source = Source::fk;
  assess::IncomeKind kind = assess::IncomeKind::other;
  Money amount;
  period::Date paid_on{1970, 1, 1};
  // The row's identity (income_row_key): equal for the same row in any file.
  ContentKey key;
  // Where it came from: the store's import id (0 before import) and the line in that file.
  std::int64_t import_id = 0;
  long line = 0;
};

// One row of the population register: `pnr` lives at `address` (as written; may be empty when
// unknown) and died on `deceased_on`, if set.
struct PopulationRow {
  person::Personnummer pnr;
  std::string address;
  std::optional<period::Date> deceased_on;
  ContentKey key;  // population_row_key
  std::int64_t import_id = 0;
  long line = 0;
};

// The header columns, in the order the formats give them (any order is read).
inline constexpr std::array<std::string_view, 6> k_income_columns{"pnr",  "month",  "source",
                                                                  "kind", "amount", "paid_on"};
inline constexpr std::array<std::string_view, 3> k_population_columns{"pnr", "address", "deceased_on"};

// Rows above this amount are refused as implausible (and so sums cannot overflow).
inline constexpr Money k_max_register_amount = Money::from_kr(10'000'000);

// The content key of an income row: SHA-256 of
//   "income|PNR12|YYYY-MM|SOURCE|kind|ÖRE|YYYY-MM-DD"
// (PNR12 = the 12 digits, ÖRE = the amount in öre, so "4200" and "4 200,00" are the same row),
// with "|N" appended for the N-th (N ≥ 2) identical row of one file. Hence importing a file
// twice adds nothing; a row in two files counts once; and a file that holds a payment twice
// (two identical rows) keeps both, since the second has its own key. A corrected row (another
// amount or date) is a new row; the old one stays until the store withdraws it.
ContentKey income_row_key(const IncomeRow& row, int occurrence = 1);
// The content key of a population row: SHA-256 of "population|PNR12|ADDRESS|YYYY-MM-DD" (the
// address as written, the date empty when alive). A new address or date is a new row.
ContentKey population_row_key(const PopulationRow& row);

// Parses an income register file (header `pnr,month,source,kind,amount,paid_on`, RFC 4180,
// UTF-8). `file` names it in messages. Every row is validated like an application: pnr with
// check digit (samordningsnummer too), month YYYY-MM, source and kind from their lists, amount in
// kronor (money::parse_money), not negative, at most k_max_register_amount, paid_on a date.
// Throws InputError with every problem (file, line, field, value) — an empty file, a missing,
// unknown or duplicate header column, a missing or extra field, a quoted field left open, bad
// UTF-8 — so a bad file is refused whole. Rows come back in file order with keys, line set.
std::vector<IncomeRow> parse_income_register(std::string_view text, const std::string& file,
                                             const csv::Limits& limits = {});

// Parses a population register file (header `pnr,address,deceased_on`). Validated as above;
// also refused: a pnr that appears twice in the file, a date of death before the birth date
// the pnr gives, and control characters in the address other than line breaks and tabs.
std::vector<PopulationRow> parse_population_register(std::string_view text, const std::string& file,
                                                     const csv::Limits& limits = {});

// What an income import holds, for its summary: rows, per source, months, total amount.
struct IncomeSummary {
  std::size_t rows = 0;
  std::array<std::size_t, k_source_count> by_source{};  // indexed by Source
  std::optional<period::Month> first_month;
  std::optional<period::Month> last_month;
  Money total;
};
IncomeSummary summarize(const std::vector<IncomeRow>& rows);

// What a population import holds: rows, and how many of them carry a date of death.
struct PopulationSummary {
  std::size_t rows = 0;
  std::size_t deceased = 0;
};
PopulationSummary summarize(const std::vector<PopulationRow>& rows);

}  // namespace eb::fut
