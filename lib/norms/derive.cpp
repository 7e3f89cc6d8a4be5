// SPDX-License-Identifier: MIT
#include "norms/derive.hpp"

#include <algorithm>
#include <filesystem>

#include "common/error.hpp"
#include "common/text.hpp"

namespace eb::norms {

namespace {

// 128-bit intermediates: a ratio's numerator times another's denominator can pass 2^63.
__extension__ typedef __int128 Wide;

// -1, 0 or 1 as a is below, equal to or above b.
int compare(money::Ratio a, money::Ratio b) {
  const Wide l = static_cast<Wide>(a.num) * b.den;
  const Wide r = static_cast<Wide>(b.num) * a.den;
  return l < r ? -1 : (l > r ? 1 : 0);
}

}  // namespace

std::optional<std::string> index_problem(money::Ratio index) {
  if (index.num <= 0 || index.den <= 0) return std::string("must be positive");
  if (compare(index, k_index_min) < 0 || compare(index, k_index_max) > 0) {
    // The text spells out k_index_min and k_index_max.
    return std::string(
        "outside the plausible range 0.8–2.0 for a jämförelsetal (KPI excluding housing in June of the year "
        "before ÷ the same in June 2024, e.g. \"1.043\")");
  }
  return std::nullopt;
}

Money derived_amount(Money reference, money::Ratio index, money::Ratio uplift, money::Rounding rounding) {
  // One exact step: reference × (index.num × uplift.num) / (index.den × uplift.den), rounded once.
  return reference.scaled(index.num * uplift.num, index.den * uplift.den, rounding);
}

DerivedNorm derive_norm(const ReferenceValues& ref, const DeriveInput& in) {
  if (in.year < 1900 || in.year > 9999) {
    throw InputError("YEAR", std::to_string(in.year), "not a year (write e.g. 2027)");
  }
  if (auto why = index_problem(in.index)) throw InputError("--index", text::quoted(in.index.to_string()), *why);
  const period::Date first(in.year, 1, 1);
  const period::Date last(in.year, 12, 31);
  if (!ref.covers_year(in.year)) {
    throw NormError(ref.path + ": the referensvärden are valid " + ref.valid_from.to_string() + ".." +
                        (ref.valid_to ? ref.valid_to->to_string() : "") + ", not for all of " + std::to_string(in.year),
                    ExitCode::not_found);
  }
  const std::string year = std::to_string(in.year);
  const auto derive = [&](Money reference) { return derived_amount(reference, in.index, ref.uplift, ref.rounding); };

  DerivedNorm d;
  NormSet& n = d.norm;
  n.id = "riksnorm-" + year;
  n.title = "Riksnorm för försörjningsstöd " + year + " (preliminär)";
  n.valid_from = first;
  n.valid_to = last;
  n.status = NormStatus::preliminary;
  n.source = ref.source;
  n.rules = ref.rules;
  n.items = ref.items;
  n.single = derive(ref.single);
  n.couple = derive(ref.couple);
  for (const ChildBand& rb : ref.bands) {
    if (!rb.reference) {
      throw NormError(ref.path + ": child band " + rb.label + " has no referensvärde", ExitCode::invalid_input);
    }
    ChildBand b = rb;
    b.amount = derive(*rb.reference);
    if (rb.reference_without_lunch) b.without_lunch = derive(*rb.reference_without_lunch);
    n.bands.push_back(std::move(b));
  }
  for (const Money& c : ref.common) n.common.push_back(derive(c));

  Derivation dv;
  dv.index = in.index;
  dv.index_source = in.index_source;
  dv.uplift = ref.uplift;
  dv.rounding = ref.rounding;
  dv.reference_single = ref.single;
  dv.reference_couple = ref.couple;
  dv.reference_common = ref.common;
  dv.reference_id = ref.id;
  dv.reference_sha256 = ref.sha256;
  n.derivation = dv;

  // The large-household parameters in force: one period must cover the whole year, since a
  // norm file has one set of factors (a change within a year would need two files).
  std::string factors_sfs;
  for (const auto& p : ref.large_household) {
    const bool overlaps = p.valid_from <= last && (!p.valid_to || first <= *p.valid_to);
    if (!overlaps) continue;
    if (!p.covers(first) || !p.covers(last)) {
      throw NormError(ref.path + ":" + std::to_string(p.line) + ": the large-household factors change within " + year +
                          "; a norm file has one set of factors, so split the year into two norm files by hand",
                      ExitCode::invalid_input);
    }
    n.large_household = p.rule;
    factors_sfs = p.sfs;
  }

  // The prisbasbelopp: --prisbasbelopp, else the file's figure for the year.
  std::string pbb_note;
  if (in.prisbasbelopp) {
    if (in.prisbasbelopp->ore() <= 0 || in.prisbasbelopp->ore() % 100 != 0) {
      throw InputError("--prisbasbelopp", money::format_kr(*in.prisbasbelopp), "must be positive whole kronor");
    }
    n.prisbasbelopp = *in.prisbasbelopp;
    pbb_note = "prisbasbelopp " + money::format_kr(n.prisbasbelopp) + " given with --prisbasbelopp";
  } else {
    const auto it = std::find_if(ref.prisbasbelopp.begin(), ref.prisbasbelopp.end(),
                                 [&](const PrisbasbeloppYear& p) { return p.year == in.year; });
    if (it == ref.prisbasbelopp.end()) {
      throw InputError("--prisbasbelopp", "",
                       "required: " + ref.path + " has no [[prisbasbelopp]] for " + year +
                           " (give the year's prisbasbelopp in kronor)");
    }
    n.prisbasbelopp = it->amount;
    n.prisbasbelopp_sfs = it->sfs;
    pbb_note = (it->unconfirmed ? "UNCONFIRMED: " : "") + it->note;
  }

  // The statute references in force during the year, clipped to it.
  for (const StatuteRef& r : ref.refs) {
    if (r.valid_from > last || (r.valid_to && *r.valid_to < first)) continue;
    StatuteRef c = r;
    c.line = 0;
    c.valid_from = std::max(r.valid_from, first);
    if (c.valid_to && !(*c.valid_to < last)) c.valid_to.reset();
    n.refs.push_back(std::move(c));
  }

  const std::string index_text = in.index.to_string();
  n.source_note =
      "PRELIMINARY: derived by `eb norms derive`, not fixed by the government. Each amount = "
      "referensvärde (" +
      ref.id + ", SFS " + ref.sfs + ", prisnivå " + ref.price_level +
      ") × "
      "jämförelsetal " +
      index_text + " × " + ref.uplift.to_string() + ", " + std::string(money::rounding_name(ref.rounding)) +
      " (SoF (2025:468) 12 kap. 1 b §). Jämförelsetal: " +
      (in.index_source.empty() ? "an explicit input" : in.index_source) + ".";
  if (n.large_household) {
    n.source_note += " Minskningsbelopp factors " + n.large_household->factor_couple.to_string() + " / " +
                     n.large_household->factor_other.to_string() + " (SFS " + factors_sfs + ").";
  }
  n.source_note += " Prisbasbelopp: " + pbb_note + ".";

  d.header = {
      "Riksnorm för försörjningsstöd " + year + " — PRELIMINARY (status = \"preliminary\").",
      "Written by `eb norms derive " + year + " --index " + index_text + "` from the referensvärden " + ref.id +
          (ref.path.empty() ? "" : " (norms/reference/" + std::filesystem::path(ref.path).filename().string() + ")") +
          ".",
      "Every amount = referensvärde × jämförelsetal × " + ref.uplift.to_string() +
          ", rounded to the nearest 10 kr (SoF (2025:468) 12 kap. 1 b §).",
      "The government fixes the amounts in SoF 12 kap. 2 §; when it has, replace this file with them",
      "(status = \"official\", sfs = the amending act; see norms/README.md). Format: man/eb-norms.1.",
  };
  d.prisbasbelopp_comment = pbb_note.rfind("UNCONFIRMED", 0) == 0 ? "UNCONFIRMED stand-in: see source_note" : pbb_note;
  return d;
}

}  // namespace eb::norms
