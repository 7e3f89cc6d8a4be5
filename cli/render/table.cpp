// SPDX-License-Identifier: MIT
#include "render/table.hpp"

#include <algorithm>

#include "common/text.hpp"

namespace eb::cli {

std::size_t display_width(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
  return n;
}

std::string pad_right(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::string pad_left(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  return w >= width ? s : std::string(width - w, ' ') + s;
}

Table::Table(std::vector<std::string> header, std::vector<bool> right_aligned)
    : m_header(std::move(header)), m_right(std::move(right_aligned)) {
  m_right.resize(m_header.size(), false);
}

void Table::add(std::vector<std::string> row) {
  row.resize(m_header.size());
  m_rows.push_back(std::move(row));
}

void Table::print(std::ostream& out) const {
  // Cells may hold what an application said (names, notes): no escape sequence or line break
  // of theirs reaches the terminal.
  const auto safe = [](const std::vector<std::string>& cells) {
    std::vector<std::string> out_cells;
    out_cells.reserve(cells.size());
    for (const auto& c : cells) out_cells.push_back(text::terminal_safe(c));
    return out_cells;
  };
  const std::vector<std::string> header = safe(m_header);
  std::vector<std::vector<std::string>> rows;
  rows.reserve(m_rows.size());
  for (const auto& row : m_rows) rows.push_back(safe(row));
  std::vector<std::size_t> widths(header.size(), 0);
  for (std::size_t i = 0; i < header.size(); ++i) widths[i] = display_width(header[i]);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
  }
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string row_text;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) row_text += "  ";
      row_text += m_right[i] ? pad_left(cells[i], widths[i]) : pad_right(cells[i], widths[i]);
    }
    while (!row_text.empty() && row_text.back() == ' ') row_text.pop_back();
    out << row_text << "\n";
  };
  line(header);
  for (const auto& row : rows) line(row);
}

void Table::print_csv(std::ostream& out) const {
  const auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << text::csv_cell(cells[i]);
    out << "\r\n";
  };
  line(m_header);
  for (const auto& row : m_rows) line(row);
}

}  // namespace eb::cli
