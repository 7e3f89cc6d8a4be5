// SPDX-License-Identifier: MIT
// Writing a golden case's expectations back (`eb test --update`, man/eb-test.1): the [expect]
// table in its one canonical form, put into the case file with every other byte kept.
#pragma once

#include <string>
#include <string_view>

#include "assess/application.hpp"
#include "assess/expectations.hpp"

namespace eb::assess {

// `e` as a canonical [expect] table: the header, the totals in k_totals_in_order, then the
// rules by id as quoted keys ("riksnorm.single" = 3940), or the refusal's keys. Ends with "\n".
std::string expectations_toml(const Expectations& e);

// The case file `text` (named `file`) with its [expect] table replaced by `e` in canonical
// form, or `e` appended when it has none; every byte outside the table is kept. `options` are
// those the application part was read with. Throws InputError naming the file when the table
// is not one [expect] section that can be replaced safely (dotted `expect.` keys, a subtable
// after another table) — checked by reading the result back: the same application, and `e`.
std::string with_expectations(std::string_view text, const Expectations& e, const std::string& file,
                              const ParseOptions& options);

}  // namespace eb::assess
