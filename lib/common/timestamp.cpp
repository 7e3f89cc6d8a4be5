// SPDX-License-Identifier: MIT
#include "common/timestamp.hpp"

#include <algorithm>

namespace eb {

std::string rfc3339_timestamp(std::string_view at) {
  // "YYYY-MM-DDThh:mm:ss" then an optional fraction, then "+hhmm" or "-hhmm" at the very end.
  constexpr std::size_t k_time = 19;
  constexpr std::size_t k_offset = 5;
  if (at.size() < k_time + k_offset || at[10] != 'T') return std::string(at);
  const std::string_view offset = at.substr(at.size() - k_offset);
  const bool digits = std::all_of(offset.begin() + 1, offset.end(), [](char c) { return c >= '0' && c <= '9'; });
  const char before = at[at.size() - k_offset - 1];
  if ((offset[0] != '+' && offset[0] != '-') || !digits || before < '0' || before > '9') return std::string(at);
  std::string out(at.substr(0, at.size() - 2));
  out += ':';
  out += at.substr(at.size() - 2);
  return out;
}

}  // namespace eb
