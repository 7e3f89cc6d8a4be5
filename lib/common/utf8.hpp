// SPDX-License-Identifier: MIT
// UTF-8 validation of text read from files (CSV registers, payment fields).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace eb::utf8 {

// The offset of the first byte of `s` that does not begin a well-formed UTF-8 sequence
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or nothing when all of
// `s` is valid UTF-8.
std::optional<std::size_t> first_invalid(std::string_view s);

}  // namespace eb::utf8
