// SPDX-License-Identifier: MIT
#include "common/output_folder.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "common/error.hpp"

namespace eb {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail_io(const std::string& path, const char* what) {
  throw StoreError(path + ": " + what + ": " + std::strerror(errno));
}

}  // namespace

std::unique_ptr<OutputFolder> OutputFolder::open(const std::string& path, bool force,
                                                 const std::vector<std::string>& replaceable) {
  if (path.empty()) throw InputError("-o", "", "an output folder is required");
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(path, ec);
  if (fs::is_symlink(st)) throw Conflict(path + ": is a symbolic link; eb writes only into a real folder");
  if (fs::exists(st)) {
    if (!fs::is_directory(st)) throw Conflict(path + ": exists and is not a folder");
    if (!fs::is_empty(path, ec)) {
      if (!force) throw Conflict(path + ": the folder is not empty (use --force to replace an earlier run's files)");
      for (const auto& name : replaceable) fs::remove_all(fs::path(path) / name, ec);  // never follows a link
    }
  } else {
    const fs::path p(path);
    if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
    if (::mkdir(path.c_str(), 0700) != 0) fail_io(path, "cannot make the folder");
  }
  return std::make_unique<OutputFolder>(AT_FDCWD, path, path);
}

OutputFolder::OutputFolder(int parent, const std::string& name, std::string shown) : m_shown(std::move(shown)) {
  m_fd = ::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (m_fd < 0) fail_io(m_shown, "cannot open the folder (a symbolic link is never followed)");
}

OutputFolder::~OutputFolder() {
  if (m_fd >= 0) ::close(m_fd);
}

std::unique_ptr<OutputFolder> OutputFolder::make(const std::string& name) const {
  if (::mkdirat(m_fd, name.c_str(), 0700) != 0) fail_io(m_shown + "/" + name, "cannot make the folder");
  return std::make_unique<OutputFolder>(m_fd, name, m_shown + "/" + name);
}

PrivateFile::PrivateFile(const OutputFolder& dir, const std::string& name) : m_shown(dir.shown() + "/" + name) {
  m_fd = ::openat(dir.fd(), name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (m_fd < 0) fail_io(m_shown, "cannot create the file");
  if (::fchmod(m_fd, 0600) != 0) fail_io(m_shown, "cannot make it private (chmod 0600)");
}

PrivateFile::~PrivateFile() {
  if (m_fd >= 0) ::close(m_fd);
}

void PrivateFile::write(const std::string& text) {
  m_buffer += text;
  if (m_buffer.size() >= (1u << 20)) flush();
}

void PrivateFile::close() {
  flush();
  const int fd = m_fd;
  m_fd = -1;
  if (::close(fd) != 0) fail_io(m_shown, "cannot write");
}

void PrivateFile::flush() {
  std::size_t done = 0;
  while (done < m_buffer.size()) {
    const ssize_t n = ::write(m_fd, m_buffer.data() + done, m_buffer.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail_io(m_shown, "cannot write");
    done += static_cast<std::size_t>(n);
  }
  m_buffer.clear();
}

}  // namespace eb
