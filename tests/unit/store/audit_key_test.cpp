// SPDX-License-Identifier: MIT
#include "store/audit_key.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "common/error.hpp"
#include "store/store_support.hpp"

TEST_CASE("create_key_file", "[store][key]") {
  namespace fs = std::filesystem;
  const fs::path dir = eb::test::temp_store_path("keys");
  const std::string path = (dir / "keys" / "store.key").string();

  SECTION("makes a random key in an owner-only file, and returns the same key the next time") {
    const std::string key = eb::store::create_key_file(path);
    CHECK(key.size() == 32);
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(eb::store::create_key_file(path) == key);
    CHECK(eb::store::read_key_file(path) == key);
  }
  SECTION("writes a given key, and refuses a file that holds another") {
    const std::string given(32, 'g');
    CHECK(eb::store::create_key_file(path, given) == given);
    CHECK(eb::store::read_key_file(path) == given);
    CHECK(eb::store::create_key_file(path, given) == given);
    CHECK_THROWS_AS(eb::store::create_key_file(path, std::string(32, 'h')), eb::StoreError);
    CHECK_THROWS_AS(eb::store::create_key_file(path + ".short", std::string(31, 'h')), eb::StoreError);
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
}
