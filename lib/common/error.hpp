// SPDX-License-Identifier: MIT
// The error kinds of eb and the exit code each maps to (man/eb.1, EXIT STATUS).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace eb {

// Exit codes: one table for every command, so scripts see one stable scheme.
enum class ExitCode : int {
  success = 0,
  flags_raised = 1,  // fut-check found payments to review; eb test: a case or reform failed
  usage = 2,
  invalid_input = 3,
  not_found = 4,
  conflict = 5,
  store = 6,
  internal = 70,
};

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  virtual ExitCode exit_code() const { return ExitCode::internal; }
};

// One problem in user input: where it is, which field, which value, what is wrong.
struct Problem {
  std::string file;   // may be empty
  long line = 0;      // 0 when unknown
  std::string field;  // e.g. "member[2].pnr"
  std::string value;  // the offending value as given, may be empty
  std::string message;

  // "FILE:LINE: FIELD = VALUE: message" with the parts that are known.
  std::string to_string() const;
};

// Bad input data. Holds every problem found, so a user can fix a file in one go.
class InputError : public Error {
 public:
  explicit InputError(std::vector<Problem> problems);
  InputError(std::string field, std::string value, std::string message);
  ExitCode exit_code() const override { return ExitCode::invalid_input; }
  const std::vector<Problem>& problems() const { return m_problems; }

 private:
  std::vector<Problem> m_problems;
};

class NotFound : public Error {
 public:
  using Error::Error;
  ExitCode exit_code() const override { return ExitCode::not_found; }
};

// Refused by a rule: already paid, a decision exists, above delegation, …
class Conflict : public Error {
 public:
  using Error::Error;
  ExitCode exit_code() const override { return ExitCode::conflict; }
};

class StoreError : public Error {
 public:
  using Error::Error;
  ExitCode exit_code() const override { return ExitCode::store; }
};

// A norm that is missing for a date, or a norm file that is invalid.
class NormError : public Error {
 public:
  using Error::Error;
  // A missing norm is "not found"; an invalid norm file is invalid input.
  explicit NormError(const std::string& what, ExitCode code) : Error(what), m_code(code) {}
  ExitCode exit_code() const override { return m_code; }

 private:
  ExitCode m_code = ExitCode::not_found;
};

// Collects problems while validating; throws one InputError if any were found.
class ProblemList {
 public:
  void add(Problem p) { m_problems.push_back(std::move(p)); }
  bool empty() const { return m_problems.empty(); }
  const std::vector<Problem>& items() const { return m_problems; }
  // Throws InputError with every problem, if there is any.
  void throw_if_any() const;

 private:
  std::vector<Problem> m_problems;
};

}  // namespace eb
