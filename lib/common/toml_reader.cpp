// SPDX-License-Identifier: MIT
#include "common/toml_reader.hpp"

#include <sstream>

#include "common/text.hpp"
#include "common/toml_reader_impl.hpp"

namespace eb {

namespace {

const toml::table& table_of(const void* t) {
  return *static_cast<const toml::table*>(t);
}

const toml::node* node_of(const void* n) {
  return static_cast<const toml::node*>(n);
}

constexpr std::size_t k_shown_chars = 60;

std::string cut(std::string t) {
  if (t.size() > k_shown_chars) t = t.substr(0, k_shown_chars - 3) + "...";
  return t;
}

// A value as a message shows it. Arrays are shown element by element and only as far as
// the message needs, tables not at all, so no value makes the message large or recursive.
std::string text_of(const toml::node& node) {
  if (const auto* s = node.as_string()) return text::quoted(s->get());
  if (node.is_table()) return "{...}";
  if (const auto* arr = node.as_array()) {
    std::string out = "[";
    for (const auto& el : *arr) {
      if (out.size() > k_shown_chars) break;
      if (out.size() > 1) out += ", ";
      out += el.is_array() ? std::string("[...]") : text_of(el);
    }
    return cut(out + "]");
  }
  std::ostringstream out;
  node.visit([&out](const auto& v) { out << v; });
  return cut(out.str());
}

TomlValue value_of(const toml::node& n) {
  TomlValue v;
  v.shown = text_of(n);
  if (const auto* s = n.as_string()) {
    v.kind = TomlValue::Kind::string;
    v.string = s->get();
  } else if (const auto* i = n.as_integer()) {
    v.kind = TomlValue::Kind::integer;
    v.integer = i->get();
  } else if (n.is_floating_point()) {
    v.kind = TomlValue::Kind::floating;
  } else if (const auto* b = n.as_boolean()) {
    v.kind = TomlValue::Kind::boolean;
    v.boolean = b->get();
  } else if (const auto* d = n.as_date()) {
    v.kind = TomlValue::Kind::date;
    v.year = d->get().year;
    v.month = d->get().month;
    v.day = d->get().day;
  }
  return v;
}

}  // namespace

TomlDocument::TomlDocument(std::unique_ptr<Impl> impl, std::string file)
    : m_impl(std::move(impl)), m_file(std::move(file)) {}
TomlDocument::TomlDocument(TomlDocument&&) noexcept = default;
TomlDocument& TomlDocument::operator=(TomlDocument&&) noexcept = default;
TomlDocument::~TomlDocument() = default;

TomlDocument TomlDocument::parse(std::string_view text, const std::string& file, const InputLimits& limits) {
  check_toml_shape(text, file, limits);
  auto impl = std::make_unique<Impl>();
  try {
    impl->table = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    throw InputError({Problem{file, static_cast<long>(e.source().begin.line), "", "",
                              "TOML syntax error: " + std::string(e.description())}});
  }
  return TomlDocument(std::move(impl), file);
}

TomlReader TomlDocument::root(ProblemList& problems) const {
  return TomlReader(&m_impl->table, m_file, "", problems);
}

TomlReader::TomlReader(const void* table, std::string file, std::string path, ProblemList& problems)
    : m_table(table),
      m_file(std::move(file)),
      m_path(std::move(path)),
      m_problems(&problems),
      m_line(static_cast<long>(table_of(table).source().begin.line)) {}

std::string TomlReader::field(std::string_view key) const {
  return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
}

long TomlReader::line_of(std::string_view key) const {
  if (const toml::node* n = table_of(m_table).get(key)) return static_cast<long>(n->source().begin.line);
  return m_line;
}

bool TomlReader::has(std::string_view key) const {
  return table_of(m_table).contains(key);
}

std::size_t TomlReader::count(std::string_view key) const {
  const toml::node* n = table_of(m_table).get(key);
  const auto* arr = n == nullptr ? nullptr : n->as_array();
  return arr == nullptr ? 0 : arr->size();
}

void TomlReader::problem(std::string_view key, std::string value, std::string message) {
  m_problems->add(Problem{m_file, line_of(key), field(key), std::move(value), std::move(message)});
}

void TomlReader::problem(std::string message) {
  m_problems->add(Problem{m_file, m_line, m_path, "", std::move(message)});
}

const void* TomlReader::get(std::string_view key, bool required) {
  m_known.insert(std::string(key));
  const toml::node* n = table_of(m_table).get(key);
  if (n == nullptr && required) {
    m_problems->add(Problem{m_file, m_line, field(key), "", "missing (this field is required)"});
  }
  return n;
}

std::optional<std::string> TomlReader::string(std::string_view key, bool required) {
  const toml::node* n = node_of(get(key, required));
  if (n == nullptr) return std::nullopt;
  if (const auto* s = n->as_string()) return s->get();
  problem(key, text_of(*n), "must be a string in double quotes");
  return std::nullopt;
}

std::optional<std::int64_t> TomlReader::integer(std::string_view key, bool required, std::int64_t min,
                                                std::int64_t max) {
  const toml::node* n = node_of(get(key, required));
  if (n == nullptr) return std::nullopt;
  const auto* i = n->as_integer();
  if (i == nullptr) {
    problem(key, text_of(*n), "must be a whole number");
    return std::nullopt;
  }
  const std::int64_t v = i->get();
  if (v < min || v > max) {
    std::string range = max == INT64_MAX ? "at least " + std::to_string(min)
                                         : "from " + std::to_string(min) + " to " + std::to_string(max);
    problem(key, std::to_string(v), "must be " + range);
    return std::nullopt;
  }
  return v;
}

std::optional<bool> TomlReader::boolean(std::string_view key) {
  const toml::node* n = node_of(get(key, false));
  if (n == nullptr) return std::nullopt;
  if (const auto* b = n->as_boolean()) return b->get();
  problem(key, text_of(*n), "must be true or false");
  return std::nullopt;
}

std::optional<TomlValue> TomlReader::value(std::string_view key, bool required) {
  const toml::node* n = node_of(get(key, required));
  if (n == nullptr) return std::nullopt;
  return value_of(*n);
}

std::optional<std::vector<TomlValue>> TomlReader::list(std::string_view key, bool required, std::string_view must_be) {
  const toml::node* n = node_of(get(key, required));
  if (n == nullptr) return std::vector<TomlValue>{};
  const auto* arr = n->as_array();
  if (arr == nullptr) {
    problem(key, text_of(*n), std::string(must_be));
    return std::nullopt;
  }
  std::vector<TomlValue> out;
  out.reserve(arr->size());
  for (const auto& el : *arr) out.push_back(value_of(el));
  return out;
}

std::vector<std::string> TomlReader::strings(std::string_view key, bool required) {
  std::vector<std::string> out;
  const auto values = list(key, required, "must be a list of strings");
  if (!values) return out;
  for (const auto& v : *values) {
    if (v.kind == TomlValue::Kind::string) {
      out.push_back(v.string);
    } else {
      problem(key, v.shown, "must be a list of strings");
    }
  }
  return out;
}

std::vector<TomlReader> TomlReader::tables(std::string_view key) {
  std::vector<TomlReader> out;
  const toml::node* n = node_of(get(key, false));
  if (n == nullptr) return out;
  const auto* arr = n->as_array();
  if (arr != nullptr && arr->empty()) return out;  // JSON's way of saying "none"
  if (arr == nullptr || !arr->is_array_of_tables()) {
    problem(key, text_of(*n), "must be written as [[" + std::string(key) + "]] tables");
    return out;
  }
  out.reserve(arr->size());
  std::size_t i = 0;
  for (const auto& el : *arr) {
    ++i;
    out.push_back(TomlReader(el.as_table(), m_file, field(key) + "[" + std::to_string(i) + "]", *m_problems));
  }
  return out;
}

std::optional<TomlReader> TomlReader::table(std::string_view key, bool required) {
  const toml::node* n = node_of(get(key, required));
  if (n == nullptr) return std::nullopt;
  if (const auto* t = n->as_table()) return TomlReader(t, m_file, field(key), *m_problems);
  problem(key, text_of(*n), "must be a table [" + std::string(key) + "]");
  return std::nullopt;
}

void TomlReader::finish() {
  for (const auto& [key, node] : table_of(m_table)) {
    if (m_known.find(key.str()) == m_known.end()) {
      m_problems->add(Problem{m_file, static_cast<long>(node.source().begin.line), field(key.str()), "",
                              "unknown key (check the spelling against the file format in the manual)"});
    }
  }
}

}  // namespace eb
