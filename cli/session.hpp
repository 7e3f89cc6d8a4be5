// SPDX-License-Identifier: MIT
// Session: what every command receives from main: streams, paths, today and the user.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>

#include "norms/norm_catalog.hpp"
#include "period/date.hpp"
#include "store/case_store.hpp"

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

  // The exit code of a command that succeeded but has something to report (fut-check: 1).
  int exit_status = 0;

  std::filesystem::path db_path() const;
  // The case store, opened for reading or for one write transaction.
  store::CaseStore open_store(store::OpenMode mode) const;
  // The norm files of the norms folder.
  norms::NormCatalog catalog() const;
  // Who, when and which command, for the audit log.
  store::WriteContext write_context(const std::string& command) const;
  // A personnummer as the user may see it: masked unless `show` (--show-pnr).
  static std::string pnr_shown(const std::string& digits, bool show);
  std::filesystem::path norms_dir() const;
  period::Date today() const;
  std::string user() const;
};

}  // namespace eb::cli
