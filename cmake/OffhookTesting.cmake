# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
# offhook_add_test(NAME <TestClass> SOURCES ... LIBS ... [LABELS ...] [TIMEOUT s])
# One executable per test class, registered with CTest.
# A test labelled "integration" starts real peers (Kamailio, sipp, baresip, offhook-cli) and talks to them;
# it also gets the label "server". scripts/run-tests.sh runs every other test once, and may retry a server
# test once (printing FLAKY <name>): on a loaded machine a real peer can be late by seconds.
function(offhook_add_test)
    cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE offhook_settings Qt6::Test ${T_LIBS})
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    if("integration" IN_LIST T_LABELS AND NOT "server" IN_LIST T_LABELS)
        list(APPEND T_LABELS server)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES TIMEOUT ${T_TIMEOUT}
        LABELS "${T_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;OFFHOOK_THREAD_CHECK=abort;OFFHOOK_SOURCE_DIR=${PROJECT_SOURCE_DIR};OFFHOOK_BINARY_DIR=${PROJECT_BINARY_DIR}")
endfunction()
