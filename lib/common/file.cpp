// SPDX-License-Identifier: MIT
#include "common/file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/error.hpp"

namespace eb {

namespace {

// Closes a file descriptor when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd) : m_fd(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (m_fd >= 0) ::close(m_fd);
  }
  int get() const { return m_fd; }

 private:
  int m_fd;
};

[[noreturn]] void too_large(const std::string& source, std::size_t max_bytes) {
  throw InputError(
      {Problem{source, 0, "", "", "holds more than " + std::to_string(max_bytes) + " bytes, the most eb reads"}});
}

}  // namespace

std::string read_file(const std::string& path, std::size_t max_bytes) {
  const Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) {
    // A file that is not there is "not found" (exit 4); any other failure is the file system's (6).
    if (errno == ENOENT || errno == ENOTDIR) throw NotFound(path + ": no such file");
    throw StoreError(path + ": cannot read: " + std::strerror(errno));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) throw StoreError(path + ": cannot read: " + std::strerror(errno));
  if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
    const char* what = S_ISDIR(st.st_mode) ? "a directory" : S_ISSOCK(st.st_mode) ? "a socket" : "a device";
    throw InputError({Problem{path, 0, "", "", std::string("is ") + what + ", not a file (eb reads files and pipes)"}});
  }
  if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > max_bytes) too_large(path, max_bytes);
  std::string out;
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw StoreError(path + ": read failed: " + std::strerror(errno));
    }
    if (n == 0) break;
    if (out.size() + static_cast<std::size_t>(n) > max_bytes) too_large(path, max_bytes);
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

std::vector<std::string> read_lines(std::istream& in, const std::string& source, std::size_t max_line_bytes,
                                    std::size_t max_total_bytes) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t total = 0;
  bool any = false;  // a line has begun
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    const auto n = static_cast<std::size_t>(in.gcount());
    total += n;
    if (total > max_total_bytes) too_large(source, max_total_bytes);
    for (std::size_t i = 0; i < n; ++i) {
      any = true;
      if (buf[i] == '\n') {
        lines.push_back(std::move(line));
        line.clear();
        any = false;
      } else if (line.size() <= max_line_bytes) {
        line += buf[i];
      }
    }
  }
  if (any) lines.push_back(std::move(line));
  return lines;
}

}  // namespace eb
