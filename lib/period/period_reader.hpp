// SPDX-License-Identifier: MIT
// Reading dates and months from a TomlReader (the period side of the reader in lib/common,
// which knows no Date).
#pragma once

#include <optional>
#include <string_view>

#include "common/toml_reader.hpp"
#include "period/date.hpp"
#include "period/month.hpp"

namespace eb::period {

// A TOML date (2026-03-01) or a string "2026-03-01" at `key`, a real date. Problems go to
// `r`; nothing on any problem.
std::optional<Date> read_date(TomlReader& r, std::string_view key, bool required = false);
// A month as a string, "YYYY-MM".
std::optional<Month> read_month(TomlReader& r, std::string_view key, bool required = false);

}  // namespace eb::period
