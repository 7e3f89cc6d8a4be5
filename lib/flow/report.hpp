// SPDX-License-Identifier: MIT
// The report flow (`eb report`): the unit's figures for a period, folded from the rows the
// store's report reads deliver, with the indicators, the budget and the notes. Reads only.
#pragma once

#include "flow/context.hpp"
#include "period/month_range.hpp"
#include "report/report_config.hpp"
#include "report/unit_report.hpp"
#include "store/database.hpp"

namespace eb::flow {

struct ReportRequest {
  period::MonthRange period{{2000, 1}, {2000, 1}};
  report::ReportConfig config;
};

// The report of `request.period` as of `ctx.today`. Throws InputError naming "--period" for a
// period longer than 36 months, StoreError on a database error. Writes nothing.
report::UnitReport unit_report(const store::Database& db, const Context& ctx, const ReportRequest& request);

}  // namespace eb::flow
