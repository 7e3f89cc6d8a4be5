// SPDX-License-Identifier: MIT
// The arrival date (inkommen) of an application, as intake takes it.
#pragma once

#include "assess/application.hpp"
#include "period/date.hpp"

namespace eb::assess {

// Throws InputError naming `received` when the application arrived after `today`: an arrival
// date in the future would make the handläggningstid negative, so it is a typing error. The
// same for `complete_on`, the day it became complete.
void require_received_by(const Application& app, period::Date today);

}  // namespace eb::assess
