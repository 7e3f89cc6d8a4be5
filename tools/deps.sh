#!/usr/bin/env bash
# Installs the Debian packages eb needs to build and test, if any are missing. Sourced by
# tools/demo.sh and tools/test.sh; safe to run again.
set -euo pipefail
packages=(g++ cmake ninja-build pkg-config libcli11-dev libsqlitecpp-dev libsqlite3-dev libtomlplusplus-dev
  libboost-date-time-dev catch2 nlohmann-json3-dev libfmt-dev nettle-dev sqlite3 libxml2-utils jq clang-format
  clang libclang-rt-14-dev # clang and libFuzzer for tools/fuzz.sh
  zsh fish)                # tests/e2e/interface.sh loads the completion scripts in them
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "eb: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# Chromium renders eb's HTML pages in tests/e2e/html_render.sh, which is skipped without it:
# a failed install only warns.
if ! command -v chromium >/dev/null; then
  echo "eb: installing chromium (for tests/e2e/html_render.sh)" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if ! { $sudo apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null; }; then
    echo "eb: warning: chromium could not be installed; tests/e2e/html_render.sh will be skipped" >&2
  fi
fi
