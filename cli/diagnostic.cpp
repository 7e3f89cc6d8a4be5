// SPDX-License-Identifier: MIT
#include "diagnostic.hpp"

namespace eb::cli {

namespace {

bool g_colour = false;  // set once by main, before any command runs

std::string prefix(const char* word, const char* sgr) {
  if (!g_colour) return std::string("eb: ") + word + ": ";
  return std::string("eb: \x1b[") + sgr + "m" + word + "\x1b[0m: ";
}

}  // namespace

void set_colour(bool on) {
  g_colour = on;
}

std::string error_prefix() {
  return prefix("error", "1;31");
}

std::string warning_prefix() {
  return prefix("warning", "1;33");
}

}  // namespace eb::cli
