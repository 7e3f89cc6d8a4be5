// SPDX-License-Identifier: MIT
// SHA-256 with Nettle: no library initialisation (OpenSSL 3 spent more on setting up its
// providers than on hashing, at every start of eb).
#include "common/sha256.hpp"

#include <nettle/sha2.h>

namespace eb {

std::string sha256_bytes(std::string_view bytes) {
  sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
  std::string out(SHA256_DIGEST_SIZE, '\0');
  sha256_digest(&ctx, SHA256_DIGEST_SIZE, reinterpret_cast<std::uint8_t*>(out.data()));
  return out;
}

std::string sha256_hex(std::string_view bytes) {
  static const char* k_hex = "0123456789abcdef";
  const std::string digest = sha256_bytes(bytes);
  std::string out;
  out.reserve(digest.size() * 2);
  for (const char c : digest) {
    const auto b = static_cast<unsigned char>(c);
    out += k_hex[b >> 4];
    out += k_hex[b & 0x0f];
  }
  return out;
}

}  // namespace eb
