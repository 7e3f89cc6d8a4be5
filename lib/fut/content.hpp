// SPDX-License-Identifier: MIT
// Content: the plain structure of a FUT document (title, then sections of heading, paragraphs,
// key/value facts and tables), in Swedish, with a simple text rendering. It maps one to one onto
// a general document model (headings, paragraphs, tables) for HTML.
#pragma once

#include <string>
#include <vector>

#include "common/document.hpp"

namespace eb::fut {

struct Fact {
  std::string key;
  std::string value;
};

struct Table {
  std::string caption;  // may be empty
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// A section: its heading, then its paragraphs, its facts and its tables, in that order.
struct Section {
  std::string heading;
  std::vector<std::string> paragraphs;
  std::vector<Fact> facts;
  std::vector<Table> tables;
};

struct Content {
  std::string title;
  std::vector<Section> sections;
};

// The content as plain UTF-8 text: the title underlined with '=', each heading with '-',
// paragraphs wrapped at `width` columns, facts as "key: value" with the values aligned, tables
// with columns aligned (widths counted in characters, not bytes).
std::string render_text(const Content& content, std::size_t width = 78);

// The content as a document of the general model (lib/common/document.hpp), one to one: the
// title, each section as a level-2 heading with its paragraphs, its facts as a key/value list and
// its tables (amounts right-aligned), so doc::to_text and doc::to_html can write it. `issuer`
// (who sends it, may be empty) is shown above the title.
doc::Document document_of(const Content& content, const std::string& issuer = "");

}  // namespace eb::fut
