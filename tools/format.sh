#!/usr/bin/env bash
# Formats the C++ sources with clang-format (.clang-format).
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files 'lib/*.cpp' 'lib/*.hpp' 'cli/*.cpp' 'cli/*.hpp' 'tests/*.cpp' 'bench/*.cpp' | xargs clang-format -i
