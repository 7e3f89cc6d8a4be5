// SPDX-License-Identifier: MIT
#include "common/text.hpp"

#include <cstddef>
#include <cstdint>

namespace eb::text {

namespace {

// One decoded character of UTF-8 text.
struct Decoded {
  std::uint32_t cp = 0;
  std::size_t len = 1;  // bytes used; 1 for an invalid byte
  bool valid = false;
};

// The character at `s[i]` (i < s.size()); an invalid or truncated sequence is one invalid byte.
Decoded decode_at(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  Decoded d;
  if (b < 0x80) {
    d.cp = b;
    d.valid = true;
    return d;
  }
  std::size_t len = 0;
  std::uint32_t cp = 0;
  if ((b & 0xE0U) == 0xC0U) {
    len = 2;
    cp = b & 0x1FU;
  } else if ((b & 0xF0U) == 0xE0U) {
    len = 3;
    cp = b & 0x0FU;
  } else if ((b & 0xF8U) == 0xF0U) {
    len = 4;
    cp = b & 0x07U;
  } else {
    return d;
  }
  if (i + len > s.size()) return d;
  for (std::size_t k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0U) != 0x80U) return d;
    cp = (cp << 6) | (c & 0x3FU);
  }
  const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return d;
  d.cp = cp;
  d.len = len;
  d.valid = true;
  return d;
}

bool is_control(std::uint32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
         cp == 0xFFFE || cp == 0xFFFF;
}

std::string hex(std::uint32_t v, int digits) {
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string out(static_cast<std::size_t>(digits), '0');
  for (int i = digits - 1; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = k_digits[v & 0xFU];
  return out;
}

std::string code_point_name(std::uint32_t cp) {
  std::string h = hex(cp, 4);
  for (char& c : h) c = static_cast<char>(c >= 'a' ? c - 'a' + 'A' : c);
  return "U+" + h;
}

bool is_number(std::string_view s) {
  std::size_t i = s.empty() || s[0] != '-' ? 0 : 1;
  const std::size_t start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == start) return false;
  if (i == s.size()) return true;
  if (s[i] != '.' && s[i] != ',') return false;
  const std::size_t frac = ++i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i == s.size() && i > frac;
}

}  // namespace

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

std::size_t utf8_error_at(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode_at(s, i);
    if (!d.valid) return i;
    i += d.len;
  }
  return std::string_view::npos;
}

std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) i += decode_at(s, i).len;
  return n;
}

std::string line_problem(std::string_view s, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++chars) {
    const Decoded d = decode_at(s, i);
    if (!d.valid) return "is not valid UTF-8 text";
    if (is_control(d.cp)) return "contains a control character (" + code_point_name(d.cp) + ")";
    i += d.len;
  }
  if (chars > max_chars) {
    return "has " + std::to_string(chars) + " characters; at most " + std::to_string(max_chars) + " fit";
  }
  return {};
}

std::string terminal_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const Decoded d = decode_at(s, i);
    if (!d.valid) {
      out += "\\x" + hex(static_cast<unsigned char>(s[i]), 2);
    } else if (is_control(d.cp)) {
      out += d.cp < 0x80 ? "\\x" + hex(d.cp, 2) : "\\u" + hex(d.cp, 4);
    } else {
      out.append(s.substr(i, d.len));
    }
    i += d.len;
  }
  return out;
}

std::string csv_cell(std::string_view s) {
  std::string cell;
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') &&
      !is_number(s)) {
    cell = "'";
  }
  cell += s;
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string q = "\"";
  for (char c : cell) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
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
