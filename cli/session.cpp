// SPDX-License-Identifier: MIT
#include "session.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>

#include "common/file.hpp"
#include "common/timestamp.hpp"
#include "diagnostic.hpp"
#include "person/personnummer.hpp"
#include "store/audit_key.hpp"

namespace eb::cli {

namespace {

std::tm local_now() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return local;
}

std::string env_or_empty(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

void warn(std::ostream& err, const std::string& text) {
  err << warning_prefix() << text << "\n";
}

}  // namespace

bool Session::stderr_colour() {
  if (std::getenv("NO_COLOR") != nullptr) return false;  // https://no-color.org/: set is enough
  if (env_or_empty("TERM") == "dumb") return false;
  return isatty(STDERR_FILENO) == 1;
}

std::filesystem::path Session::db_path() const {
  if (!db_flag.empty()) return db_flag;
  if (auto env = env_or_empty("EB_DB"); !env.empty()) return env;
  return "eb.db";
}

std::filesystem::path Session::norms_dir() const {
  if (!norms_flag.empty()) return norms_flag;
  if (auto env = env_or_empty("EB_NORMS"); !env.empty()) return env;
  if (std::filesystem::is_directory("norms/riksnorm")) return "norms";
  return EB_DEFAULT_NORMS_DIR;
}

period::Date Session::today() const {
  if (!today_flag.empty()) return period::parse_date(today_flag, "--today");
  // The local calendar day: a decision made at 00:30 in Sweden belongs to that day.
  const std::tm local = local_now();
  return period::Date(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::string Session::user() const {
  if (!as_user.empty()) return as_user;
  if (const passwd* pw = getpwuid(geteuid()); pw != nullptr && pw->pw_name != nullptr) return pw->pw_name;
  return "uid:" + std::to_string(geteuid());
}

flow::Context Session::context() {
  const std::tm local = local_now();
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &local);
  const std::string at = rfc3339_timestamp(buf);  // strftime writes the offset +hhmm
  flow::Context ctx;
  ctx.today = today();
  ctx.at = at;
  ctx.user = user();
  ctx.catalog = [this]() -> const norms::NormCatalog& { return catalog(); };
  ctx.delegation = [this]() -> const decide::Delegation& { return delegation(); };
  ctx.payer = [this]() -> const pay::Payer& { return payer(); };
  return ctx;
}

const norms::NormCatalog& Session::catalog() {
  if (!m_catalog) m_catalog = norms::NormCatalog::load(norms_dir().string());
  return *m_catalog;
}

const decide::Delegation& Session::delegation() {
  if (m_delegation) return *m_delegation;
  namespace fs = std::filesystem;
  std::string path = delegation_flag.empty() ? env_or_empty("EB_DELEGATION") : delegation_flag;
  bool fallback = false;
  if (path.empty()) {
    const fs::path adopted = norms_dir() / "local" / "delegation.toml";
    std::error_code ec;
    fallback = !fs::exists(adopted, ec);
    path = (fallback ? norms_dir() / "local" / "delegation.example.toml" : adopted).string();
  }
  m_delegation = decide::parse_delegation(read_file(path), path);
  if (fallback) {
    warn(err, "no delegation order given (--delegation, $EB_DELEGATION or " +
                  (norms_dir() / "local" / "delegation.toml").string() + "); using the example " + path);
  } else if (m_delegation->is_example()) {
    warn(err, "the delegation order " + path + " is an example (status = \"example\"), not one a nämnd has adopted");
  }
  return *m_delegation;
}

const pay::Payer& Session::payer() {
  if (m_payer) return *m_payer;
  namespace fs = std::filesystem;
  std::string path = payer_flag.empty() ? env_or_empty("EB_PAYER") : payer_flag;
  if (path.empty()) {
    const fs::path configured = norms_dir() / "local" / "payer.toml";
    path = fs::exists(configured) ? configured.string() : (norms_dir() / "local" / "payer.example.toml").string();
  }
  m_payer = pay::parse_payer(read_file(path), path);
  if (m_payer->is_example()) {
    warn(err, path + " is an example payer (status = \"example\"), not the municipality's account; configure " +
                  (norms_dir() / "local" / "payer.toml").string() + ", $EB_PAYER or --payer before paying");
  }
  return *m_payer;
}

const report::ReportConfig& Session::report_config() {
  if (m_report_config) return *m_report_config;
  namespace fs = std::filesystem;
  std::string path = report_config_flag.empty() ? env_or_empty("EB_REPORT_CONFIG") : report_config_flag;
  bool fallback = false;
  if (path.empty()) {
    const fs::path adopted = norms_dir() / "local" / "report.toml";
    std::error_code ec;
    fallback = !fs::exists(adopted, ec);
    path = (fallback ? norms_dir() / "local" / "report.example.toml" : adopted).string();
  }
  m_report_config = report::parse_report_config(read_file(path), path);
  if (fallback) {
    warn(err, "no report config given (--config, $EB_REPORT_CONFIG or " +
                  (norms_dir() / "local" / "report.toml").string() + "); using the example " + path +
                  ": its population, budget and targets are not the unit's");
  }
  return *m_report_config;
}

std::filesystem::path Session::key_path(const std::string& store_id) const {
  if (auto env = env_or_empty("EB_AUDIT_KEY"); !env.empty()) return env;
  std::filesystem::path config = env_or_empty("XDG_CONFIG_HOME");
  if (config.empty()) {
    const std::string home = env_or_empty("HOME");
    if (home.empty()) throw StoreError("neither $XDG_CONFIG_HOME nor $HOME is set: set $EB_AUDIT_KEY to the key file");
    config = std::filesystem::path(home) / ".config";
  }
  return config / "eb" / "keys" / (store_id + ".key");
}

store::KeySource Session::audit_keys() const {
  return [this](const std::string& store_id, bool create) -> std::optional<std::string> {
    const std::string path = key_path(store_id).string();
    if (create && new_store && new_store->store_id == store_id) return store::create_key_file(path, new_store->key);
    if (create) return store::create_key_file(path);
    return store::read_key_file(path);
  };
}

std::string Session::pnr_shown(const std::string& digits, bool show) {
  return person::written_pnr(digits, show);
}

}  // namespace eb::cli
