// SPDX-License-Identifier: MIT
// How `eb demo` tells its year: the story in Swedish with the files it wrote, or as JSON.
#pragma once

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "flow/demo_run.hpp"

namespace eb::cli {

// The files the demo wrote: (path, what it is in Swedish).
using DemoFiles = std::vector<std::pair<std::string, std::string>>;

// The story month by month, the files and the store at `store`.
void print_demo_story(std::ostream& out, const flow::DemoRunOutcome& o, const DemoFiles& files,
                      const std::string& store);
// The same as one JSON object: the year's figures (money in öre), the steps and the files.
void print_demo_story_json(std::ostream& out, const flow::DemoRunOutcome& o, const DemoFiles& files,
                           const std::string& store);

}  // namespace eb::cli
