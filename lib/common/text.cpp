// SPDX-License-Identifier: MIT
#include "common/text.hpp"

namespace eb::text {

bool parse_digits(std::string_view s, int& out) {
  if (s.empty() || s.size() > 9) return false;
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

std::string quoted(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

std::string markup_escaped(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string format_count(std::int64_t n) {
  // Through the unsigned magnitude, so that the smallest int64 has a magnitude too.
  const std::uint64_t magnitude = n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
  const std::string digits = std::to_string(magnitude);
  std::string out = n < 0 ? "-" : "";
  const std::size_t size = digits.size();
  for (std::size_t i = 0; i < size; ++i) {
    if (i > 0 && (size - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return out;
}

std::string counted(std::int64_t n, std::string_view one, std::string_view many) {
  return format_count(n) + " " + std::string(n == 1 ? one : many);
}

namespace {

// The columns a code point takes: 0 for combining marks and zero-width characters, 2 for the
// wide East Asian ranges and emoji, 1 otherwise.
std::size_t columns_of(char32_t c) {
  if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || (c >= 0xFE00 && c <= 0xFE0F)) return 0;
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x1F900 && c <= 0x1F9FF) ||
      (c >= 0x20000 && c <= 0x3FFFD)) {
    return 2;
  }
  return 1;
}

}  // namespace

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<unsigned char>(s[i]);
    std::size_t length = 1;
    char32_t c = lead;
    if (lead >= 0xF0) {
      length = 4;
      c = lead & 0x07U;
    } else if (lead >= 0xE0) {
      length = 3;
      c = lead & 0x0FU;
    } else if (lead >= 0xC0) {
      length = 2;
      c = lead & 0x1FU;
    }
    std::size_t j = 1;
    for (; j < length && i + j < s.size(); ++j) {
      const auto next = static_cast<unsigned char>(s[i + j]);
      if ((next & 0xC0U) != 0x80U) break;  // not UTF-8: each byte counts one column
      c = (c << 6) | (next & 0x3FU);
    }
    if (j < length) {
      width += 1;
      i += 1;
      continue;
    }
    width += lead < 0x80 || lead >= 0xC0 ? columns_of(c) : 1;  // a stray continuation byte: 1
    i += length;
  }
  return width;
}

}  // namespace eb::text
