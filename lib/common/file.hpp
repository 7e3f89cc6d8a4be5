// SPDX-License-Identifier: MIT
// Reading a whole file, or the lines of a stream: the one place lib/ reads input files, and
// with a limit, so that no input (/dev/zero, an endless pipe) can exhaust the memory.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace eb {

// The most bytes read_file reads unless told otherwise: far above any norm file, delegation
// order or application (lib/assess/limits.hpp has the application's own, lower limit).
inline constexpr std::size_t k_max_file_bytes = 16 * 1024 * 1024;

// The bytes of the file at `path`. Only a regular file or a pipe is read. Throws StoreError
// naming the path if it cannot be opened or read, InputError naming it if it is a directory,
// a device (/dev/zero) or a socket, or holds more than `max_bytes`.
std::string read_file(const std::string& path, std::size_t max_bytes = k_max_file_bytes);

// The lines of `in`, without their line ends. A line longer than `max_line_bytes` is kept
// cut to `max_line_bytes` + 1 bytes, so that the size check of its reader refuses it, and the
// rest of it is skipped. Throws InputError naming `source` when the stream holds more than
// `max_total_bytes` (an endless stream such as /dev/zero ends there).
std::vector<std::string> read_lines(std::istream& in, const std::string& source, std::size_t max_line_bytes,
                                    std::size_t max_total_bytes = 256 * k_max_file_bytes);

}  // namespace eb
