// SPDX-License-Identifier: MIT
#include "norms/norm_diff.hpp"

#include <set>

namespace eb::norms {

namespace {

using money::format_kr;

std::string band_span(const ChildBand& b) {
  return b.min_age == b.max_age ? std::to_string(b.min_age)
                                : std::to_string(b.min_age) + "–" + std::to_string(b.max_age);
}

bool same_structure(const NormSet& a, const NormSet& b) {
  if (a.bands.size() != b.bands.size()) return false;
  for (std::size_t i = 0; i < a.bands.size(); ++i) {
    if (a.bands[i].min_age != b.bands[i].min_age || a.bands[i].max_age != b.bands[i].max_age) return false;
  }
  return true;
}

class Differ {
 public:
  explicit Differ(std::vector<NormChange>& out) : m_out(out) {}

  void amount(const std::string& item, std::optional<Money> a, std::optional<Money> b) {
    if (a == b) return;
    NormChange c{item, a ? format_kr(*a) : "—", b ? format_kr(*b) : "—", std::nullopt};
    if (a && b) c.difference = *b - *a;
    m_out.push_back(std::move(c));
  }
  void text(const std::string& item, const std::string& a, const std::string& b) {
    if (a != b) m_out.push_back(NormChange{item, a.empty() ? "—" : a, b.empty() ? "—" : b, std::nullopt});
  }

 private:
  std::vector<NormChange>& m_out;
};

std::string refs_text(const NormSet& n, const std::string& key) {
  std::string out;
  for (const auto& r : n.refs) {
    if (r.key != key) continue;
    if (!out.empty()) out += " | ";
    out += r.text;
    if (r.valid_to) out += " (to " + r.valid_to->to_string() + ")";
  }
  return out;
}

std::string ratio_text(const std::optional<LargeHousehold>& lh, bool couple) {
  if (!lh) return "";
  return (couple ? lh->factor_couple : lh->factor_other).to_string();
}

}  // namespace

std::vector<NormChange> diff_norms(const NormSet& a, const NormSet& b) {
  std::vector<NormChange> out;
  Differ d(out);
  d.text("status", std::string(status_name(a.status)), std::string(status_name(b.status)));
  d.amount("adults.single (ensamstående)", a.single, b.single);
  d.amount("adults.couple (gifta/sambor)", a.couple, b.couple);
  if (same_structure(a, b)) {
    for (std::size_t i = 0; i < a.bands.size(); ++i) {
      const auto& x = a.bands[i];
      const auto& y = b.bands[i];
      d.amount("child " + y.label, x.amount, y.amount);
      d.amount("child " + y.label + " utan lunch", x.without_lunch, y.without_lunch);
    }
  } else {
    std::set<std::string> spans_a, spans_b;
    for (const auto& x : a.bands) spans_a.insert(band_span(x));
    for (const auto& y : b.bands) spans_b.insert(band_span(y));
    std::string removed, added;
    for (const auto& s : spans_a) {
      if (!spans_b.count(s)) removed += (removed.empty() ? "" : ", ") + s;
    }
    for (const auto& s : spans_b) {
      if (!spans_a.count(s)) added += (added.empty() ? "" : ", ") + s;
    }
    d.text("child bands (structure)", removed.empty() ? "" : "bands " + removed + " år",
           added.empty() ? "" : "bands " + added + " år");
    for (int age = 0; age <= 20; ++age) {
      const ChildBand* x = a.band_for_age(age);
      const ChildBand* y = b.band_for_age(age);
      const std::string item =
          "child age " + std::to_string(age) + " (" + (x ? x->label : "—") + " → " + (y ? y->label : "—") + ")";
      d.amount(item, x ? std::optional<Money>(x->amount) : std::nullopt,
               y ? std::optional<Money>(y->amount) : std::nullopt);
      d.amount(item + " utan lunch", x ? x->without_lunch : std::nullopt, y ? y->without_lunch : std::nullopt);
    }
  }
  const std::size_t persons = std::max(a.common.size(), b.common.size());
  for (std::size_t i = 0; i < persons; ++i) {
    d.amount("common " + std::to_string(i + 1) + " persons",
             i < a.common.size() ? std::optional<Money>(a.common[i]) : std::nullopt,
             i < b.common.size() ? std::optional<Money>(b.common[i]) : std::nullopt);
  }
  d.amount("prisbasbelopp", a.prisbasbelopp, b.prisbasbelopp);
  d.text("large household factor (couple)", ratio_text(a.large_household, true), ratio_text(b.large_household, true));
  d.text("large household factor (other)", ratio_text(a.large_household, false), ratio_text(b.large_household, false));
  d.text("rules.part_month_rounding", std::string(money::rounding_name(a.rules.part_month_rounding)),
         std::string(money::rounding_name(b.rules.part_month_rounding)));
  d.text("rules.common_share_rounding", std::string(money::rounding_name(a.rules.common_share_rounding)),
         std::string(money::rounding_name(b.rules.common_share_rounding)));
  d.text("rules.payable_rounding", std::string(money::rounding_name(a.rules.payable_rounding)),
         std::string(money::rounding_name(b.rules.payable_rounding)));
  d.text("rules.jobbstimulans_percent", std::to_string(a.rules.jobbstimulans_percent),
         std::to_string(b.rules.jobbstimulans_percent));
  std::vector<std::string> keys = required_ref_keys();
  keys.push_back("large_household");
  keys.push_back("ceiling");
  for (const auto& key : keys) d.text("ref." + key, refs_text(a, key), refs_text(b, key));
  return out;
}

}  // namespace eb::norms
