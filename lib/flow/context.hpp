// SPDX-License-Identifier: MIT
// Context: what every flow receives besides the store: today, the time and the user (the core
// never reads the clock or the environment), and the data files a command may need (the norm
// catalog, the delegation order, the payer), loaded by the caller when first asked for.
#pragma once

#include <functional>
#include <string>

#include "decide/delegation.hpp"
#include "norms/norm_catalog.hpp"
#include "pay/payer.hpp"
#include "period/date.hpp"
#include "store/database.hpp"

namespace eb::flow {

struct Context {
  period::Date today{1970, 1, 1};
  std::string at;  // now, as an ISO 8601 timestamp, for the audit log
  std::string user;
  std::function<const norms::NormCatalog&()> catalog;
  std::function<const decide::Delegation&()> delegation;
  std::function<const pay::Payer&()> payer;

  // Who writes, when, with `command` (e.g. "pay batch"), for the audit log.
  store::WriteContext write(std::string command) const { return {at, user, std::move(command), today}; }
};

}  // namespace eb::flow
