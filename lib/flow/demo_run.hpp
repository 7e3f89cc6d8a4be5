// SPDX-License-Identifier: MIT
// The flow of `eb demo`: a synthetic district (lib/demo) taken through a year of the unit's
// work in a fresh store, month by month through the same flows the commands use: intake, bulk
// assessment, routine bifall and manual decisions (a delbifall with a cut, avslag), payments
// exported and confirmed, a returned payment, a lowered decision's claim and its repayment, and
// at the end the FUT screening of the year against the registers (a finding taken to a claim),
// the 2027 simulation and the unit's report of the year. Each month's work is dated in that month (the demo's clock),
// so handläggningstid and pay dates are a real unit's.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "demo/figures.hpp"
#include "demo/generator.hpp"
#include "flow/context.hpp"
#include "report/report_config.hpp"

namespace eb::flow {

struct DemoRunRequest {
  demo::Parameters parameters;
  report::ReportConfig report_config;  // the unit's population, budget and targets (eb-report(1))
};

// One step of the story, in Swedish, as the unit would tell it.
struct DemoStep {
  std::string heading;             // "Januari 2026"
  std::vector<std::string> lines;  // "505 ansökningar registrerade …"
};

// A document the demo produced, to be written beside the store.
struct DemoFile {
  std::string name;  // "beslut-D-12.html"
  std::string what;  // Swedish: "beslutsbrev (delbifall)"
  std::string content;
};

struct DemoRunOutcome {
  demo::DistrictFigures figures;
  std::vector<DemoStep> steps;
  std::vector<DemoFile> files;
  std::size_t applications = 0;
  std::size_t decisions = 0;
  std::size_t payments = 0;
  money::Money paid;  // confirmed payments, over the year
  std::int64_t delbifall_decision = 0;
  std::size_t planted = 0;    // FUT errors the generator planted (its truth file)
  std::size_t fut_flags = 0;  // flags the screening raised
};

// Called as the run goes: what it is doing, and how far (done of total months).
using DemoProgress = std::function<void(std::string_view what, std::size_t done, std::size_t total)>;

// Runs the demo in `db`, which must hold no application (Conflict otherwise: the demo never
// mixes its households with real ones), in the caller's one transaction. `ctx` gives the norms,
// the delegation order and the payer; its date is replaced by the demo's own, month by month.
// Throws InputError for bad parameters, NormError when a month has no riksnorm.
DemoRunOutcome demo_run(store::Database& db, const Context& ctx, const DemoRunRequest& request,
                        const DemoProgress& progress);

}  // namespace eb::flow
