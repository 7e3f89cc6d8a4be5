// SPDX-License-Identifier: MIT
#include "session.hpp"

#include "person/personnummer.hpp"

#include <pwd.h>
#include <unistd.h>
#include <cstdlib>
#include <ctime>

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
}  // namespace

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

store::CaseStore Session::open_store(store::OpenMode mode) const {
  return store::CaseStore::open(db_path().string(), mode);
}

norms::NormCatalog Session::catalog() const {
  return norms::NormCatalog::load(norms_dir().string());
}

store::WriteContext Session::write_context(const std::string& command) const {
  const std::tm local = local_now();
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &local);
  return store::WriteContext{buf, user(), command, today()};
}

std::string Session::pnr_shown(const std::string& digits, bool show) {
  return person::written_pnr(digits, show);
}

std::string Session::user() const {
  if (!as_user.empty()) return as_user;
  if (const passwd* pw = getpwuid(geteuid()); pw != nullptr && pw->pw_name != nullptr) return pw->pw_name;
  return "uid:" + std::to_string(geteuid());
}

}  // namespace eb::cli
