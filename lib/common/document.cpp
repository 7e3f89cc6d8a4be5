// SPDX-License-Identifier: MIT
#include "common/document.hpp"

#include <algorithm>
#include <string_view>
#include <tuple>

#include "common/text.hpp"

namespace eb::doc {

namespace {

using text::display_width;

std::int64_t magnitude(std::int64_t v) {
  return v < 0 ? -v : v;
}

bool shown_in(const Block& b, Media m) {
  return b.media == Media::all || b.media == m;
}

// True when `c` would print nothing: an empty paragraph, list or table.
bool is_empty(const Content& c) {
  if (const auto* p = std::get_if<Paragraph>(&c)) return p->text.empty();
  if (const auto* b = std::get_if<BulletList>(&c)) return b->items.empty();
  if (const auto* k = std::get_if<KeyValueList>(&c)) return k->items.empty();
  if (const auto* n = std::get_if<Notice>(&c)) return n->text.empty() && n->title.empty();
  if (const auto* t = std::get_if<Table>(&c)) return t->columns.empty();
  if (const auto* ch = std::get_if<Chart>(&c)) return ch->points.empty();
  return false;
}

// The value of a chart point as shown: its text, else the count and the unit.
std::string value_text(const std::string& given, std::int64_t value, const std::string& unit) {
  if (!given.empty()) return given;
  return text::format_count(value) + (unit.empty() ? "" : " " + unit);
}

// ---- text -------------------------------------------------------------------------------

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The words of `s` for wrapping: a line never breaks inside an amount ("17 170 kr"), between a
// number and "§", or between "§" and a number ("§ 12"); "\n" is a word of its own.
std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::string word;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ') {
      const bool after_digit = i > 0 && is_digit(s[i - 1]) && i + 1 < s.size() &&
                               (is_digit(s[i + 1]) || s.substr(i + 1, 2) == "kr" || s.substr(i + 1, 2) == "§");
      const bool after_section_sign = i >= 2 && s.substr(i - 2, 2) == "§" && i + 1 < s.size() && is_digit(s[i + 1]);
      if (after_digit || after_section_sign) {
        word += ' ';
        continue;
      }
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else if (s[i] == '\n') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
      out.emplace_back("\n");
    } else {
      word += s[i];
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// Appends `text` wrapped at `width` columns: the first line starts with `first`, the others
// with `rest`. A word longer than a line stands on a line of its own.
void wrap(std::string& out, std::string_view text, const std::string& first, const std::string& rest,
          std::size_t width) {
  std::string line = first;
  std::size_t used = display_width(first);
  bool empty = true;
  for (const auto& w : words_of(text)) {
    if (w == "\n") {
      out += line + "\n";
      line = rest;
      used = display_width(rest);
      empty = true;
      continue;
    }
    const std::size_t ww = display_width(w);
    if (!empty && used + 1 + ww > width) {
      out += line + "\n";
      line = rest;
      used = display_width(rest);
      empty = true;
    }
    if (!empty) {
      line += ' ';
      ++used;
    }
    line += w;
    used += ww;
    empty = false;
  }
  out += line + "\n";
}

std::string pad(const std::string& s, std::size_t w, Align align) {
  const std::size_t n = display_width(s);
  if (n >= w) return s;
  return align == Align::right ? std::string(w - n, ' ') + s : s + std::string(w - n, ' ');
}

void rtrim(std::string& s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
}

// `s` cut at its last space where the part before takes at most `w` columns: {head, tail}.
// Nothing to cut (no such space): {s, ""}.
std::pair<std::string, std::string> cut_at(const std::string& s, std::size_t w) {
  std::size_t best = std::string::npos;
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] != ' ') continue;
    if (display_width(std::string_view(s).substr(0, i)) > w) break;
    best = i;
  }
  if (best == std::string::npos) return {s, ""};
  return {s.substr(0, best), s.substr(best + 1)};
}

