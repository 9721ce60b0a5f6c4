# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
# One interface target carries the language standard, warnings and Qt strictness defines.
set(CMAKE_AUTOMOC ON)
set(CMAKE_CXX_EXTENSIONS OFF)
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
    set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

add_library(offhook_settings INTERFACE)
target_compile_features(offhook_settings INTERFACE cxx_std_20)
target_include_directories(offhook_settings INTERFACE "${PROJECT_SOURCE_DIR}" "${PROJECT_BINARY_DIR}")
target_compile_definitions(offhook_settings INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING QT_USE_QSTRINGBUILDER QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH QT_NO_KEYWORDS
    OFFHOOK_VERSION="${PROJECT_VERSION}")
if(MSVC)
    target_compile_options(offhook_settings INTERFACE /W4 /permissive-)
else()
    # -Wold-style-cast and -Wshadow hold for every target, moc's output included (Qt 6.4, GCC 12). Should a
    # newer moc trip them, relax them on <target>_autogen/mocs_compilation.cpp, not on our sources.
    target_compile_options(offhook_settings INTERFACE -Wall -Wextra -pedantic -Wold-style-cast -Wshadow)
endif()

# Warnings as errors: ON in scripts/build.sh and CI, OFF for a plain cmake (new compilers warn anew).
option(OFFHOOK_WERROR "Treat compiler warnings as errors" OFF)
if(OFFHOOK_WERROR)
    target_compile_options(offhook_settings INTERFACE $<IF:$<CXX_COMPILER_ID:MSVC>,/WX,-Werror>)
endif()

# Sanitizer builds, each into a build directory of its own (scripts/run-tests.sh --sanitize).
# Findings abort the process, so a test with one fails; suppressions for system libraries only, in
# tests/sanitizers/.
option(OFFHOOK_SANITIZE "Build with AddressSanitizer and UBSan" OFF)
option(OFFHOOK_TSAN "Build with ThreadSanitizer" OFF)
if(OFFHOOK_SANITIZE AND OFFHOOK_TSAN)
    message(FATAL_ERROR "OFFHOOK_SANITIZE and OFFHOOK_TSAN exclude each other: use two build directories")
endif()
if(OFFHOOK_SANITIZE AND NOT MSVC)
    target_compile_options(offhook_settings INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=undefined
        -fno-omit-frame-pointer)
    target_link_options(offhook_settings INTERFACE -fsanitize=address,undefined)
endif()
if(OFFHOOK_TSAN AND NOT MSVC)
    target_compile_options(offhook_settings INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
    target_link_options(offhook_settings INTERFACE -fsanitize=thread)
endif()
