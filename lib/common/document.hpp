// SPDX-License-Identifier: MIT
// One document model for what a person reads (the decision letter, the simulation page, the
// unit's report): blocks of headings, paragraphs, lists, tables and charts, with one HTML
// writer and one text writer. Strings in, a string out: no I/O. Values are text the caller
// has formatted (amounts with money::format_kr, counts with text::format_count).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace eb::doc {

enum class Align { left, right };

// A heading. Level 2 (or 1) starts a section: in HTML a <section> with `id` as its id when
// given; level 3 to 6 are headings inside one (`id` on the heading). The title is above them.
struct Heading {
  int level = 2;
  std::string text;
  std::string id;  // optional: an HTML id (what links and tests look for)
};

// A paragraph of running text, wrapped by the text writer. A "\n" in `text` is a line break.
struct Paragraph {
  std::string text;
  bool note = false;  // a remark in smaller type (HTML); plain in text
};

// Items of a bulleted list; each item is wrapped with a hanging indent in text.
struct BulletList {
  std::vector<std::string> items;
};

// Terms and their values, one pair a line: "  före:   riksnorm-2026".
struct KeyValueList {
  std::vector<std::pair<std::string, std::string>> items;
};

enum class NoticeKind { info, warning };

// A box that stands out: a warning about the figures, an important note.
struct Notice {
  NoticeKind kind = NoticeKind::info;
  std::string title;  // optional: "Varning"; printed before the text
  std::string text;
};

struct Column {
  std::string header;
  Align align = Align::left;  // right for numbers
};

// A table row. A total row is bold in HTML; in text a rule is drawn above the first one.
struct Row {
  std::vector<std::string> cells;  // missing cells are empty
  bool total = false;
};

// A table: columns, body rows (and total rows where they belong), an optional caption. The
// header row is shown when some column has a header.
struct Table {
  std::vector<Column> columns;
  std::vector<Row> rows;
  std::string caption;

  void add(std::vector<std::string> cells) { rows.push_back({std::move(cells), false}); }
  void add_total(std::vector<std::string> cells) { rows.push_back({std::move(cells), true}); }
};

enum class ChartKind {
  bars,     // one horizontal bar per point; negative values go left of the zero line
  columns,  // one vertical column per point (a histogram, a month series)
  stacked,  // one bar split into the points' shares of their sum (values must not be negative)
};

// The colour of a bar: the simulation's gain, loss and unchanged; neutral otherwise.
enum class Tone { neutral, positive, negative, muted };

struct ChartPoint {
  std::string label;
  std::int64_t value = 0;  // sets the bar's length (öre, households, days: any integer)
  std::string text;        // the value as shown; empty: format_count(value) and the unit
  Tone tone = Tone::neutral;
  std::optional<std::int64_t> second;  // the second series' value, if the chart has one
  std::string second_text;             // as `text`, for `second`
};

// A chart: labelled integer values with a unit, optionally with a second series beside the
// first (last year, before/after). HTML draws inline SVG; text draws bars of '#' (and '=').
struct Chart {
  ChartKind kind = ChartKind::bars;
  std::string title;  // the caption, and the SVG's <title>
  std::string unit;   // "hushåll", "kr": added to values shown without a `text`
  std::vector<ChartPoint> points;
  std::string series;         // the first series' name (in the legend, when there is a second)
  std::string second_series;  // the second series' name; empty: one series
};

// The address block of a letter: in HTML an <address>, in text "Till:" and the lines.
struct Address {
  std::string label;  // "Till" (text only)
  std::vector<std::string> lines;
};

// Where a block appears: some things are for the page only (a chart beside its table) or
// for the terminal only (a pointer to --html for the full list).
enum class Media { all, html, text };

using Content = std::variant<Heading, Paragraph, BulletList, KeyValueList, Notice, Table, Chart>;

struct Block {
  Content content;
  Media media = Media::all;
};

// The page's width and tone: a letter is narrow, a report wide.
enum class Layout { letter, report };

struct Document {
  std::string title;
  std::string page_title;  // optional: the HTML <title> (the tab, a printed PDF's name); default `title`
  std::string lang = "sv";
  Layout layout = Layout::report;
  std::string issuer;    // optional: who sends it, above the title ("Socialnämnden i …")
  std::string subtitle;  // optional: a line under the title
  // Optional facts shown by the title: "Beslut D-5", "Datum 2026-11-06"; in text on one line.
  std::vector<std::pair<std::string, std::string>> meta;
  std::optional<Address> recipient;  // a letter's addressee, between the header and the body
  std::vector<Block> blocks;

  // Appends `c` and returns it, to set its `media`.
  Block& add(Content c, Media media = Media::all) {
    blocks.push_back(Block{std::move(c), media});
    return blocks.back();
  }
};

struct TextOptions {
  std::size_t width = 78;  // columns (code points; a combining mark takes none)
};

// The document as UTF-8 text wrapped at `options.width` columns: the title underlined with
// '=', a level-2 heading with '-', a blank line between blocks, tables aligned by display
// width (a table wider than the page is printed as it is), charts as bars of '#'.
std::string to_text(const Document& d, const TextOptions& options = {});

// The document as one self-contained HTML page: one inline style sheet (print-friendly),
// charts as inline SVG, no script, nothing loaded from anywhere; every value escaped.
std::string to_html(const Document& d);

}  // namespace eb::doc
