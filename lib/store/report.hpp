// SPDX-License-Identifier: MIT
// The reads of the unit's report (eb report): the rows report::UnitReportFold takes, for a run
// of months, in a few ordered queries per table whatever the number of cases. Read-only.
#pragma once

#include <functional>
#include <optional>

#include "period/month.hpp"
#include "period/month_range.hpp"
#include "report/unit_report.hpp"
#include "store/database.hpp"

namespace eb::store {

// Where the rows go (each may be empty): one call per row, in no promised order.
struct ReportRowSink {
  std::function<void(const report::HouseholdMonthRow&)> household_month;
  std::function<void(const report::DecidedApplicationRow&)> decided;
  std::function<void(const report::CaseRow&)> case_facts;
};

// The first month the store holds an application for; nothing for an empty store.
std::optional<period::Month> first_application_month(const Database& store);

// Delivers what the fold needs of the months of `months`:
//  - one HouseholdMonthRow per case and month with an application: the members of the month's
//    new or renewal application (a supplement's when it has none) with their person, sex and
//    birth date, its housing, and the net paid for the month by all of the month's
//    applications: payments in exported or confirmed batches, not cancelled, minus those the
//    bank returned, whatever day they were paid;
//  - one DecidedApplicationRow per application whose first decision is dated in `months`
//    (whatever month it applied for): arrival, complete day, first decision's date, the
//    current decision's kind and barnkonsekvensanalys, and whether it has children;
//  - one CaseRow per case with closures dated up to the last month's end (each with the
//    arrival day of the application that reopened it) or arbetsplan dates in the 60 months
//    ending with the last month.
// Reads each month's applications, members, payments and decisions in application-id order
// (a range of the tables' keys when the month's ids are dense), so a national year is a few
// index scans, not a query per case. Throws StoreError; exceptions from the sink pass through.
void read_report_rows(const Database& store, const period::MonthRange& months, const ReportRowSink& sink);

}  // namespace eb::store