void text_table(std::string& out, const Table& t, std::size_t width) {
  const std::size_t cols = t.columns.size();
  const auto cell = [](const std::vector<std::string>& cells, std::size_t i) -> const std::string& {
    static const std::string k_none;
    return i < cells.size() ? cells[i] : k_none;
  };
  if (!t.caption.empty()) wrap(out, t.caption, "", "", width);
  std::vector<std::size_t> w(cols, 0);
  for (std::size_t i = 0; i < cols; ++i) w[i] = display_width(t.columns[i].header);
  for (const auto& r : t.rows) {
    for (std::size_t i = 0; i < cols; ++i) w[i] = std::max(w[i], display_width(cell(r.cells, i)));
  }
  // The first column takes what the others leave of the page, and wraps onto more lines.
  std::size_t others = 0;
  for (std::size_t i = 1; i < cols; ++i) others += w[i] + 2;
  if (w[0] + others + 2 > width && others + 2 + 20 < width) w[0] = width - others - 2;
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string first = cell(cells, 0);
    std::string more;
    if (display_width(first) > w[0]) std::tie(first, more) = cut_at(first, w[0]);
    std::string s = "  " + pad(first, w[0], t.columns[0].align);
    for (std::size_t i = 1; i < cols; ++i) s += "  " + pad(cell(cells, i), w[i], t.columns[i].align);
    rtrim(s);
    out += s + "\n";
    while (!more.empty()) {  // the rest of a long first cell, indented under it
      std::string next = more;
      more.clear();
      if (w[0] > 2 && display_width(next) > w[0] - 2) std::tie(next, more) = cut_at(next, w[0] - 2);
      out += "    " + next + "\n";
    }
  };
  bool has_header = false;
  for (const auto& c : t.columns) has_header = has_header || !c.header.empty();
  if (has_header) {
    std::vector<std::string> header;
    for (const auto& c : t.columns) header.push_back(c.header);
    line(header);
  }
  bool ruled = false;
  for (const auto& r : t.rows) {
    if (r.total && !ruled) {
      std::size_t total = w[0];
      for (std::size_t i = 1; i < cols; ++i) total += 2 + w[i];
      out += "  " + std::string(total, '-') + "\n";
      ruled = true;
    }
    line(r.cells);
  }
}

void text_key_values(std::string& out, const KeyValueList& k, std::size_t width) {
  std::size_t kw = 0;
  for (const auto& [key, value] : k.items) kw = std::max(kw, display_width(key) + 1);
  for (const auto& [key, value] : k.items) {
    wrap(out, value, "  " + pad(key + ":", kw, Align::left) + " ", std::string(kw + 3, ' '), width);
  }
}

// `len` characters of bar for `value` where `max` takes `span`; at least one for a value that
// is not zero, so that no value disappears.
std::size_t bar_length(std::int64_t value, std::int64_t max, std::size_t span) {
  if (value == 0 || max <= 0) return 0;
  const auto len = static_cast<std::size_t>(magnitude(value) * static_cast<std::int64_t>(span) / max);
  return std::max<std::size_t>(len, 1);
}

void text_chart(std::string& out, const Chart& c, std::size_t width) {
  if (!c.title.empty()) out += c.title + "\n";
  const bool two = !c.second_series.empty();
  if (two) out += "  # " + c.series + "   = " + c.second_series + "\n";
  struct Line {
    std::string label;
    std::int64_t value;
    std::string text;
    char mark;
  };
  std::vector<Line> lines;
  for (const auto& p : c.points) {
    lines.push_back({p.label, p.value, value_text(p.text, p.value, c.unit), '#'});
    if (two) lines.push_back({"", p.second.value_or(0), value_text(p.second_text, p.second.value_or(0), c.unit), '='});
  }
  std::size_t lw = 0;
  std::size_t tw = 0;
  std::int64_t max_pos = 0;
  std::int64_t max_neg = 0;
  std::int64_t sum = 0;
  for (const auto& l : lines) {
    lw = std::max(lw, display_width(l.label));
    tw = std::max(tw, display_width(l.text));
    max_pos = std::max(max_pos, l.value);
    max_neg = std::max(max_neg, -l.value);
    if (l.mark == '#') sum += magnitude(l.value);
  }
  const std::size_t fixed = 2 + lw + 2 + 2 + tw + (max_neg > 0 ? 1 : 0);
  const std::size_t span = width > fixed + 10 ? width - fixed : 10;
  // A stacked chart shows each part against the sum; the others against the largest value.
  const std::int64_t scale_max = c.kind == ChartKind::stacked ? sum : max_pos + max_neg;
  const std::size_t neg_span =
      max_neg == 0 ? 0 : static_cast<std::size_t>(static_cast<std::int64_t>(span) * max_neg / (max_pos + max_neg));
  const std::size_t pos_span = span - neg_span;
  for (const auto& l : lines) {
    std::string s = "  " + pad(l.label, lw, Align::left) + "  ";
    const std::size_t len = bar_length(l.value, scale_max, span);
    if (max_neg > 0) {
      const std::size_t left = l.value < 0 ? std::min(len, neg_span) : 0;
      s += std::string(neg_span - left, ' ') + std::string(left, l.mark) + "|";
      const std::size_t right = l.value > 0 ? std::min(len, pos_span) : 0;
      s += std::string(right, l.mark) + std::string(pos_span - right, ' ');
    } else {
      s += std::string(std::min(len, span), l.mark) + std::string(span - std::min(len, span), ' ');
    }
    s += "  " + pad(l.text, tw, Align::right);
    rtrim(s);
    out += s + "\n";
  }
}

