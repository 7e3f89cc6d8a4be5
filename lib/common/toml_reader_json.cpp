// SPDX-License-Identifier: MIT
// TomlDocument::parse_json: one JSON object read by nlohmann's SAX parser straight into the
// reader's tables, so that the parser of an application sees one model for both formats. The
// SAX events carry what a DOM loses: each key as it comes (duplicates are refused, as TOML
// refuses them) and a number's text (1e400 and 18446744073709551616 are refused by value).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "common/toml_reader_impl.hpp"

namespace eb {

namespace {

using Json = nlohmann::json;

class JsonToToml : public nlohmann::json_sax<Json> {
 public:
  JsonToToml(toml::table& root, const std::string& source, const InputLimits& limits, ProblemList& problems)
      : m_root(root), m_source(source), m_limits(limits), m_problems(problems) {}

  bool null() override {
    return refuse_value("null", in_list() ? "unsupported value in a list" : "unsupported value (null?)");
  }
  bool boolean(bool v) override { return store(v); }
  bool number_integer(number_integer_t v) override { return store(std::int64_t{v}); }
  bool number_unsigned(number_unsigned_t v) override {
    if (v > static_cast<number_unsigned_t>(INT64_MAX)) return refuse_value(std::to_string(v), k_beyond_int64);
    return store(static_cast<std::int64_t>(v));
  }
  bool number_float(number_float_t v, const string_t& text) override {
    // nlohmann reads an integer beyond 64 bits as a float; it is still a whole number to us.
    if (text.find_first_of(".eE") == std::string::npos) return refuse_value(text, k_beyond_int64);
    return store(v);
  }
  bool string(string_t& v) override { return store(std::move(v)); }
  bool binary(binary_t&) override { return false; }  // not in JSON text

  bool start_object(std::size_t) override {
    if (m_stack.empty()) {
      if (m_started) return false;
      m_started = true;
      m_stack.push_back(Frame{&m_root, nullptr, "", {}, {}, 0, false});
      return true;
    }
    if (!enter()) return false;
    if (m_discarding > 0) return true;
    Frame& parent = m_stack.back();
    const std::string path = value_field();
    toml::table* child = nullptr;
    if (parent.table != nullptr) {
      child = parent.table->insert(parent.key, toml::table{}).first->second.as_table();
    } else {
      parent.array->push_back(toml::table{});
      child = parent.array->back().as_table();
      ++parent.index;
    }
    m_stack.push_back(Frame{child, nullptr, path, {}, {}, 0, false});
    return true;
  }
  bool key(string_t& k) override {
    if (m_discarding > 0) return true;
    Frame& f = m_stack.back();
    f.key = k;
    f.duplicate = !f.keys.insert(k).second;
    if (f.duplicate) {
      m_problems.add(Problem{m_source, 0, value_field(), "",
                             "appears more than once in this object (a key may be given once, as in TOML)"});
    }
    return true;
  }
  bool end_object() override { return leave(); }
  bool start_array(std::size_t) override {
    if (m_stack.empty()) {
      m_started = true;
      return not_an_object();
    }
    if (!enter()) return false;
    if (m_discarding > 0) return true;
    Frame& parent = m_stack.back();
    if (parent.array != nullptr) {
      m_problems.add(Problem{m_source, 0, value_field(), "[...]", "unsupported value in a list"});
      ++parent.index;
      m_discarding = 1;
      return true;
    }
    const std::string path = value_field();
    toml::array* child = parent.table->insert(parent.key, toml::array{}).first->second.as_array();
    m_stack.push_back(Frame{nullptr, child, path, {}, {}, 0, false});
    return true;
  }
  bool end_array() override { return leave(); }

  bool parse_error(std::size_t, const std::string& last_token, const nlohmann::detail::exception& e) override {
    if (e.id == 406) {  // out_of_range: a number such as 1e400 that no double holds
      refuse_value(last_token, k_beyond_int64);
    } else {
      m_problems.add(Problem{m_source, 0, "", "", std::string("JSON syntax error: ") + e.what()});
    }
    return false;
  }

 private:
  static constexpr const char* k_beyond_int64 =
      "is beyond the numbers eb reads (whole numbers up to 9223372036854775807; write amounts as whole kronor "
      "or as a string with öre)";

  struct Frame {
    toml::table* table;  // exactly one of table and array
    toml::array* array;
    std::string path;  // the field path of this container: "" for the document, "member[2]"
    std::set<std::string> keys;
    std::string key;        // tables: the key whose value comes next
    std::size_t index = 0;  // arrays: the elements so far
    bool duplicate = false;
  };

  bool in_list() const { return !m_stack.empty() && m_stack.back().array != nullptr; }

  // The field path of the value that comes next.
  std::string value_field() const {
    const Frame& f = m_stack.back();
    if (f.table != nullptr) return f.path.empty() ? f.key : f.path + "." + f.key;
    return f.path + "[" + std::to_string(f.index + 1) + "]";
  }

  // Before a container opens: false (and stop) when it is one level too deep; counts the
  // levels of a container that is being discarded.
  bool enter() {
    if (m_discarding > 0) {
      ++m_discarding;
      return true;
    }
    if (static_cast<int>(m_stack.size()) >= m_limits.max_depth) {
      m_problems.add(Problem{m_source, 0, value_field(), "",
                             "nests deeper than " + std::to_string(m_limits.max_depth) + " levels"});
      return false;
    }
    if (m_stack.back().duplicate) {
      m_stack.back().duplicate = false;
      m_discarding = 1;
    }
    return true;
  }

  bool leave() {
    if (m_discarding > 0) {
      --m_discarding;
      return true;
    }
    m_stack.pop_back();
    return true;
  }

  bool not_an_object() {
    m_problems.add(Problem{m_source, 0, "", "", "each line must be one JSON object"});
    return false;
  }

  bool refuse_value(const std::string& shown, const std::string& message) {
    if (m_discarding > 0) return true;
    if (m_stack.empty()) return not_an_object();
    m_problems.add(Problem{m_source, 0, value_field(), shown, message});
    skip_value();
    return true;
  }

  // Moves past a value that is not stored.
  void skip_value() {
    Frame& f = m_stack.back();
    if (f.array != nullptr) ++f.index;
    f.duplicate = false;
  }

  template <class T>
  bool store(T v) {
    if (m_discarding > 0) return true;
    if (m_stack.empty()) return not_an_object();
    Frame& f = m_stack.back();
    if (f.duplicate) {
      skip_value();
      return true;
    }
    if (f.table != nullptr) {
      f.table->insert(f.key, std::move(v));
    } else {
      f.array->push_back(std::move(v));
      ++f.index;
    }
    return true;
  }

  toml::table& m_root;
  const std::string& m_source;
  const InputLimits& m_limits;
  ProblemList& m_problems;
  std::vector<Frame> m_stack;
  int m_discarding = 0;  // > 0 while inside a container that is not stored
  bool m_started = false;
};

}  // namespace

TomlDocument TomlDocument::parse_json(std::string_view text, const std::string& source, const InputLimits& limits) {
  check_json_shape(text, source, limits);
  auto impl = std::make_unique<Impl>();
  ProblemList problems;
  JsonToToml handler(impl->table, source, limits, problems);
  const bool ok = Json::sax_parse(text, &handler, Json::input_format_t::json, true);
  if (!ok && problems.empty()) problems.add(Problem{source, 0, "", "", "each line must be one JSON object"});
  problems.throw_if_any();
  return TomlDocument(std::move(impl), source);
}

}  // namespace eb
