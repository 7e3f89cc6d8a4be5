// SPDX-License-Identifier: MIT
#include "demo/registers.hpp"

#include <cstdint>

namespace eb::demo {

namespace {

// "5400", or "5400.50" with öre.
std::string kronor_text(money::Money m) {
  const bool negative = m.is_negative();
  const std::int64_t ore = negative ? -m.ore() : m.ore();
  std::string out = (negative ? "-" : "") + std::to_string(ore / 100);
  if (ore % 100 != 0) {
    out += '.';
    out += static_cast<char>('0' + ore % 100 / 10);
    out += static_cast<char>('0' + ore % 10);
  }
  return out;
}

}  // namespace

std::string_view source_name(RegisterSource s) {
  switch (s) {
    case RegisterSource::fk:
      return "FK";
    case RegisterSource::csn:
      return "CSN";
    case RegisterSource::pm:
      return "PM";
    case RegisterSource::akassa:
      return "AKASSA";
    case RegisterSource::af:
      return "AF";
    case RegisterSource::skv:
      return "SKV";
  }
  return "?";
}

std::optional<RegisterSource> source_of(assess::IncomeKind kind) {
  using assess::IncomeKind;
  switch (kind) {
    case IncomeKind::salary:
    case IncomeKind::tax_refund:
      return RegisterSource::skv;
    case IncomeKind::barnbidrag:
    case IncomeKind::bostadsbidrag:
    case IncomeKind::underhallsstod:
    case IncomeKind::sjukpenning:
    case IncomeKind::sjukersattning:
    case IncomeKind::aktivitetsersattning:
    case IncomeKind::aktivitetsstod:  // decided by Arbetsförmedlingen, paid by Försäkringskassan
    case IncomeKind::etableringsersattning:
    case IncomeKind::foraldrapenning:
    case IncomeKind::flerbarnstillagg:
    case IncomeKind::vardbidrag:
    case IncomeKind::omvardnadsbidrag:
      return RegisterSource::fk;
    case IncomeKind::studiebidrag:
    case IncomeKind::csn:
      return RegisterSource::csn;
    case IncomeKind::a_kassa:
      return RegisterSource::akassa;
    case IncomeKind::pension:
    case IncomeKind::bostadstillagg:  // to pensioners (BTP); FK pays it with sjukersättning
      return RegisterSource::pm;
    case IncomeKind::self_employment:
    case IncomeKind::swish_deposit:
    case IncomeKind::underhallsbidrag:  // paid by the other parent, in no register
    case IncomeKind::other:
      return std::nullopt;
  }
  return std::nullopt;
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string income_register_header() {
  return "pnr,month,source,kind,amount,paid_on\r\n";
}

std::string income_register_line(const IncomeRow& row) {
  return row.pnr.formatted() + "," + row.month.to_string() + "," + std::string(source_name(row.source)) + "," +
         std::string(assess::income_kind_name(row.kind)) + "," + kronor_text(row.amount) + "," +
         row.paid_on.to_string() + "\r\n";
}

std::string population_header() {
  return "pnr,address,deceased_on\r\n";
}

std::string population_line(const PopulationRow& row) {
  return row.pnr.formatted() + "," + csv_field(row.address) + "," +
         (row.deceased_on ? row.deceased_on->to_string() : std::string()) + "\r\n";
}

}  // namespace eb::demo
