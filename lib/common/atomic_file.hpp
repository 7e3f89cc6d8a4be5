// SPDX-License-Identifier: MIT
// StagedFile: the one way eb writes a file it was asked for (-o, backups, payment files): whole or
// not at all, owner-only (0600), never through a symbolic link and never over a directory.
#pragma once

#include <string>
#include <string_view>

namespace eb {

class StagedFile {
 public:
  // Refuses `path` when it is a directory or a symbolic link, or its folder does not exist, then
  // writes `content` to a new private temporary file in the same folder (O_CREAT | O_EXCL, mode
  // 0600) and syncs it. Temporary files that killed earlier runs left for `path` are removed.
  // Throws StoreError naming the path and the reason ("is a directory").
  StagedFile(std::string path, std::string_view content);
  StagedFile(StagedFile&& other) noexcept;
  StagedFile& operator=(StagedFile&&) = delete;
  StagedFile(const StagedFile&) = delete;
  StagedFile& operator=(const StagedFile&) = delete;
  // Removes the temporary file unless it was published.
  ~StagedFile();

  // Renames the temporary file over `path` (atomic on one file system) and syncs the folder.
  // Throws StoreError.
  void publish();
  const std::string& path() const { return m_path; }
  // The temporary file, for a caller that fills it by other means (an SQLite backup).
  const std::string& temporary() const { return m_tmp; }

 private:
  std::string m_path;
  std::string m_tmp;
};

// Refuses `path` as StagedFile does (a directory, a symbolic link, a missing folder), without
// writing anything. Throws StoreError.
void check_output_path(const std::string& path);

// StagedFile(path, content).publish().
void write_file_atomically(const std::string& path, std::string_view content);

}  // namespace eb
