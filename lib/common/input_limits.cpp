// SPDX-License-Identifier: MIT
#include "common/input_limits.hpp"

#include "common/error.hpp"
#include "common/text.hpp"

namespace eb {

namespace {

void check_size(std::string_view text, const std::string& source, const InputLimits& limits) {
  if (text.size() > limits.max_bytes) {
    throw InputError({Problem{
        source, 0, "", "",
        "is " + std::to_string(text.size()) + " bytes; at most " + std::to_string(limits.max_bytes) + " are read"}});
  }
}

[[noreturn]] void too_deep(const std::string& source, long line, const InputLimits& limits) {
  throw InputError({Problem{source, line, "", "",
                            "nests deeper than " + std::to_string(limits.max_depth) +
                                " levels (arrays, tables and the parts of dotted keys)"}});
}

[[noreturn]] void refuse(const std::string& source, long line, const std::string& message) {
  throw InputError({Problem{source, line, "", "", message}});
}

long line_at(std::string_view text, std::size_t offset) {
  long line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n' ? 1 : 0;
  return line;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool is_ascii(char c) {
  return (static_cast<unsigned char>(c) & 0x80U) == 0;
}

bool starts_with(std::string_view text, std::size_t i, std::string_view what) {
  return text.substr(i, what.size()) == what;
}

// The index of the last quote of the run of `quote` starting at `i`.
std::size_t end_of_run(std::string_view text, std::size_t i, char quote) {
  while (i + 1 < text.size() && text[i + 1] == quote) ++i;
  return i;
}

}  // namespace

void check_toml_shape(std::string_view text, const std::string& source, const InputLimits& limits) {
  check_size(text, source, limits);
  if (const std::size_t bad = text::utf8_error_at(text); bad != std::string_view::npos) {
    refuse(source, line_at(text, bad), "is not valid UTF-8 text (TOML files are UTF-8)");
  }
  const std::string not_ascii =
      "a character that is not ASCII outside quotes: TOML keys and values are ASCII, text goes in double quotes";
  enum class State { normal, comment, basic, literal, multiline_basic, multiline_literal };
  // What comes next outside strings: a key, a value, or neither (after a value).
  enum class Expect { key, value, done };
  State state = State::normal;
  Expect expect = Expect::key;
  bool string_is_value = false;  // the open string is a value (not a quoted key)
  std::string open;              // the open brackets: 'h' table header, 'a' array, '{' inline table
  int dots = 0;                  // dots since the last = , [ { ] } or newline: the parts of a dotted key
  long line = 1;
  // The last character outside strings that is not a space or a tab ('\n' at a line's start):
  // a string starts only where a key or a value does. Elsewhere (2"x") toml++ reads the quote
  // as part of a value and goes on testing what follows for whitespace, so it is refused here.
  char before = '\n';
  const auto open_string = [&](State string_state) {
    if (before != '\n' && before != '=' && before != '[' && before != '{' && before != ',' && before != '.') {
      refuse(source, line, "a quote in the middle of a key or a value (a string is a whole key or value)");
    }
    string_is_value = expect == Expect::value;
    state = string_state;
  };
  const auto close_string = [&] {
    state = State::normal;
    if (string_is_value) expect = Expect::done;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    switch (state) {
      case State::comment:
        if (c == '\n') {
          state = State::normal;
          dots = 0;
          before = '\n';
          if (open.empty() || open.back() != 'a') expect = Expect::key;
        }
        break;
      case State::basic:
        if (c == '\\') {
          ++i;  // the escaped character (a newline here is a syntax error toml++ reports)
          if (i < text.size() && text[i] == '\n') ++line;
        } else if (c == '"' || c == '\n') {
          close_string();
        }
        break;
      case State::literal:
        if (c == '\'' || c == '\n') close_string();
        break;
      case State::multiline_basic:
        if (c == '\\') {
          // An escape, or a line-ending backslash and the whitespace it swallows: what follows
          // must be ASCII (toml++ 3.3 tests it for Unicode whitespace with undefined behaviour).
          std::size_t next = i + 1;
          if (next < text.size() && is_space(text[next])) {
            while (next < text.size() && is_space(text[next])) line += text[next++] == '\n' ? 1 : 0;
            i = next - 1;
          } else {
            i = next;
          }
          if (next < text.size() && !is_ascii(text[next])) {
            refuse(source, line,
                   "a backslash in a multi-line string is followed by a character that is not ASCII; "
                   "write the text without the line-ending backslash");
          }
        } else if (starts_with(text, i, "\"\"\"")) {
          i = end_of_run(text, i, '"');  // up to two quotes before the delimiter are content
          close_string();
        }
        break;
      case State::multiline_literal:
        if (starts_with(text, i, "'''")) {
          i = end_of_run(text, i, '\'');
          close_string();
        }
        break;
      case State::normal:
        if (!is_ascii(c)) refuse(source, line, not_ascii);
        switch (c) {
          case ' ':
          case '\t':
          case '\r':
            break;
          case '\n':
            dots = 0;
            if (open.empty() || open.back() != 'a') expect = Expect::key;  // arrays may span lines
            break;
          case '#':
            state = State::comment;
            break;
          case '"':
            open_string(starts_with(text, i, "\"\"\"") ? State::multiline_basic : State::basic);
            if (state == State::multiline_basic) i += 2;
            break;
          case '\'':
            open_string(starts_with(text, i, "'''") ? State::multiline_literal : State::literal);
            if (state == State::multiline_literal) i += 2;
            break;
          case '[':
            open += expect == Expect::value ? 'a' : 'h';
            dots = 0;
            break;
          case '{':
            open += '{';
            expect = Expect::key;
            dots = 0;
            break;
          case ']':
          case '}':
            if (!open.empty()) open.pop_back();
            expect = Expect::done;
            dots = 0;
            break;
          case '=':
            expect = Expect::value;
            dots = 0;
            break;
          case ',':
            if (!open.empty()) expect = open.back() == 'a' ? Expect::value : Expect::key;
            dots = 0;
            break;
          case '.':
            ++dots;
            break;
          default:
            if (expect == Expect::value) {
              // A bare value (a number, a date, true): toml++ reads it up to whitespace, ] } , or
              // #, whatever it holds, so a quote or a character that is not ASCII in it is refused.
              std::size_t end = i;
              for (; end < text.size() && !is_space(text[end]) && text[end] != ']' && text[end] != '}' &&
                     text[end] != ',' && text[end] != '#';
                   ++end) {
                if (!is_ascii(text[end])) refuse(source, line, not_ascii);
                if (text[end] == '"' || text[end] == '\'') {
                  refuse(source, line, "a quote in the middle of a key or a value (a string is a whole key or value)");
                }
              }
              i = end - 1;
              expect = Expect::done;
            }
            break;
        }
        if (static_cast<int>(open.size()) + dots > limits.max_depth) too_deep(source, line, limits);
        if (state == State::normal) {
          if (c != ' ' && c != '\t' && c != '\r') before = c;
        } else if (state != State::comment) {
          before = '"';  // a string's closing quote comes before the next character
        }
        break;
    }
  }
}

void check_json_shape(std::string_view text, const std::string& source, const InputLimits& limits) {
  check_size(text, source, limits);
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limits.max_depth) too_deep(source, 0, limits);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
}

}  // namespace eb
