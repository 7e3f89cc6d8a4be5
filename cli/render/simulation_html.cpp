// SPDX-License-Identifier: MIT
// The simulation as one self-contained HTML page: inline CSS, inline SVG bar charts, no script
// and nothing loaded from anywhere. Chart geometry is integer arithmetic (SVG user units).
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/ids.hpp"
#include "common/text.hpp"
#include "render/simulation.hpp"

namespace eb::cli {

namespace {

using money::Money;
using report::CaseChange;
using report::SimulationResult;

std::int64_t abs64(std::int64_t v) {
  return v < 0 ? -v : v;
}

// `value` scaled to `span` units where `max` fills the span: value × span / max, in integers.
std::int64_t scale(std::int64_t value, std::int64_t max, std::int64_t span) {
  return max <= 0 ? 0 : abs64(value) * span / max;
}

const char* sign_class(std::int64_t v) {
  return v > 0 ? "gain" : v < 0 ? "lose" : "same";
}

constexpr std::string_view k_style = R"css(
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 64em; padding: 0 1em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
th, td { padding: 0.2em 0.7em; border-bottom: 1px solid #e4e4e4; text-align: left; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.warning { color: #8a4b00; font-weight: bold; }
svg { display: block; margin: 0.5em 0 1em; max-width: 100%; height: auto; }
svg text { font-size: 12px; fill: #222; }
rect.gain { fill: #2e7d32; } rect.lose { fill: #c62828; } rect.same { fill: #9e9e9e; }
line.axis { stroke: #555; stroke-width: 1; }
.note { color: #555; font-size: 0.9em; }
)css";

void cell(std::ostream& out, const std::string& text, bool number = false) {
  out << (number ? "<td class=\"n\">" : "<td>") << text::markup_escaped(text) << "</td>";
}

void header(std::ostream& out, const std::vector<std::pair<std::string, bool>>& cols) {
  out << "<thead><tr>";
  for (const auto& [text, number] : cols)
    out << (number ? "<th class=\"n\">" : "<th>") << text::markup_escaped(text) << "</th>";
  out << "</tr></thead>\n";
}

void cases_table(std::ostream& out, const std::vector<CaseChange>& cases, bool with_reduction) {
  if (cases.empty()) {
    out << "<p>(none)</p>\n";
    return;
  }
  out << "<table>";
  std::vector<std::pair<std::string, bool>> cols{{"application", false}, {"case", false}, {"household", false}};
  if (with_reduction) cols.insert(cols.end(), {{"children counted", true}, {"reduction", true}});
  cols.insert(cols.end(), {{"before", true}, {"after", true}, {"change", true}});
  header(out, cols);
  out << "<tbody>\n";
  for (const auto& c : cases) {
    out << "<tr>";
    cell(out, format_id(IdKind::application, c.application_id));
    cell(out, format_id(IdKind::arende, c.case_id));
    cell(out, report::household_type_label(c.type()));
    if (with_reduction) {
      cell(out, halves_text(c.children_halves, ','), true);
      cell(out, money::format_kr(c.reduction_after), true);
    }
    cell(out, money::format_kr(c.before), true);
    cell(out, money::format_kr(c.after), true);
    cell(out, signed_kr(c.change()), true);
    out << "</tr>\n";
  }
  out << "</tbody></table>\n";
}

// One horizontal bar per row, from a zero axis: to the right for positive values, to the left
// for negative ones. `values` are in öre or counts; `labels` name the rows, `texts` the values.
struct Bar {
  std::string label;
  std::int64_t value = 0;
  std::string text;
  const char* css = "same";
};

void bar_chart(std::ostream& out, const std::string& title, const std::vector<Bar>& bars, bool diverging) {
  constexpr std::int64_t width = 760;
  constexpr std::int64_t label_w = 200;
  constexpr std::int64_t text_w = 110;
  constexpr std::int64_t row_h = 22;
  constexpr std::int64_t bar_h = 16;
  const std::int64_t area = width - label_w - 2 * text_w;
  const std::int64_t zero = diverging ? label_w + text_w + area / 2 : label_w + 4;
  const std::int64_t span = diverging ? area / 2 : area + text_w - 4;
  std::int64_t max = 0;
  for (const auto& b : bars) max = std::max(max, abs64(b.value));
  const std::int64_t height = static_cast<std::int64_t>(bars.size()) * row_h + 8;
  out << "<svg role=\"img\" width=\"" << width << "\" height=\"" << height << "\" viewBox=\"0 0 " << width << " "
      << height << "\"><title>" << text::markup_escaped(title) << "</title>\n";
  std::int64_t y = 4;
  for (const auto& b : bars) {
    const std::int64_t len = scale(b.value, max, span);
    const std::int64_t x = b.value < 0 ? zero - len : zero;
    const std::int64_t mid = y + row_h / 2 + 4;
    out << "<text x=\"0\" y=\"" << mid << "\">" << text::markup_escaped(b.label) << "</text>";
    if (len > 0) {
      out << "<rect class=\"" << b.css << "\" x=\"" << x << "\" y=\"" << y + (row_h - bar_h) / 2 << "\" width=\"" << len
          << "\" height=\"" << bar_h << "\"><title>" << text::markup_escaped(b.label) << ": "
          << text::markup_escaped(b.text) << "</title></rect>";
    }
    if (b.value < 0) {
      out << "<text x=\"" << x - 4 << "\" y=\"" << mid << "\" text-anchor=\"end\">" << text::markup_escaped(b.text)
          << "</text>\n";
    } else {
      out << "<text x=\"" << zero + len + 4 << "\" y=\"" << mid << "\">" << text::markup_escaped(b.text) << "</text>\n";
    }
    y += row_h;
  }
  out << "<line class=\"axis\" x1=\"" << zero << "\" y1=\"0\" x2=\"" << zero << "\" y2=\"" << height << "\"/>";
  out << "</svg>\n";
}

// Gain, lose and unchanged as one bar split in proportion to the households.
void share_chart(std::ostream& out, const report::Tally& t) {
  constexpr std::int64_t width = 760;
  constexpr std::int64_t bar_w = 740;
  const std::int64_t parts[3] = {t.gain, t.unchanged, t.lose};
  const char* css[3] = {"gain", "same", "lose"};
  const char* names[3] = {"gain", "unchanged", "lose"};
  out << "<svg role=\"img\" width=\"" << width << "\" height=\"48\" viewBox=\"0 0 " << width
      << " 48\"><title>households that gain, are unchanged and lose</title>\n";
  std::int64_t x = 0;
  std::int64_t sum = 0;
  for (int i = 0; i < 3; ++i) {
    sum += parts[i];
    // Cumulative rounding, so the three widths always add up to the bar.
    const std::int64_t end = t.households == 0 ? 0 : sum * bar_w / t.households;
    if (end > x) {
      out << "<rect class=\"" << css[i] << "\" x=\"" << x << "\" y=\"0\" width=\"" << end - x
          << "\" height=\"24\"><title>" << names[i] << ": " << parts[i] << "</title></rect>\n";
    }
    x = end;
  }
  // The legend on one line below the bar, so narrow parts never overlap.
  out << "<text x=\"0\" y=\"42\">";
  for (int i = 0; i < 3; ++i) out << (i ? " · " : "") << names[i] << " " << parts[i];
  out << "</text></svg>\n";
}

}  // namespace

void print_simulation_html(std::ostream& out, const SimulationResult& r) {
  const auto& t = r.total;
  const std::string title =
      "Simulation of " + r.month.to_string() + (r.as_of ? " as of " + r.as_of->to_string() : std::string());
  out << "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << text::markup_escaped("eb simulate: " + title) << "</title>\n<style>" << k_style
      << "</style>\n</head>\n<body>\n";
  out << "<h1>" << text::markup_escaped(title) << "</h1>\n";
  out << "<p>Before: " << text::markup_escaped(norms_text(r.norms_before)) << ", for "
      << text::markup_escaped(r.month.to_string()) << ". After: " << text::markup_escaped(norms_text(r.norms_after))
      << ", for " << text::markup_escaped(r.after_month.to_string()) << ". Nothing is stored.</p>\n";
  for (const auto& w : r.warnings) out << "<p class=\"warning\">Warning: " << text::markup_escaped(w) << "</p>\n";
  out << "<p>" << r.applications << " applications read, " << t.households << " households simulated";
  if (!r.errors.empty()) out << ", <a href=\"#errors\">" << r.errors.size() << " could not be assessed</a>";
  out << ".</p>\n";

  out << "<h2>Totals</h2>\n<table>";
  header(out, {{"", false}, {"before", true}, {"after", true}, {"difference", true}, {"", true}});
  out << "<tbody><tr>";
  cell(out, "försörjningsstöd, total");
  cell(out, money::format_kr(t.before), true);
  cell(out, money::format_kr(t.after), true);
  cell(out, signed_kr(t.difference()), true);
  cell(out, percent_of(t.difference(), t.before), true);
  out << "</tr>\n";
  if (t.households > 0) {
    out << "<tr>";
    cell(out, "per household");
    cell(out, money::format_kr(t.before.scaled(1, t.households, money::Rounding::ore_half_up)), true);
    cell(out, money::format_kr(t.after.scaled(1, t.households, money::Rounding::ore_half_up)), true);
    cell(out, signed_kr(t.difference().scaled(1, t.households, money::Rounding::ore_half_up)), true);
    cell(out, "", true);
    out << "</tr>\n";
  }
  out << "</tbody></table>\n<table>";
  header(out, {{"households", false}, {"count", true}, {"change", true}});
  out << "<tbody><tr>";
  cell(out, "gain");
  cell(out, std::to_string(t.gain), true);
  cell(out, signed_kr(t.gained), true);
  out << "</tr>\n<tr>";
  cell(out, "lose");
  cell(out, std::to_string(t.lose), true);
  cell(out, signed_kr(t.lost), true);
  out << "</tr>\n<tr>";
  cell(out, "unchanged");
  cell(out, std::to_string(t.unchanged), true);
  cell(out, "", true);
  out << "</tr></tbody></table>\n";
  share_chart(out, t);

  out << "<h2>By household type</h2>\n";
  out << "<p class=\"note\">Children by headcount; a child in växelvis boende counts 1 here (and 0,5 in the "
         "large-household reduction).</p>\n";
  std::vector<Bar> type_bars;
  for (int i = 0; i < report::k_household_types; ++i) {
    const auto& g = r.by_type[static_cast<std::size_t>(i)];
    if (g.households == 0) continue;
    type_bars.push_back({report::household_type_label(i), g.difference().ore(), signed_kr(g.difference()),
                         sign_class(g.difference().ore())});
  }
  if (!type_bars.empty()) bar_chart(out, "difference in total by household type", type_bars, true);
  out << "<table>";
  header(out, {{"household", false},
               {"households", true},
               {"gain", true},
               {"lose", true},
               {"unchanged", true},
               {"växelvis", true},
               {"before", true},
               {"after", true},
               {"difference", true},
               {"per household", true}});
  out << "<tbody>\n";
  for (int i = 0; i < report::k_household_types; ++i) {
    const auto& g = r.by_type[static_cast<std::size_t>(i)];
    if (g.households == 0) continue;
    out << "<tr>";
    cell(out, report::household_type_label(i));
    cell(out, std::to_string(g.households), true);
    cell(out, std::to_string(g.gain), true);
    cell(out, std::to_string(g.lose), true);
    cell(out, std::to_string(g.unchanged), true);
    cell(out, std::to_string(g.alternating), true);
    cell(out, money::format_kr(g.before), true);
    cell(out, money::format_kr(g.after), true);
    cell(out, signed_kr(g.difference()), true);
    cell(out, signed_kr(g.difference().scaled(1, g.households, money::Rounding::ore_half_up)), true);
    out << "</tr>\n";
  }
  out << "</tbody></table>\n";

  out << "<h2>Distribution of the change per household</h2>\n";
  std::vector<Bar> band_bars;
  for (const auto& b : r.distribution) {
    const bool loss = b.max && b.max->is_negative();
    const bool gain = b.min && b.min->ore() > 0;
    band_bars.push_back({band_label(b), b.households, std::to_string(b.households),
                         loss   ? "lose"
                         : gain ? "gain"
                                : "same"});
  }
  bar_chart(out, "households by size of the change", band_bars, false);
  out << "<table>";
  header(out, {{"change", false}, {"households", true}, {"sum", true}});
  out << "<tbody>\n";
  for (const auto& b : r.distribution) {
    out << "<tr>";
    cell(out, band_label(b));
    cell(out, std::to_string(b.households), true);
    cell(out, signed_kr(b.change), true);
    out << "</tr>\n";
  }
  out << "</tbody></table>\n";

  out << "<h2>Large-household reduction</h2>\n<p>Minskningsbelopp for more than three children (a child in "
         "växelvis boende counts 0,5). After: "
      << r.large_households.size() << " households, " << text::markup_escaped(money::format_kr(r.large_reduction_after))
      << " in total. Before: " << r.large_households_before << " households, "
      << text::markup_escaped(money::format_kr(r.large_reduction_before)) << " in total.</p>\n";
  cases_table(out, r.large_households, true);

  out << "<h2>Rules of the 2027 model</h2>\n<p>Households each rule of SoL 12 kap. 7 a–7 d §§ "
         "hit.</p>\n<table>";
  header(out, {{"rule", false}, {"before", true}, {"after", true}});
  out << "<tbody>\n";
  for (const auto& row : rule_rows(r)) {
    out << "<tr>";
    cell(out, row.label);
    cell(out, std::to_string(row.before), true);
    cell(out, std::to_string(row.after), true);
    out << "</tr>\n";
  }
  out << "</tbody></table>\n";

  out << "<h2>Largest gains</h2>\n";
  cases_table(out, r.largest_gains, false);
  out << "<h2>Largest losses</h2>\n";
  cases_table(out, r.largest_losses, false);

  out << "<h2>Stored assessments</h2>\n<p>The amount computed before against the latest stored assessment: "
      << r.stored_same << " the same, " << r.stored_differs << " differ, " << r.not_assessed << " not assessed.</p>\n";

  if (!r.errors.empty()) {
    out << "<h2 id=\"errors\">Could not be assessed (" << r.errors.size() << ")</h2>\n<table>";
    header(out, {{"application", false}, {"case", false}, {"before", false}, {"after", false}});
    out << "<tbody>\n";
    for (const auto& e : r.errors) {
      out << "<tr>";
      cell(out, format_id(IdKind::application, e.application_id));
      cell(out, format_id(IdKind::arende, e.case_id));
      cell(out, e.before);
      cell(out, e.after);
      out << "</tr>\n";
    }
    out << "</tbody></table>\n";
  }
  out << "<p class=\"note\">Made by eb simulate. Amounts are exact; nothing in the case store was changed.</p>\n"
      << "</body>\n</html>\n";
}

}  // namespace eb::cli
