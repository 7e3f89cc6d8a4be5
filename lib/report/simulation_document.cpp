// SPDX-License-Identifier: MIT
#include "report/simulation_document.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include "common/ids.hpp"
#include "common/text.hpp"
#include "norms/norm_set.hpp"

namespace eb::report {

namespace {

using doc::Align;
using money::format_kr;

// How many large households the text lists; the page lists them all.
constexpr std::size_t k_text_list = 20;

std::string count(std::int64_t n) {
  return text::format_count(n);
}

// "1 200" for 1 200 kr, "1 200,50" with öre: format_kr without its unit.
std::string kr_number(Money m) {
  std::string s = format_kr(m);
  return s.substr(0, s.size() - 3);
}

// Children as the large-household rule counts them: "4", "4,5".
std::string halves_text(int halves) {
  return std::to_string(halves / 2) + (halves % 2 != 0 ? ",5" : "");
}

std::string norms_text(const std::vector<std::string>& ids) {
  std::string s;
  for (const auto& id : ids) s += (s.empty() ? "" : ", ") + id;
  return s.empty() ? "(ingen använd)" : s;
}

// A band of the change: "minskar mer än 2 000 kr", "ökar 100–500 kr" (more than 100, at most
// 500), "oförändrat".
std::string band_label(const ChangeBand& b) {
  const Money cent = Money::from_ore(1);
  if (b.min && b.max && b.min->is_zero() && b.max->is_zero()) return "oförändrat";
  if (b.max && b.max->is_negative()) {  // a loss: magnitudes from -max (exclusive) to -min
    if (!b.min) return "minskar mer än " + kr_number(-*b.max - cent) + " kr";
    return "minskar " + kr_number(-*b.max - cent) + "–" + kr_number(-*b.min) + " kr";
  }
  if (!b.max) return "ökar mer än " + kr_number(*b.min - cent) + " kr";
  return "ökar " + kr_number(*b.min - cent) + "–" + kr_number(*b.max) + " kr";
}

// The warning for a norm whose amounts are not the official ones.
std::string norm_warning(const std::string& id, norms::NormStatus status) {
  if (status == norms::NormStatus::estimate) return id + " är en UPPSKATTNING, inte den officiella tabellen.";
  return id +
         " är PRELIMINÄR: beloppen är härledda ur referensvärdena och ett index och ännu inte fastställda av "
         "regeringen.";
}

doc::Tone tone_of(std::int64_t v) {
  return v > 0 ? doc::Tone::positive : v < 0 ? doc::Tone::negative : doc::Tone::muted;
}

Money per_household(Money m, std::int64_t households) {
  return m.scaled(1, households, money::Rounding::ore_half_up);
}

// The largest changes: application, case, household type, before, after, change.
doc::Table changes_table(const std::vector<CaseChange>& cases) {
  doc::Table t;
  t.columns = {{"ansökan", Align::left}, {"ärende", Align::left}, {"hushållstyp", Align::left},
               {"före", Align::right},   {"efter", Align::right}, {"förändring", Align::right}};
  for (const auto& c : cases) {
    t.add({format_id(IdKind::application, c.application_id), format_id(IdKind::arende, c.case_id),
           household_type_label(c.type()), format_kr(c.before), format_kr(c.after), signed_kr(c.change())});
  }
  return t;
}

// The large households: application, household type, children as counted, the reduction, the
// amount after and the change (before = after − change; 78 columns leave room for six).
doc::Table large_table(std::vector<CaseChange>::const_iterator begin, std::vector<CaseChange>::const_iterator end) {
  doc::Table t;
  t.columns = {{"ansökan", Align::left},    {"hushållstyp", Align::left}, {"barn", Align::right},
               {"minskning", Align::right}, {"efter", Align::right},      {"förändring", Align::right}};
  for (auto c = begin; c != end; ++c) {
    t.add({format_id(IdKind::application, c->application_id), household_type_label(c->type()),
           halves_text(c->children_halves), format_kr(c->reduction_after), format_kr(c->after),
           signed_kr(c->change())});
  }
  return t;
}

void changes_or_none(doc::Document& d, const std::vector<CaseChange>& cases) {
  if (cases.empty()) {
    d.add(doc::Paragraph{"(inga)", false});
  } else {
    d.add(changes_table(cases));
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
  d.title = "Simulering av " + r.month.to_string() +
            (r.as_of ? ", bedömd som " + r.as_of->to_string() : std::string()) + " (inget sparas)";
  d.page_title = "eb simulate: " + d.title;
  d.add(doc::KeyValueList{{{"före", norms_text(r.norms_before) + ", för " + r.month.to_string()},
                           {"efter", norms_text(r.norms_after) + ", för " + r.after_month.to_string()}}});
  for (const auto& [id, status] : r.flagged_norms) {
    d.add(doc::Notice{doc::NoticeKind::warning, "Varning", norm_warning(id, status)});
  }
  std::string read = text::counted(r.applications, "ansökan", "ansökningar") + " har lästs och " +
                     text::counted(t.households, "hushåll", "hushåll") + " har simulerats";
  if (!r.errors.empty()) read += "; " + count(static_cast<std::int64_t>(r.errors.size())) + " kunde inte bedömas";
  d.add(doc::Paragraph{read + ".", false});

  d.add(doc::Heading{2, "Totalt", "totalt"});
  doc::Table totals;
  totals.columns = {{"", Align::left},
                    {"före", Align::right},
                    {"efter", Align::right},
                    {"skillnad", Align::right},
                    {"i procent", Align::right}};
  totals.add({"försörjningsstöd totalt", format_kr(t.before), format_kr(t.after), signed_kr(t.difference()),
              percent_of(t.difference(), t.before)});
  if (t.households > 0) {
    totals.add({"per hushåll", format_kr(per_household(t.before, t.households)),
                format_kr(per_household(t.after, t.households)), signed_kr(per_household(t.difference(), t.households)),
                ""});
  }
  d.add(std::move(totals));
  doc::Table who;
  who.columns = {{"hushåll", Align::left}, {"antal", Align::right}, {"förändring", Align::right}};
  who.add({"får mer", count(t.gain), signed_kr(t.gained)});
  who.add({"får mindre", count(t.lose), signed_kr(t.lost)});
  who.add({"oförändrat", count(t.unchanged), ""});
  d.add(std::move(who));
  doc::Chart share;
  share.kind = doc::ChartKind::stacked;
  share.title = "Hushåll som får mer, oförändrat och mindre";
  share.unit = "hushåll";
  share.points = {{"får mer", t.gain, "", doc::Tone::positive, std::nullopt, ""},
                  {"oförändrat", t.unchanged, "", doc::Tone::muted, std::nullopt, ""},
                  {"får mindre", t.lose, "", doc::Tone::negative, std::nullopt, ""}};
  d.add(std::move(share), doc::Media::html);

  d.add(doc::Heading{2, "Per hushållstyp", "hushallstyp"});
  d.add(
      doc::Paragraph{"Barnen räknas per person: ett barn i växelvis boende räknas här som 1 (och som 0,5 i "
                     "minskningsbeloppet).",
                     true});
  doc::Chart type_chart;
  type_chart.title = "Skillnad totalt per hushållstyp";
  doc::Table counts;
  counts.caption = "Antal hushåll";
  counts.columns = {{"hushållstyp", Align::left}, {"hushåll", Align::right},    {"får mer", Align::right},
                    {"får mindre", Align::right}, {"oförändrat", Align::right}, {"växelvis", Align::right}};
  doc::Table amounts;
  amounts.caption = "Försörjningsstöd";
  amounts.columns = {{"hushållstyp", Align::left},
                     {"före", Align::right},
                     {"efter", Align::right},
                     {"skillnad", Align::right},
                     {"per hushåll", Align::right}};
  for (int i = 0; i < k_household_types; ++i) {
    const Tally& g = r.by_type[static_cast<std::size_t>(i)];
    if (g.households == 0) continue;
    type_chart.points.push_back({household_type_label(i), g.difference().ore(), signed_kr(g.difference()),
                                 tone_of(g.difference().ore()), std::nullopt, ""});
    counts.add({household_type_label(i), count(g.households), count(g.gain), count(g.lose), count(g.unchanged),
                count(g.alternating)});
    amounts.add({household_type_label(i), format_kr(g.before), format_kr(g.after), signed_kr(g.difference()),
                 signed_kr(per_household(g.difference(), g.households))});
  }
  if (counts.rows.empty()) {
    d.add(doc::Paragraph{"(inga hushåll)", false});
  } else {
    d.add(std::move(type_chart), doc::Media::html);
    d.add(std::move(counts));
    d.add(std::move(amounts));
  }

  d.add(doc::Heading{2, "Förändringens storlek per hushåll", "fordelning"});
  doc::Chart bands;
  bands.title = "Hushåll efter förändringens storlek";
  bands.unit = "hushåll";
  doc::Table dist;
  dist.columns = {{"förändring", Align::left}, {"hushåll", Align::right}, {"summa", Align::right}};
  for (const auto& b : r.distribution) {
    const bool loss = b.max && b.max->is_negative();
    const bool gain = b.min && b.min->ore() > 0;
    bands.points.push_back({band_label(b), b.households, count(b.households),
                            loss   ? doc::Tone::negative
                            : gain ? doc::Tone::positive
                                   : doc::Tone::muted,
                            std::nullopt, ""});
    if (b.households > 0) dist.add({band_label(b), count(b.households), signed_kr(b.change)});
  }
  d.add(std::move(bands), doc::Media::html);
  if (dist.rows.empty()) {
    d.add(doc::Paragraph{"(inga hushåll)", false});
  } else {
    d.add(std::move(dist));
  }

  d.add(doc::Heading{2, "Minskningsbelopp för stora hushåll", "minskningsbelopp"});
  d.add(
      doc::Paragraph{"Minskningsbeloppet för hushåll med fler än tre barn (SoL 12 kap. 7 a §). Ett barn i "
                     "växelvis boende räknas som 0,5.",
                     false});
  const auto households = static_cast<std::int64_t>(r.large_households.size());
  d.add(doc::KeyValueList{{{"efter", text::counted(households, "hushåll", "hushåll") + ", " +
                                         format_kr(r.large_reduction_after) + " totalt"},
                           {"före", text::counted(r.large_households_before, "hushåll", "hushåll") + ", " +
                                        format_kr(r.large_reduction_before) + " totalt"}}});
  const auto begin = r.large_households.begin();
  if (r.large_households.size() > k_text_list) {
    d.add(large_table(begin, r.large_households.end()), doc::Media::html);
    d.add(large_table(begin, begin + static_cast<std::ptrdiff_t>(k_text_list)), doc::Media::text);
    d.add(doc::Paragraph{"… och " + count(households - static_cast<std::int64_t>(k_text_list)) +
                             " till (--csv, --json och --html visar alla).",
                         false},
          doc::Media::text);
  } else if (!r.large_households.empty()) {
    d.add(large_table(begin, r.large_households.end()));
  }

  d.add(doc::Heading{2, "Reglerna i 2027 års modell", "regler"});
  d.add(doc::Paragraph{"Antal hushåll som varje regel i SoL 12 kap. 7 a–7 d §§ träffar.", false});
  doc::Table rules;
  rules.columns = {{"regel", Align::left}, {"före", Align::right}, {"efter", Align::right}};
  const RuleCounts& rb = r.rules_before;
  const RuleCounts& ra = r.rules_after;
  rules.add({"minskningsbelopp, fler än tre barn (7 a §)", count(rb.large_household), count(ra.large_household)});
  rules.add(
      {"undantag för synnerliga skäl (7 a §)", count(rb.large_household_exempt), count(ra.large_household_exempt)});
  rules.add(
      {"höjd norm med särskilda eller synnerliga skäl (7, 7 b §§)", count(rb.norm_raised), count(ra.norm_raised)});
  rules.add({"andrahandshyra utan samtycke, räknas inte (7 d §)", count(rb.second_hand_refused),
             count(ra.second_hand_refused)});
  d.add(std::move(rules));

  d.add(doc::Heading{2, "Störst ökning", "okning"});
  changes_or_none(d, r.largest_gains);
  d.add(doc::Heading{2, "Störst minskning", "minskning"});
  changes_or_none(d, r.largest_losses);

  d.add(doc::Heading{2, "Jämfört med sparade bedömningar", "sparade"});
  d.add(doc::Paragraph{"Beloppet före jämfört med ansökans senast sparade bedömning.", false});
  doc::Table stored;
  stored.columns = {{"", Align::left}, {"ansökningar", Align::right}};
  stored.add({"samma belopp", count(r.stored_same)});
  stored.add({"annat belopp", count(r.stored_differs)});
  stored.add({"ingen sparad bedömning", count(r.not_assessed)});
  d.add(std::move(stored));

  if (!r.errors.empty()) {
    d.add(doc::Heading{2, "Kunde inte bedömas (" + count(static_cast<std::int64_t>(r.errors.size())) + ")", "fel"});
    doc::BulletList list;
    for (const auto& e : r.errors) {
      std::string item =
          format_id(IdKind::application, e.application_id) + " (" + format_id(IdKind::arende, e.case_id) + ")";
      if (!e.before.empty()) item += " före: " + e.before;
      if (!e.after.empty()) item += std::string(e.before.empty() ? "" : ";") + " efter: " + e.after;
      list.items.push_back(std::move(item));
    }
    d.add(std::move(list));
  }
  d.add(doc::Paragraph{"Gjord av eb simulate. Beloppen är exakta; inget i ärendebasen har ändrats.", true},
        doc::Media::html);
  return d;
}

}  // namespace eb::report
