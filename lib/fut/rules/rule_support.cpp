// SPDX-License-Identifier: MIT
#include "fut/rules/rule_support.hpp"

#include "common/ids.hpp"

namespace eb::fut {

PaymentEvidence payment_evidence(const PaidCaseMonth& cm) {
  PaymentEvidence p;
  p.case_id = cm.case_id;
  p.application_ids = cm.application_ids;
  p.paid = cm.paid;
  p.granted = cm.granted;
  p.claimed = cm.claimed;
  p.members = static_cast<int>(cm.members.size());
  return p;
}

Finding start_finding(std::string_view rule, const PaidCaseMonth& cm) {
  Finding f;
  f.rule = std::string(rule);
  f.case_id = cm.case_id;
  f.cases = {cm.case_id};
  f.month = cm.month;
  f.evidence.payments = {payment_evidence(cm)};
  return f;
}

std::string role_sv(const PaidCaseMonth& cm, const person::Personnummer& pnr) {
  for (const auto& m : cm.members) {
    if (m.pnr == pnr) return std::string(assess::role_label(m.role));
  }
  return "medlem";
}

std::string applications_sv(const PaidCaseMonth& cm) {
  if (cm.application_ids.empty()) return "ansökan";
  std::vector<std::string> ids;
  for (const auto id : cm.application_ids) ids.push_back(format_id(IdKind::application, id));
  if (ids.size() == 1) return "ansökan " + ids[0];
  std::string out = "ansökningarna ";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += i + 1 == ids.size() ? " och " : ", ";
    out += ids[i];
  }
  return out;
}

std::string kind_sv(assess::IncomeKind kind) {
  std::string s(assess::income_kind_label(kind));
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') {
    s[0] = static_cast<char>(s[0] - 'A' + 'a');
  } else if (s.size() >= 2 && s[0] == '\xC3') {
    const auto b = static_cast<unsigned char>(s[1]);
    if (b >= 0x80 && b <= 0x9E && b != 0x97) s[1] = static_cast<char>(b + 0x20);
  }
  return s;
}

std::string case_list(const std::vector<std::int64_t>& cases) {
  std::string out;
  for (const auto c : cases) {
    if (!out.empty()) out += ',';
    out += format_id(IdKind::arende, c);
  }
  return out;
}

std::string cases_sv(const std::vector<std::int64_t>& cases) {
  std::string out;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (i > 0) out += i + 1 == cases.size() ? " och " : ", ";
    out += format_id(IdKind::arende, cases[i]);
  }
  return out;
}

}  // namespace eb::fut
