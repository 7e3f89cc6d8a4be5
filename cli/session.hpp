// SPDX-License-Identifier: MIT
// Session: what every command receives from main: streams, paths, today and the user.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>

#include "period/date.hpp"

namespace eb::cli {

struct Session {
  std::ostream& out;
  std::ostream& err;
  // Resolved after parsing: --db, else $EB_DB, else ./eb.db.
  std::string db_flag;
  // Resolved after parsing: --norms, else $EB_NORMS, else ./norms if present, else the
  // norms folder this binary was built with.
  std::string norms_flag;
  // --as, else the OS user: who is recorded in the audit log.
  std::string as_user;
  // --today (for scripts and tests), else the system clock. The core never reads the clock.
  std::string today_flag;

  std::filesystem::path db_path() const;
  std::filesystem::path norms_dir() const;
  period::Date today() const;
  std::string user() const;
};

}  // namespace eb::cli
