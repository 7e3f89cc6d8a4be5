// SPDX-License-Identifier: MIT
// eb demo generate: a synthetic district (applications, FUT registers, truth file) written to a
// folder. The full `eb demo` (a year through the flows) is not built yet.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#include "assess/application_writer.hpp"
#include "commands.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "demo/figures.hpp"
#include "demo/generator.hpp"
#include "money/money.hpp"

namespace eb::cli {

namespace {

namespace fs = std::filesystem;

struct DemoGenerateOptions {
  int households = 505;
  int months = 12;
  int year = 2026;
  std::string first_month;
  std::uint64_t seed = 1;
  std::string plant_errors = "0%";
  std::string format = "toml";
  std::string output;
  bool force = false;
};

// What generate writes into the folder; --force removes these and nothing else.
constexpr const char* k_outputs[] = {"applications", "applications.jsonl", "income-register.csv", "population.csv",
                                     "truth.json"};

[[noreturn]] void fail_io(const std::string& path, const char* what) {
  throw StoreError(path + ": " + what + ": " + std::strerror(errno));
}

// A folder opened without following a symbolic link: files are made inside it by name only.
class Folder {
 public:
  Folder(int parent, const std::string& name, const std::string& shown) : m_shown(shown) {
    m_fd = ::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (m_fd < 0) fail_io(shown, "cannot open the folder (a symbolic link is never followed)");
  }
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;
  ~Folder() {
    if (m_fd >= 0) ::close(m_fd);
  }
  int fd() const { return m_fd; }
  const std::string& shown() const { return m_shown; }
  // The sub-folder `name`, made owner-only.
  std::unique_ptr<Folder> make(const std::string& name) const {
    if (::mkdirat(m_fd, name.c_str(), 0700) != 0) fail_io(m_shown + "/" + name, "cannot make the folder");
    return std::make_unique<Folder>(m_fd, name, m_shown + "/" + name);
  }

 private:
  int m_fd = -1;
  std::string m_shown;
};

// A new owner-only file (0600), never an existing one or a link, written through a buffer.
class PrivateFile {
 public:
  PrivateFile(const Folder& dir, const std::string& name) : m_shown(dir.shown() + "/" + name) {
    m_fd = ::openat(dir.fd(), name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (m_fd < 0) fail_io(m_shown, "cannot create the file");
    if (::fchmod(m_fd, 0600) != 0) fail_io(m_shown, "cannot make it private (chmod 0600)");
  }
  PrivateFile(const PrivateFile&) = delete;
  PrivateFile& operator=(const PrivateFile&) = delete;
  ~PrivateFile() {
    if (m_fd >= 0) ::close(m_fd);
  }
  void write(const std::string& text) {
    m_buffer += text;
    if (m_buffer.size() >= (1u << 20)) flush();
  }
  void close() {
    flush();
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0) fail_io(m_shown, "cannot write");
  }

