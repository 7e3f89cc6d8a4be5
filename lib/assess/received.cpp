// SPDX-License-Identifier: MIT
#include "assess/received.hpp"

#include "common/error.hpp"
#include "common/text.hpp"

namespace eb::assess {

void require_received_by(const Application& app, period::Date today) {
  if (app.received && today < *app.received) {
    throw InputError({Problem{app.source, 0, "received", text::quoted(app.received->to_string()),
                              "is after today (" + today.to_string() + ")"}});
  }
  if (app.complete_on && today < *app.complete_on) {
    throw InputError({Problem{app.source, 0, "complete_on", text::quoted(app.complete_on->to_string()),
                              "is after today (" + today.to_string() + ")"}});
  }
}

}  // namespace eb::assess
