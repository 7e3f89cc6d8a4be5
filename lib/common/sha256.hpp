// SPDX-License-Identifier: MIT
// SHA-256 of bytes as lowercase hex: norm file identity and the audit log's hash chain.
#pragma once

#include <string>
#include <string_view>

namespace eb {

// The SHA-256 digest of `bytes`, 64 lowercase hex characters.
std::string sha256_hex(std::string_view bytes);
// The same digest as 32 bytes.
std::string sha256_bytes(std::string_view bytes);

}  // namespace eb
