// SPDX-License-Identifier: MIT
#include "assess/shift.hpp"

#include <algorithm>

#include "period/date.hpp"

namespace eb::assess {

Application shift_month(const Application& app, period::Month month) {
  Application shifted = app;
  const int delta = month.months_since(app.month);
  shifted.month = month;
  if (app.received) {
    const period::Date r = *app.received;
    const period::Month target = period::Month(r.year(), r.month()).plus(delta);
    const int day = std::min(r.day(), period::days_in_month(target.year(), target.month()));
    shifted.received = period::Date(target.year(), target.month(), day);
  }
  return shifted;
}

}  // namespace eb::assess
