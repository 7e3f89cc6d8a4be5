// SPDX-License-Identifier: MIT
// Exact decimal numbers in JSON ("children_counted": 4.5, a share 0.087500): nlohmann holds a
// number only as an integer or in binary, and eb computes exactly, so a decimal is kept as
// marked text and written as a bare number by dump_json. Used by the report and the cli.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace eb {

// True for a plain decimal as JSON writes numbers: an optional minus, digits without a leading
// zero, and optionally a point and digits.
bool is_decimal(const std::string& s);

// A JSON value that dump_json writes as the bare number `decimal` ("4.5", "-0.25", "3").
// Throws std::invalid_argument (a bug) for text that is not a plain decimal.
nlohmann::json decimal_number(const std::string& decimal);

// `j.dump(indent)` with every decimal_number written as a number.
std::string dump_json(const nlohmann::json& j, int indent = -1);

// The decimal of a decimal_number ("4.5"), or nothing for any other value.
std::optional<std::string> decimal_of(const nlohmann::json& v);

}  // namespace eb
