// SPDX-License-Identifier: MIT
#include "norms/norm_writer.hpp"

#include <cstdio>

namespace eb::norms {

namespace {

// A TOML basic string: quotes, backslashes and control characters escaped.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (ch == '\n') {
      out += "\\n";
    } else if (ch == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

// Whole kronor as a TOML integer, else a string with öre ("8200.50").
std::string amount(Money m) {
  const std::int64_t ore = m.ore();
  if (ore % 100 == 0) return std::to_string(ore / 100);
  const std::int64_t abs = ore < 0 ? -ore : ore;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02lld", static_cast<long long>(abs % 100));
  return std::string("\"") + (ore < 0 ? "-" : "") + std::to_string(abs / 100) + "." + buf + "\"";
}

std::string amounts(const std::vector<Money>& list) {
  std::string out = "[";
  for (std::size_t i = 0; i < list.size(); ++i) out += (i ? ", " : "") + amount(list[i]);
  return out + "]";
}

std::string strings(const std::vector<std::string>& list) {
  std::string out = "[";
  for (std::size_t i = 0; i < list.size(); ++i) out += (i ? ", " : "") + quoted(list[i]);
  return out + "]";
}

std::string ratio(money::Ratio r) {
  return quoted(r.to_string());
}

std::string rounding(money::Rounding r) {
  return quoted(std::string(money::rounding_name(r)));
}

// `line` padded to column 31 and followed by "# comment" (2026.toml's layout).
std::string commented(const std::string& line, const std::string& comment) {
  if (comment.empty()) return line + "\n";
  std::string out = line;
  while (out.size() < 31) out += ' ';
  return out + "# " + comment + "\n";
}

}  // namespace

std::string format_norm_toml(const DerivedNorm& d) {
  const NormSet& n = d.norm;
  std::string o;
  for (const auto& h : d.header) o += "# " + h + "\n";
  o += "id = " + quoted(n.id) + "\n";
  o += "title = " + quoted(n.title) + "\n";
  o += "valid_from = " + n.valid_from.to_string() + "\n";
  o += "valid_to = " + n.valid_to.to_string() + "\n";
  o += commented("status = " + quoted(std::string(status_name(n.status))),
                 "official | municipal | derived | estimate | preliminary");
  if (n.sfs.empty()) {
    o += "# sfs: none — no act has fixed these amounts yet (SoF 12 kap. 2 §)\n";
  } else {
    o += commented("sfs = " + quoted(n.sfs), "the amending act that set these amounts");
  }
  o += "source = " + quoted(n.source) + "\n";
  o += "source_note = " + quoted(n.source_note) + "\n";
  o += commented("prisbasbelopp = " + amount(n.prisbasbelopp), d.prisbasbelopp_comment);
  if (!n.prisbasbelopp_sfs.empty()) o += "prisbasbelopp_sfs = " + quoted(n.prisbasbelopp_sfs) + "\n";
  if (!n.items.empty()) {
    o += "# What the norm covers, as the act words it (from 2027 \"internet och telefoni\" replaces\n"
         "# \"dagstidning och telefon\", SoL 12 kap. 7 §; SoF 12 kap. 3 a §).\n";
    o += "items = " + strings(n.items) + "\n";
  }

  const NormRules& r = n.rules;
  o += "\n[rules]\n";
  o += "# Age in completed years on the last day of the month applied for.\n";
  o += "child_age_at = \"end_of_month\"\n";
  o += "# UNCONFIRMED: the day a person born on 29 February completes a year in a non-leap year.\n";
  o +=
      commented(std::string("leap_day_birthday = ") + (r.leap_day_on_feb28 ? "\"feb28\"" : "\"mar1\""), "mar1 | feb28");
  o += "part_month_days = " + std::to_string(r.part_month_days) + "\n";
  o += "part_month_rounding = " + rounding(r.part_month_rounding) + "\n";
  o += "# UNCONFIRMED (rules-reference.md §1.4): rounding of the common-cost share with housemates.\n";
  o += "common_share_rounding = " + rounding(r.common_share_rounding) + "\n";
  o += "payable_rounding = " + rounding(r.payable_rounding) + "\n";
  o += "jobbstimulans_percent = " + std::to_string(r.jobbstimulans_percent) + "\n";
  o += "jobbstimulans_qualifying_months = " + std::to_string(r.jobbstimulans_qualifying_months) + "\n";
  o += "jobbstimulans_duration_months = " + std::to_string(r.jobbstimulans_duration_months) + "\n";
  o += "# Jobbstimulans applies to employment income only (\"inkomster av anställning\").\n";
  o += "jobbstimulans_income_kinds = " + strings(r.jobbstimulans_income_kinds) + "\n";
  o += "# Children's earnings from work are not counted up to this many prisbasbelopp per calendar year.\n";
  o += "children_earnings_limit_pbb = " + std::to_string(r.children_earnings_limit_pbb) + "\n";
  if (r.jobbstimulans_from) o += "jobbstimulans_income_from = " + quoted(r.jobbstimulans_from->to_string()) + "\n";
  o += "# A child aged 18–20 counts only while in school (SoL 12 kap. 9 §; FB 7 kap. 1 §). UNCONFIRMED:\n";
  o += "# in the month of the 18th birthday, the age at its end (end_of_month) or at its start.\n";
  o += "in_school_from_age = " + std::to_string(r.in_school_from_age) + "\n";
  o += std::string("in_school_age_at = ") + (r.in_school_age_on_first_day ? "\"start_of_month\"" : "\"end_of_month\"") +
       "  # end_of_month | start_of_month\n";
  o += "# UNCONFIRMED (not in the domain sources): barnbidrag is paid for children under this age; a\n";
  o += "# household with such a child and no barnbidrag declared gets a warning.\n";
  o += "barnbidrag_below_age = " + std::to_string(r.barnbidrag_below_age) + "\n";
  o += "# Income kinds not counted (none: every income counts, SoL 12 kap. 1 §). UNCONFIRMED: omvardnadsbidrag\n";
  o += "# (from 2019) is counted like the taxable part of vårdbidrag (rules-reference.md §3.1).\n";
  o += "income_not_counted = " + strings(r.income_not_counted) + "\n";

  const auto ref_comment = [](const std::optional<Money>& m) {
    return m ? "referensvärde " + money::format_kr(*m) : std::string();
  };
  const std::optional<Money> ref_single =
      n.derivation ? std::optional<Money>(n.derivation->reference_single) : std::nullopt;
  const std::optional<Money> ref_couple =
      n.derivation ? std::optional<Money>(n.derivation->reference_couple) : std::nullopt;
  o += "\n[adults]\n";
  o += commented("single = " + amount(n.single), "ensamstående" + (ref_single ? "; " + ref_comment(ref_single) : ""));
  o += commented("couple = " + amount(n.couple),
                 "gifta eller sambor, both together" + (ref_couple ? "; " + ref_comment(ref_couple) : ""));

  for (const ChildBand& b : n.bands) {
    o += "\n[[child_band]]\n";
    o += "label = " + quoted(b.label) + "\n";
    o += "min_age = " + std::to_string(b.min_age) + "\n";
    o += "max_age = " + std::to_string(b.max_age) + "\n";
    o += "amount = " + amount(b.amount) + "\n";
    if (b.without_lunch) o += commented("without_lunch = " + amount(*b.without_lunch), "utan lunch 5 dagar/vecka");
    if (b.without_lunch_unconfirmed) o += "without_lunch_status = \"unconfirmed\"\n";
    if (b.reference) o += commented("reference = " + amount(*b.reference), "SoF 12 kap. 1 a §");
    if (b.reference_without_lunch) o += "reference_without_lunch = " + amount(*b.reference_without_lunch) + "\n";
  }

  o += "\n[common]\n";
  o += "# Gemensamma hushållskostnader for 1..7 persons. Beyond 7, each person adds hh7 − hh6\n"
       "# (SoF 12 kap. 3 §).\n";
  o += "amounts = " + amounts(n.common) + "\n";

  if (n.large_household) {
    const LargeHousehold& lh = *n.large_household;
    o += "\n# Minskningsbelopp for more than three children (SoL 12 kap. 7 a §; SoF 12 kap. 3 b–3 c §§):\n"
         "# the personal costs of ages 0–20 (1–5 at the utan-lunch amount) averaged, × the factor,\n"
         "# rounded down to 10 kr, per child beyond three (a child in växelvis boende counts 0.5).\n";
    o += "[large_household]\n";
    o += "above_children = " + std::to_string(lh.above_children) + "\n";
    o += commented("factor_couple = " + ratio(lh.factor_couple), "gifta eller sambor");
    o += commented("factor_other = " + ratio(lh.factor_other), "övriga hushåll");
    o += "average_min_age = " + std::to_string(lh.average_min_age) + "\n";
    o += "average_max_age = " + std::to_string(lh.average_max_age) + "\n";
    o += "without_lunch_min_age = " + std::to_string(lh.without_lunch_min_age) + "\n";
    o += "without_lunch_max_age = " + std::to_string(lh.without_lunch_max_age) + "\n";
    o += "rounding = " + rounding(lh.rounding) + "\n";
  }

  if (n.derivation) {
    const Derivation& dv = *n.derivation;
    o += "\n# How the amounts were derived (SoF 12 kap. 1 b §): `eb norms check` recomputes every amount.\n";
    o += "[derivation]\n";
    o += commented("index = " + ratio(dv.index), "jämförelsetal");
    if (!dv.index_source.empty()) o += "index_source = " + quoted(dv.index_source) + "\n";
    o += "uplift = " + ratio(dv.uplift) + "\n";
    o += "rounding = " + rounding(dv.rounding) + "\n";
    o += "reference_single = " + amount(dv.reference_single) + "\n";
    o += "reference_couple = " + amount(dv.reference_couple) + "\n";
    o += "reference_common = " + amounts(dv.reference_common) + "\n";
    if (!dv.reference_id.empty()) o += "reference_id = " + quoted(dv.reference_id) + "\n";
    if (!dv.reference_sha256.empty()) o += "reference_sha256 = " + quoted(dv.reference_sha256) + "\n";
  }

  o += "\n# Statute references, dated: an assessment cites the one valid on the first day of its month.\n";
  for (const StatuteRef& ref : n.refs) {
    o += "[[ref]]\n";
    o += "key = " + quoted(ref.key) + "\n";
    o += "text = " + quoted(ref.text) + "\n";
    o += "valid_from = " + ref.valid_from.to_string() + "\n";
    if (ref.valid_to) o += "valid_to = " + ref.valid_to->to_string() + "\n";
  }
  return o;
}

}  // namespace eb::norms
