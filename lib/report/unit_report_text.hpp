// SPDX-License-Identifier: MIT
// The unit's report in Swedish as a document of the shared model (common/document.hpp): the
// title and notes, on the page the four charts, then the sections' paragraphs and tables; and
// its text and its self-contained HTML page. Swedish number formatting: space as thousands
// separator, decimal comma.
#pragma once

#include <string>
#include <vector>

#include "common/document.hpp"
#include "report/figure.hpp"
#include "report/unit_report.hpp"

namespace eb::report {

// The report as a document, in Swedish, with the sections of `figures` in the order of the
// seeds: households and money, persons, long-term, hinder, handläggningstid, decisions,
// closures, housing, internal control, FUT, the indicator table and the budget. Each section
// starts with a level-2 heading whose id is the figure's name ("households", …). The charts
// (unit_report_charts) come first and only on the page; the text writes the wide indicator
// table one indicator per block instead.
doc::Document unit_report_document(const UnitReport& r, const FigureSet& figures = FigureSet::all());

// The charts of the HTML page, in order: households per month, medelbidrag per month (whole
// kronor), the försörjningshinder distribution (adults in the last month) and the
// handläggningstid distribution (decisions per working day); only those of `figures`.
std::vector<doc::Chart> unit_report_charts(const UnitReport& r, const FigureSet& figures = FigureSet::all());

// doc::to_text of the document: underlined headings, tables in columns, a final newline.
std::string unit_report_text(const UnitReport& r, const FigureSet& figures = FigureSet::all());

// doc::to_html of the document: one self-contained page (inline CSS and SVG, no script).
std::string unit_report_html(const UnitReport& r, const FigureSet& figures = FigureSet::all());

}  // namespace eb::report
