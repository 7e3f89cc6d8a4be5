// SPDX-License-Identifier: MIT
// The inside of a TomlDocument, shared by the TOML and the JSON side of the reader (internal
// to lib/common/toml_reader*.cpp: nothing else sees toml++).
#pragma once

#include <toml++/toml.h>

#include "common/toml_reader.hpp"

namespace eb {

struct TomlDocument::Impl {
  toml::table table;
};

}  // namespace eb
