// SPDX-License-Identifier: MIT
// The prefixes of eb's messages on standard error, "eb: error: " and "eb: warning: ", coloured
// when standard error is a terminal and NO_COLOR is not set (eb(1), ENVIRONMENT), plain
// otherwise. main decides once (Session::stderr_colour); every message goes through these.
#pragma once

#include <string>

namespace eb::cli {

// Whether the prefixes are coloured from now on.
void set_colour(bool on);

// "eb: error: " (the word in bold red on a terminal).
std::string error_prefix();
// "eb: warning: " (the word in bold yellow on a terminal).
std::string warning_prefix();

}  // namespace eb::cli
