// SPDX-License-Identifier: MIT
// The audit key of a case store: 32 random bytes kept outside the store, in a file only its owner
// can read (64 hex digits). Who holds it can prove, with `eb db check`, that no row was changed
// behind eb's back.
#pragma once

#include <optional>
#include <string>

namespace eb::store {

// The key in the file at `path`, or nothing when there is no such file. Throws StoreError when
// the file is not a key file, is readable by others, or is a symbolic link.
std::optional<std::string> read_key_file(const std::string& path);
// Makes a new key in a new file at `path` (its folders made 0700, the file 0600, never through a
// symbolic link) and returns it; when the file exists, returns the key in it. With `given`, that
// key is written instead of a random one (a demo store's derived key), and an existing file must
// hold it. Throws StoreError.
std::string create_key_file(const std::string& path, const std::optional<std::string>& given = std::nullopt);

}  // namespace eb::store
