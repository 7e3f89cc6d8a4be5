// SPDX-License-Identifier: MIT
// The register rows the demo district comes with (fut.md: the income register and the
// population register, as SSBTEK-style CSV files) and their CSV text (RFC 4180).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "assess/application.hpp"
#include "money/money.hpp"
#include "period/date.hpp"
#include "period/month.hpp"
#include "person/personnummer.hpp"

namespace eb::demo {

// Who paid the income (fut.md): Försäkringskassan, CSN, Pensionsmyndigheten, an a-kassa,
// Arbetsförmedlingen, Skatteverket (employers' monthly returns).
enum class RegisterSource { fk, csn, pm, akassa, af, skv };
// "FK", "CSN", "PM", "AKASSA", "AF", "SKV".
std::string_view source_name(RegisterSource s);
// The authority that pays income of `kind`, or nothing for income no register holds
// (self-employment, Swish deposits, other).
std::optional<RegisterSource> source_of(assess::IncomeKind kind);

// One row of the income register: `amount` paid to `pnr`, concerning `month`.
struct IncomeRow {
  person::Personnummer pnr;
  period::Month month{2000, 1};
  RegisterSource source = RegisterSource::fk;
  assess::IncomeKind kind = assess::IncomeKind::salary;
  money::Money amount;
  period::Date paid_on{2000, 1, 1};
};

// One row of the population register: the folkbokföringsadress, and the date of death if any.
struct PopulationRow {
  person::Personnummer pnr;
  std::string address;
  std::optional<period::Date> deceased_on;
};

// `s` as one CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a quote
// or a line break.
std::string csv_field(std::string_view s);

// "pnr,month,source,kind,amount,paid_on" and CRLF.
std::string income_register_header();
// One row: "19850312-2387,2026-03,FK,sjukpenning,5400,2026-03-25" and CRLF. The amount is in
// kronor, with two decimals only when it has öre.
std::string income_register_line(const IncomeRow& row);
// "pnr,address,deceased_on" and CRLF.
std::string population_header();
// One row; the address quoted (it holds a comma), deceased_on empty for the living.
std::string population_line(const PopulationRow& row);

}  // namespace eb::demo
