// SPDX-License-Identifier: MIT
// An RFC 4180 CSV reader over text in memory (no I/O): quoted fields, UTF-8, line numbers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace eb::csv {

// Bounds that keep hostile input from exhausting memory. Passing one is an InputError.
struct Limits {
  std::size_t max_bytes = std::size_t{1} << 30;  // the whole text: 1 GiB
  std::size_t max_records = 20'000'000;
  std::size_t max_fields = 100;             // per record
  std::size_t max_field_bytes = 64 * 1024;  // per field, after unquoting
  std::size_t max_problems = 100;           // syntax problems before reading stops
};

// One record: its fields, unquoted, and the line of the text it starts on (1-based).
struct Record {
  long line = 0;
  std::vector<std::string> fields;
};

// Reads records one at a time, as RFC 4180 defines them:
// - fields are separated by commas and records by CRLF or LF (a lone CR is refused);
// - a field may be quoted with '"'; inside quotes, commas and line breaks are data and '""' is
//   one quote; a quote in an unquoted field, or text after a closing quote, is refused;
// - a line break inside quotes is read as LF whatever the file uses, so content does not depend
//   on the line endings;
// - a UTF-8 byte order mark at the start is skipped; every field must be valid UTF-8;
// - an empty line (nothing between two line breaks) is skipped, not read as a record.
// A record with a syntax problem is skipped and the problem recorded (file, line, field); a
// quoted field still open at the end of the text is a problem naming the line it opened on.
class Reader {
 public:
  // Throws InputError when `text` is larger than `limits.max_bytes`.
  Reader(std::string_view text, std::string file, Limits limits = {});

  // Reads the next good record into `out` and returns true, or returns false at the end of the
  // text (or when `max_problems` problems were found: the last one says so). Throws InputError,
  // with the problems found so far, when a record, field or count passes its limit.
  bool next(Record& out);
  // Names field i as `names[i]` in problems ("kind" rather than "field 4"), e.g. from a header.
  void name_fields(std::vector<std::string> names) { m_names = std::move(names); }
  // The syntax problems found so far.
  const ProblemList& problems() const { return m_problems; }

 private:
  enum class FieldEnd { comma, record, bad };
  FieldEnd read_field(std::string& out, std::size_t index);
  FieldEnd read_quoted(std::string& out, std::size_t index);
  FieldEnd read_unquoted(std::string& out, std::size_t index);
  void skip_to_next_line();
  void problem(long line, std::size_t index, std::string message);
  [[noreturn]] void fail(long line, std::size_t index, std::string message);
  std::string field_label(std::size_t index) const;

  std::string_view m_text;
  std::string m_file;
  Limits m_limits;
  std::size_t m_pos = 0;
  long m_line = 1;
  std::size_t m_records = 0;
  bool m_stopped = false;
  std::vector<std::string> m_names;
  ProblemList m_problems;
};

// Every record of `text`. Throws InputError listing every syntax problem (see Reader).
std::vector<Record> read_all(std::string_view text, const std::string& file, const Limits& limits = {});

}  // namespace eb::csv
