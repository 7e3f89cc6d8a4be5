// SPDX-License-Identifier: MIT
// Tests of StagedFile, the one writer behind every -o: whole or nothing, 0600, no symbolic link
// followed, no directory written over, and the leftovers of killed runs cleaned up.
#include "common/atomic_file.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "common/error.hpp"
#include "common/file.hpp"

namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path dir;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "eb-atomic-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::string at(const std::string& name) const { return (dir / name).string(); }
  std::size_t entries() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
  }
};

unsigned mode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

}  // namespace

TEST_CASE("StagedFile", "[common][file]") {
  TempDir t;
  const std::string out = t.at("letter.txt");

  SECTION("the file appears only when published, owner-only") {
    {
      eb::StagedFile f(out, "hej");
      CHECK_FALSE(fs::exists(out));
      f.publish();
    }
    CHECK(eb::read_file(out) == "hej");
    CHECK(mode_of(out) == 0600);
    CHECK(t.entries() == 1);  // no temporary file left
  }

  SECTION("an existing file is replaced whole, and made private") {
    std::ofstream(out) << "old";
    ::chmod(out.c_str(), 0644);
    eb::write_file_atomically(out, "new");
    CHECK(eb::read_file(out) == "new");
    CHECK(mode_of(out) == 0600);
  }

  SECTION("not published: nothing is written and the temporary file is gone") {
    { eb::StagedFile f(out, "draft"); }
    CHECK_FALSE(fs::exists(out));
    CHECK(t.entries() == 0);
  }

  SECTION("a symbolic link is refused and its target untouched") {
    const std::string target = t.at("target");
    std::ofstream(target) << "keep";
    ::chmod(target.c_str(), 0644);
    fs::create_symlink(target, out);
    CHECK_THROWS_WITH(eb::StagedFile(out, "secret"),
                      out + ": is a symbolic link; eb never writes through one (remove it or choose another name)");
    CHECK(eb::read_file(target) == "keep");
    CHECK(mode_of(target) == 0644);
  }

  SECTION("a directory is refused") {
    fs::create_directory(out);
    CHECK_THROWS_WITH(eb::StagedFile(out, "x"), out + ": is a directory; give a file name");
  }

  SECTION("a missing folder is refused") {
    CHECK_THROWS_AS(eb::StagedFile(t.at("no/such/file"), "x"), eb::StoreError);
  }

  SECTION("the temporary files of a killed earlier run are removed; a live writer's are kept") {
    // pid 2^22 + 1 is above Linux's pid_max limit: no such process.
    const std::string dead = t.at(".letter.txt.eb-4194305-abcdef");
    const std::string live = t.at(".letter.txt.eb-" + std::to_string(::getpid()) + "-zzzzzz");
    std::ofstream(dead) << "a complete file of a killed run";
    std::ofstream(live) << "being written";
    eb::write_file_atomically(out, "done");
    CHECK_FALSE(fs::exists(dead));
    CHECK(fs::exists(live));
  }
}
