// SPDX-License-Identifier: MIT
// The Catch2 main of eb_unit_tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
