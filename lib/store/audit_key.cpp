// SPDX-License-Identifier: MIT
#include "store/audit_key.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "common/error.hpp"
#include "store/seal.hpp"

namespace eb::store {

namespace {

constexpr std::size_t k_key_bytes = 32;

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

std::optional<std::string> read_key_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    if (errno == ENOENT) return std::nullopt;
    throw StoreError(path + ": cannot read the audit key: " + std::strerror(errno));
  }
  struct stat st {};
  ::fstat(fd, &st);
  char buf[256];
  const ssize_t n = ::read(fd, buf, sizeof buf);
  ::close(fd);
  if ((st.st_mode & 077) != 0) {
    throw StoreError(path + ": the audit key is readable by others (mode " + std::to_string((st.st_mode >> 6) & 7) +
                     std::to_string((st.st_mode >> 3) & 7) + std::to_string(st.st_mode & 7) +
                     "); make it owner-only (chmod 600)");
  }
  const auto key = n > 0 ? from_hex(trimmed(std::string(buf, static_cast<std::size_t>(n)))) : std::nullopt;
  if (!key || key->size() != k_key_bytes) throw StoreError(path + ": not an audit key file (64 hex digits)");
  return key;
}

std::string create_key_file(const std::string& path, const std::optional<std::string>& given) {
  if (given && given->size() != k_key_bytes) throw StoreError(path + ": a given audit key must be 32 bytes");
  if (auto existing = read_key_file(path)) {
    if (given && *existing != *given) {
      throw StoreError(path + ": holds another audit key than the one this store id is derived with");
    }
    return *existing;
  }
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(path).parent_path();
  if (!dir.empty()) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw StoreError(dir.string() + ": cannot make the folder for audit keys: " + ec.message());
    ::chmod(dir.c_str(), 0700);
  }
  const std::string key = given ? *given : random_bytes(k_key_bytes);
  const std::string text = to_hex(key) + "\n";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) throw StoreError(path + ": cannot create the audit key: " + std::strerror(errno));
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) throw StoreError(path + ": cannot write the audit key");
  return key;
}

}  // namespace eb::store