void text_block(std::string& out, const Content& c, std::size_t width) {
  if (const auto* p = std::get_if<Paragraph>(&c)) {
    wrap(out, p->text, "", "", width);
  } else if (const auto* b = std::get_if<BulletList>(&c)) {
    for (const auto& item : b->items) wrap(out, item, "  - ", "    ", width);
  } else if (const auto* k = std::get_if<KeyValueList>(&c)) {
    text_key_values(out, *k, width);
  } else if (const auto* n = std::get_if<Notice>(&c)) {
    wrap(out, n->title.empty() ? n->text : n->title + ": " + n->text, "", "  ", width);
  } else if (const auto* t = std::get_if<Table>(&c)) {
    text_table(out, *t, width);
  } else if (const auto* ch = std::get_if<Chart>(&c)) {
    text_chart(out, *ch, width);
  }
}

// ---- HTML -------------------------------------------------------------------------------

constexpr std::string_view k_style = R"css(
body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 11pt; line-height: 1.4; color: #111;
       max-width: 64em; margin: 2em auto; padding: 0 1em; }
body.letter { max-width: 46em; }
header { display: flex; justify-content: space-between; align-items: flex-start; gap: 2em; }
.issuer { font-weight: bold; }
.recipient { margin: 2em 0; font-style: normal; }
h1 { font-size: 15pt; margin: 1em 0 0.5em; }
h2 { font-size: 12pt; margin: 1.6em 0 0.4em; border-bottom: 1px solid #999; }
h3, h4, h5, h6 { font-size: 11pt; margin: 1.2em 0 0.3em; }
.subtitle { margin-top: -0.3em; color: #333; }
table { border-collapse: collapse; margin: 0.4em 0 1em; }
body.letter table:not(.meta) { width: 100%; }
th, td { padding: 0.2em 0.5em; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
table.meta th, table.meta td { border: none; padding: 0 1em 0 0; }
table.meta th { font-weight: normal; color: #333; }
caption { text-align: left; font-weight: bold; padding: 0.2em 0; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; border-top: 1px solid #000; }
dl.kv { display: grid; grid-template-columns: max-content auto; gap: 0.1em 1em; }
dl.kv dt { color: #333; }
dl.kv dd { margin: 0; }
.notice { border-left: 4px solid #3465a4; background: #eef3fa; padding: 0.4em 0.8em; }
.notice.warning { border-left-color: #b25d00; background: #fff4e5; }
.note { color: #555; font-size: 0.9em; }
figure.chart { margin: 0.6em 0 1em; }
figcaption { font-weight: bold; margin-bottom: 0.3em; }
svg { display: block; max-width: 100%; height: auto; }
svg text { font-size: 12px; fill: #222; }
svg text.small { font-size: 11px; }
.t-neutral { fill: #3465a4; } .t-positive { fill: #2e7d32; } .t-negative { fill: #c62828; } .t-muted { fill: #9e9e9e; }
.s2 { fill: #a9c1e0; }
line.axis { stroke: #555; stroke-width: 1; }
@page { size: A4; margin: 20mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2, h3 { break-after: avoid; }
  table, li, figure, .notice { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

std::string esc(std::string_view s) {
  return text::markup_escaped(s);
}

std::string with_breaks(std::string_view s) {
  std::string out = esc(s);
  for (std::size_t pos = 0; (pos = out.find('\n', pos)) != std::string::npos; pos += 5) out.replace(pos, 1, "<br>\n");
  return out;
}

const char* tone_class(Tone t) {
  switch (t) {
    case Tone::positive:
      return "t-positive";
    case Tone::negative:
      return "t-negative";
    case Tone::muted:
      return "t-muted";
    case Tone::neutral:
      break;
  }
  return "t-neutral";
}

// SVG user units for `cols` columns of 12-pixel text (about 7 units a character).
std::int64_t text_units(std::size_t cols) {
  return static_cast<std::int64_t>(cols) * 7;
}

std::int64_t scaled(std::int64_t value, std::int64_t max, std::int64_t span) {
  if (value == 0 || max <= 0) return 0;
  return std::max<std::int64_t>(magnitude(value) * span / max, 1);
}

std::string num(std::int64_t v) {
  return std::to_string(v);
}

std::string rect(const char* css, std::int64_t x, std::int64_t y, std::int64_t w, std::int64_t h,
                 const std::string& tip) {
  return "<rect class=\"" + std::string(css) + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) +
         "\" height=\"" + num(h) + "\"><title>" + esc(tip) + "</title></rect>";
}

std::string svg_text(std::int64_t x, std::int64_t y, const std::string& s, const char* anchor = nullptr,
                     const char* css = nullptr) {
  std::string out = "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"";
  if (anchor) out += " text-anchor=\"" + std::string(anchor) + "\"";
  if (css) out += " class=\"" + std::string(css) + "\"";
  return out + ">" + esc(s) + "</text>";
}

constexpr std::int64_t k_chart_width = 760;

std::string svg_open(std::int64_t height, const std::string& title) {
  return "<svg role=\"img\" width=\"" + num(k_chart_width) + "\" height=\"" + num(height) + "\" viewBox=\"0 0 " +
         num(k_chart_width) + " " + num(height) + "\"><title>" + esc(title) + "</title>\n";
}

// The legend of a chart with two series: two swatches and the names, on one line at `y`.
std::string legend(const Chart& c, std::int64_t y) {
  std::string out = rect("t-neutral", 0, y - 10, 12, 12, c.series) + svg_text(18, y, c.series);
  const std::int64_t x = 18 + text_units(display_width(c.series)) + 24;
  out += rect("s2", x, y - 10, 12, 12, c.second_series) + svg_text(x + 18, y, c.second_series) + "\n";
  return out;
}

std::string svg_bars(const Chart& c) {
  const bool two = !c.second_series.empty();
  // Two series: two bars a row, each tall enough for its value beside it (11-pixel text).
  const std::int64_t row_h = two ? 30 : 22;
  const std::int64_t bar_h = two ? 13 : 16;
  std::size_t label_cols = 0;
  std::size_t text_cols = 0;
  std::int64_t max_pos = 0;
  std::int64_t max_neg = 0;
  for (const auto& p : c.points) {
    label_cols = std::max(label_cols, display_width(p.label));
    text_cols = std::max(text_cols, display_width(value_text(p.text, p.value, c.unit)));
    max_pos = std::max(max_pos, p.value);
    max_neg = std::max(max_neg, -p.value);
    if (two) {
      text_cols = std::max(text_cols, display_width(value_text(p.second_text, p.second.value_or(0), c.unit)));
      max_pos = std::max(max_pos, p.second.value_or(0));
      max_neg = std::max(max_neg, -p.second.value_or(0));
    }
  }
  const std::int64_t label_w = std::clamp<std::int64_t>(text_units(label_cols) + 12, 40, 320);
  const std::int64_t text_w = std::clamp<std::int64_t>(text_units(text_cols) + 8, 30, 160);
  const std::int64_t area = k_chart_width - label_w - text_w * (max_neg > 0 ? 2 : 1);
  const std::int64_t range = max_pos + max_neg;
  const std::int64_t zero = label_w + (max_neg > 0 ? text_w + (range == 0 ? 0 : area * max_neg / range) : 0);
  const std::int64_t top = two ? 22 : 4;
  const std::int64_t height = top + static_cast<std::int64_t>(c.points.size()) * row_h + 4;
  std::string out = svg_open(height, c.title);
  if (two) out += legend(c, 14);
  std::int64_t y = top;
  const auto bar = [&](std::int64_t value, const std::string& shown, const char* css, const std::string& label,
                       std::int64_t by) {
    const std::int64_t len = scaled(value, range, area);
    const std::int64_t x = value < 0 ? zero - len : zero;
    const std::int64_t base = by + bar_h - (two ? 2 : 3);
    if (len > 0) out += rect(css, x, by, len, bar_h, label + ": " + shown);
    out += value < 0 ? svg_text(x - 4, base, shown, "end", two ? "small" : nullptr)
                     : svg_text(zero + len + 4, base, shown, nullptr, two ? "small" : nullptr);
  };
  for (const auto& p : c.points) {
    out += svg_text(0, y + row_h / 2 + 4, p.label);
    const std::int64_t by = y + (row_h - (two ? 2 * bar_h : bar_h)) / 2;
    bar(p.value, value_text(p.text, p.value, c.unit), tone_class(p.tone), p.label, by);
    if (two) {
      bar(p.second.value_or(0), value_text(p.second_text, p.second.value_or(0), c.unit), "s2",
          p.label + " (" + c.second_series + ")", by + bar_h);
    }
    out += "\n";
    y += row_h;
  }
  out += "<line class=\"axis\" x1=\"" + num(zero) + "\" y1=\"" + num(top) + "\" x2=\"" + num(zero) + "\" y2=\"" +
         num(height) + "\"/></svg>\n";
  return out;
}

std::string svg_columns(const Chart& c) {
  const bool two = !c.second_series.empty();
  const auto n = static_cast<std::int64_t>(c.points.size());
  constexpr std::int64_t plot_h = 180;
  const std::int64_t top = two ? 40 : 20;  // the legend, and the value above the highest column
  constexpr std::int64_t label_h = 24;
  const std::int64_t slot = (k_chart_width - 8) / std::max<std::int64_t>(n, 1);
  const std::int64_t col_w = std::max<std::int64_t>(slot * 7 / 10 / (two ? 2 : 1), 1);
  std::int64_t max_pos = 0;
  std::int64_t max_neg = 0;
  std::size_t text_cols = 0;
  std::size_t label_cols = 0;
  for (const auto& p : c.points) {
    label_cols = std::max(label_cols, display_width(p.label));
    max_pos = std::max({max_pos, p.value, p.second.value_or(0)});
    max_neg = std::max({max_neg, -p.value, -p.second.value_or(0)});
    text_cols = std::max(text_cols, display_width(value_text(p.text, p.value, c.unit)));
  }
  const std::int64_t range = max_pos + max_neg;
  const std::int64_t base = top + (range == 0 ? plot_h : plot_h * max_pos / range);
  const std::int64_t height = top + plot_h + label_h;
  // Values above the columns only where they fit in the column's slot; every value is in the
  // bar's tooltip and in the table the chart stands beside.
  const bool values_fit = text_units(text_cols) * 11 / 12 <= slot - 4;
  // Every label where they fit under their columns, else every second, third …
  const std::int64_t label_step = std::max<std::int64_t>(1, (text_units(label_cols) * 11 / 12 + 6 + slot - 1) / slot);
  std::int64_t index = 0;
  std::string out = svg_open(height, c.title);
  if (two) out += legend(c, 14);
  std::int64_t x = 8;
  for (const auto& p : c.points) {
    const auto column = [&](std::int64_t value, const std::string& shown, const char* css, const std::string& tip,
                            std::int64_t cx, bool label_value) {
      const std::int64_t len = scaled(value, range, plot_h);
      const std::int64_t y = value < 0 ? base : base - len;
      if (len > 0) out += rect(css, cx, y, col_w, len, tip + ": " + shown);
      if (label_value && values_fit) {
        out += svg_text(cx + col_w / 2, value < 0 ? base + len + 12 : y - 4, shown, "middle", "small");
      }
    };
    const std::int64_t cx = x + (slot - col_w * (two ? 2 : 1)) / 2;
    column(p.value, value_text(p.text, p.value, c.unit), tone_class(p.tone), p.label, cx, !two);
    if (two) {
      column(p.second.value_or(0), value_text(p.second_text, p.second.value_or(0), c.unit), "s2",
             p.label + " (" + c.second_series + ")", cx + col_w, false);
    }
    if (index % label_step == 0) out += svg_text(x + slot / 2, top + plot_h + 16, p.label, "middle", "small");
    out += "\n";
    x += slot;
    ++index;
  }
  out += "<line class=\"axis\" x1=\"0\" y1=\"" + num(base) + "\" x2=\"" + num(k_chart_width) + "\" y2=\"" + num(base) +
         "\"/></svg>\n";
  return out;
}

std::string svg_stacked(const Chart& c) {
  constexpr std::int64_t bar_w = k_chart_width - 20;
  std::int64_t sum = 0;
  for (const auto& p : c.points) sum += std::max<std::int64_t>(p.value, 0);
  std::string out = svg_open(48, c.title);
  std::int64_t x = 0;
  std::int64_t running = 0;
  std::string caption;
  for (const auto& p : c.points) {
    const std::int64_t v = std::max<std::int64_t>(p.value, 0);
    running += v;
    // Cumulative rounding, so that the parts always add up to the bar.
    const std::int64_t end = sum == 0 ? 0 : running * bar_w / sum;
    const std::string shown = value_text(p.text, p.value, c.unit);
    if (end > x) out += rect(tone_class(p.tone), x, 0, end - x, 24, p.label + ": " + shown) + "\n";
    x = end;
    caption += (caption.empty() ? "" : " · ") + p.label + " " + shown;
  }
  // The legend on one line below the bar, so that narrow parts never overlap.
  out += svg_text(0, 42, caption) + "</svg>\n";
  return out;
}

std::string html_chart(const Chart& c) {
  std::string out = "<figure class=\"chart\">\n<figcaption>" + esc(c.title) + "</figcaption>\n";
  switch (c.kind) {
    case ChartKind::bars:
      out += svg_bars(c);
      break;
    case ChartKind::columns:
      out += svg_columns(c);
      break;
    case ChartKind::stacked:
      out += svg_stacked(c);
      break;
  }
  return out + "</figure>\n";
}

std::string html_table(const Table& t) {
  const auto cls = [&](std::size_t i) { return t.columns[i].align == Align::right ? " class=\"num\"" : ""; };
  std::string out = "<table>\n";
  if (!t.caption.empty()) out += "<caption>" + esc(t.caption) + "</caption>\n";
  bool has_header = false;
  for (const auto& c : t.columns) has_header = has_header || !c.header.empty();
  if (has_header) {
    out += "<thead><tr>";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      out += "<th" + std::string(cls(i)) + ">" + esc(t.columns[i].header) + "</th>";
    }
    out += "</tr></thead>\n";
  }
  out += "<tbody>\n";
  for (const auto& r : t.rows) {
    out += r.total ? "<tr class=\"total\">" : "<tr>";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      out += "<td" + std::string(cls(i)) + ">" + esc(i < r.cells.size() ? r.cells[i] : "") + "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string html_block(const Content& c) {
  if (const auto* p = std::get_if<Paragraph>(&c)) {
    return std::string(p->note ? "<p class=\"note\">" : "<p>") + with_breaks(p->text) + "</p>\n";
  }
  if (const auto* b = std::get_if<BulletList>(&c)) {
    std::string out = "<ul>\n";
    for (const auto& item : b->items) out += "<li>" + with_breaks(item) + "</li>\n";
    return out + "</ul>\n";
  }
  if (const auto* k = std::get_if<KeyValueList>(&c)) {
    std::string out = "<dl class=\"kv\">\n";
    for (const auto& [key, value] : k->items) out += "<dt>" + esc(key) + "</dt><dd>" + with_breaks(value) + "</dd>\n";
    return out + "</dl>\n";
  }
  if (const auto* n = std::get_if<Notice>(&c)) {
    std::string out = n->kind == NoticeKind::warning ? "<p class=\"notice warning\">" : "<p class=\"notice\">";
    if (!n->title.empty()) out += "<strong>" + esc(n->title) + ":</strong> ";
    return out + with_breaks(n->text) + "</p>\n";
  }
  if (const auto* t = std::get_if<Table>(&c)) return html_table(*t);
  if (const auto* ch = std::get_if<Chart>(&c)) return html_chart(*ch);
  return "";
}

}  // namespace

std::string to_text(const Document& d, const TextOptions& options) {
  const std::size_t width = options.width;
  std::string out;
  if (!d.issuer.empty()) out += d.issuer + "\n\n";
  if (!d.title.empty()) out += d.title + "\n" + std::string(display_width(d.title), '=') + "\n";
  if (!d.subtitle.empty()) wrap(out, d.subtitle, "", "", width);
  if (!d.meta.empty()) {
    std::string facts;
    for (const auto& [k, v] : d.meta) facts += (facts.empty() ? "" : "   ") + k + " " + v;
    if (display_width(facts) <= width) {
      out += facts + "\n";
    } else {
      for (const auto& [k, v] : d.meta) out += k + " " + v + "\n";
    }
  }
  bool after_heading = out.empty();  // nothing to keep apart from
  if (d.recipient) {
    out += "\n" + (d.recipient->label.empty() ? "" : d.recipient->label + ":\n");
    for (const auto& line : d.recipient->lines) out += "  " + line + "\n";
    after_heading = false;
  }
  for (const auto& b : d.blocks) {
    if (!shown_in(b, Media::text) || is_empty(b.content)) continue;
    if (const auto* h = std::get_if<Heading>(&b.content)) {
      if (!out.empty()) out += "\n";
      out += h->text + "\n";
      if (h->level <= 2) out += std::string(display_width(h->text), h->level <= 1 ? '=' : '-') + "\n";
      after_heading = true;
      continue;
    }
    if (!after_heading) out += "\n";
    after_heading = false;
    text_block(out, b.content, width);
  }
  return out;
}

std::string to_html(const Document& d) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + esc(d.lang) +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                    esc(d.page_title.empty() ? d.title : d.page_title) + "</title>\n<style>" + std::string(k_style) +
                    "</style>\n</head>\n";
  out += d.layout == Layout::letter ? "<body class=\"letter\">\n" : "<body class=\"report\">\n";
  if (!d.issuer.empty() || !d.meta.empty()) {
    out += "<header>\n";
    out += "<div class=\"issuer\">" + esc(d.issuer) + "</div>\n";
    if (!d.meta.empty()) {
      out += "<table class=\"meta\">\n";
      for (const auto& [k, v] : d.meta) out += "<tr><th>" + esc(k) + "</th><td>" + esc(v) + "</td></tr>\n";
      out += "</table>\n";
    }
    out += "</header>\n";
  }
  if (d.recipient) {
    out += "<address class=\"recipient\">\n";
    for (const auto& line : d.recipient->lines) out += esc(line) + "<br>\n";
    out += "</address>\n";
  }
  if (!d.title.empty()) out += "<h1>" + esc(d.title) + "</h1>\n";
  if (!d.subtitle.empty()) out += "<p class=\"subtitle\">" + esc(d.subtitle) + "</p>\n";
  bool in_section = false;
  for (const auto& b : d.blocks) {
    if (!shown_in(b, Media::html) || is_empty(b.content)) continue;
    if (const auto* h = std::get_if<Heading>(&b.content)) {
      const int level = std::clamp(h->level, 2, 6);
      if (level == 2) {
        if (in_section) out += "</section>\n";
        out += h->id.empty() ? "<section>\n" : "<section id=\"" + esc(h->id) + "\">\n";
        in_section = true;
      }
      const std::string tag = "h" + std::to_string(level);
      const std::string id = level > 2 && !h->id.empty() ? " id=\"" + esc(h->id) + "\"" : "";
      out += "<" + tag + id + ">" + esc(h->text) + "</" + tag + ">\n";
      continue;
    }
    out += html_block(b.content);
  }
  if (in_section) out += "</section>\n";
  return out + "</body>\n</html>\n";
}

}  // namespace eb::doc
