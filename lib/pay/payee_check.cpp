// SPDX-License-Identifier: MIT
#include "pay/payee_check.hpp"

#include "common/text.hpp"
#include "pay/bank_account.hpp"
#include "pay/payment_file.hpp"

namespace eb::pay {

std::string masked_account(std::string_view account) {
  std::string out(account);
  int shown = 0;
  for (std::size_t i = out.size(); i-- > 0;) {
    if (out[i] < '0' || out[i] > '9') continue;
    if (shown < 4) {
      ++shown;
    } else {
      out[i] = 'X';
    }
  }
  return out;
}

std::vector<Problem> payee_problems(std::string_view name, std::string_view account, std::string_view address) {
  std::vector<Problem> problems;
  if (name.find_first_not_of(" \t") == std::string_view::npos) {
    problems.push_back(
        {"", 0, "applicant.name", "", "is empty; a payment file names the payee (the applicant of the application)"});
  } else if (const std::string why = text::line_problem(name, 140); !why.empty()) {
    problems.push_back({"", 0, "applicant.name", text::quoted(name), why + "; a payment file cannot carry it"});
  }
  if (!account.empty()) {
    try {
      (void)parse_bank_account(account, "account");
    } catch (const InputError& e) {
      problems.push_back({"", 0, "account", masked_account(account),
                          "is not a valid bank account (" + e.problems().front().message +
                              "); correct the application's account, or leave it out to pay by avi"});
    }
    return problems;
  }
  const std::vector<std::string> lines = address_lines(address);
  if (lines.empty()) {
    problems.push_back({"", 0, "address", "", "is empty and there is no account: a payment by avi needs an address"});
  } else if (lines.size() > 7) {
    problems.push_back({"", 0, "address", text::quoted(address),
                        "has " + std::to_string(lines.size()) + " lines; a payment by avi carries at most 7"});
  } else {
    for (const auto& line : lines) {
      if (const std::string why = text::line_problem(line, 70); !why.empty()) {
        problems.push_back({"", 0, "address", text::quoted(line), "a line " + why + " (a payment by avi)"});
        break;
      }
    }
  }
  return problems;
}

}  // namespace eb::pay
