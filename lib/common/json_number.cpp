// SPDX-License-Identifier: MIT
#include "common/json_number.hpp"

#include <stdexcept>
#include <string_view>

namespace eb {

namespace {

// No text of eb's JSON holds this control character: names and notes with control
// characters are refused when they come in (text::line_problem).
constexpr char k_mark = '\x1f';
constexpr std::string_view k_open = "\"\\u001f";

}  // namespace

bool is_decimal(const std::string& s) {
  std::size_t i = s.empty() || s[0] != '-' ? 0 : 1;
  const std::size_t digits_from = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == digits_from) return false;
  if (i - digits_from > 1 && s[digits_from] == '0') return false;  // JSON has no leading zeros
  if (i == s.size()) return true;
  if (s[i] != '.' || i + 1 == s.size()) return false;
  for (++i; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

nlohmann::json decimal_number(const std::string& decimal) {
  if (!is_decimal(decimal)) throw std::invalid_argument("not a decimal number: " + decimal);
  return std::string(1, k_mark) + decimal;
}

std::string dump_json(const nlohmann::json& j, int indent) {
  const std::string dumped = j.dump(indent);
  std::string out;
  out.reserve(dumped.size());
  std::size_t i = 0;
  while (i < dumped.size()) {
    const std::size_t at = dumped.find(k_open, i);
    if (at == std::string::npos) {
      out.append(dumped, i, std::string::npos);
      break;
    }
    out.append(dumped, i, at - i);
    const std::size_t from = at + k_open.size();
    const std::size_t end = dumped.find('"', from);
    out.append(dumped, from, end - from);
    i = end + 1;
  }
  return out;
}

std::optional<std::string> decimal_of(const nlohmann::json& v) {
  if (!v.is_string()) return std::nullopt;
  const auto& s = v.get_ref<const std::string&>();
  if (s.empty() || s.front() != k_mark) return std::nullopt;
  return s.substr(1);
}

}  // namespace eb
