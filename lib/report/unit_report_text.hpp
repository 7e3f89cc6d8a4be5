// SPDX-License-Identifier: MIT
// The unit's report in Swedish: headings, paragraphs and tables as plain data (a document the
// text writer here and an HTML writer render), and the data of the HTML page's charts. Swedish
// number formatting: space as thousands separator, decimal comma.
// TODO(#18): build these as a common/document.hpp Document once the shared model lands.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "report/figure.hpp"
#include "report/unit_report.hpp"

namespace eb::report {

struct ReportTable {
  std::vector<std::string> header;
  std::vector<bool> numeric;  // per column: a number (right-aligned)
  std::vector<std::vector<std::string>> rows;
};

struct ReportSection {
  Figure figure = Figure::households;  // the figure it shows (--figure)
  std::string heading;
  std::vector<std::string> paragraphs;  // before the tables
  std::vector<ReportTable> tables;
  std::vector<std::string> notes;  // after the tables: why a value is missing, definitions
};

struct ReportDocument {
  std::string title;
  std::vector<std::string> notes;  // the report's notes (preliminary, example config, …)
  std::vector<ReportSection> sections;
};

// One bar chart: a label and a whole number per bar, in order.
struct ReportChart {
  std::string title;
  std::string unit;  // what the numbers count: "hushåll", "kr", "vuxna", "beslut"
  std::vector<std::pair<std::string, std::int64_t>> bars;
};

// The report as a document, in Swedish, with the sections of `figures` in the order of the
// seeds: households and money, persons, long-term, hinder, handläggningstid, decisions,
// closures, housing, internal control, FUT, the indicator table and the budget.
ReportDocument unit_report_document(const UnitReport& r, const FigureSet& figures = FigureSet::all());

// The charts of the HTML page, in order: households per month, medelbidrag per month (whole
// kronor), the försörjningshinder distribution (adults in the last month) and the
// handläggningstid distribution (decisions per working day); only those of `figures`.
std::vector<ReportChart> unit_report_charts(const UnitReport& r, const FigureSet& figures = FigureSet::all());

// The document as plain text: underlined headings, tables in columns (a table wider than 120
// characters is written one row per block), a final newline.
std::string render_text(const ReportDocument& d);

// render_text(unit_report_document(r, figures)).
std::string unit_report_text(const UnitReport& r, const FigureSet& figures = FigureSet::all());

}  // namespace eb::report
