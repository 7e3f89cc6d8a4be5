// SPDX-License-Identifier: MIT
#include "norms/norm_diff.hpp"

#include <algorithm>

#include "common/text.hpp"

namespace eb::norms {

namespace {

using money::format_kr;

std::string band_span(const ChildBand& b) {
  return b.min_age == b.max_age ? std::to_string(b.min_age)
                                : std::to_string(b.min_age) + "–" + std::to_string(b.max_age);
}

bool same_span(const ChildBand& x, const ChildBand& y) {
  return x.min_age == y.min_age && x.max_age == y.max_age;
}

bool same_structure(const NormSet& a, const NormSet& b) {
  if (a.bands.size() != b.bands.size()) return false;
  for (std::size_t i = 0; i < a.bands.size(); ++i) {
    if (!same_span(a.bands[i], b.bands[i])) return false;
  }
  return true;
}

// The band of `n` with the same ages as `x`, or nullptr.
const ChildBand* same_band(const NormSet& n, const ChildBand& x) {
  for (const auto& b : n.bands) {
    if (same_span(b, x)) return &b;
  }
  return nullptr;
}

// The bands of `n` that hold any of the ages of `x`, in age order.
std::vector<const ChildBand*> overlapping(const NormSet& n, const ChildBand& x) {
  std::vector<const ChildBand*> out;
  for (const auto& b : n.bands) {
    if (b.max_age >= x.min_age && b.min_age <= x.max_age) out.push_back(&b);
  }
  return out;
}

std::string spans(const std::vector<const ChildBand*>& bands) {
  std::string out;
  for (const auto* b : bands) out += (out.empty() ? "" : ", ") + band_span(*b);
  return out.empty() ? "" : out + " år";
}

std::string all_spans(const NormSet& n) {
  std::vector<const ChildBand*> bands;
  for (const auto& b : n.bands) bands.push_back(&b);
  return spans(bands);
}

std::string joined(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& s : list) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::optional<Money> opt(const ChildBand* b, std::optional<Money> ChildBand::*field) {
  return b ? b->*field : std::nullopt;
}

class Differ {
 public:
  explicit Differ(std::vector<NormChange>& out) : m_out(out) {}

  void amount(const std::string& item, std::optional<Money> a, std::optional<Money> b) {
    if (a == b) return;
    NormChange c{item, a ? format_kr(*a) : "—", b ? format_kr(*b) : "—", std::nullopt, true, a, b};
    if (a && b) c.difference = *b - *a;
    m_out.push_back(std::move(c));
  }
  void text(const std::string& item, const std::string& a, const std::string& b) {
    if (a != b)
      m_out.push_back(NormChange{item, a.empty() ? "—" : a, b.empty() ? "—" : b, std::nullopt, false, {}, {}});
  }
  void number(const std::string& item, int a, int b) { text(item, std::to_string(a), std::to_string(b)); }

