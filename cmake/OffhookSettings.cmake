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
    target_compile_options(offhook_settings INTERFACE -Wall -Wextra -pedantic)
endif()

option(OFFHOOK_SANITIZE "Build with AddressSanitizer and UBSan" OFF)
if(OFFHOOK_SANITIZE AND NOT MSVC)
    target_compile_options(offhook_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(offhook_settings INTERFACE -fsanitize=address,undefined)
endif()
