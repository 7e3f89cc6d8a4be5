// SPDX-License-Identifier: MIT
#include "common/refusal.hpp"

namespace eb {

Refusal refusal_of(const Error& e) {
  Refusal r;
  r.code = e.exit_code();
  if (const auto* input = dynamic_cast<const InputError*>(&e)) {
    for (const auto& p : input->problems()) r.lines.push_back(p.to_string());
    return r;
  }
  const std::string what = e.what();
  for (std::size_t start = 0, end = 0; start < what.size(); start = end + 1) {
    end = what.find('\n', start);
    if (end == std::string::npos) end = what.size();
    r.lines.push_back(what.substr(start, end - start));
  }
  return r;
}

}  // namespace eb