 private:
  std::vector<NormChange>& m_out;
};

std::string refs_text(const NormSet& n, const std::string& key) {
  std::string out;
  for (const auto& r : n.refs) {
    if (r.key != key) continue;
    if (!out.empty()) out += " | ";
    out += r.text;
    if (r.valid_from != n.valid_from) out += " (from " + r.valid_from.to_string() + ")";
    if (r.valid_to) out += " (to " + r.valid_to->to_string() + ")";
  }
  return out;
}

std::string rounding_text(money::Rounding r) {
  return std::string(money::rounding_name(r));
}

// Bands that differ between `a` and `b`: the structure on one line, then each band that was
// split or merged away and each new band with the bands its ages came from, then every age.
void diff_structure(Differ& d, const NormSet& a, const NormSet& b) {
  d.text("child bands (structure)", "bands " + all_spans(a), "bands " + all_spans(b));
  for (const auto& x : a.bands) {
    if (same_band(b, x)) continue;
    const auto into = overlapping(b, x);
    const std::string how = into.size() > 1 ? "split" : "merged";
    d.text("child band " + band_span(x) + " år (" + how + ")", band_span(x) + " år",
           into.empty() ? "" : (how == "split" ? "split into " : "merged into ") + spans(into));
  }
  for (const auto& y : b.bands) {
    if (same_band(a, y)) continue;
    d.text("child band " + band_span(y) + " år (new)", spans(overlapping(a, y)), band_span(y) + " år");
  }
  for (int age = 0; age <= 20; ++age) {
    const ChildBand* x = a.band_for_age(age);
    const ChildBand* y = b.band_for_age(age);
    const std::string item =
        "child age " + std::to_string(age) + " (" + (x ? x->label : "—") + " → " + (y ? y->label : "—") + ")";
    d.amount(item, x ? std::optional<Money>(x->amount) : std::nullopt,
             y ? std::optional<Money>(y->amount) : std::nullopt);
    d.amount(item + " utan lunch", opt(x, &ChildBand::without_lunch), opt(y, &ChildBand::without_lunch));
  }
  // Referensvärden belong to bands: compare each band with the band of the same ages.
  for (const auto& y : b.bands) {
    const ChildBand* x = same_band(a, y);
    d.amount("child " + y.label + " referensvärde", opt(x, &ChildBand::reference), y.reference);
    d.amount("child " + y.label + " referensvärde utan lunch", opt(x, &ChildBand::reference_without_lunch),
             y.reference_without_lunch);
  }
  for (const auto& x : a.bands) {
    if (same_band(b, x)) continue;
    d.amount("child " + x.label + " referensvärde", x.reference, std::nullopt);
    d.amount("child " + x.label + " referensvärde utan lunch", x.reference_without_lunch, std::nullopt);
  }
}

void diff_large_household(Differ& d, const std::optional<LargeHousehold>& a, const std::optional<LargeHousehold>& b) {
  const auto text = [](const std::optional<LargeHousehold>& lh, auto get) { return lh ? get(*lh) : std::string(); };
  d.text("large household factor (couple)", text(a, [](const auto& l) { return l.factor_couple.to_string(); }),
         text(b, [](const auto& l) { return l.factor_couple.to_string(); }));
  d.text("large household factor (other)", text(a, [](const auto& l) { return l.factor_other.to_string(); }),
         text(b, [](const auto& l) { return l.factor_other.to_string(); }));
  d.text("large household above_children", text(a, [](const auto& l) { return std::to_string(l.above_children); }),
         text(b, [](const auto& l) { return std::to_string(l.above_children); }));
  const auto ages = [](const auto& l) {
    return std::to_string(l.average_min_age) + "–" + std::to_string(l.average_max_age) + " (utan lunch " +
           std::to_string(l.without_lunch_min_age) + "–" + std::to_string(l.without_lunch_max_age) + ")";
  };
  d.text("large household averaged ages", text(a, ages), text(b, ages));
  d.text("large household rounding", text(a, [](const auto& l) { return rounding_text(l.rounding); }),
         text(b, [](const auto& l) { return rounding_text(l.rounding); }));
}

void diff_derivation(Differ& d, const std::optional<Derivation>& a, const std::optional<Derivation>& b) {
  const auto text = [](const std::optional<Derivation>& dv, auto get) { return dv ? get(*dv) : std::string(); };
  d.text("derivation.index (jämförelsetal)", text(a, [](const auto& x) { return x.index.to_string(); }),
         text(b, [](const auto& x) { return x.index.to_string(); }));
  d.text("derivation.uplift", text(a, [](const auto& x) { return x.uplift.to_string(); }),
         text(b, [](const auto& x) { return x.uplift.to_string(); }));
  d.text("derivation.rounding", text(a, [](const auto& x) { return rounding_text(x.rounding); }),
         text(b, [](const auto& x) { return rounding_text(x.rounding); }));
  d.text("derivation.index_source", text(a, [](const auto& x) { return x.index_source; }),
         text(b, [](const auto& x) { return x.index_source; }));
  const auto money_of = [](const std::optional<Derivation>& dv, Money Derivation::*f) {
    return dv ? std::optional<Money>((*dv).*f) : std::nullopt;
  };
  d.amount("adults.single referensvärde", money_of(a, &Derivation::reference_single),
           money_of(b, &Derivation::reference_single));
  d.amount("adults.couple referensvärde", money_of(a, &Derivation::reference_couple),
           money_of(b, &Derivation::reference_couple));
  const std::size_t na = a ? a->reference_common.size() : 0;
  const std::size_t nb = b ? b->reference_common.size() : 0;
  for (std::size_t i = 0; i < std::max(na, nb); ++i) {
    d.amount("gemensamma hushållskostnader, " + text::counted(static_cast<std::int64_t>(i + 1), "person", "personer") +
                 ", referensvärde",
             i < na ? std::optional<Money>(a->reference_common[i]) : std::nullopt,
             i < nb ? std::optional<Money>(b->reference_common[i]) : std::nullopt);
  }
}

void diff_rules(Differ& d, const NormRules& a, const NormRules& b) {
  d.text("rules.leap_day_birthday", a.leap_day_on_feb28 ? "feb28" : "mar1", b.leap_day_on_feb28 ? "feb28" : "mar1");
  d.number("rules.part_month_days", a.part_month_days, b.part_month_days);
  d.text("rules.part_month_rounding", rounding_text(a.part_month_rounding), rounding_text(b.part_month_rounding));
  d.text("rules.common_share_rounding", rounding_text(a.common_share_rounding), rounding_text(b.common_share_rounding));
  d.text("rules.payable_rounding", rounding_text(a.payable_rounding), rounding_text(b.payable_rounding));
  d.number("rules.jobbstimulans_percent", a.jobbstimulans_percent, b.jobbstimulans_percent);
  d.number("rules.jobbstimulans_qualifying_months", a.jobbstimulans_qualifying_months,
           b.jobbstimulans_qualifying_months);
  d.number("rules.jobbstimulans_duration_months", a.jobbstimulans_duration_months, b.jobbstimulans_duration_months);
  d.text("rules.jobbstimulans_income_kinds", joined(a.jobbstimulans_income_kinds),
         joined(b.jobbstimulans_income_kinds));
  d.number("rules.children_earnings_limit_pbb", a.children_earnings_limit_pbb, b.children_earnings_limit_pbb);
}

}  // namespace

std::vector<NormChange> diff_norms(const NormSet& a, const NormSet& b) {
  std::vector<NormChange> out;
  Differ d(out);
  d.text("status", std::string(status_name(a.status)), std::string(status_name(b.status)));
  d.text("sfs", a.sfs, b.sfs);
  d.amount("adults.single (ensamstående)", a.single, b.single);
  d.amount("adults.couple (gifta/sambor)", a.couple, b.couple);
  if (same_structure(a, b)) {
    for (std::size_t i = 0; i < a.bands.size(); ++i) {
      const auto& x = a.bands[i];
      const auto& y = b.bands[i];
      d.amount("child " + y.label, x.amount, y.amount);
      d.amount("child " + y.label + " utan lunch", x.without_lunch, y.without_lunch);
      d.text("child " + y.label + " utan lunch status", x.without_lunch_unconfirmed ? "unconfirmed" : "",
             y.without_lunch_unconfirmed ? "unconfirmed" : "");
      d.amount("child " + y.label + " referensvärde", x.reference, y.reference);
      d.amount("child " + y.label + " referensvärde utan lunch", x.reference_without_lunch, y.reference_without_lunch);
    }
  } else {
    diff_structure(d, a, b);
  }
  const std::size_t persons = std::max(a.common.size(), b.common.size());
  for (std::size_t i = 0; i < persons; ++i) {
    d.amount("gemensamma hushållskostnader, " + text::counted(static_cast<std::int64_t>(i + 1), "person", "personer"),
             i < a.common.size() ? std::optional<Money>(a.common[i]) : std::nullopt,
             i < b.common.size() ? std::optional<Money>(b.common[i]) : std::nullopt);
  }
  if (a.common.size() >= 2 && b.common.size() >= 2) {
    d.amount("gemensamma hushållskostnader, per person utöver " + std::to_string(b.common.size()),
             a.common_for(static_cast<int>(a.common.size()) + 1) - a.common.back(),
             b.common_for(static_cast<int>(b.common.size()) + 1) - b.common.back());
  }
  d.text("items (what the norm covers)", joined(a.items), joined(b.items));
  d.amount("prisbasbelopp", a.prisbasbelopp, b.prisbasbelopp);
  diff_large_household(d, a.large_household, b.large_household);
  diff_derivation(d, a.derivation, b.derivation);
  diff_rules(d, a.rules, b.rules);
  std::vector<std::string> keys = required_ref_keys();
  for (const auto& k : optional_ref_keys()) keys.push_back(k);
  for (const auto& key : keys) d.text("ref." + key, refs_text(a, key), refs_text(b, key));
  return out;
}

}  // namespace eb::norms
