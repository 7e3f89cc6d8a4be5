// SPDX-License-Identifier: MIT
// Tests of the one document model and its writers: escaping in every block type, wrapping and
// table alignment by display width (å, ä, ö, U+2212), total rows, charts as well-formed inline
// SVG and as text bars, and a page that loads nothing and runs nothing.
#include "common/document.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "common/text.hpp"

using Catch::Contains;
using eb::doc::Align;
using eb::doc::Chart;
using eb::doc::ChartKind;
using eb::doc::Document;
using eb::doc::Media;
using eb::doc::Table;
using eb::text::display_width;

namespace {

// Every character the writers must escape, in a string that would be markup if left alone.
const std::string k_hostile = "<b x='1'>&\"";
const std::string k_escaped = "&lt;b x=&#39;1&#39;&gt;&amp;&quot;";

std::size_t count_of(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
  return n;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The inline SVG elements of `html`, "<svg …>…</svg>".
std::vector<std::string> svgs_of(const std::string& html) {
  std::vector<std::string> out;
  for (std::size_t pos = html.find("<svg"); pos != std::string::npos; pos = html.find("<svg", pos + 1)) {
    const std::size_t end = html.find("</svg>", pos);
    if (end == std::string::npos) break;
    out.push_back(html.substr(pos, end + 6 - pos));
  }
  return out;
}

// True if every tag of `xml` is closed in order (self-closing tags allowed), every attribute
// value is quoted, and no '<' or '&' appears raw in text: enough to call a fragment of our
// own SVG well-formed.
bool is_well_formed(const std::string& xml) {
  std::vector<std::string> open;
  std::size_t i = 0;
  while (i < xml.size()) {
    if (xml[i] == '&') {
      const std::size_t semi = xml.find(';', i);
      if (semi == std::string::npos || semi - i > 8) return false;
      i = semi + 1;
      continue;
    }
    if (xml[i] != '<') {
      if (xml[i] == '>') return false;
      ++i;
      continue;
    }
    const std::size_t end = xml.find('>', i);
    if (end == std::string::npos) return false;
    std::string tag = xml.substr(i + 1, end - i - 1);
    i = end + 1;
    if (count_of(tag, "\"") % 2 != 0 || tag.find('<') != std::string::npos) return false;
    if (!tag.empty() && tag[0] == '/') {
      if (open.empty() || open.back() != tag.substr(1)) return false;
      open.pop_back();
    } else if (!tag.empty() && tag.back() == '/') {
      continue;
    } else {
      open.push_back(tag.substr(0, tag.find(' ')));
    }
  }
  return open.empty();
}

Chart two_bar_chart(ChartKind kind) {
  Chart c;
  c.kind = kind;
  c.title = "Hushåll per månad";
  c.unit = "hushåll";
  c.points = {{"jan", 10, "", eb::doc::Tone::neutral, std::nullopt, ""},
              {"feb", 5, "", eb::doc::Tone::neutral, std::nullopt, ""}};
  return c;
}

}  // namespace

TEST_CASE("text::display_width", "[common][document]") {
  SECTION("counts å, ä, ö and the minus sign U+2212 as one column each") {
    CHECK(display_width("åäö") == 3);
    CHECK(std::string("åäö").size() == 6);
    CHECK(display_width("−350 kr") == 7);
  }
  SECTION("a combining mark takes no column, a wide character two") {
    CHECK(display_width("a\xcc\x88") == 1);     // a + U+0308 (ä decomposed)
    CHECK(display_width("\xe6\x9d\x8e") == 2);  // U+674E
  }
  SECTION("bytes that are not UTF-8 count one column each") {
    CHECK(display_width("\xff\xfe") == 2);
    CHECK(display_width("\xc3") == 1);
  }
}

TEST_CASE("text::format_count", "[common][document]") {
  CHECK(eb::text::format_count(0) == "0");
  CHECK(eb::text::format_count(999) == "999");
  CHECK(eb::text::format_count(1000) == "1 000");
  CHECK(eb::text::format_count(-1234567) == "-1 234 567");
  CHECK(eb::text::format_count(std::numeric_limits<std::int64_t>::min()) == "-9 223 372 036 854 775 808");
}

TEST_CASE("text::counted", "[common][document]") {
  CHECK(eb::text::counted(1, "ansökan", "ansökningar") == "1 ansökan");
  CHECK(eb::text::counted(0, "ansökan", "ansökningar") == "0 ansökningar");
  CHECK(eb::text::counted(2000, "ansökan", "ansökningar") == "2 000 ansökningar");
  CHECK(eb::text::counted(-1, "barn", "barn") == "-1 barn");
}

TEST_CASE("doc::to_html escaping", "[common][document]") {
  Document d;
  d.title = "title " + k_hostile;
  SECTION("the header: title, page title, language, issuer, meta and the addressee") {
    d.page_title = "page " + k_hostile;
    d.lang = "sv" + k_hostile;
    d.issuer = "issuer " + k_hostile;
    d.subtitle = "subtitle " + k_hostile;
    d.meta = {{"key " + k_hostile, "value " + k_hostile}};
    d.recipient = eb::doc::Address{"Till", {"line " + k_hostile}};
    const std::string h = eb::doc::to_html(d);
    CHECK(count_of(h, k_escaped) == 8);  // the title only in <h1>: the page title is the <title>
    CHECK(h.find(k_hostile) == std::string::npos);
  }
  SECTION("a heading and its id") {
    d.add(eb::doc::Heading{2, "heading " + k_hostile, "id" + k_hostile});
    d.add(eb::doc::Heading{3, "sub " + k_hostile, "sub" + k_hostile});
    const std::string h = eb::doc::to_html(d);
    CHECK(count_of(h, k_escaped) == 6);
    CHECK(h.find(k_hostile) == std::string::npos);
  }
  SECTION("a paragraph, a note, a bullet list, a key-value list and a notice") {
    d.add(eb::doc::Paragraph{"paragraph " + k_hostile, false});
    d.add(eb::doc::Paragraph{"note " + k_hostile, true});
    d.add(eb::doc::BulletList{{"item " + k_hostile, "item " + k_hostile}});
    d.add(eb::doc::KeyValueList{{{"key " + k_hostile, "value " + k_hostile}}});
    d.add(eb::doc::Notice{eb::doc::NoticeKind::warning, "title " + k_hostile, "text " + k_hostile});
    const std::string h = eb::doc::to_html(d);
    CHECK(count_of(h, k_escaped) == 10);
    CHECK(h.find(k_hostile) == std::string::npos);
  }
  SECTION("a table: caption, headers, cells and totals") {
    Table t;
    t.caption = "caption " + k_hostile;
    t.columns = {{"col " + k_hostile, Align::left}, {"num " + k_hostile, Align::right}};
    t.add({"cell " + k_hostile, "1 " + k_hostile});
    t.add_total({"total " + k_hostile, "2 " + k_hostile});
    d.add(std::move(t));
    const std::string h = eb::doc::to_html(d);
    CHECK(count_of(h, k_escaped) == 9);
    CHECK(h.find(k_hostile) == std::string::npos);
  }
  SECTION("a chart of every kind: title, labels, values and series names") {
    for (const ChartKind kind : {ChartKind::bars, ChartKind::columns, ChartKind::stacked}) {
      Chart c = two_bar_chart(kind);
      c.title = "chart " + k_hostile;
      c.unit = "unit " + k_hostile;
      c.points[0].label = "label " + k_hostile;
      c.points[0].text = "value " + k_hostile;
      if (kind != ChartKind::stacked) {
        c.series = "series " + k_hostile;
        c.second_series = "second " + k_hostile;
        c.points[0].second = 3;
      }
      d.add(std::move(c));
    }
    const std::string h = eb::doc::to_html(d);
    CHECK(count_of(h, k_escaped) > 20);
    CHECK(h.find(k_hostile) == std::string::npos);
    CHECK(h.find("<b ") == std::string::npos);
  }
}

TEST_CASE("doc::to_html page", "[common][document]") {
  Document d;
  d.title = "Simulering";
  d.add(eb::doc::Heading{2, "Fördelning", "fordelning"});
  d.add(eb::doc::Paragraph{"Första raden\nandra raden", false});
  Table t;
  t.columns = {{"Post", Align::left}, {"Belopp", Align::right}};
  t.add({"Hyra", "6 900 kr"});
  t.add_total({"Summa", "6 900 kr"});
  d.add(std::move(t));
  d.add(two_bar_chart(ChartKind::bars));
  d.add(two_bar_chart(ChartKind::columns));
  d.add(two_bar_chart(ChartKind::stacked));
  d.add(eb::doc::Paragraph{"only in text", false}, Media::text);
  const std::string h = eb::doc::to_html(d);
  SECTION("is one self-contained page that runs nothing and loads nothing") {
    CHECK(h.rfind("<!DOCTYPE html>\n<html lang=\"sv\">", 0) == 0);
    CHECK_THAT(h, Contains("<meta charset=\"utf-8\">"));
    CHECK_THAT(h, Contains("<style>"));
    CHECK_THAT(h, Contains("@media print"));
    CHECK(h.find("<script") == std::string::npos);
    CHECK(h.find("http://") == std::string::npos);
    CHECK(h.find("https://") == std::string::npos);
    CHECK(h.find("<link") == std::string::npos);
    CHECK(h.find("src=") == std::string::npos);
    CHECK(h.find("url(") == std::string::npos);
    CHECK(h.substr(h.size() - 8) == "</html>\n");
  }
  SECTION("a level-2 heading opens a section with its id") {
    CHECK_THAT(h, Contains("<section id=\"fordelning\">\n<h2>Fördelning</h2>"));
    CHECK(count_of(h, "<section") == count_of(h, "</section>"));
  }
  SECTION("a line break in a paragraph is a <br>") {
    CHECK_THAT(h, Contains("<p>Första raden<br>\nandra raden</p>"));
  }
  SECTION("numbers are right-aligned and a total row is marked") {
    CHECK_THAT(h, Contains("<th class=\"num\">Belopp</th>"));
    CHECK_THAT(h, Contains("<tr class=\"total\"><td>Summa</td><td class=\"num\">6 900 kr</td></tr>"));
  }
  SECTION("each chart is one well-formed inline SVG with a title and a bar per value") {
    const auto svgs = svgs_of(h);
    REQUIRE(svgs.size() == 3);
    for (const auto& svg : svgs) {
      INFO(svg);
      CHECK(is_well_formed(svg));
      CHECK_THAT(svg, Contains("<title>Hushåll per månad</title>"));
      CHECK(count_of(svg, "<rect") == 2);
    }
    CHECK_THAT(svgs[0], Contains("10 hushåll"));  // the value with its unit, formatted
  }
  SECTION("a bar is as long as its value against the largest") {
    // jan = 10 takes the whole area, feb = 5 half of it.
    const std::string svg = svgs_of(h)[0];
    const auto width_of_rect = [&](std::size_t nth) {
      std::size_t pos = 0;
      for (std::size_t i = 0; i <= nth; ++i) pos = svg.find("<rect", pos + 1);
      const std::size_t w = svg.find("width=\"", pos) + 7;
      return std::stoll(svg.substr(w, svg.find('"', w) - w));
    };
    CHECK(width_of_rect(0) == 2 * width_of_rect(1));
  }
  SECTION("a block for text only is not on the page") {
    CHECK(h.find("only in text") == std::string::npos);
  }
}

TEST_CASE("doc::to_text", "[common][document]") {
  SECTION("the title is underlined by its display width, a level-2 heading with '-'") {
    Document d;
    d.title = "Årsöversikt";
    d.add(eb::doc::Heading{2, "Hushåll", ""});
    d.add(eb::doc::Paragraph{"Text.", false});
    d.add(eb::doc::Paragraph{"Mer.", false});
    CHECK(eb::doc::to_text(d) == "Årsöversikt\n===========\n\nHushåll\n-------\nText.\n\nMer.\n");
  }
  SECTION("wraps running text at the width by columns, not bytes, and never inside an amount") {
    Document d;
    d.add(
        eb::doc::Paragraph{"Överklagandet måste ha kommit in till nämnden inom tre veckor från den dag då "
                           "du fick del av beslutet om 17 170 kr enligt 12 kap. 1 § och 7 §§ i lagen.",
                           false});
    const std::string t = eb::doc::to_text(d, {30});
    for (const auto& line : lines_of(t)) {
      INFO(line);
      CHECK(display_width(line) <= 30);
    }
    CHECK_THAT(t, Contains("17 170 kr"));
    CHECK_THAT(t, Contains("1 §"));
    // "Överklagandet måste ha kommit" is 29 columns (and 31 bytes): it fits on the first line.
    CHECK(lines_of(t)[0] == "Överklagandet måste ha kommit");
  }
  SECTION("a bullet wraps under its text") {
    Document d;
    d.add(eb::doc::BulletList{{"ett två tre fyra fem sex sju åtta nio tio"}});
    CHECK(eb::doc::to_text(d, {20}) == "  - ett två tre fyra\n    fem sex sju åtta\n    nio tio\n");
  }
  SECTION("aligns a table by display width, with a rule above the first total row") {
    Document d;
    Table t;
    t.columns = {{"Namn", Align::left}, {"Belopp", Align::right}};
    t.add({"Åsa Öberg", "1 200 kr"});
    t.add({"Bo", "−350 kr"});
    t.add_total({"Summa", "850 kr"});
    t.add_total({"Efter skatt", "700 kr"});
    d.add(std::move(t));
    const std::string text = eb::doc::to_text(d);
    CHECK(text ==
          "  Namn           Belopp\n"
          "  Åsa Öberg    1 200 kr\n"
          "  Bo            −350 kr\n"
          "  ---------------------\n"
          "  Summa          850 kr\n"
          "  Efter skatt    700 kr\n");
    for (const auto& line : lines_of(text)) CHECK(display_width(line) == 23);
  }
  SECTION("a first column too wide for the page wraps under itself") {
    Document d;
    Table t;
    t.columns = {{"", Align::left}, {"Belopp", Align::right}};
    t.add({"Riksnorm: personliga kostnader och gemensamma hushållskostnader för hela året", "15 670 kr"});
    d.add(std::move(t));
    const std::string text = eb::doc::to_text(d, {50});
    for (const auto& line : lines_of(text)) {
      INFO(line);
      CHECK(display_width(line) <= 50);
    }
    CHECK(lines_of(text)[1] == "  Riksnorm: personliga kostnader och     15 670 kr");
    CHECK(lines_of(text)[2] == "    gemensamma hushållskostnader för");
    CHECK(lines_of(text)[3] == "    hela året");
  }
  SECTION("a key-value list aligns its values") {
    Document d;
    d.add(eb::doc::KeyValueList{{{"före", "riksnorm-2026"}, {"efter", "riksnorm-2027"}}});
    CHECK(eb::doc::to_text(d) == "  före:  riksnorm-2026\n  efter: riksnorm-2027\n");
  }
  SECTION("a notice starts with its title") {
    Document d;
    d.add(eb::doc::Notice{eb::doc::NoticeKind::warning, "Varning", "normen är preliminär"});
    CHECK(eb::doc::to_text(d) == "Varning: normen är preliminär\n");
  }
  SECTION("a chart is bars of '#' as long as the values, with the values formatted") {
    Document d;
    Chart c = two_bar_chart(ChartKind::bars);
    c.points[0].value = 1000;
    c.points[1].value = 500;
    d.add(std::move(c));
    const auto lines = lines_of(eb::doc::to_text(d, {40}));
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "Hushåll per månad");
    // 40 columns: "  jan  " (7), the bar (18), "  " and "1 000 hushåll" (13 with the unit).
    CHECK(lines[1] == "  jan  " + std::string(18, '#') + "  1 000 hushåll");
    CHECK(lines[2] == "  feb  " + std::string(9, '#') + std::string(9 + 2 + 2, ' ') + "500 hushåll");
  }
  SECTION("a negative value is drawn left of the zero line, and a second series with '='") {
    Document d;
    Chart c;
    c.title = "Skillnad";
    c.series = "2026";
    c.second_series = "2025";
    c.points = {{"a", -10, "-10", eb::doc::Tone::negative, 10, "+10"}};
    d.add(std::move(c));
    const auto lines = lines_of(eb::doc::to_text(d, {30}));
    REQUIRE(lines.size() == 4);
    CHECK(lines[1] == "  # 2026   = 2025");
    // 30 columns: the 19 of the bars split 9 left of the zero line and 10 right of it.
    CHECK(lines[2] == "  a  " + std::string(9, '#') + "|" + std::string(10 + 2, ' ') + "-10");
    CHECK(lines[3] == std::string(5 + 9, ' ') + "|" + std::string(9, '=') + std::string(1 + 2, ' ') + "+10");
  }
  SECTION("blocks for the page only are left out, empty blocks too") {
    Document d;
    d.add(eb::doc::Paragraph{"a", false});
    d.add(two_bar_chart(ChartKind::bars), Media::html);
    d.add(eb::doc::BulletList{{}});
    d.add(eb::doc::Paragraph{"b", false});
    CHECK(eb::doc::to_text(d) == "a\n\nb\n");
  }
  SECTION("a letter's header: issuer, title, facts on one line and the addressee") {
    Document d;
    d.issuer = "Socialnämnden";
    d.title = "Beslut";
    d.meta = {{"Beslut", "D-1"}, {"Datum", "2026-11-06"}};
    d.recipient = eb::doc::Address{"Till", {"Karin Ek", "Storgatan 12"}};
    d.add(eb::doc::Heading{2, "Skäl", "skal"});
    d.add(eb::doc::Paragraph{"Text.", false});
    CHECK(eb::doc::to_text(d) ==
          "Socialnämnden\n\nBeslut\n======\nBeslut D-1   Datum 2026-11-06\n\nTill:\n  Karin Ek\n  Storgatan 12\n"
          "\nSkäl\n----\nText.\n");
  }
}
