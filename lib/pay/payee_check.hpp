// SPDX-License-Identifier: MIT
// Whether an applicant can be paid as the application stands: the payment file's rules for
// the payee, checked when the application comes in rather than when its batch is exported.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace eb::pay {

// Why a payment to this payee cannot be made, one problem per field ("applicant.name",
// "account", "address") with its value (an account masked: it may hold a personnummer) and the
// reason; empty if it can. The rules of the payment file (write_pain001): a name of 1–140
// characters without control characters; an account that parse_bank_account accepts; with no
// account (payment by avi) a postal address of 1–7 lines of at most 70 characters each.
std::vector<Problem> payee_problems(std::string_view name, std::string_view account, std::string_view address);

// `account` as a message may show it: every digit but the last four as 'X' (a Nordea
// personkonto's number is a personnummer).
std::string masked_account(std::string_view account);

}  // namespace eb::pay
