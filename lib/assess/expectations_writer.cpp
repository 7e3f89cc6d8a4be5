// SPDX-License-Identifier: MIT
#include "assess/expectations_writer.hpp"

#include <algorithm>

#include "assess/application_writer.hpp"

namespace eb::assess {

namespace {

struct Header {
  std::size_t begin = 0;  // offset of its line
  std::string name;       // between the brackets, trimmed
  bool array = false;     // [[name]]
};

std::string trimmed(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  const auto e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

// The table headers of a TOML text, skipping strings, comments and multi-line arrays.
std::vector<Header> headers_of(std::string_view text) {
  std::vector<Header> out;
  enum class In { none, basic, literal, ml_basic, ml_literal, comment };
  In in = In::none;
  int depth = 0;  // of value arrays open across lines
  bool line_start = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      if (in == In::basic || in == In::literal || in == In::comment) in = In::none;
      line_start = true;
      continue;
    }
    if (line_start && (c == ' ' || c == '\t' || c == '\r')) continue;
    const bool at_line_start = line_start;
    line_start = false;
    switch (in) {
      case In::comment:
        continue;
      case In::basic:
        if (c == '\\') {
          ++i;
        } else if (c == '"') {
          in = In::none;
        }
        continue;
      case In::literal:
        if (c == '\'') in = In::none;
        continue;
      case In::ml_basic:
        if (c == '\\') {
          ++i;
        } else if (text.compare(i, 3, "\"\"\"") == 0) {
          in = In::none;
          i += 2;
        }
        continue;
      case In::ml_literal:
        if (text.compare(i, 3, "'''") == 0) {
          in = In::none;
          i += 2;
        }
        continue;
      case In::none:
        break;
    }
    if (at_line_start && depth == 0 && c == '[') {
      Header h;
      h.begin = text.rfind('\n', i) == std::string_view::npos ? 0 : text.rfind('\n', i) + 1;
      h.array = i + 1 < text.size() && text[i + 1] == '[';
      const std::size_t from = i + (h.array ? 2 : 1);
      const std::size_t to = text.find(']', from);
      if (to == std::string_view::npos) break;
      h.name = trimmed(text.substr(from, to - from));
      out.push_back(std::move(h));
      in = In::comment;  // the rest of the line is a comment, if anything
      continue;
    }
    if (c == '#') {
      in = In::comment;
    } else if (text.compare(i, 3, "\"\"\"") == 0) {
      in = In::ml_basic;
      i += 2;
    } else if (text.compare(i, 3, "'''") == 0) {
      in = In::ml_literal;
      i += 2;
    } else if (c == '"') {
      in = In::basic;
    } else if (c == '\'') {
      in = In::literal;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']' && depth > 0) {
      --depth;
    }
  }
  return out;
}

// Whether `line` is blank or only a comment.
bool is_blank_or_comment(std::string_view line) {
  const std::string t = trimmed(line);
  return t.empty() || t.front() == '#' || t.front() == '\r' || t.front() == '\n';
}

[[noreturn]] void refuse_rewrite(const std::string& file, long line, const std::string& why) {
  throw InputError({Problem{file, line, "expect", "",
                            "eb test --update cannot rewrite this [expect] table safely (" + why +
                                "); write the expectations as one [expect] table at the end of the file"}});
}

}  // namespace

std::string expectations_toml(const Expectations& e) {
  std::string out = "[expect]\n";
  if (e.refusal) {
    const RefusalExpectation& r = *e.refusal;
    out += "error = " + toml_string(r.kind) + "\n";
    if (!r.field.empty()) out += "field = " + toml_string(r.field) + "\n";
    if (r.line) out += "line = " + std::to_string(*r.line) + "\n";
    if (!r.message.empty()) out += "message = " + toml_string(r.message) + "\n";
    return out;
  }
  std::vector<TotalExpectation> totals = e.totals;
  std::sort(totals.begin(), totals.end(), [](const auto& a, const auto& b) { return a.total < b.total; });
  for (const TotalExpectation& t : totals)
    out += std::string(total_name(t.total)) + " = " + toml_amount(t.amount) + "\n";
  std::vector<RuleExpectation> rules = e.rules;
  std::sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) { return a.rule < b.rule; });
  for (const RuleExpectation& r : rules) {
    out += toml_string(r.rule) + " = ";
    if (!r.per_line) {
      out += toml_amount(r.amounts.empty() ? Money() : r.amounts.front()) + "\n";
      continue;
    }
    out += "[";
    for (std::size_t i = 0; i < r.amounts.size(); ++i) out += (i == 0 ? "" : ", ") + toml_amount(r.amounts[i]);
    out += "]\n";
  }
  return out;
}

std::string with_expectations(std::string_view text, const Expectations& e, const std::string& file,
                              const ParseOptions& options) {
  const std::string table = expectations_toml(e);
  const std::vector<Header> headers = headers_of(text);
  const auto at =
      std::find_if(headers.begin(), headers.end(), [](const Header& h) { return !h.array && h.name == "expect"; });
  std::string result;
  if (at == headers.end()) {
    if (parse_expectations(text, file)) refuse_rewrite(file, 0, "it is not written under an [expect] header");
    result = std::string(text);
    if (!result.empty() && result.back() != '\n') result += '\n';
    if (!result.empty() && result.size() >= 2 && result.compare(result.size() - 2, 2, "\n\n") != 0) result += '\n';
    result += table;
  } else {
    // The section runs to the next header that is not one of its subtables; the blank and
    // comment lines in front of that header stay with it.
    std::size_t end = text.size();
    for (auto h = at + 1; h != headers.end(); ++h) {
      if (h->array || h->name.rfind("expect.", 0) != 0) {
        end = h->begin;
        break;
      }
    }
    std::size_t content_end = end;
    for (std::size_t pos = at->begin; pos < end;) {
      const std::size_t nl = text.find('\n', pos);
      const std::size_t line_end = (nl == std::string_view::npos || nl >= end) ? end : nl + 1;
      if (pos == at->begin || !is_blank_or_comment(text.substr(pos, line_end - pos))) content_end = line_end;
      pos = line_end;
    }
    end = content_end;
    result = std::string(text.substr(0, at->begin)) + table + std::string(text.substr(end));
  }
  // Read it back: exactly `e`, and the same application.
  std::string why;
  try {
    const auto back = parse_expectations(result, file);
    if (!back || expectations_toml(*back) != table) why = "the table reads back differently";
    if (why.empty() && write_application_toml(parse_application(result, file, options)) !=
                           write_application_toml(parse_application(text, file, options))) {
      why = "the application part would change";
    }
  } catch (const InputError& err) {
    why = "the result does not read back: " + err.problems().front().to_string();
  }
  if (!why.empty()) refuse_rewrite(file, e.line, why);
  return result;
}

}  // namespace eb::assess
