// SPDX-License-Identifier: MIT
#include "common/atomic_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <utility>

#include "common/error.hpp"

namespace eb {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& path, const std::string& what, int error) {
  throw StoreError(path + ": " + what + ": " + std::strerror(error));
}

std::string folder_of(const std::string& path) {
  const fs::path p(path);
  return p.has_parent_path() ? p.parent_path().string() : std::string(".");
}

// The prefix of the temporary files for `path`: ".NAME.eb-", then the writer's process id.
std::string temp_prefix(const std::string& path) {
  return "." + fs::path(path).filename().string() + ".eb-";
}

// Removes the temporary files for `path` whose writer is no longer running (a killed run).
void remove_leftovers(const std::string& folder, const std::string& prefix) {
  DIR* dir = ::opendir(folder.c_str());
  if (dir == nullptr) return;
  while (const dirent* e = ::readdir(dir)) {
    const std::string name = e->d_name;
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string rest = name.substr(prefix.size());
    const auto dash = rest.find('-');
    if (dash == std::string::npos || dash == 0) continue;
    char* end = nullptr;
    const long pid = std::strtol(rest.c_str(), &end, 10);
    if (end != rest.c_str() + dash || pid <= 0) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to judge
    const std::string full = folder + "/" + name;
    struct stat st {};
    if (::lstat(full.c_str(), &st) == 0 && S_ISREG(st.st_mode)) ::unlink(full.c_str());
  }
  ::closedir(dir);
}

void sync_folder(const std::string& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // best effort: not every file system allows it
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void check_output_path(const std::string& path) {
  if (path.empty()) throw StoreError("the output file name is empty");
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0) {
    if (S_ISLNK(st.st_mode)) {
      throw StoreError(path + ": is a symbolic link; eb never writes through one (remove it or choose another name)");
    }
    if (S_ISDIR(st.st_mode)) throw StoreError(path + ": is a directory; give a file name");
    if (!S_ISREG(st.st_mode)) throw StoreError(path + ": is not a regular file");
  } else if (errno != ENOENT) {
    fail(path, "cannot use it", errno);
  }
  const std::string folder = folder_of(path);
  struct stat dst {};
  if (::stat(folder.c_str(), &dst) != 0) fail(path, "cannot write there (folder " + folder + ")", errno);
  if (!S_ISDIR(dst.st_mode)) throw StoreError(path + ": " + folder + " is not a directory");
}

StagedFile::StagedFile(std::string path, std::string_view content) : m_path(std::move(path)) {
  check_output_path(m_path);
  const std::string folder = folder_of(m_path);
  const std::string prefix = temp_prefix(m_path);
  remove_leftovers(folder, prefix);
  std::string tmpl = folder + "/" + prefix + std::to_string(::getpid()) + "-XXXXXX";
  const int fd = ::mkostemp(tmpl.data(), O_CLOEXEC);  // O_CREAT | O_EXCL, mode 0600
  if (fd < 0) fail(m_path, "cannot write there", errno);
  m_tmp = tmpl;
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      fail(m_path, "cannot write", error);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const int error = errno;
    ::close(fd);
    fail(m_path, "cannot sync", error);
  }
  if (::close(fd) != 0) fail(m_path, "cannot close", errno);
}

StagedFile::StagedFile(StagedFile&& other) noexcept
    : m_path(std::move(other.m_path)), m_tmp(std::exchange(other.m_tmp, std::string())) {}

StagedFile::~StagedFile() {
  if (!m_tmp.empty()) ::unlink(m_tmp.c_str());
}

void StagedFile::publish() {
  if (m_tmp.empty()) return;
  // The target may have become a link or a folder since it was checked.
  check_output_path(m_path);
  if (::rename(m_tmp.c_str(), m_path.c_str()) != 0) fail(m_path, "cannot rename the temporary file to it", errno);
  m_tmp.clear();
  sync_folder(folder_of(m_path));
}

void write_file_atomically(const std::string& path, std::string_view content) {
  StagedFile(path, content).publish();
}

}  // namespace eb
