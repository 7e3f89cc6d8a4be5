// SPDX-License-Identifier: MIT
// Session: what every command receives from main: the output streams, the global options, and
// the data files a flow may ask for (norms, delegation order, payer), each loaded when first
// needed. The only place of cli/ that reads the clock, the environment and the OS user.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "decide/delegation.hpp"
#include "demo/store_identity.hpp"
#include "flow/context.hpp"
#include "norms/norm_catalog.hpp"
#include "pay/payer.hpp"
#include "period/date.hpp"
#include "report/report_config.hpp"
#include "store/database.hpp"

namespace eb::cli {

struct Session {
  Session(std::ostream& o, std::ostream& e) : out(o), err(e) {}

  std::ostream& out;
  std::ostream& err;
  // Global options. --db, else $EB_DB, else ./eb.db.
  std::string db_flag;
  // --norms, else $EB_NORMS, else ./norms if present, else the norms folder this binary was
  // built with.
  std::string norms_flag;
  // --as, else the OS user: who is recorded in the audit log.
  std::string as_user;
  // --today (for scripts and tests), else the system clock. The core never reads the clock.
  std::string today_flag;
  // A command's own files: --delegation (decide), --payer (pay export).
  std::string delegation_flag;
  std::string payer_flag;
  std::string report_config_flag;  // --config (report)

  // The exit code of a command that succeeded but has something to report (fut-check: 1), or
  // that refused some items of a batch.
  int exit_status = 0;

  // Whether messages on standard error may be coloured: it is a terminal, NO_COLOR is not set
  // (to any value, empty included) and TERM is not "dumb".
  static bool stderr_colour();

  std::filesystem::path db_path() const;
  std::filesystem::path norms_dir() const;
  period::Date today() const;
  std::string user() const;
  // What the flows receive: today, now, the user, and the data files above, loaded on first use.
  flow::Context context();

  // The norm files of the norms folder.
  const norms::NormCatalog& catalog();
  // --delegation, else $EB_DELEGATION, else NORMS/local/delegation.toml, else the shipped example
  // (with a warning).
  const decide::Delegation& delegation();
  // --payer, else $EB_PAYER, else NORMS/local/payer.toml, else the example (with a warning).
  const pay::Payer& payer();
  // The report config: --config, else $EB_REPORT_CONFIG, else NORMS/local/report.toml, else the
  // shipped example (with a warning). Throws InputError for an invalid file (file, line, field,
  // value), StoreError for one that cannot be read.
  const report::ReportConfig& report_config();

  // Where the audit keys of case stores are: $EB_AUDIT_KEY (one key file), else
  // $XDG_CONFIG_HOME/eb/keys/STORE-ID.key (default ~/.config/eb/keys/).
  store::KeySource audit_keys() const;
  // The id and key a store created by this command gets instead of random ones (eb demo).
  std::optional<demo::StoreIdentity> new_store;
  // The key file for the store with `store_id`.
  std::filesystem::path key_path(const std::string& store_id) const;

  // A personnummer as the user may see it: masked unless `show` (--show-pnr).
  static std::string pnr_shown(const std::string& digits, bool show);

 private:
  std::optional<norms::NormCatalog> m_catalog;
  std::optional<decide::Delegation> m_delegation;
  std::optional<pay::Payer> m_payer;
  std::optional<report::ReportConfig> m_report_config;
};

// The value of the environment variable `name`, or "" when it is not set.
std::string env_or_empty(const char* name);

}  // namespace eb::cli
