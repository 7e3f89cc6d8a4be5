// SPDX-License-Identifier: MIT
// JSON documents with one long array written an element at a time: the bytes dump_json(doc, 2)
// would write, without the whole array in memory as one tree (a national FUT run has tens of
// thousands of flags, each a tree of a few kilobytes).
#pragma once

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

namespace eb {

// The JSON of element `i` of the array.
using JsonElement = std::function<nlohmann::json(std::size_t i)>;

// Writes `head` as dump_json(head, 2) would, with the member `key` (which must not be in
// `head`) an array of `count` elements, each made by `element` when it is written, and a final
// newline. Throws std::logic_error (a bug) when `head` is not an object or already has `key`.
void write_json_with_array(std::ostream& out, nlohmann::json head, const std::string& key, std::size_t count,
                           const JsonElement& element);
// Writes the array of `count` elements alone, as a top-level document, and a final newline.
void write_json_array(std::ostream& out, std::size_t count, const JsonElement& element);

}  // namespace eb
