# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
# `format` rewrites the project's C++ files with the pinned clang-format (14, Debian 12's);
# `format-check` lists the files that differ and fails. Both run scripts/check-format.sh, which holds
# the pin and the file list (tracked files, no build trees, no generated or third-party files).
find_program(OFFHOOK_CLANG_FORMAT NAMES clang-format-14 clang-format DOC "clang-format 14 for the format targets")
set(offhook_format_env)
if(OFFHOOK_CLANG_FORMAT)
    execute_process(COMMAND "${OFFHOOK_CLANG_FORMAT}" --version OUTPUT_VARIABLE offhook_format_version
        OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    if(NOT offhook_format_version MATCHES "version 14\\.")
        message(STATUS "${OFFHOOK_CLANG_FORMAT} is not clang-format 14 (${offhook_format_version}): "
            "the format targets will refuse to run")
    endif()
    set(offhook_format_env "${CMAKE_COMMAND}" -E env "CLANG_FORMAT=${OFFHOOK_CLANG_FORMAT}")
endif()
add_custom_target(format
    COMMAND ${offhook_format_env} "${PROJECT_SOURCE_DIR}/scripts/check-format.sh" --fix
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}" USES_TERMINAL
    COMMENT "clang-format -i over the project's C++ files")
add_custom_target(format-check
    COMMAND ${offhook_format_env} "${PROJECT_SOURCE_DIR}/scripts/check-format.sh"
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}" USES_TERMINAL
    COMMENT "Checking the formatting of the project's C++ files")
