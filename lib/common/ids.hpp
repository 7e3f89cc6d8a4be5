// SPDX-License-Identifier: MIT
// External ids: "C-12" for a case (ärende), "A-34" for an application, "D-5" for a decision
// (beslut), "B-2" for a payment batch, "P-7" for a payment, "K-2" for a claim (återkrav), "F-7" for a
// FUT flag. The letter says what the number is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eb {

enum class IdKind : char {
  arende = 'C',
  application = 'A',
  beslut = 'D',
  batch = 'B',
  payment = 'P',
  claim = 'K',
  flag = 'F'
};

std::string format_id(IdKind kind, std::int64_t id);
// The number of `text` if it is an id of `kind` ("A-34" → 34). A bare number is accepted
// when `allow_bare`. Returns nothing otherwise.
std::optional<std::int64_t> parse_id(std::string_view text, IdKind kind, bool allow_bare = false);
// Which kind of id `text` is, if any.
std::optional<IdKind> id_kind_of(std::string_view text);

}  // namespace eb
