// SPDX-License-Identifier: MIT
#include "fut/address.hpp"

namespace eb::fut {

namespace {

// The length of the white space at `s[i]` (1, or 2 for a UTF-8 no-break space), else 0.
std::size_t space_at(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
  if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') return 2;
  return 0;
}

}  // namespace

std::string normalised_address(std::string_view address) {
  std::string out;
  normalised_address(address, out);
  return out;
}

void normalised_address(std::string_view address, std::string& out) {
  out.clear();
  out.reserve(address.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < address.size();) {
    if (const std::size_t w = space_at(address, i)) {
      pending_space = !out.empty();
      i += w;
      continue;
    }
    char c = address[i];
    if (c == ',') {
      out += ',';
      pending_space = true;  // exactly one space after a comma (dropped at the end)
      ++i;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
      ++i;
    } else if (c == '\xC3' && i + 1 < address.size()) {
      // U+00C0–U+00DE (À–Þ, not ×) are C3 80–C3 9E; their small letters are 0x20 higher.
      auto b = static_cast<unsigned char>(address[i + 1]);
      if (b >= 0x80 && b <= 0x9E && b != 0x97) b = static_cast<unsigned char>(b + 0x20);
      out += c;
      out += static_cast<char>(b);
      i += 2;
    } else {
      out += c;
      ++i;
    }
  }
}

}  // namespace eb::fut
