// SPDX-License-Identifier: MIT
// Reading a whole file: the one place lib/ touches the file system for input files.
#pragma once

#include <string>

namespace eb {

// The bytes of the file at `path`. Throws StoreError naming the path if it cannot be read.
std::string read_file(const std::string& path);

}  // namespace eb
