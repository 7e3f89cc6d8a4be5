// SPDX-License-Identifier: MIT
#include "decide/basis.hpp"

#include "common/error.hpp"
#include "common/ids.hpp"

namespace eb::decide {

Basis basis_of(const Candidate& c) {
  if (!c.assessment || !c.assessment_id) {
    const std::string app = format_id(IdKind::application, c.application_id);
    throw Conflict(app + " is not assessed: a decision rests on an assessment (eb assess " + app + ")");
  }
  Basis b;
  b.application_id = c.application_id;
  b.assessment_id = *c.assessment_id;
  b.assessment = &*c.assessment;
  b.received = c.received;
  b.children = c.children;
  b.granted_elsewhere = c.granted_elsewhere;
  b.current_decision = c.current_decision;
  b.current_granted = c.current_granted;
  return b;
}

}  // namespace eb::decide
