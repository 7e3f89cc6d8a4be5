// SPDX-License-Identifier: MIT
// Timestamps as eb writes and prints them: RFC 3339, whenever they were stored.
#pragma once

#include <string>
#include <string_view>

namespace eb {

// `at` with its UTC offset written as RFC 3339 wants it: "2026-03-20T14:05:00+0100" (strftime's
// %z, as eb stored timestamps before issue 14) becomes "2026-03-20T14:05:00+01:00"; a timestamp
// already in RFC 3339, one ending in "Z", and any other text are returned unchanged.
std::string rfc3339_timestamp(std::string_view at);

}  // namespace eb
