// SPDX-License-Identifier: MIT
// Refusal: an error kept as a value, for batches that refuse one item and go on (intake of many
// files, bulk assessment): the exit code and the lines `eb: error:` prints for it.
#pragma once

#include <string>
#include <vector>

#include "common/error.hpp"

namespace eb {

struct Refusal {
  ExitCode code = ExitCode::internal;
  // One line per problem of an InputError, else one per line of the message.
  std::vector<std::string> lines;
};

Refusal refusal_of(const Error& e);

// An error that carries its own exit code: a command that refuses as a whole after its items
// were reported (`eb intake --all-or-nothing`), with the code of the first refused item.
class Refused : public Error {
 public:
  Refused(ExitCode code, const std::string& what) : Error(what), m_code(code) {}
  ExitCode exit_code() const override { return m_code; }

 private:
  ExitCode m_code;
};

}  // namespace eb
