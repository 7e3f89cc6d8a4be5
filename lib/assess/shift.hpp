// SPDX-License-Identifier: MIT
// Re-dating an application to another month: "the same household, as if it applied for month M".
#pragma once

#include "assess/application.hpp"
#include "period/month.hpp"

namespace eb::assess {

// Returns a copy of `app` for `month`: `month` is replaced and `received` (if any) moves by the
// same number of months, keeping its day of the month (clamped to the last day: 31 January moved
// one month is 28 or 29 February). Nothing else changes — members, personnummer (so ages are
// recomputed for the new month by the calculator), costs, incomes, assistance_months,
// stimulus_start and source stay as they were. Never throws for a valid `app`.
Application shift_month(const Application& app, period::Month month);

}  // namespace eb::assess
