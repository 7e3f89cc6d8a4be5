// SPDX-License-Identifier: MIT
// eb_bench: how fast the calculator is, in process. Loads the norm catalog once, parses the eight
// worked examples, then times 10 000 calculate() calls and 10 000 parse_application + calculate
// calls, cycling through the examples. Prints figures; never asserts on timing.
//
// Usage: eb_bench [REPO_ROOT]   (default: the source tree it was built from)
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "assess/application.hpp"
#include "assess/calculator.hpp"
#include "common/file.hpp"
#include "norms/norm_catalog.hpp"

namespace {

constexpr int k_runs = 10000;

const char* const k_examples[] = {
    "01-single-adult",   "02-couple-two-children", "03-adult-in-shared-household", "04-jobbstimulans",
    "05-child-earnings", "06-income-exceeds-need", "07-alternating-residence",     "08-eight-person-household",
};

struct Example {
  std::string name;
  std::string text;
  eb::assess::Application app;
  const eb::norms::NormSet* norms = nullptr;
};

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// "WHAT: 10000 assessments in X ms (Y µs each)"; the checksum (sum of the amounts) on its own
// line keeps the compiler from dropping the work.
void report(const char* what, int runs, double ms, std::int64_t checksum) {
  std::printf("%s: %d assessments in %.1f ms (%.2f \xC2\xB5s each)\n", what, runs, ms, ms * 1000.0 / runs);
  std::printf("  checksum %lld öre\n", static_cast<long long>(checksum));
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string root = argc > 1 ? argv[1] : EB_SOURCE_DIR;
    const std::string dir = root + "/tests/fixtures/examples/";

    const auto load_start = Clock::now();
    const auto catalog = eb::norms::NormCatalog::load(root + "/norms");
    std::printf("norms: %zu files loaded in %.2f ms\n", catalog.all().size(), ms_since(load_start));

    std::vector<Example> examples;
    for (const char* name : k_examples) {
      const std::string file = dir + name + ".toml";
      std::string text = eb::read_file(file);
      auto app = eb::assess::parse_application(text, file);
      const auto& norms = catalog.valid_on(app.month.first_day());
      examples.push_back(Example{name, std::move(text), std::move(app), &norms});
    }
    const std::size_t n = examples.size();

    // Warm-up, and the amounts each example gives (so a reader can see the work is real).
    for (const auto& e : examples) {
      const auto a = eb::assess::calculate(e.app, *e.norms);
      std::printf("  %-30s amount %lld öre\n", e.name.c_str(), static_cast<long long>(a.totals.amount.ore()));
    }

    std::int64_t checksum = 0;
    auto start = Clock::now();
    for (int i = 0; i < k_runs; ++i) {
      const Example& e = examples[static_cast<std::size_t>(i) % n];
      checksum += eb::assess::calculate(e.app, *e.norms).totals.amount.ore();
    }
    report("assess", k_runs, ms_since(start), checksum);

    // The totals-only path (simulate, reform budgets, the demo generator): no words built.
    checksum = 0;
    start = Clock::now();
    for (int i = 0; i < k_runs; ++i) {
      const Example& e = examples[static_cast<std::size_t>(i) % n];
      checksum +=
          eb::assess::calculate(e.app, *e.norms, nullptr, nullptr, eb::assess::Detail::totals).totals.amount.ore();
    }
    report("totals", k_runs, ms_since(start), checksum);

    checksum = 0;
    start = Clock::now();
    for (int i = 0; i < k_runs; ++i) {
      const Example& e = examples[static_cast<std::size_t>(i) % n];
      const auto app = eb::assess::parse_application(e.text, e.name);
      checksum += eb::assess::calculate(app, *e.norms).totals.amount.ore();
    }
    report("parse+assess", k_runs, ms_since(start), checksum);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "eb_bench: error: %s\n", e.what());
    return 1;
  }
}
