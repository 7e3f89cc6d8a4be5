// SPDX-License-Identifier: MIT
#include "flow/report.hpp"

#include "store/report.hpp"

namespace eb::flow {

report::UnitReport unit_report(const store::Database& db, const Context& ctx, const ReportRequest& request) {
  report::ReportSetup setup;
  setup.period = request.period;
  setup.today = ctx.today;
  setup.data_from = store::first_application_month(db);
  setup.config = request.config;
  report::UnitReportFold fold(std::move(setup));
  store::read_report_rows(
      db, fold.input(),
      {[&](const report::HouseholdMonthRow& r) { fold.add(r); },
       [&](const report::DecidedApplicationRow& r) { fold.add(r); }, [&](const report::CaseRow& r) { fold.add(r); }});
  // TODO(#18): fold.set_fut_available() and the FUT events once the fut tables (schema v7) are
  // merged; until then the report's FUT section says that the data are missing.
  return fold.finish();
}

}  // namespace eb::flow
