// SPDX-License-Identifier: MIT
// Tests of reading input with a limit (issue 11: `assess --file /dev/zero` read until the
// memory ran out).
#include "common/file.hpp"

#include <unistd.h>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "common/error.hpp"
#include "support.hpp"

namespace {

std::string temp_file(const std::string& content) {
  std::string path = (std::filesystem::temp_directory_path() / ("eb-file-test-" + std::to_string(::getpid()))).string();
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

}  // namespace

TEST_CASE("read_file", "[common][file]") {
  SECTION("reads a regular file whole") {
    const std::string path = temp_file("month = \"2026-11\"\n");
    CHECK(eb::read_file(path) == "month = \"2026-11\"\n");
    std::remove(path.c_str());
  }
  SECTION("refuses a file above the limit, naming it") {
    const std::string path = temp_file(std::string(101, 'x'));
    CHECK(eb::read_file(path, 101).size() == 101);
    CHECK(eb::test::input_error_of([&] { eb::read_file(path, 100); }) ==
          path + ": holds more than 100 bytes, the most eb reads");
    std::remove(path.c_str());
  }
  SECTION("refuses a device without reading it") {
    CHECK(eb::test::input_error_of([] { eb::read_file("/dev/zero"); }) ==
          "/dev/zero: is a device, not a file (eb reads files and pipes)");
  }
  SECTION("refuses a directory") {
    CHECK(eb::test::input_error_of([] { eb::read_file("/"); }) ==
          "/: is a directory, not a file (eb reads files and pipes)");
  }
  SECTION("reports a missing file as not found, naming it (exit 4 in every command: issue 14)") {
    CHECK_THROWS_MATCHES(eb::read_file("/nonexistent/eb/file.toml"), eb::NotFound,
                         Catch::Message("/nonexistent/eb/file.toml: no such file"));
  }
}

TEST_CASE("read_lines", "[common][file]") {
  SECTION("splits at newlines, keeping empty lines and a last line without one") {
    std::istringstream in("{}\n\n{\"a\": 1}");
    const auto lines = eb::read_lines(in, "stdin", 100);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "{}");
    CHECK(lines[1].empty());
    CHECK(lines[2] == "{\"a\": 1}");
  }
  SECTION("cuts a long line one byte past the limit and goes on with the next") {
    std::istringstream in(std::string(1000, 'x') + "\nnext\n");
    const auto lines = eb::read_lines(in, "stdin", 10);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == std::string(11, 'x'));
    CHECK(lines[1] == "next");
  }
  SECTION("refuses a stream above the total limit") {
    std::istringstream in(std::string(5000, '\0'));
    CHECK(eb::test::input_error_of([&] { eb::read_lines(in, "stdin", 10, 4096); }) ==
          "stdin: holds more than 4096 bytes, the most eb reads");
  }
}
