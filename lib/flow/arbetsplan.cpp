// SPDX-License-Identifier: MIT
#include "flow/arbetsplan.hpp"

namespace eb::flow {

ArbetsplanOutcome record_arbetsplan(store::Database& db, const Context& ctx, std::int64_t case_id, period::Date on) {
  ArbetsplanOutcome out;
  out.case_id = case_id;
  for (const auto& e : store::case_arbetsplan(db, case_id)) {
    if (e.made_on < on) out.previous = e.made_on;
  }
  out.entry = store::record_arbetsplan(db, case_id, on, ctx.write("arbetsplan"));
  return out;
}

}  // namespace eb::flow
