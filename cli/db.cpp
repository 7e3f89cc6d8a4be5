// SPDX-License-Identifier: MIT
// eb db: create, migrate, check and back up the case store.
#include "command.hpp"

namespace eb::cli {

namespace {

void run_init(Run& run) {
  run.out << run.session.db_path().string() << ": case store, schema version " << run.db().schema_version() << "\n";
}

void run_migrate(Run& run) {
  const auto applied = run.db().migrate(run.ctx.write("db migrate"));
  if (applied.empty()) {
    run.out << run.session.db_path().string() << ": up to date (schema version " << run.db().schema_version() << ")\n";
  }
  for (const auto& a : applied) run.out << "migrated to " << a << "\n";
}

void run_check(Run& run) {
  const std::string name = run.session.db_path().string();
  const auto problems = run.db().check();
  if (problems.empty()) {
    run.out << name << ": ok (integrity, foreign keys, audit chain of " << run.db().audit_count() << " entries)\n";
    return;
  }
  std::string all;
  for (const auto& p : problems) all += (all.empty() ? "" : "\n") + name + ": " + p;
  throw StoreError(all);
}

void run_backup(const std::string& file, Run& run) {
  run.db().backup(file);
  run.out << "backed up " << run.session.db_path().string() << " to " << file << "\n";
}

}  // namespace

void add_db_command(CLI::App& app, CommandTable& table, Session& /*session*/) {
  auto backup_file = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("db", "Create, migrate, check or back up the case store");
  cmd->require_subcommand(1);
  table.add(cmd->add_subcommand("init", "Create the case store (owner-only permissions) if it does not exist"),
            Access::create, run_init);
  table.add(cmd->add_subcommand("migrate", "Bring an older case store to this eb's schema, in one transaction"),
            Access::migrate, run_migrate);
  table.add(cmd->add_subcommand("check", "Check integrity, foreign keys and the audit log's hash chain"),
            Access::inspect, run_check);
  CLI::App* backup = cmd->add_subcommand("backup", "Copy the case store to a new file (online backup)");
  backup->add_option("file", *backup_file, "The backup file to create")->required();
  table.add(backup, Access::inspect, [backup_file](Run& run) { run_backup(*backup_file, run); });
}

}  // namespace eb::cli
