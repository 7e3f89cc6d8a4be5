// SPDX-License-Identifier: MIT
// eb db: create, migrate, check and back up the case store.
#include "commands.hpp"
#include "store/schema.hpp"

namespace eb::cli {

namespace {

struct DbOptions {
  std::string backup_file;
};

void run_init(Session& s) {
  store::CaseStore store = s.open_store(store::OpenMode::create);
  s.out << s.db_path().string() << ": case store, schema version " << store.schema_version() << "\n";
}

void run_migrate(Session& s) {
  store::CaseStore store = s.open_store(store::OpenMode::migrate);
  const auto applied = store.migrate(s.write_context("db migrate"));
  if (applied.empty())
    s.out << s.db_path().string() << ": up to date (schema version " << store.schema_version() << ")\n";
  for (const auto& a : applied) s.out << "migrated to " << a << "\n";
}

void run_check(Session& s) {
  const store::CaseStore store = s.open_store(store::OpenMode::inspect);
  const auto problems = store.check();
  if (problems.empty()) {
    s.out << s.db_path().string() << ": ok (integrity, foreign keys, audit chain of " << store.audit_count()
          << " entries)\n";
    return;
  }
  std::string all;
  for (const auto& p : problems) all += (all.empty() ? "" : "\n") + s.db_path().string() + ": " + p;
  throw StoreError(all);
}

void run_backup(const DbOptions& opt, Session& s) {
  const store::CaseStore store = s.open_store(store::OpenMode::inspect);
  store.backup(opt.backup_file);
  s.out << "backed up " << s.db_path().string() << " to " << opt.backup_file << "\n";
}

}  // namespace

void add_db_command(CLI::App& app, Session& session) {
  auto opt = std::make_shared<DbOptions>();
  CLI::App* cmd = app.add_subcommand("db", "Create, migrate, check or back up the case store");
  cmd->require_subcommand(1);
  cmd->add_subcommand("init", "Create the case store (owner-only permissions) if it does not exist")
      ->callback([&session] { run_init(session); });
  cmd->add_subcommand("migrate", "Bring an older case store to this eb's schema, in one transaction")
      ->callback([&session] { run_migrate(session); });
  cmd->add_subcommand("check", "Check integrity, foreign keys and the audit log's hash chain")->callback([&session] {
    run_check(session);
  });
  CLI::App* backup = cmd->add_subcommand("backup", "Copy the case store to a new file (online backup)");
  backup->add_option("file", opt->backup_file, "The backup file to create")->required();
  backup->callback([opt, &session] { run_backup(*opt, session); });
}

}  // namespace eb::cli
