// SPDX-License-Identifier: MIT
#include "render/summary.hpp"

#include <cctype>
#include <string>

#include "common/ids.hpp"
#include "common/text.hpp"
#include "diagnostic.hpp"
#include "session.hpp"

namespace eb::cli {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// `line` with each personnummer in it written YYYYMMDD-XXXX: YYYYMMDD-NNNN or YYYYMMDD+NNNN (and
// a mistyped one, with one to six digits or letters after the sign) or YYYYMMDDNNNN, not part of a longer
// number; then without the expected check digit the personnummer parser adds ("(should be 7)"),
// which tells a digit of the number.
std::string masked_personnummer(const std::string& line) {
  std::string out = line;
  bool masked = false;
  for (std::size_t i = 0; i + 9 <= out.size(); ++i) {
    if (i > 0 && is_digit(out[i - 1])) continue;
    std::size_t j = i;
    while (j < out.size() && j < i + 8 && is_digit(out[j])) ++j;
    if (j != i + 8) continue;
    const bool sign = j < out.size() && (out[j] == '-' || out[j] == '+');
    if (sign) ++j;
    // After the sign, a mistyped serial may hold letters too ("23A7"): it is hidden all the same.
    std::size_t k = j;
    while (k < out.size() && (is_digit(out[k]) || (sign && std::isalpha(static_cast<unsigned char>(out[k]))))) ++k;
    const std::size_t n = k - j;
    if (sign ? (n < 1 || n > 6) : n != 4) continue;
    out.replace(j, n, std::string(n, 'X'));
    masked = true;
    i = k - 1;
  }
  if (masked) {
    for (std::size_t at = out.find(" (should be "); at != std::string::npos; at = out.find(" (should be ", at)) {
      const std::size_t end = out.find(')', at);
      if (end == std::string::npos) break;
      out.erase(at, end + 1 - at);
    }
  }
  return out;
}

}  // namespace

nlohmann::json application_summary_json(const store::ApplicationSummary& a, bool show_pnr) {
  return {{"application_id", format_id(IdKind::application, a.id)},
          {"case_id", format_id(IdKind::arende, a.case_id)},
          {"month", a.month.to_string()},
          {"kind", a.kind},
          {"received", a.received.to_string()},
          {"applicant", Session::pnr_shown(a.applicant_pnr, show_pnr)},
          {"members", a.members},
          {"status", a.status},
          {"has_warnings", a.has_warnings},
          {"amount_ore", a.amount ? nlohmann::json(a.amount->ore()) : nlohmann::json(nullptr)},
          {"decision_id", a.decision_id ? nlohmann::json(format_id(IdKind::beslut, *a.decision_id)) : nlohmann::json()},
          {"decision_kind", a.decision_id ? nlohmann::json(a.decision_kind) : nlohmann::json()},
          {"granted_ore", a.granted ? nlohmann::json(a.granted->ore()) : nlohmann::json()}};
}

void print_error(std::ostream& err, const Error& e, bool show_pnr) {
  print_refusal(err, refusal_of(e), show_pnr);
}

void print_refusal(std::ostream& err, const Refusal& r, bool show_pnr) {
  for (const auto& line : r.lines) {
    err << error_prefix() << text::terminal_safe(show_pnr ? line : masked_personnummer(line)) << "\n";
  }
}

}  // namespace eb::cli
