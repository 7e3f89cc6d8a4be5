// SPDX-License-Identifier: MIT
// Tests of NormCatalog's reading on demand: a month's norm comes from its year's file alone, and
// every file is read (and checked for overlaps) only when all of them are asked for.
#include "norms/norm_catalog.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "common/error.hpp"
#include "common/file.hpp"

namespace fs = std::filesystem;

namespace {

// A norms folder with the shipped 2026 file and `other` as 2019.toml.
struct Folder {
  fs::path dir;
  explicit Folder(const std::string& other) {
    std::string tmpl = (fs::temp_directory_path() / "eb-catalog-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
    fs::create_directories(dir / "riksnorm");
    fs::copy_file(EB_SOURCE_DIR "/norms/riksnorm/2026.toml", dir / "riksnorm" / "2026.toml");
    std::ofstream(dir / "riksnorm" / "2019.toml") << other;
  }
  ~Folder() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

}  // namespace

TEST_CASE("NormCatalog reads a file when it is needed", "[norms][catalog]") {
  Folder f("this is not TOML [[[");
  const auto catalog = eb::norms::NormCatalog::load(f.dir.string());

  SECTION("the month's norm comes from its year's file; a broken file of another year is not read") {
    CHECK(catalog.valid_on(eb::period::Date(2026, 3, 1)).id == "riksnorm-2026");
    CHECK(catalog.find("2026").id == "riksnorm-2026");
    CHECK(catalog.find("riksnorm-2026").valid_from == eb::period::Date(2026, 1, 1));
  }

  SECTION("asking for all of them reads every file, and the broken one is refused") {
    CHECK_THROWS_AS(catalog.all(), eb::InputError);
  }

  SECTION("a day no year file covers reads them all") {
    CHECK_THROWS_AS(catalog.valid_on(eb::period::Date(2031, 1, 1)), eb::InputError);
  }
}

TEST_CASE("NormCatalog::all refuses two files that cover the same day", "[norms][catalog]") {
  // 2019.toml with the 2026 file's content: both cover 2026.
  Folder f(eb::read_file(EB_SOURCE_DIR "/norms/riksnorm/2026.toml"));
  const auto catalog = eb::norms::NormCatalog::load(f.dir.string());
  CHECK(catalog.valid_on(eb::period::Date(2026, 6, 1)).id == "riksnorm-2026");
  CHECK_THROWS_WITH(catalog.all(), Catch::Matchers::Contains("overlaps"));
}
