// SPDX-License-Identifier: MIT
// TomlReader: typed, strict reading of a TOML table for the parsers of user files. Every
// getter records its key as known; finish() reports the keys nobody asked for. Problems are
// collected (file, line, field path, value) rather than thrown one at a time.
#pragma once

#include <toml++/toml.h>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "money/money.hpp"
#include "money/ratio.hpp"
#include "period/date.hpp"
#include "period/month.hpp"

namespace eb {

class TomlReader {
 public:
  // `path` is the field path of this table ("" for the document, "member[2]" for a member).
  TomlReader(const toml::table& table, std::string file, std::string path, ProblemList& problems);

  std::optional<std::string> string(std::string_view key, bool required = false);
  std::optional<std::int64_t> integer(std::string_view key, bool required = false, std::int64_t min = INT64_MIN,
                                      std::int64_t max = INT64_MAX);
  std::optional<bool> boolean(std::string_view key);
  // Kronor as an integer (8200) or a string ("8200.50", "8 200,50"); floats are refused
  // because binary fractions cannot hold öre exactly.
  std::optional<money::Money> money(std::string_view key, bool required = false, bool allow_negative = false);
  // A TOML date (2026-03-01) or a string "2026-03-01".
  std::optional<period::Date> date(std::string_view key, bool required = false);
  std::optional<period::Month> month(std::string_view key, bool required = false);
  // A decimal factor written as a string: "0.375".
  std::optional<money::Ratio> ratio(std::string_view key, bool required = false);
  std::vector<std::string> strings(std::string_view key, bool required = false);
  std::vector<money::Money> money_list(std::string_view key, bool required = false);
  // A list of amounts, each read as money() reads one (whole kronor or a string with öre).
  std::vector<money::Money> amounts(std::string_view key, bool allow_negative = false);
  // The tables of an array of tables ([[member]]), each with the path "key[i]" (1-based).
  std::vector<TomlReader> tables(std::string_view key);
  std::optional<TomlReader> table(std::string_view key, bool required = false);

  bool has(std::string_view key) const;
  // The keys of this table, in key order (for tables whose keys are data, e.g. rule ids).
  std::vector<std::string> keys() const;
  // Whether `key` holds a table, or an array.
  bool is_table(std::string_view key) const;
  bool is_array(std::string_view key) const;
  // Marks `key` as known without reading it.
  void accept(std::string_view key) { m_known.insert(std::string(key)); }
  // Reports every key that no getter asked for as an unknown key.
  void finish();

  // Adds a problem for `key` of this table (value as written in the file).
  void problem(std::string_view key, std::string value, std::string message);
  // Adds a problem for this table as a whole.
  void problem(std::string message);
  long line_of(std::string_view key) const;
  long line() const { return m_line; }
  std::string field(std::string_view key) const;
  const std::string& file() const { return m_file; }
  ProblemList& problems() { return *m_problems; }

 private:
  const toml::node* get(std::string_view key, bool required);
  std::string text_of(const toml::node& node) const;
  // `parse(text)`, or nothing with its InputError recorded as a problem at `key`.
  template <class Parse>
  auto parsed(std::string_view key, const toml::node& node, std::string_view text, Parse parse)
      -> std::optional<decltype(parse(text))> {
    try {
      return parse(text);
    } catch (const InputError& e) {
      problem(key, text_of(node), e.problems().front().message);
      return std::nullopt;
    }
  }

  const toml::table* m_table;
  std::string m_file;
  std::string m_path;
  ProblemList* m_problems;
  std::set<std::string, std::less<>> m_known;
  long m_line = 0;
};

// Parses TOML text. Throws InputError with the file, line and "TOML syntax error: …".
toml::table parse_toml(std::string_view text, const std::string& file);

}  // namespace eb
