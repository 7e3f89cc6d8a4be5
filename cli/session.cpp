// SPDX-License-Identifier: MIT
#include "session.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>

#include "common/timestamp.hpp"
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

}  // namespace

std::string env_or_empty(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

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
