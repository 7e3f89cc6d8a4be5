// SPDX-License-Identifier: MIT
#include "common/error.hpp"

namespace eb {

std::string Problem::to_string() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) out += ":" + std::to_string(line);
    out += ": ";
  }
  if (!field.empty()) {
    out += field;
    if (!value.empty()) out += " = " + value;
    out += ": ";
  }
  out += message;
  return out;
}

namespace {
std::string join_problems(const std::vector<Problem>& problems) {
  std::string out;
  for (const auto& p : problems) {
    if (!out.empty()) out += "\n";
    out += p.to_string();
  }
  return out;
}
}  // namespace

InputError::InputError(std::vector<Problem> problems)
    : Error(join_problems(problems)), m_problems(std::move(problems)) {}

InputError::InputError(std::string field, std::string value, std::string message)
    : InputError(std::vector<Problem>{Problem{"", 0, std::move(field), std::move(value), std::move(message)}}) {}

void ProblemList::throw_if_any() const {
  if (!m_problems.empty()) throw InputError(m_problems);
}

}  // namespace eb
