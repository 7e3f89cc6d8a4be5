# Build settings as INTERFACE targets, linked PRIVATE by every eb target (ccache's pattern).
option(EB_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)
option(EB_ENABLE_ASAN "Build with AddressSanitizer" OFF)
option(EB_ENABLE_UBSAN "Build with UndefinedBehaviorSanitizer" OFF)
option(EB_ENABLE_COVERAGE "Build with coverage instrumentation" OFF)
# libFuzzer targets (tests/fuzz/*_fuzz.cpp): clang only; everything is then built with
# -fsanitize=fuzzer-no-link,address,undefined and the fuzzers link -fsanitize=fuzzer.
option(EB_BUILD_FUZZERS "Build the libFuzzer targets of tests/fuzz (clang only)" OFF)
if(EB_BUILD_FUZZERS AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "EB_BUILD_FUZZERS needs clang (cmake -DCMAKE_CXX_COMPILER=clang++); this is ${CMAKE_CXX_COMPILER_ID}")
endif()

add_library(eb_warnings INTERFACE)
target_compile_options(eb_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  $<$<BOOL:${EB_WARNINGS_AS_ERRORS}>:-Werror>)
# GCC 12 at -O3 reports -Wrestrict inside libstdc++'s std::string operator+ (GCC bug 105329,
# fixed in GCC 13): a false positive in the library, not in eb, so it is off for GCC 12 only.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(eb_warnings INTERFACE -Wno-restrict)
endif()

add_library(eb_settings INTERFACE)
target_compile_definitions(eb_settings INTERFACE $<$<CONFIG:Debug>:_GLIBCXX_ASSERTIONS>)
if(EB_ENABLE_ASAN)
  target_compile_options(eb_settings INTERFACE -fsanitize=address -fno-omit-frame-pointer)
  target_link_options(eb_settings INTERFACE -fsanitize=address)
endif()
if(EB_ENABLE_UBSAN)
  target_compile_options(eb_settings INTERFACE -fsanitize=undefined -fno-sanitize-recover=undefined)
  target_link_options(eb_settings INTERFACE -fsanitize=undefined)
endif()
if(EB_BUILD_FUZZERS)
  target_compile_options(eb_settings INTERFACE -fsanitize=fuzzer-no-link,address,undefined
                         -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(eb_settings INTERFACE -fsanitize=address,undefined)
endif()
if(EB_ENABLE_COVERAGE)
  target_compile_options(eb_settings INTERFACE --coverage -O0)
  target_link_options(eb_settings INTERFACE --coverage)
endif()
# Future candidates: -Wold-style-cast, -Wuseless-cast, clang-tidy as part of the build.
