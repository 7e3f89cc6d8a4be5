// SPDX-License-Identifier: MIT
#include "fut/content.hpp"

#include <algorithm>

namespace eb::fut {

namespace {

// Characters (code points) in UTF-8 `s`: every byte that is not a continuation byte.
std::size_t chars(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string padded(const std::string& s, std::size_t width) {
  const std::size_t n = chars(s);
  return n >= width ? s : s + std::string(width - n, ' ');
}

void underline(std::string& out, const std::string& text, char c) {
  out += text + "\n" + std::string(chars(text), c) + "\n";
}

// `text` wrapped at `width` characters, breaking at spaces; a longer word stands alone.
void wrapped(std::string& out, const std::string& text, std::size_t width) {
  std::string line;
  std::size_t line_chars = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!word.empty()) {
      const std::size_t w = chars(word);
      if (line_chars > 0 && line_chars + 1 + w > width) {
        out += line + "\n";
        line.clear();
        line_chars = 0;
      }
      if (line_chars > 0) {
        line += ' ';
        ++line_chars;
      }
      line += word;
      line_chars += w;
    }
    start = end + 1;
  }
  if (!line.empty()) out += line + "\n";
}

}  // namespace

std::string render_text(const Content& content, std::size_t width) {
  std::string out;
  underline(out, content.title, '=');
  for (const auto& s : content.sections) {
    out += "\n";
    underline(out, s.heading, '-');
    for (const auto& p : s.paragraphs) {
      wrapped(out, p, width);
      out += "\n";
    }
    std::size_t key_width = 0;
    for (const auto& f : s.facts) key_width = std::max(key_width, chars(f.key) + 1);
    for (const auto& f : s.facts) out += padded(f.key + ":", key_width) + " " + f.value + "\n";
    if (!s.facts.empty()) out += "\n";
    for (const auto& t : s.tables) {
      if (!t.caption.empty()) out += t.caption + "\n";
      std::vector<std::size_t> w(t.header.size(), 0);
      for (std::size_t c = 0; c < t.header.size(); ++c) w[c] = chars(t.header[c]);
      for (const auto& row : t.rows) {
        for (std::size_t c = 0; c < row.size() && c < w.size(); ++c) w[c] = std::max(w[c], chars(row[c]));
      }
      const auto line = [&](const std::vector<std::string>& cells) {
        std::string l;
        for (std::size_t c = 0; c < w.size(); ++c) {
          const std::string cell = c < cells.size() ? cells[c] : "";
          l += c + 1 == w.size() ? cell : padded(cell, w[c]) + "  ";
        }
        out += l + "\n";
      };
      line(t.header);
      std::size_t total = 0;
      for (std::size_t c = 0; c < w.size(); ++c) total += w[c] + (c + 1 == w.size() ? 0 : 2);
      out += std::string(total, '-') + "\n";
      for (const auto& row : t.rows) line(row);
      out += "\n";
    }
  }
  return out;
}

doc::Document document_of(const Content& content, const std::string& issuer) {
  doc::Document d;
  d.title = content.title;
  d.issuer = issuer;
  d.layout = doc::Layout::letter;
  // Each block is made in place (GCC 12 at -O2 warns, wrongly, of moving a fresh variant in).
  const auto heading = [&d](const std::string& text) {
    d.blocks.emplace_back().content.emplace<doc::Heading>(doc::Heading{2, text, ""});
  };
  const auto paragraph = [&d](const std::string& text) {
    d.blocks.emplace_back().content.emplace<doc::Paragraph>(doc::Paragraph{text, false});
  };
  for (const auto& s : content.sections) {
    heading(s.heading);
    for (const auto& p : s.paragraphs) paragraph(p);
    if (!s.facts.empty()) {
      doc::KeyValueList kv;
      for (const auto& f : s.facts) kv.items.emplace_back(f.key, f.value);
      d.blocks.emplace_back().content.emplace<doc::KeyValueList>(std::move(kv));
    }
    for (const auto& t : s.tables) {
      doc::Table table;
      table.caption = t.caption;
      for (const auto& h : t.header) {
        // Amounts are right-aligned: the columns whose header names an amount.
        const bool amount = h == "Belopp" || h == "Utbetalt" || h == "Beviljat" || h == "Återkrävt";
        table.columns.push_back({h, amount ? doc::Align::right : doc::Align::left});
      }
      for (const auto& row : t.rows) table.add(row);
      d.blocks.emplace_back().content.emplace<doc::Table>(std::move(table));
    }
  }
  return d;
}

}  // namespace eb::fut
