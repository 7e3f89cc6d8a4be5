// SPDX-License-Identifier: MIT
#include "common/toml_reader.hpp"

#include <sstream>

#include "common/text.hpp"

namespace eb {

TomlReader::TomlReader(const toml::table& table, std::string file, std::string path, ProblemList& problems)
    : m_table(&table),
      m_file(std::move(file)),
      m_path(std::move(path)),
      m_problems(&problems),
      m_line(static_cast<long>(table.source().begin.line)) {}

std::string TomlReader::field(std::string_view key) const {
  return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
}

long TomlReader::line_of(std::string_view key) const {
  if (const toml::node* n = m_table->get(key)) return static_cast<long>(n->source().begin.line);
  return m_line;
}

bool TomlReader::has(std::string_view key) const {
  return m_table->contains(key);
}

std::vector<std::string> TomlReader::keys() const {
  std::vector<std::string> out;
  for (const auto& [key, node] : *m_table) out.push_back(std::string(key.str()));
  return out;
}

bool TomlReader::is_table(std::string_view key) const {
  const toml::node* n = m_table->get(key);
  return n != nullptr && n->is_table();
}

bool TomlReader::is_array(std::string_view key) const {
  const toml::node* n = m_table->get(key);
  return n != nullptr && n->is_array();
}

void TomlReader::problem(std::string_view key, std::string value, std::string message) {
  m_problems->add(Problem{m_file, line_of(key), field(key), std::move(value), std::move(message)});
}

void TomlReader::problem(std::string message) {
  m_problems->add(Problem{m_file, m_line, m_path, "", std::move(message)});
}

std::string TomlReader::text_of(const toml::node& node) const {
  if (const auto* s = node.as_string()) return text::quoted(s->get());
  std::ostringstream out;
  node.visit([&out](const auto& v) { out << v; });
  std::string t = out.str();
  if (t.size() > 60) t = t.substr(0, 57) + "...";
  return t;
}

const toml::node* TomlReader::get(std::string_view key, bool required) {
  m_known.insert(std::string(key));
  const toml::node* n = m_table->get(key);
  if (n == nullptr && required) {
    m_problems->add(Problem{m_file, m_line, field(key), "", "missing (this field is required)"});
  }
  return n;
}

std::optional<std::string> TomlReader::string(std::string_view key, bool required) {
  const toml::node* n = get(key, required);
  if (n == nullptr) return std::nullopt;
  if (const auto* s = n->as_string()) return s->get();
  problem(key, text_of(*n), "must be a string in double quotes");
  return std::nullopt;
}

std::optional<std::int64_t> TomlReader::integer(std::string_view key, bool required, std::int64_t min,
                                                std::int64_t max) {
  const toml::node* n = get(key, required);
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
  const toml::node* n = get(key, false);
  if (n == nullptr) return std::nullopt;
  if (const auto* b = n->as_boolean()) return b->get();
  problem(key, text_of(*n), "must be true or false");
  return std::nullopt;
}

std::optional<money::Money> TomlReader::money(std::string_view key, bool required, bool allow_negative) {
  const toml::node* n = get(key, required);
  if (n == nullptr) return std::nullopt;
  std::optional<money::Money> m;
  if (const auto* i = n->as_integer()) {
    const std::int64_t kr = i->get();
    if (kr > 90'000'000'000'000LL || kr < -90'000'000'000'000LL) {
      problem(key, std::to_string(kr), "the amount is too large");
      return std::nullopt;
    }
    m = money::Money::from_kr(kr);
  } else if (const auto* s = n->as_string()) {
    m = parsed(key, *n, s->get(), [&](std::string_view t) { return money::parse_money(t, field(key)); });
    if (!m) return std::nullopt;
  } else if (n->is_floating_point()) {
    problem(key, text_of(*n),
            "write kronor as a whole number (8200) or as a string with öre (\"8200.50\"), not as a float");
    return std::nullopt;
  } else {
    problem(key, text_of(*n), "must be an amount in kronor");
    return std::nullopt;
  }
  if (!allow_negative && m->is_negative()) {
    problem(key, text_of(*n), "must not be negative");
    return std::nullopt;
  }
  return m;
}

std::optional<period::Date> TomlReader::date(std::string_view key, bool required) {
  const toml::node* n = get(key, required);
  if (n == nullptr) return std::nullopt;
  if (const auto* d = n->as_date()) {
    const toml::date v = d->get();
    if (auto date = period::make_date(v.year, v.month, v.day)) return date;
    problem(key, text_of(*n), "no such date");
    return std::nullopt;
  }
  if (const auto* s = n->as_string()) {
    return parsed(key, *n, s->get(), [&](std::string_view t) { return period::parse_date(t, field(key)); });
  }
  problem(key, text_of(*n), "must be a date, YYYY-MM-DD");
  return std::nullopt;
}

std::optional<period::Month> TomlReader::month(std::string_view key, bool required) {
  const toml::node* n = get(key, required);
  if (n == nullptr) return std::nullopt;
  if (const auto* s = n->as_string()) {
    return parsed(key, *n, s->get(), [&](std::string_view t) { return period::parse_month(t, field(key)); });
  }
  problem(key, text_of(*n), "must be a month as a string, \"YYYY-MM\"");
  return std::nullopt;
}

std::optional<money::Ratio> TomlReader::ratio(std::string_view key, bool required) {
  const toml::node* n = get(key, required);
  if (n == nullptr) return std::nullopt;
  if (const auto* s = n->as_string()) {
    return parsed(key, *n, s->get(), [&](std::string_view t) { return money::parse_ratio(t, field(key)); });
  }
  problem(key, text_of(*n), "write the factor as a decimal string, e.g. \"0.375\"");
  return std::nullopt;
}

std::vector<std::string> TomlReader::strings(std::string_view key, bool required) {
  std::vector<std::string> out;
  const toml::node* n = get(key, required);
  if (n == nullptr) return out;
  const auto* arr = n->as_array();
  if (arr == nullptr) {
    problem(key, text_of(*n), "must be a list of strings");
    return out;
  }
  for (const auto& el : *arr) {
    if (const auto* s = el.as_string()) {
      out.push_back(s->get());
    } else {
      problem(key, text_of(el), "must be a list of strings");
    }
  }
  return out;
}

std::vector<money::Money> TomlReader::money_list(std::string_view key, bool required) {
  std::vector<money::Money> out;
  const toml::node* n = get(key, required);
  if (n == nullptr) return out;
  const auto* arr = n->as_array();
  if (arr == nullptr) {
    problem(key, text_of(*n), "must be a list of amounts in kronor");
    return out;
  }
  for (const auto& el : *arr) {
    if (const auto* i = el.as_integer()) {
      out.push_back(money::Money::from_kr(i->get()));
    } else {
      problem(key, text_of(el), "must be a list of whole kronor");
    }
  }
  return out;
}

std::vector<money::Money> TomlReader::amounts(std::string_view key, bool allow_negative) {
  std::vector<money::Money> out;
  const toml::node* n = get(key, false);
  if (n == nullptr) return out;
  const auto* arr = n->as_array();
  if (arr == nullptr) {
    problem(key, text_of(*n), "must be a list of amounts in kronor");
    return out;
  }
  // Each element is read as a one-key table would be, so it gets money()'s checks and messages.
  for (std::size_t i = 0; i < arr->size(); ++i) {
    toml::table one;
    one.insert(std::string(key), *arr->get(i));
    ProblemList problems;
    TomlReader r(one, m_file, m_path, problems);
    const auto m = r.money(key, true, allow_negative);
    for (const Problem& p : problems.items()) {
      m_problems->add(Problem{m_file, line_of(key), field(key) + "[" + std::to_string(i + 1) + "]",
                              text_of(*arr->get(i)), p.message});
    }
    if (m) out.push_back(*m);
  }
  return out;
}

std::vector<TomlReader> TomlReader::tables(std::string_view key) {
  std::vector<TomlReader> out;
  const toml::node* n = get(key, false);
  if (n == nullptr) return out;
  const auto* arr = n->as_array();
  if (arr != nullptr && arr->empty()) return out;  // JSON's way of saying "none"
  if (arr == nullptr || !arr->is_array_of_tables()) {
    problem(key, text_of(*n), "must be written as [[" + std::string(key) + "]] tables");
    return out;
  }
  std::size_t i = 0;
  for (const auto& el : *arr) {
    ++i;
    out.emplace_back(*el.as_table(), m_file, field(key) + "[" + std::to_string(i) + "]", *m_problems);
  }
  return out;
}

std::optional<TomlReader> TomlReader::table(std::string_view key, bool required) {
  const toml::node* n = get(key, required);
  if (n == nullptr) return std::nullopt;
  if (const auto* t = n->as_table()) return TomlReader(*t, m_file, field(key), *m_problems);
  problem(key, text_of(*n), "must be a table [" + std::string(key) + "]");
  return std::nullopt;
}

void TomlReader::finish() {
  for (const auto& [key, node] : *m_table) {
    if (m_known.find(key.str()) == m_known.end()) {
      m_problems->add(Problem{m_file, static_cast<long>(node.source().begin.line), field(key.str()), "",
                              "unknown key (check the spelling against the file format in the manual)"});
    }
  }
}

toml::table parse_toml(std::string_view text, const std::string& file) {
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    throw InputError({Problem{file, static_cast<long>(e.source().begin.line), "", "",
                              "TOML syntax error: " + std::string(e.description())}});
  }
}

}  // namespace eb
