// SPDX-License-Identifier: MIT
#include "common/ids.hpp"

#include <charconv>

namespace eb {

std::string format_id(IdKind kind, std::int64_t id) {
  return std::string(1, static_cast<char>(kind)) + "-" + std::to_string(id);
}

std::optional<std::int64_t> parse_id(std::string_view text, IdKind kind, bool allow_bare) {
  std::string_view digits = text;
  if (text.size() >= 2 && (text[0] == static_cast<char>(kind) || text[0] == static_cast<char>(kind) + 32) &&
      text[1] == '-') {
    digits = text.substr(2);
  } else if (!allow_bare) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || ptr != digits.data() + digits.size() || value <= 0 || digits.empty()) return std::nullopt;
  return value;
}

std::optional<IdKind> id_kind_of(std::string_view text) {
  for (IdKind k : {IdKind::arende, IdKind::application, IdKind::beslut, IdKind::batch, IdKind::payment, IdKind::claim,
                   IdKind::flag}) {
    if (parse_id(text, k)) return k;
  }
  return std::nullopt;
}

}  // namespace eb
