// SPDX-License-Identifier: MIT
#include "flow/close.hpp"

namespace eb::flow {

CloseOutcome close_case(store::Database& db, const Context& ctx, std::int64_t case_id, period::Date on,
                        report::ClosureReason reason, const std::string& note) {
  report::check_closure_note(note);
  CloseOutcome out;
  out.case_id = case_id;
  out.earlier = store::case_closures(db, case_id);
  out.closure = store::record_closure(db, case_id, on, reason, note, ctx.write("close"));
  return out;
}

}  // namespace eb::flow
