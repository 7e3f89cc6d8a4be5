// SPDX-License-Identifier: MIT
#include "fut/content_key.hpp"

#include "common/error.hpp"
#include "common/sha256.hpp"
#include "common/text.hpp"

namespace eb::fut {

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}
}  // namespace

ContentKey ContentKey::from_hex(std::string_view hex, std::string_view field) {
  ContentKey k;
  bool ok = hex.size() == 64;
  for (std::size_t i = 0; ok && i < 32; ++i) {
    const int hi = hex_value(hex[2 * i]);
    const int lo = hex_value(hex[2 * i + 1]);
    ok = hi >= 0 && lo >= 0;
    if (ok) k.bytes[i] = static_cast<std::uint8_t>(hi * 16 + lo);
  }
  if (!ok) throw InputError(std::string(field), text::quoted(hex), "not a key (64 lowercase hex digits)");
  return k;
}

ContentKey ContentKey::of(std::string_view canonical) {
  return from_hex(sha256_hex(canonical), "sha256");
}

std::string ContentKey::hex() const {
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (const auto b : bytes) {
    out += k_hex[b >> 4];
    out += k_hex[b & 0x0f];
  }
  return out;
}

std::uint64_t ContentKey::prefix() const {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v = (v << 8) | bytes[i];
  return v;
}

}  // namespace eb::fut
