// SPDX-License-Identifier: MIT
// A folder of new private files, for a command that writes many files or files too large to
// hold in memory (eb demo generate): the folder is opened without following a symbolic link,
// every file inside it is new, owner-only (0600) and made by name in that folder only. A single
// file a command writes goes through StagedFile (atomic_file.hpp) instead.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace eb {

class OutputFolder {
 public:
  // The folder at `path`, made owner-only (0700) when missing. Refused (Conflict) when it is a
  // symbolic link, not a folder, or not empty; with `force`, a folder that is not empty is used
  // after removing the entries named in `replaceable` (an earlier run's output), and only those.
  static std::unique_ptr<OutputFolder> open(const std::string& path, bool force,
                                            const std::vector<std::string>& replaceable);
  OutputFolder(int parent, const std::string& name, std::string shown);
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;
  ~OutputFolder();

  // The new sub-folder `name`, owner-only. Throws StoreError.
  std::unique_ptr<OutputFolder> make(const std::string& name) const;
  int fd() const { return m_fd; }
  // The path for messages.
  const std::string& shown() const { return m_shown; }

 private:
  int m_fd = -1;
  std::string m_shown;
};

// A new owner-only file in a folder, written through a buffer.
class PrivateFile {
 public:
  // Throws StoreError when the file exists or cannot be made.
  PrivateFile(const OutputFolder& dir, const std::string& name);
  PrivateFile(const PrivateFile&) = delete;
  PrivateFile& operator=(const PrivateFile&) = delete;
  ~PrivateFile();
  void write(const std::string& text);
  // Writes what is buffered and closes the file. Throws StoreError.
  void close();

 private:
  void flush();
  int m_fd = -1;
  std::string m_shown;
  std::string m_buffer;
};

}  // namespace eb