 private:
  void flush() {
    std::size_t done = 0;
    while (done < m_buffer.size()) {
      const ssize_t n = ::write(m_fd, m_buffer.data() + done, m_buffer.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) fail_io(m_shown, "cannot write");
      done += static_cast<std::size_t>(n);
    }
    m_buffer.clear();
  }
  int m_fd = -1;
  std::string m_shown;
  std::string m_buffer;
};

// The output folder: made owner-only when missing; refused when it is a link, not a folder,
// or not empty (unless --force, which removes only what an earlier run wrote).
std::unique_ptr<Folder> output_folder(const std::string& path, bool force) {
  if (path.empty()) throw InputError("-o", "", "an output folder is required");
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(path, ec);
  if (fs::is_symlink(st)) {
    throw Conflict(path + ": is a symbolic link; eb demo generate writes only into a real folder");
  }
  if (fs::exists(st)) {
    if (!fs::is_directory(st)) throw Conflict(path + ": exists and is not a folder");
    if (!fs::is_empty(path, ec)) {
      if (!force) throw Conflict(path + ": the folder is not empty (use --force to replace an earlier run's files)");
      for (const char* name : k_outputs) fs::remove_all(fs::path(path) / name);  // never follows a link
    }
  } else {
    const fs::path p(path);
    if (p.has_parent_path()) fs::create_directories(p.parent_path());
    if (::mkdir(path.c_str(), 0700) != 0) fail_io(path, "cannot make the folder");
  }
  return std::make_unique<Folder>(AT_FDCWD, path, path);
}

class FolderSink : public demo::Sink {
 public:
  FolderSink(const Folder& out, bool jsonl)
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
  std::unique_ptr<Folder> m_folder;
  std::unique_ptr<Folder> m_month_folder;
  std::string m_month;
};

void run_demo_generate(const DemoGenerateOptions& opt, bool year_given, Session& session) {
  demo::Parameters p;
  p.households = opt.households;
  p.months = opt.months;
  p.seed = opt.seed;
  if (opt.year < 1900 || opt.year > 9999) throw InputError("--year", std::to_string(opt.year), "is not a year");
  p.first_month = period::Month(opt.year, 1);
  if (!opt.first_month.empty()) {
    p.first_month = period::parse_month(opt.first_month, "--first-month");
    if (year_given && p.first_month.year() != opt.year) {
      throw InputError("--first-month", opt.first_month, "is not in --year " + std::to_string(opt.year));
    }
  }
  p.plant_ppm = demo::parse_plant_rate(opt.plant_errors, "--plant-errors");
  if (opt.format != "toml" && opt.format != "jsonl") {
    throw InputError("--format", text::quoted(opt.format), "must be toml or jsonl");
  }
  demo::check_parameters(p);
  const norms::NormCatalog catalog = session.catalog();
  (void)catalog.valid_on(p.first_month.first_day());  // refuse a year without a riksnorm before writing
  (void)catalog.valid_on(p.first_month.plus(p.months - 1).first_day());

  const bool existed = fs::exists(fs::symlink_status(opt.output));
  const std::unique_ptr<Folder> out = output_folder(opt.output, opt.force);
  std::unique_ptr<FolderSink> sink;
  demo::Truth truth;
  try {
    sink = std::make_unique<FolderSink>(*out, opt.format == "jsonl");
    truth = demo::generate(p, catalog, *sink);
    sink->close();
    PrivateFile truth_file(*out, "truth.json");
    truth_file.write(demo::truth_json(demo::truth_header(p), truth).dump(2) + "\n");
    truth_file.close();
  } catch (...) {
    // No half-written district: remove what this run wrote (never following a link).
    sink.reset();
    std::error_code ec;
    for (const char* name : k_outputs) fs::remove_all(fs::path(opt.output) / name, ec);
    if (!existed) fs::remove(opt.output, ec);
    throw;
  }

  const demo::DistrictFigures& f = sink->figures;
  const period::Month last = p.first_month.plus(p.months - 1);
  session.out << "wrote " << f.household_months() << " applications for " << p.first_month.to_string()
              << (p.months > 1 ? ".." + last.to_string() : "") << " to " << opt.output
              << (opt.format == "jsonl" ? "/applications.jsonl" : "/applications/") << "\n"
              << "  a month: " << f.households_per_month() << " households, " << f.adults_per_month() << " adults, "
              << f.children_per_month() << " children; " << f.distinct_households() << " households in all\n"
              << "  medelbidrag " << money::format_kr(f.medelbidrag()) << " a household and month (riksnorm "
              << catalog.valid_on(p.first_month.first_day()).id << ")\n"
              << "  " << sink->income_rows << " income-register rows, " << sink->population_rows << " population rows\n"
              << "  " << truth.planted.size() << " planted errors, " << truth.edges.size() << " clean edges, "
              << truth.actions.size() << " actions (truth.json)\n";
}

}  // namespace

void add_demo_command(CLI::App& app, Session& session) {
  CLI::App* demo = app.add_subcommand("demo", "A synthetic district: eb demo generate (the full demo is coming)");
  auto opt = std::make_shared<DemoGenerateOptions>();
  CLI::App* gen = demo->add_subcommand(
      "generate", "Write a synthetic district's applications, FUT registers and truth file to a folder");
  gen->add_option("--households", opt->households, "Households with an application each month (default 505)");
  gen->add_option("--months", opt->months, "Months to generate, 1–120 (default 12)");
  CLI::Option* year = gen->add_option("--year", opt->year, "The year to start in, from January (default 2026)");
  gen->add_option("--first-month", opt->first_month, "The first month (YYYY-MM) instead of January of --year");
  gen->add_option("--seed", opt->seed, "The seed: the same seed gives the same district (default 1)");
  gen->add_option("--plant-errors", opt->plant_errors,
                  "Plant FUT errors of each of the seven rules at this rate of household-months, e.g. 0.5% "
                  "(default 0%)");
  gen->add_option("--format", opt->format, "toml (a file per application) or jsonl (one applications.jsonl)");
  gen->add_option("-o,--output", opt->output, "The folder to write (made owner-only; must be empty)")->required();
  gen->add_flag("--force", opt->force, "Replace the files of an earlier run in a folder that is not empty");
  gen->callback([opt, year, &session] { run_demo_generate(*opt, year->count() > 0, session); });
  demo->callback([gen, &session] {
    if (gen->parsed()) return;
    session.err << "eb: error: `eb demo` (a district's year through intake, decisions, payments, FUT and the report) "
                   "is not built yet; `eb demo generate -o DIR` writes the district's files\n";
    session.exit_status = static_cast<int>(ExitCode::usage);
  });
}

}  // namespace eb::cli
