// SPDX-License-Identifier: MIT
#include "render/demo_render.hpp"

#include <nlohmann/json.hpp>

namespace eb::cli {

void print_demo_story(std::ostream& out, const flow::DemoRunOutcome& o, const DemoFiles& files,
                      const std::string& store) {
  out << "Ett distrikts år i eb (syntetiska hushåll, påhittade personnummer)\n";
  for (const auto& step : o.steps) {
    out << "\n" << step.heading << "\n";
    for (const auto& line : step.lines) out << "  " << line << "\n";
  }
  out << "\nFiler\n";
  for (const auto& [path, what] : files) out << "  " << path << "  " << what << "\n";
  out << "\nÄrendebasen: " << store << "  (prova: eb --db " << store << " list)\n";
}

void print_demo_story_json(std::ostream& out, const flow::DemoRunOutcome& o, const DemoFiles& files,
                           const std::string& store) {
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& s : o.steps) steps.push_back({{"heading", s.heading}, {"lines", s.lines}});
  nlohmann::json written = nlohmann::json::array();
  for (const auto& [path, what] : files) written.push_back({{"path", path}, {"what", what}});
  out << nlohmann::json{{"store", store},
                        {"applications", o.applications},
                        {"decisions", o.decisions},
                        {"payments", o.payments},
                        {"paid_ore", o.paid.ore()},
                        {"households_per_month", o.figures.households_per_month()},
                        {"medelbidrag_ore", o.figures.medelbidrag().ore()},
                        {"fut_planted", o.planted},
                        {"fut_flags", o.fut_flags},
                        {"steps", steps},
                        {"files", written}}
             .dump(2)
      << "\n";
}

}  // namespace eb::cli
