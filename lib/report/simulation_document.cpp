// SPDX-License-Identifier: MIT
#include "report/simulation_document.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include "common/ids.hpp"

namespace eb::report {

namespace {

using doc::Align;
using money::format_kr;

// How many large households the text lists; the page lists them all.
constexpr std::size_t k_text_list = 20;

// "1 200" for 1 200 kr, "1 200,50" with öre: format_kr without its unit.
std::string kr_number(Money m) {
  std::string s = format_kr(m);
  return s.substr(0, s.size() - 3);
}

std::string count_text(std::int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string halves_text(int halves) {
  return std::to_string(halves / 2) + (halves % 2 != 0 ? ",5" : "");
}

std::string norms_text(const std::vector<std::string>& ids) {
  std::string s;
  for (const auto& id : ids) s += (s.empty() ? "" : ", ") + id;
  return s.empty() ? "(none used)" : s;
}

std::string band_label(const ChangeBand& b) {
  const Money cent = Money::from_ore(1);
  if (b.min && b.max && b.min->is_zero() && b.max->is_zero()) return "unchanged";
  if (b.max && b.max->is_negative()) {  // a loss: magnitudes from -max (exclusive) to -min
    if (!b.min) return "lose > " + kr_number(-*b.max - cent) + " kr";
    return "lose " + kr_number(-*b.max - cent) + "–" + kr_number(-*b.min) + " kr";
  }
  if (!b.max) return "gain > " + kr_number(*b.min - cent) + " kr";
  return "gain " + kr_number(*b.min - cent) + "–" + kr_number(*b.max) + " kr";
}

doc::Tone tone_of(std::int64_t v) {
  return v > 0 ? doc::Tone::positive : v < 0 ? doc::Tone::negative : doc::Tone::muted;
}

Money per_household(Money m, std::int64_t households) {
  return m.scaled(1, households, money::Rounding::ore_half_up);
}

doc::Table cases_table(const std::vector<CaseChange>& cases, bool with_reduction) {
  doc::Table t;
  t.columns = {{"application", Align::left}, {"case", Align::left}, {"household", Align::left}};
  if (with_reduction)
    t.columns.insert(t.columns.end(), {{"children counted", Align::right}, {"reduction", Align::right}});
  t.columns.insert(t.columns.end(), {{"before", Align::right}, {"after", Align::right}, {"change", Align::right}});
  for (const auto& c : cases) {
    std::vector<std::string> row{format_id(IdKind::application, c.application_id), format_id(IdKind::arende, c.case_id),
                                 household_type_label(c.type())};
    if (with_reduction) row.insert(row.end(), {halves_text(c.children_halves), format_kr(c.reduction_after)});
    row.insert(row.end(), {format_kr(c.before), format_kr(c.after), signed_kr(c.change())});
    t.add(std::move(row));
  }
  return t;
}

void cases_or_none(doc::Document& d, const std::vector<CaseChange>& cases) {
  if (cases.empty()) {
    d.add(doc::Paragraph{"(none)", false});
  } else {
    d.add(cases_table(cases, false));
  }
}

}  // namespace

std::string signed_kr(Money m) {
  return (m.ore() > 0 ? "+" : "") + format_kr(m);
}

std::string percent_of(Money part, Money whole) {
  if (whole.is_zero()) return "–";
  // Tenths of a percent, rounded half away from zero, in integers: part × 1000 / whole.
  const std::int64_t num = part.ore() * 1000;
  const std::int64_t den = whole.ore();
  std::int64_t q = num / den;
  const std::int64_t r = num % den;
  if (2 * (r < 0 ? -r : r) >= (den < 0 ? -den : den)) q += ((num < 0) != (den < 0)) ? -1 : 1;
  const std::int64_t a = q < 0 ? -q : q;
  std::string s = q < 0 ? "-" : q > 0 ? "+" : "";
  s += std::to_string(a / 10);
  s += ',';
  s += std::to_string(a % 10);
  s += " %";
  return s;
}

doc::Document simulation_document(const SimulationResult& r) {
  const Tally& t = r.total;
  doc::Document d;
  d.title = "Simulation of " + r.month.to_string() + (r.as_of ? " as of " + r.as_of->to_string() : std::string()) +
            " (nothing is stored)";
  d.page_title = "eb simulate: " + d.title;
  d.add(doc::KeyValueList{{{"before", norms_text(r.norms_before) + ", for " + r.month.to_string()},
                           {"after", norms_text(r.norms_after) + ", for " + r.after_month.to_string()}}});
  for (const auto& w : r.warnings) d.add(doc::Notice{doc::NoticeKind::warning, "warning", w});
  std::string read = count_text(r.applications, "application", "applications") + " read, " +
                     count_text(t.households, "household", "households") + " simulated";
  if (!r.errors.empty()) read += ", " + std::to_string(r.errors.size()) + " could not be assessed (listed below)";
  d.add(doc::Paragraph{read, false});

  d.add(doc::Heading{2, "Totals", "totals"});
  doc::Table totals;
  totals.columns = {{"", Align::left},
                    {"before", Align::right},
                    {"after", Align::right},
                    {"difference", Align::right},
                    {"", Align::right}};
  totals.add({"försörjningsstöd, total", format_kr(t.before), format_kr(t.after), signed_kr(t.difference()),
              percent_of(t.difference(), t.before)});
  if (t.households > 0) {
    totals.add({"per household", format_kr(per_household(t.before, t.households)),
                format_kr(per_household(t.after, t.households)), signed_kr(per_household(t.difference(), t.households)),
                ""});
  }
  d.add(std::move(totals));
  doc::Table who;
  who.columns = {{"households", Align::left}, {"count", Align::right}, {"change", Align::right}};
  who.add({"gain", std::to_string(t.gain), signed_kr(t.gained)});
  who.add({"lose", std::to_string(t.lose), signed_kr(t.lost)});
  who.add({"unchanged", std::to_string(t.unchanged), ""});
  d.add(std::move(who));
  doc::Chart share;
  share.kind = doc::ChartKind::stacked;
  share.title = "households that gain, are unchanged and lose";
  share.points = {{"gain", t.gain, std::to_string(t.gain), doc::Tone::positive, std::nullopt, ""},
                  {"unchanged", t.unchanged, std::to_string(t.unchanged), doc::Tone::muted, std::nullopt, ""},
                  {"lose", t.lose, std::to_string(t.lose), doc::Tone::negative, std::nullopt, ""}};
  d.add(std::move(share), doc::Media::html);

  d.add(doc::Heading{2, "By household type", "types"});
  d.add(
      doc::Paragraph{"Children by headcount; a child in växelvis boende counts 1 here (and 0,5 in the "
                     "large-household reduction).",
                     true});
  doc::Chart type_chart;
  type_chart.title = "difference in total by household type";
  doc::Table types;
  types.columns = {{"household", Align::left},     {"households", Align::right}, {"gain", Align::right},
                   {"lose", Align::right},         {"unchanged", Align::right},  {"växelvis", Align::right},
                   {"before", Align::right},       {"after", Align::right},      {"difference", Align::right},
                   {"per household", Align::right}};
  for (int i = 0; i < k_household_types; ++i) {
    const Tally& g = r.by_type[static_cast<std::size_t>(i)];
    if (g.households == 0) continue;
    type_chart.points.push_back({household_type_label(i), g.difference().ore(), signed_kr(g.difference()),
                                 tone_of(g.difference().ore()), std::nullopt, ""});
    types.add({household_type_label(i), std::to_string(g.households), std::to_string(g.gain), std::to_string(g.lose),
               std::to_string(g.unchanged), std::to_string(g.alternating), format_kr(g.before), format_kr(g.after),
               signed_kr(g.difference()), signed_kr(per_household(g.difference(), g.households))});
  }
  if (types.rows.empty()) {
    d.add(doc::Paragraph{"(no households)", false});
  } else {
    d.add(std::move(type_chart), doc::Media::html);
    d.add(std::move(types));
  }

  d.add(doc::Heading{2, "Distribution of the change per household", "distribution"});
  doc::Chart bands;
  bands.title = "households by size of the change";
  doc::Table dist;
  dist.columns = {{"change", Align::left}, {"households", Align::right}, {"sum", Align::right}};
  for (const auto& b : r.distribution) {
    const bool loss = b.max && b.max->is_negative();
    const bool gain = b.min && b.min->ore() > 0;
    bands.points.push_back({band_label(b), b.households, std::to_string(b.households),
                            loss   ? doc::Tone::negative
                            : gain ? doc::Tone::positive
                                   : doc::Tone::muted,
                            std::nullopt, ""});
    if (b.households > 0) dist.add({band_label(b), std::to_string(b.households), signed_kr(b.change)});
  }
  d.add(std::move(bands), doc::Media::html);
  if (dist.rows.empty()) {
    d.add(doc::Paragraph{"(no households)", false});
  } else {
    d.add(std::move(dist));
  }

  d.add(doc::Heading{2, "Large-household reduction", "large-households"});
  d.add(
      doc::Paragraph{"Minskningsbelopp for more than three children (a child in växelvis boende counts 0,5).", false});
  d.add(doc::KeyValueList{
      {{"after", count_text(static_cast<std::int64_t>(r.large_households.size()), "household", "households") + ", " +
                     format_kr(r.large_reduction_after) + " in total"},
       {"before", count_text(r.large_households_before, "household", "households") + ", " +
                      format_kr(r.large_reduction_before) + " in total"}}});
  if (r.large_households.size() > k_text_list) {
    d.add(cases_table(r.large_households, true), doc::Media::html);
    d.add(
        cases_table({r.large_households.begin(), r.large_households.begin() + static_cast<std::ptrdiff_t>(k_text_list)},
                    true),
        doc::Media::text);
    d.add(doc::Paragraph{"… and " + std::to_string(r.large_households.size() - k_text_list) +
                             " more (--csv, --json or --html list all)",
                         false},
          doc::Media::text);
  } else if (!r.large_households.empty()) {
    d.add(cases_table(r.large_households, true));
  }

  d.add(doc::Heading{2, "Rules of the 2027 model", "rules"});
  d.add(doc::Paragraph{"Households each rule of SoL 12 kap. 7 a–7 d §§ hit.", false});
  doc::Table rules;
  rules.columns = {{"rule", Align::left}, {"before", Align::right}, {"after", Align::right}};
  const RuleCounts& rb = r.rules_before;
  const RuleCounts& ra = r.rules_after;
  rules.add({"minskningsbelopp, fler än tre barn (7 a §)", std::to_string(rb.large_household),
             std::to_string(ra.large_household)});
  rules.add({"undantag för synnerliga skäl (7 a §)", std::to_string(rb.large_household_exempt),
             std::to_string(ra.large_household_exempt)});
  rules.add({"höjd norm med särskilda eller synnerliga skäl (7, 7 b §§)", std::to_string(rb.norm_raised),
             std::to_string(ra.norm_raised)});
  rules.add({"andrahandshyra utan samtycke, räknas inte (7 d §)", std::to_string(rb.second_hand_refused),
             std::to_string(ra.second_hand_refused)});
  d.add(std::move(rules));

  d.add(doc::Heading{2, "Largest gains", "gains"});
  cases_or_none(d, r.largest_gains);
  d.add(doc::Heading{2, "Largest losses", "losses"});
  cases_or_none(d, r.largest_losses);

  d.add(doc::Heading{2, "Stored assessments", "stored"});
  d.add(doc::Paragraph{"Stored assessments: " + std::to_string(r.stored_same) + " the same as before, " +
                           std::to_string(r.stored_differs) + " differ, " + std::to_string(r.not_assessed) +
                           " not assessed",
                       false});

  if (!r.errors.empty()) {
    d.add(doc::Heading{2, "Could not be assessed (" + std::to_string(r.errors.size()) + ")", "errors"});
    doc::BulletList list;
    for (const auto& e : r.errors) {
      std::string item =
          format_id(IdKind::application, e.application_id) + " (" + format_id(IdKind::arende, e.case_id) + ")";
      if (!e.before.empty()) item += " before: " + e.before;
      if (!e.after.empty()) item += std::string(e.before.empty() ? "" : ";") + " after: " + e.after;
      list.items.push_back(std::move(item));
    }
    d.add(std::move(list));
  }
  d.add(doc::Paragraph{"Made by eb simulate. Amounts are exact; nothing in the case store was changed.", true},
        doc::Media::html);
  return d;
}

}  // namespace eb::report
