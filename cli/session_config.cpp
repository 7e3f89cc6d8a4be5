// SPDX-License-Identifier: MIT
// The files a Session reads on first use: the norms folder's catalog and the unit's local
// delegation order, payer and report config (each from its flag, its variable, the adopted
// file under <norms>/local, else the example there, with a warning).
#include "common/file.hpp"
#include "diagnostic.hpp"
#include "session.hpp"

namespace eb::cli {

namespace {

void warn(std::ostream& err, const std::string& text) {
  err << warning_prefix() << text << "\n";
}

}  // namespace

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

}  // namespace eb::cli
