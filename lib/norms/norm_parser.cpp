// SPDX-License-Identifier: MIT
#include "norms/norm_parser.hpp"

#include <algorithm>
#include <filesystem>

#include "common/file.hpp"
#include "common/sha256.hpp"
#include "common/text.hpp"
#include "common/toml_reader.hpp"
#include "money/money_reader.hpp"
#include "norms/derive.hpp"
#include "norms/norm_toml.hpp"
#include "period/period_reader.hpp"

namespace eb::norms {

namespace detail {

using money::Rounding;

Rounding read_rounding(TomlReader& r, std::string_view key, Rounding fallback) {
  const auto s = r.string(key);
  if (!s) return fallback;
  try {
    return money::parse_rounding(*s, r.field(key));
  } catch (const InputError& e) {
    r.problem(key, text::quoted(*s), e.problems().front().message);
    return fallback;
  }
}

int read_int(TomlReader& r, std::string_view key, int fallback, int min, int max) {
  const auto v = r.integer(key, false, min, max);
  return v ? static_cast<int>(*v) : fallback;
}

NormRules parse_rules(TomlReader& r) {
  NormRules rules;
  if (const auto at = r.string("child_age_at"); at && *at != "end_of_month") {
    r.problem("child_age_at", text::quoted(*at), "only \"end_of_month\" is supported (calculation.md §3)");
  }
  if (const auto leap = r.string("leap_day_birthday")) {
    if (*leap == "feb28") {
      rules.leap_day_on_feb28 = true;
    } else if (*leap != "mar1") {
      r.problem("leap_day_birthday", text::quoted(*leap), "must be \"mar1\" or \"feb28\"");
    }
  }
  rules.part_month_days = read_int(r, "part_month_days", 30, 28, 31);
  rules.part_month_rounding = read_rounding(r, "part_month_rounding", Rounding::ore_half_up);
  rules.common_share_rounding = read_rounding(r, "common_share_rounding", Rounding::ore_half_up);
  rules.payable_rounding = read_rounding(r, "payable_rounding", Rounding::krona_half_up);
  rules.jobbstimulans_percent = read_int(r, "jobbstimulans_percent", 25, 0, 100);
  rules.jobbstimulans_qualifying_months = read_int(r, "jobbstimulans_qualifying_months", 6, 1, 120);
  rules.jobbstimulans_duration_months = read_int(r, "jobbstimulans_duration_months", 24, 1, 240);
  if (r.has("jobbstimulans_income_kinds")) rules.jobbstimulans_income_kinds = r.strings("jobbstimulans_income_kinds");
  rules.children_earnings_limit_pbb = read_int(r, "children_earnings_limit_pbb", 1, 0, 10);
  r.finish();
  return rules;
}

ChildBand parse_band(TomlReader& r) {
  ChildBand b;
  b.label = r.string("label", true).value_or("");
  b.min_age = read_int(r, "min_age", 0, 0, 20);
  if (!r.has("min_age")) r.problem("min_age", "", "missing (this field is required)");
  b.max_age = read_int(r, "max_age", 0, 0, 20);
  if (!r.has("max_age")) r.problem("max_age", "", "missing (this field is required)");
  b.reference = money::read_money(r, "reference");
  b.reference_without_lunch = money::read_money(r, "reference_without_lunch");
  // A preliminary file may carry only referensvärden; `eb norms derive` fills the amounts.
  b.amount = money::read_money(r, "amount", {.required = !b.reference.has_value()}).value_or(Money());
  b.without_lunch = money::read_money(r, "without_lunch");
  if (const auto st = r.string("without_lunch_status")) {
    if (*st == "unconfirmed") {
      b.without_lunch_unconfirmed = true;
    } else {
      r.problem("without_lunch_status", text::quoted(*st), "the only status is \"unconfirmed\"");
    }
  }
  r.finish();
  return b;
}

LargeHousehold parse_large_household(TomlReader& r) {
  LargeHousehold l;
  l.above_children = read_int(r, "above_children", 3, 0, 20);
  l.factor_couple = money::read_ratio(r, "factor_couple", true).value_or(money::Ratio{});
  l.factor_other = money::read_ratio(r, "factor_other", true).value_or(money::Ratio{});
  l.average_min_age = read_int(r, "average_min_age", 0, 0, 20);
  l.average_max_age = read_int(r, "average_max_age", 20, 0, 20);
  l.without_lunch_min_age = read_int(r, "without_lunch_min_age", 1, 0, 20);
  l.without_lunch_max_age = read_int(r, "without_lunch_max_age", 5, 0, 20);
  l.rounding = read_rounding(r, "rounding", Rounding::down_10_kr);
  return l;
}

void check_band_ages(const std::vector<ChildBand>& bands, const AddProblem& add) {
  int next_age = 0;
  for (std::size_t i = 0; i < bands.size(); ++i) {
    const auto& b = bands[i];
    const std::string f = "child_band[" + std::to_string(i + 1) + "]";
    if (b.min_age != next_age) {
      add(f + ".min_age", std::to_string(b.min_age),
          "bands must cover ages 0–20 in order without gaps or overlaps (expected " + std::to_string(next_age) + ")");
    }
    if (b.max_age < b.min_age) add(f + ".max_age", std::to_string(b.max_age), "is below min_age");
    next_age = b.max_age + 1;
  }
  if (next_age != 21) {
    add("child_band", "", "bands must end at age 20 (they end at " + std::to_string(next_age - 1) + ")");
  }
}

void check_common_amounts(const std::vector<Money>& common, const AddProblem& add) {
  if (common.size() != 7) {
    add("common.amounts", std::to_string(common.size()) + " amounts", "must give 7 amounts, for 1–7 persons");
  }
  for (std::size_t i = 0; i < common.size(); ++i) {
    if (common[i].ore() <= 0) add("common.amounts", money::format_kr(common[i]), "must be positive");
    if (i > 0 && common[i] <= common[i - 1]) {
      add("common.amounts", money::format_kr(common[i]),
          "must increase with household size (" + std::to_string(i + 1) + " persons ≤ " + std::to_string(i) + ")");
    }
  }
}

std::vector<StatuteRef> parse_refs(TomlReader& r) {
  std::vector<StatuteRef> out;
  for (auto& ref : r.tables("ref")) {
    StatuteRef s;
    s.key = ref.string("key", true).value_or("");
    s.text = ref.string("text", true).value_or("");
    s.valid_from = period::read_date(ref, "valid_from", true).value_or(period::Date(1970, 1, 1));
    s.valid_to = period::read_date(ref, "valid_to");
    s.line = ref.line();
    ref.finish();
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace detail

namespace {

using money::Rounding;
using namespace detail;

NormStatus parse_status(TomlReader& r) {
  const auto s = r.string("status", true);
  if (!s) return NormStatus::official;
  for (auto st : {NormStatus::official, NormStatus::municipal, NormStatus::derived, NormStatus::estimate,
                  NormStatus::preliminary}) {
    if (status_name(st) == *s) return st;
  }
  r.problem("status", text::quoted(*s), "unknown status (official, municipal, derived, estimate, preliminary)");
  return NormStatus::official;
}

// SoF 12 kap. 1 b §: every amount of a file with [derivation] must be its referensvärde ×
// index × uplift, rounded, so a hand edit that forgets to recompute is caught.
template <class Add>
void check_derivation(const NormSet& n, Add& add) {
  const Derivation& d = *n.derivation;
  if (auto why = index_problem(d.index)) {
    add("derivation.index", text::quoted(d.index.to_string()), *why);
    return;
  }
  if (d.uplift.num <= 0 || d.uplift.num > 2 * d.uplift.den) {
    add("derivation.uplift", text::quoted(d.uplift.to_string()),
        "must be above 0 and at most 2 (SoF 12 kap. 1 b §: 1.02)");
    return;
  }
  const auto expect = [&](const std::string& field, const std::optional<Money>& amount, Money reference) {
    const Money want = derived_amount(reference, d.index, d.uplift, d.rounding);
    if (amount == want) return;
    add(field, amount ? money::format_kr(*amount) : "—",
        "is not referensvärde " + money::format_kr(reference) + " × " + d.index.to_string() + " × " +
            d.uplift.to_string() + " (" + std::string(money::rounding_name(d.rounding)) +
            ") = " + money::format_kr(want));
  };
  expect("adults.single", n.single, d.reference_single);
  expect("adults.couple", n.couple, d.reference_couple);
  for (std::size_t i = 0; i < n.bands.size(); ++i) {
    const auto& b = n.bands[i];
    const std::string f = "child_band[" + std::to_string(i + 1) + "]";
    if (b.reference) expect(f + ".amount", b.amount, *b.reference);
    if (b.reference_without_lunch) expect(f + ".without_lunch", b.without_lunch, *b.reference_without_lunch);
  }
  if (d.reference_common.size() != n.common.size()) {
    add("derivation.reference_common", std::to_string(d.reference_common.size()) + " amounts",
        "must give one referensvärde per common amount (" + std::to_string(n.common.size()) + ")");
    return;
  }
  for (std::size_t i = 0; i < n.common.size(); ++i) {
    expect("common.amounts[" + std::to_string(i + 1) + "]", n.common[i], d.reference_common[i]);
  }
}

}  // namespace

NormSet parse_norm_text(std::string_view text, const std::string& file) {
  const TomlDocument doc = TomlDocument::parse(text, file);
  ProblemList problems;
  TomlReader r = doc.root(problems);
  NormSet n;
  n.id = r.string("id", true).value_or("");
  n.title = r.string("title").value_or(n.id);
  n.valid_from = period::read_date(r, "valid_from", true).value_or(period::Date(1970, 1, 1));
  n.valid_to = period::read_date(r, "valid_to", true).value_or(period::Date(1970, 1, 1));
  n.status = parse_status(r);
  n.sfs = r.string("sfs").value_or("");
  n.source = r.string("source", true).value_or("");
  n.source_note = r.string("source_note").value_or("");
  n.prisbasbelopp = money::read_money(r, "prisbasbelopp", {.required = true}).value_or(Money());
  n.prisbasbelopp_sfs = r.string("prisbasbelopp_sfs").value_or("");
  if (auto rules = r.table("rules")) n.rules = parse_rules(*rules);

  if (auto adults = r.table("adults", true)) {
    n.single = money::read_money(*adults, "single", {.required = true}).value_or(Money());
    n.couple = money::read_money(*adults, "couple", {.required = true}).value_or(Money());
    adults->finish();
  }
  for (auto& band : r.tables("child_band")) n.bands.push_back(parse_band(band));
  if (n.bands.empty() && !r.has("child_band")) r.problem("child_band", "", "missing: at least one [[child_band]]");
  n.items = r.strings("items");
  if (auto common = r.table("common", true)) {
    n.common = money::read_money_list(*common, "amounts", true);
    common->finish();
  }
  if (auto lh = r.table("large_household")) {
    n.large_household = parse_large_household(*lh);
    lh->finish();
  }
  if (auto dv = r.table("derivation")) {
    Derivation d;
    d.index = money::read_ratio(*dv, "index", true).value_or(money::Ratio{});
    d.index_source = dv->string("index_source").value_or("");
    d.uplift = money::read_ratio(*dv, "uplift", true).value_or(money::Ratio{});
    d.rounding = read_rounding(*dv, "rounding", Rounding::nearest_10_kr);
    d.reference_single = money::read_money(*dv, "reference_single", {.required = true}).value_or(Money());
    d.reference_couple = money::read_money(*dv, "reference_couple", {.required = true}).value_or(Money());
    d.reference_common = money::read_money_list(*dv, "reference_common", true);
    d.reference_id = dv->string("reference_id").value_or("");
    d.reference_sha256 = dv->string("reference_sha256").value_or("");
    dv->finish();
    n.derivation = d;
  }
  n.refs = parse_refs(r);
  r.finish();
  problems.throw_if_any();
  return n;
}

NormSet read_norm_file(const std::string& path) {
  const std::string bytes = read_file(path);
  NormSet n = parse_norm_text(bytes, path);
  n.path = path;
  n.sha256 = sha256_hex(bytes);
  n.text = bytes;
  return n;
}

std::vector<Problem> check_norm_set(const NormSet& n) {
  std::vector<Problem> out;
  const auto add = [&](std::string field, std::string value, std::string message, long line = 0) {
    out.push_back(Problem{n.path, line, std::move(field), std::move(value), std::move(message)});
  };
  if (n.valid_to < n.valid_from) {
    add("valid_to", n.valid_to.to_string(), "is before valid_from " + n.valid_from.to_string());
  }
  if (n.single.ore() <= 0) add("adults.single", money::format_kr(n.single), "must be positive");
  if (n.couple.ore() <= 0) add("adults.couple", money::format_kr(n.couple), "must be positive");
  if (n.prisbasbelopp.ore() <= 0) add("prisbasbelopp", money::format_kr(n.prisbasbelopp), "must be positive");
  // Bands: ordered, contiguous from 0 to 20, positive.
  for (std::size_t i = 0; i < n.bands.size(); ++i) {
    const auto& b = n.bands[i];
    const std::string f = "child_band[" + std::to_string(i + 1) + "]";
    if (b.amount.ore() <= 0 && !b.reference) add(f + ".amount", money::format_kr(b.amount), "must be positive");
    if (b.without_lunch && b.without_lunch->ore() <= 0) {
      add(f + ".without_lunch", money::format_kr(*b.without_lunch), "must be positive");
    }
    if (b.without_lunch && b.without_lunch_unconfirmed) {
      add(f + ".without_lunch_status", "\"unconfirmed\"", "a band with a without_lunch figure is not unconfirmed");
    }
  }
  detail::check_band_ages(
      n.bands, [&](std::string f, std::string val, std::string m) { add(std::move(f), std::move(val), std::move(m)); });
  detail::check_common_amounts(n.common, [&](std::string f, std::string val, std::string m) {
    add(std::move(f), std::move(val), std::move(m));
  });
  if (n.derivation) check_derivation(n, add);
  // Statute references: each required key covers every day of the validity, without overlap.
  std::vector<std::string> keys = required_ref_keys();
  if (n.large_household) keys.push_back("large_household");
  for (const auto& key : optional_ref_keys()) {
    // An optional key (a rule that starts on a date) may cover part of the validity, never twice;
    // a required one is walked day by day below.
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
    for (std::size_t i = 0; i < n.refs.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        const auto& a = n.refs[i];
        const auto& b = n.refs[j];
        if (a.key != key || b.key != key) continue;
        const bool apart = (a.valid_to && *a.valid_to < b.valid_from) || (b.valid_to && *b.valid_to < a.valid_from);
        if (!apart)
          add("ref", key,
              "more than one statute reference valid on " + std::max(a.valid_from, b.valid_from).to_string(), a.line);
      }
    }
  }
  for (const auto& key : keys) {
    period::Date day = n.valid_from;
    bool ok = true;
    while (day <= n.valid_to && ok) {
      int found = 0;
      const StatuteRef* hit = nullptr;
      for (const auto& r : n.refs) {
        if (r.key == key && r.covers(day)) {
          ++found;
          hit = &r;
        }
      }
      if (found != 1) {
        add("ref", key,
            found == 0 ? "no statute reference valid on " + day.to_string()
                       : "more than one statute reference valid on " + day.to_string());
        ok = false;
      } else if (hit->valid_to) {
        day = hit->valid_to->plus_days(1);
      } else {
        break;
      }
    }
  }
  for (const auto& r : n.refs) {
    bool known = false;
    for (const auto& k : required_ref_keys()) known = known || k == r.key;
    for (const auto& k : optional_ref_keys()) known = known || k == r.key;
    if (!known) add("ref.key", text::quoted(r.key), "unknown statute key", r.line);
  }
  return out;
}

}  // namespace eb::norms
