// SPDX-License-Identifier: MIT
#include "flow/demo_generate.hpp"

#include <filesystem>
#include <memory>
#include <vector>

#include "assess/application_writer.hpp"
#include "common/output_folder.hpp"
#include "demo/registers.hpp"
#include "demo/truth.hpp"

namespace eb::flow {

namespace {

namespace fs = std::filesystem;

// What generate writes into the folder; --force removes these and nothing else.
const std::vector<std::string> k_outputs = {"applications", "applications.jsonl", "income-register.csv",
                                            "population.csv", "truth.json"};

class FolderSink : public demo::Sink {
 public:
  FolderSink(const OutputFolder& out, bool jsonl)
      : m_jsonl(jsonl), m_income(out, "income-register.csv"), m_population(out, "population.csv") {
    m_income.write(demo::income_register_header());
    m_population.write(demo::population_header());
    if (jsonl) {
      m_applications = std::make_unique<PrivateFile>(out, "applications.jsonl");
    } else {
      m_folder = out.make("applications");
    }
  }

  void application(const demo::GeneratedApplication& a) override {
    figures.add(a);
    if (m_jsonl) {
      m_applications->write(assess::write_application_json(a.application) + "\n");
      return;
    }
    const std::string month = a.application.month.to_string();
    if (month != m_month) {
      m_month_folder = m_folder->make(month);
      m_month = month;
    }
    PrivateFile f(*m_month_folder, a.household + ".toml");
    f.write(assess::write_application_toml(a.application));
    f.close();
  }
  void income_row(const demo::IncomeRow& row) override {
    ++income_rows;
    m_income.write(demo::income_register_line(row));
  }
  void population_row(const demo::PopulationRow& row) override {
    ++population_rows;
    m_population.write(demo::population_line(row));
  }
  void close() {
    m_income.close();
    m_population.close();
    if (m_applications) m_applications->close();
  }

  demo::DistrictFigures figures;
  std::int64_t income_rows = 0;
  std::int64_t population_rows = 0;

 private:
  bool m_jsonl;
  PrivateFile m_income;
  PrivateFile m_population;
  std::unique_ptr<PrivateFile> m_applications;
  std::unique_ptr<OutputFolder> m_folder;
  std::unique_ptr<OutputFolder> m_month_folder;
  std::string m_month;
};

}  // namespace

DemoGenerateOutcome demo_generate(const Context& ctx, const DemoGenerateRequest& r) {
  const demo::Parameters& p = r.parameters;
  demo::check_parameters(p);
  const norms::NormCatalog& catalog = ctx.catalog();
  // A month without a riksnorm is refused before anything is written.
  const std::string norm_id = catalog.valid_on(p.first_month.first_day()).id;
  (void)catalog.valid_on(p.first_month.plus(p.months - 1).first_day());

  std::error_code ec;
  const bool existed = fs::exists(fs::symlink_status(r.folder, ec));
  const std::unique_ptr<OutputFolder> out = OutputFolder::open(r.folder, r.force, k_outputs);
  std::unique_ptr<FolderSink> sink;
  DemoGenerateOutcome o;
  try {
    sink = std::make_unique<FolderSink>(*out, r.jsonl);
    const demo::Truth truth = demo::generate(p, catalog, *sink);
    sink->close();
    PrivateFile truth_file(*out, "truth.json");
    truth_file.write(demo::truth_json(demo::truth_header(p), truth).dump(2) + "\n");
    truth_file.close();
    o.planted = truth.planted.size();
    o.edges = truth.edges.size();
    o.actions = truth.actions.size();
  } catch (...) {
    // No half-written district: remove what this run wrote (never following a link).
    sink.reset();
    for (const auto& name : k_outputs) fs::remove_all(fs::path(r.folder) / name, ec);
    if (!existed) fs::remove(r.folder, ec);
    throw;
  }
  o.figures = sink->figures;
  o.income_rows = sink->income_rows;
  o.population_rows = sink->population_rows;
  o.norm_id = norm_id;
  return o;
}

}  // namespace eb::flow
