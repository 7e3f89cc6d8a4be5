// SPDX-License-Identifier: MIT
// eb_fut_rules_bench: how fast FUT screening is, in process. Generates a month of N paid
// case-months and M income register rows in memory (bench/fut_generated_month.hpp: clean cases
// with a planted error in every 1000th), screens it with all seven rules, then with each rule
// alone, and prints the times, the findings per rule, precision and recall against the planted
// truth, and the process's peak memory. Prints figures; never asserts on timing.
//
// Usage: eb_fut_rules_bench [CASE_MONTHS [REGISTER_ROWS [RUNS]]]   (default 1000000 2000000 3)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <fstream>
#include <map>
#include <string>

#include "fut/rule_table.hpp"
#include "fut_generated_month.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU seconds this process has used (user + system): steadier than wall time on a busy machine.
double cpu_seconds() {
  return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

// VmHWM (peak resident memory) of this process, from /proc/self/status.
std::string peak_memory() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return line.substr(6);
  }
  return " unknown";
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
    const std::size_t m = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 2'000'000;
    const int runs = argc > 3 ? std::atoi(argv[3]) : 3;
    const eb::period::Month month(2026, 3);

    auto start = Clock::now();
    const auto g = eb::bench::generate_month(n, m, 1000, month);
    std::printf("generated %zu case-months, %zu income rows, %zu population rows, %zu planted errors in %.2f s\n",
                g.input.case_months.size(), g.input.income_rows.size(), g.input.population_rows.size(), g.truth.size(),
                seconds_since(start));
    std::printf("peak memory after generating:%s\n", peak_memory().c_str());

    const auto all = eb::fut::select_rules({});
    double best = 1e9, best_cpu = 1e9;
    std::vector<eb::fut::Finding> findings;
    for (int r = 0; r < runs; ++r) {
      start = Clock::now();
      const double cpu = cpu_seconds();
      findings = eb::fut::screen(g.input, all, {});
      const double s = seconds_since(start);
      const double c = cpu_seconds() - cpu;
      best = std::min(best, s);
      best_cpu = std::min(best_cpu, c);
      std::printf("screen, all 7 rules, run %d: %.3f s wall, %.3f s CPU, %zu findings\n", r + 1, s, c, findings.size());
    }
    std::printf("screen, all 7 rules: best of %d %.3f s wall, %.3f s CPU, for %zu case-months x %zu register rows\n",
                runs, best, best_cpu, n, m);

    for (const auto& rule : eb::fut::rule_table()) {
      start = Clock::now();
      const double cpu = cpu_seconds();
      const auto found = eb::fut::screen(g.input, {&rule}, {});
      std::printf("  %-22s %.3f s wall, %.3f s CPU, %zu findings\n", std::string(rule.id).c_str(), seconds_since(start),
                  cpu_seconds() - cpu, found.size());
    }

    const auto s = eb::bench::score(findings, g.truth);
    const double recall =
        s.planted ? 100.0 * static_cast<double>(s.planted_found) / static_cast<double>(s.planted) : 100.0;
    const double precision =
        s.findings ? 100.0 * static_cast<double>(s.findings - s.false_findings) / static_cast<double>(s.findings)
                   : 100.0;
    std::printf("recall %.1f %% (%zu of %zu planted errors flagged); precision %.1f %% (%zu of %zu findings false)\n",
                recall, s.planted_found, s.planted, precision, s.false_findings, s.findings);
    for (std::size_t i = 0; i < s.missed.size() && i < 10; ++i) std::printf("  missed: %s\n", s.missed[i].c_str());
    std::printf("peak memory:%s\n", peak_memory().c_str());
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "eb_fut_rules_bench: error: %s\n", e.what());
    return 1;
  }
}
