// SPDX-License-Identifier: MIT
#include "flow/intake.hpp"

#include <set>

#include "assess/history.hpp"
#include "assess/received.hpp"
#include "pay/bank_account.hpp"
#include "pay/payee_check.hpp"

namespace eb::flow {

namespace {

// The checks of one application beyond its file format, each in its own concept.
void check_for_intake(const assess::Application& app, const Context& ctx, std::set<std::string>& checked_guidelines) {
  if (!app.account.empty()) (void)pay::parse_bank_account(app.account, app.source + ": account");
  // Each guideline named in the batch is read and checked once.
  if (!app.guideline.empty() && !checked_guidelines.count(app.guideline)) {
    (void)ctx.catalog().guideline(app.guideline);
    checked_guidelines.insert(app.guideline);
  }
  assess::require_received_by(app, ctx.today);
}

}  // namespace

IntakeOutcome intake(store::Database& db, const Context& ctx, const std::vector<IntakeSource>& sources) {
  const store::WriteContext write = ctx.write("intake");
  IntakeOutcome out;
  std::set<std::string> checked_guidelines;
  for (const IntakeSource& src : sources) {
    IntakeItem item{src.name, std::nullopt, std::nullopt, {}};
    try {
      assess::Application app = assess::read_application(src.text, src.name, src.format, ctx.catalog(), true);
      check_for_intake(app, ctx, checked_guidelines);
      store::Savepoint savepoint(db);  // nothing of this application is stored unless all of it is
      const std::vector<std::string> notes = assess::apply_history(app, store::member_history(db, app));
      item.stored = store::store_application(db, app, notes, write);
      savepoint.release();
      ++out.stored;
      // The account was checked above (a bad one refuses the application); the name and the
      // address only warn.
      for (Problem& p : pay::payee_problems(app.applicant().name, app.account, app.address)) {
        if (p.field != "account") item.payee_warnings.push_back(std::move(p));
      }
      if (!item.payee_warnings.empty()) ++out.unpayable;
    } catch (const Error& e) {
      item.refusal = refusal_of(e);
      if (out.refused++ == 0) out.first_failure = e.exit_code();
    }
    out.items.push_back(std::move(item));
  }
  return out;
}

}  // namespace eb::flow
