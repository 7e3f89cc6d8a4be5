// SPDX-License-Identifier: MIT
// Text tables for the terminal: UTF-8 aware padding and a simple column table.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace eb::cli {

// Width of `s` in terminal columns (one per UTF-8 code point).
std::size_t display_width(const std::string& s);
std::string pad_right(const std::string& s, std::size_t width);
std::string pad_left(const std::string& s, std::size_t width);

// A table of text cells; columns listed in `right_aligned` are padded on the left.
class Table {
 public:
  explicit Table(std::vector<std::string> header, std::vector<bool> right_aligned = {});
  void add(std::vector<std::string> row);
  // Every cell is printed through text::terminal_safe.
  void print(std::ostream& out) const;
  // RFC 4180 CSV of the header and rows; cells that a spreadsheet would run as formulas are
  // neutralised (text::csv_cell).
  void print_csv(std::ostream& out) const;
  bool empty() const { return m_rows.empty(); }

 private:
  std::vector<std::string> m_header;
  std::vector<bool> m_right;
  std::vector<std::vector<std::string>> m_rows;
};

}  // namespace eb::cli
