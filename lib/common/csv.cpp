// SPDX-License-Identifier: MIT
#include "common/csv.hpp"

#include <algorithm>
#include <utility>

#include "common/utf8.hpp"

namespace eb::csv {

Reader::Reader(std::string_view text, std::string file, Limits limits)
    : m_text(text), m_file(std::move(file)), m_limits(limits) {
  if (m_text.size() > m_limits.max_bytes) {
    throw InputError({Problem{m_file, 0, "", "",
                              "the file is " + std::to_string(m_text.size()) + " bytes; at most " +
                                  std::to_string(m_limits.max_bytes) + " are read"}});
  }
  if (m_text.substr(0, 3) == "\xEF\xBB\xBF") m_pos = 3;
}

std::string Reader::field_label(std::size_t index) const {
  if (index < m_names.size() && !m_names[index].empty()) return m_names[index];
  return "field " + std::to_string(index + 1);
}

void Reader::problem(long line, std::size_t index, std::string message) {
  m_problems.add(Problem{m_file, line, field_label(index), "", std::move(message)});
}

void Reader::fail(long line, std::size_t index, std::string message) {
  problem(line, index, std::move(message));
  throw InputError(m_problems.items());
}

void Reader::skip_to_next_line() {
  while (m_pos < m_text.size() && m_text[m_pos] != '\n') ++m_pos;
  if (m_pos < m_text.size()) {
    ++m_pos;
    ++m_line;
  }
}

Reader::FieldEnd Reader::read_quoted(std::string& out, std::size_t index) {
  const long opened_on = m_line;
  ++m_pos;  // the opening quote
  while (true) {
    if (m_pos >= m_text.size()) {
      problem(opened_on, index,
              "a quoted field opens on this line and is not closed before the end of the file (a '\"' is missing)");
      return FieldEnd::bad;
    }
    const char c = m_text[m_pos];
    if (c == '"') {
      if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '"') {
        out += '"';
        m_pos += 2;
        continue;
      }
      ++m_pos;
      break;
    }
    if (c == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n') {
      out += '\n';
      m_pos += 2;
      ++m_line;
    } else {
      if (c == '\n') ++m_line;
      out += c;
      ++m_pos;
    }
    if (out.size() > m_limits.max_field_bytes) {
      fail(opened_on, index, "the field is longer than " + std::to_string(m_limits.max_field_bytes) + " bytes");
    }
  }
  if (m_pos >= m_text.size()) return FieldEnd::record;
  const char c = m_text[m_pos];
  if (c == ',') {
    ++m_pos;
    return FieldEnd::comma;
  }
  if (c == '\n') {
    ++m_pos;
    ++m_line;
    return FieldEnd::record;
  }
  if (c == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n') {
    m_pos += 2;
    ++m_line;
    return FieldEnd::record;
  }
  problem(m_line, index, "text after the closing quote of a quoted field (a ',' or the end of the line is expected)");
  return FieldEnd::bad;
}

Reader::FieldEnd Reader::read_unquoted(std::string& out, std::size_t index) {
  const std::size_t start = m_pos;
  while (m_pos < m_text.size()) {
    const char c = m_text[m_pos];
    if (c == ',' || c == '\n' || c == '\r' || c == '"') break;
    ++m_pos;
  }
  if (m_pos - start > m_limits.max_field_bytes) {
    fail(m_line, index, "the field is longer than " + std::to_string(m_limits.max_field_bytes) + " bytes");
  }
  out.assign(m_text.substr(start, m_pos - start));
  if (m_pos >= m_text.size()) return FieldEnd::record;
  const char c = m_text[m_pos];
  if (c == ',') {
    ++m_pos;
    return FieldEnd::comma;
  }
  if (c == '\n') {
    ++m_pos;
    ++m_line;
    return FieldEnd::record;
  }
  if (c == '\r') {
    if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n') {
      m_pos += 2;
      ++m_line;
      return FieldEnd::record;
    }
    problem(m_line, index, "a carriage return (CR) not followed by a line feed (LF)");
    return FieldEnd::bad;
  }
  problem(m_line, index, "a '\"' inside an unquoted field (quote the whole field and write the quote twice)");
  return FieldEnd::bad;
}

Reader::FieldEnd Reader::read_field(std::string& out, std::size_t index) {
  const long starts_on = m_line;
  const FieldEnd end =
      m_pos < m_text.size() && m_text[m_pos] == '"' ? read_quoted(out, index) : read_unquoted(out, index);
  if (end == FieldEnd::bad) return end;
  if (const auto bad = utf8::first_invalid(out)) {
    const auto line = starts_on + std::count(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(*bad), '\n');
    problem(static_cast<long>(line), index,
            "is not valid UTF-8 text (byte " + std::to_string(*bad + 1) + " of the field)");
    return end == FieldEnd::comma ? FieldEnd::comma : FieldEnd::record;  // the record is refused below
  }
  return end;
}

bool Reader::next(Record& out) {
  while (!m_stopped) {
    if (m_problems.items().size() >= m_limits.max_problems) {
      m_problems.add(Problem{m_file, m_line, "", "",
                             "stopped reading after " + std::to_string(m_limits.max_problems) + " problems"});
      m_stopped = true;
      break;
    }
    if (m_pos >= m_text.size()) break;
    if (m_text[m_pos] == '\n') {
      ++m_pos;
      ++m_line;
      continue;
    }
    if (m_text[m_pos] == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n') {
      m_pos += 2;
      ++m_line;
      continue;
    }
    if (++m_records > m_limits.max_records) {
      fail(m_line, 0, "the file has more than " + std::to_string(m_limits.max_records) + " records");
    }
    out.line = m_line;
    out.fields.clear();
    const std::size_t problems_before = m_problems.items().size();
    bool bad = false;
    while (true) {
      if (out.fields.size() >= m_limits.max_fields) {
        fail(out.line, out.fields.size(),
             "the record has more than " + std::to_string(m_limits.max_fields) + " fields");
      }
      std::string& field = out.fields.emplace_back();
      const FieldEnd end = read_field(field, out.fields.size() - 1);
      if (end == FieldEnd::bad) {
        bad = true;
        skip_to_next_line();
        break;
      }
      if (end == FieldEnd::record) break;
      if (m_pos >= m_text.size()) {  // a comma just before the end: one more, empty field
        out.fields.emplace_back();
        break;
      }
    }
    if (!bad && m_problems.items().size() == problems_before) return true;
  }
  return false;
}

std::vector<Record> read_all(std::string_view text, const std::string& file, const Limits& limits) {
  Reader reader(text, file, limits);
  std::vector<Record> records;
  Record r;
  while (reader.next(r)) records.push_back(r);
  reader.problems().throw_if_any();
  return records;
}

}  // namespace eb::csv
