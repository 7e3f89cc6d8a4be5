// SPDX-License-Identifier: MIT
// TomlDocument and TomlReader: strict reading of a TOML file (or of one JSON object with the
// same keys) for the parsers of user files. Every getter records its key as known; finish()
// reports the keys nobody asked for. Problems are collected (file, line, field path, value)
// rather than thrown one at a time. toml++ stays inside toml_reader*.cpp: the typed getters
// of higher folders (money::read_money, period::read_date) build on value().
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "common/input_limits.hpp"

namespace eb {

class TomlReader;

// A parsed document that owns its tables; readers of it must not outlive it.
class TomlDocument {
 public:
  // Parses TOML text after check_toml_shape. Throws InputError with the file, line and
  // "TOML syntax error: …", or for text that is too large or too deep.
  static TomlDocument parse(std::string_view text, const std::string& file, const InputLimits& limits = {});
  // Parses one JSON object into the same model (objects are tables, arrays are arrays),
  // after check_json_shape. Throws InputError with every problem, each naming `source` and
  // the field: a syntax error, a value that is not an object, a duplicate key, null, a
  // nested list, a number beyond the 64-bit integers (an integer above 9223372036854775807,
  // 1e400). A float within range is kept, for the getters to refuse as they do in TOML.
  static TomlDocument parse_json(std::string_view text, const std::string& source, const InputLimits& limits = {});

  TomlDocument(TomlDocument&&) noexcept;
  TomlDocument& operator=(TomlDocument&&) noexcept;
  ~TomlDocument();

  // A reader of the top-level table that records its problems in `problems`.
  TomlReader root(ProblemList& problems) const;
  const std::string& file() const { return m_file; }

 private:
  struct Impl;
  TomlDocument(std::unique_ptr<Impl> impl, std::string file);
  std::unique_ptr<Impl> m_impl;
  std::string m_file;
};

// One value as the typed getters of higher folders see it.
struct TomlValue {
  enum class Kind { string, integer, floating, boolean, date, other };
  Kind kind = Kind::other;
  std::string string;        // Kind::string: the text
  std::int64_t integer = 0;  // Kind::integer
  bool boolean = false;      // Kind::boolean
  int year = 0;              // Kind::date
  int month = 0;
  int day = 0;
  std::string shown;  // as written, for messages: strings quoted, long values cut
};

class TomlReader {
 public:
  std::optional<std::string> string(std::string_view key, bool required = false);
  std::optional<std::int64_t> integer(std::string_view key, bool required = false, std::int64_t min = INT64_MIN,
                                      std::int64_t max = INT64_MAX);
  std::optional<bool> boolean(std::string_view key);
  std::vector<std::string> strings(std::string_view key, bool required = false);
  // The value at `key` whatever its type (a table or an array is Kind::other), for typed
  // getters; a missing required key is recorded as a problem.
  std::optional<TomlValue> value(std::string_view key, bool required = false);
  // The elements of the array at `key`; if it is not an array, records "`must_be`" as the
  // problem and returns nothing.
  std::optional<std::vector<TomlValue>> list(std::string_view key, bool required, std::string_view must_be);
  // The tables of an array of tables ([[member]]), each with the path "key[i]" (1-based).
  std::vector<TomlReader> tables(std::string_view key);
  // How many elements the array at `key` has (0 if it is missing or not an array): to refuse
  // too many before reading them.
  std::size_t count(std::string_view key) const;
  std::optional<TomlReader> table(std::string_view key, bool required = false);

  bool has(std::string_view key) const;
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
  friend class TomlDocument;
  // `table` is a toml::table, opaque here so that toml++ stays in toml_reader.cpp.
  TomlReader(const void* table, std::string file, std::string path, ProblemList& problems);
  const void* get(std::string_view key, bool required);

  const void* m_table;
  std::string m_file;
  std::string m_path;
  ProblemList* m_problems;
  std::set<std::string, std::less<>> m_known;
  long m_line = 0;
};

}  // namespace eb
