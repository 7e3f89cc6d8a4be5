// SPDX-License-Identifier: MIT
#include "common/json_stream.hpp"

#include <stdexcept>
#include <string_view>

#include "common/json_number.hpp"

namespace eb {

namespace {

// Marks where the array goes in the head's text: JSON escapes a control character, so no
// string of the document itself dumps to this.
const std::string k_mark = std::string("\x01") + "eb-array";

// `text` with `indent` spaces before each of its lines.
void write_indented(std::ostream& out, const std::string& text, std::size_t indent) {
  const std::string pad(indent, ' ');
  std::size_t from = 0;
  while (from <= text.size()) {
    const std::size_t nl = text.find('\n', from);
    const std::string_view line(text.data() + from, (nl == std::string::npos ? text.size() : nl) - from);
    out << pad << line;
    if (nl == std::string::npos) break;
    out << '\n';
    from = nl + 1;
  }
}

// The array at `indent` (the indentation of the line it starts on), as dump(2) nests it.
void write_array(std::ostream& out, std::size_t indent, std::size_t count, const JsonElement& element) {
  if (count == 0) {
    out << "[]";
    return;
  }
  out << "[\n";
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) out << ",\n";
    write_indented(out, dump_json(element(i), 2), indent + 2);
  }
  out << '\n' << std::string(indent, ' ') << ']';
}

}  // namespace

void write_json_with_array(std::ostream& out, nlohmann::json head, const std::string& key, std::size_t count,
                           const JsonElement& element) {
  if (!head.is_object() || head.contains(key)) throw std::logic_error("write_json_with_array: bad head for " + key);
  head[key] = k_mark;
  const std::string text = dump_json(head, 2);
  const std::string quoted = nlohmann::json(k_mark).dump();
  const std::size_t at = text.find(quoted);
  if (at == std::string::npos) throw std::logic_error("write_json_with_array: mark not found");
  const std::size_t line_start = text.rfind('\n', at) + 1;  // the head is an object: never the first line
  const std::size_t indent = text.find_first_not_of(' ', line_start) - line_start;
  out << std::string_view(text).substr(0, at);
  write_array(out, indent, count, element);
  out << std::string_view(text).substr(at + quoted.size()) << '\n';
}

void write_json_array(std::ostream& out, std::size_t count, const JsonElement& element) {
  write_array(out, 0, count, element);
  out << '\n';
}

}  // namespace eb
