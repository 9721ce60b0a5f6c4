#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
#
# One command for the whole test suite: install, build, run every test (unit, engine against real
# Kamailio/sipp/baresip on loopback, GUI offscreen). Extra arguments go to ctest (e.g. -L sipcore).
#
# Usage: scripts/run-tests.sh [--format-check] [--sanitize[=address|thread]] [--tidy] [ctest arguments...]
#   --format-check  first check the formatting (scripts/check-format.sh)
#   --sanitize      also build with ASan+UBSan into <build>-asan and run the unit and engine tests there,
#                   and with TSan into <build>-tsan and run the threaded tests (OFFHOOK_TSAN_TESTS)
#   --tidy          also run clang-tidy over the normal build (scripts/run-clang-tidy.sh)
# Every stage runs even when an earlier one failed; the summary at the end names the failed ones.
#
# Unit tests run once. Tests labelled "server" (they start Kamailio, sipp, baresip or offhook-cli) may be
# retried once: each retry prints "FLAKY <test>", and the run fails when a server test fails twice.
set -euo pipefail
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${OFFHOOK_BUILD_DIR:-$source_dir/build}"
test_jobs="${OFFHOOK_TEST_JOBS:-2}"
# The threaded code under TSan: the log store, the ring buffer, the engine thread with registrations and
# presence, the media sessions and their device clocks.
tsan_tests="${OFFHOOK_TSAN_TESTS:-TestSipLog TestSpscRingBuffer TestRegistration TestPresence TestMediaSession TestMediaSessionDevices TestFileBackend TestLoopbackBackend}"

format_check=0
sanitize=()
tidy=0
ctest_args=()
for argument in "$@"; do
    case "$argument" in
        --format-check) format_check=1 ;;
        --sanitize) sanitize=(address thread) ;;
        --sanitize=address | --sanitize=thread) sanitize+=("${argument#--sanitize=}") ;;
        --tidy) tidy=1 ;;
        *) ctest_args+=("$argument") ;;
    esac
done

failed_stages=()
flaky_log="$(mktemp)"
trap 'rm -f "$flaky_log"' EXIT
stage_times=()
# run_stage <name> <command...>: runs one stage, records its time and whether it failed.
run_stage()
{
    local name="$1" start status=0
    shift
    echo "=== $name"
    start=$(date +%s)
    "$@" || status=$?
    stage_times+=("$name: $(($(date +%s) - start)) s")
    if [[ $status -ne 0 ]]; then
        echo "=== $name FAILED (exit $status)"
        failed_stages+=("$name")
    fi
    return 0
}

# run_ctest <build dir> <ctest arguments...>: unit tests once; server tests with one retry each.
run_ctest()
{
    local dir="$1" status=0
    shift
    local common=(--test-dir "$dir" --output-on-failure --timeout 300 -j "$test_jobs" "$@")
    ctest "${common[@]}" -LE server || status=1
    # A real peer on a loaded 2-core machine can be late by seconds and miss a deadline: such a test gets
    # one more run, and says so. The first failure's output stays above.
    if ! ctest "${common[@]}" -L server; then
        local failed_log="$dir/Testing/Temporary/LastTestsFailed.log" names=()
        if [[ -f "$failed_log" ]]; then
            mapfile -t names < <(cut -d: -f2- "$failed_log")
        fi
        if [[ ${#names[@]} -eq 0 ]]; then
            return 1
        fi
        local name pattern=""
        for name in "${names[@]}"; do
            echo "FLAKY $name" | tee -a "$flaky_log"
            pattern+="${pattern:+|}$name"
        done
        ctest "${common[@]}" -L server -R "^($pattern)\$" || status=1
    fi
    return $status
}

sanitizer_environment()
{
    local supp="$source_dir/tests/sanitizers"
    export ASAN_OPTIONS="detect_leaks=1:detect_stack_use_after_return=0:strict_init_order=1:check_initialization_order=1"
    export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$supp/ubsan.supp"
    # die_after_fork=0: QProcess forks the multi-threaded test and the child only execs Kamailio or sipp.
    export TSAN_OPTIONS="suppressions=$supp/tsan.supp:second_deadlock_stack=1:history_size=4:die_after_fork=0"
}

# The sanitizer builds compile at -O1 -g1, with the line numbers the reports need: ASan with clang, two and
# a half times faster to compile than GCC at -O2 -g; TSan with GCC, whose runtime survives QProcess
# starting Kamailio (clang 14's aborts in the child: "CHECK failed: tsan_rtl.cpp:234"). Warnings are the
# normal build's business; here they do not stop the build.
sanitizer_build()
{
    local cxx="$1" dir="$2"
    shift 2
    CXX="$cxx" OFFHOOK_BUILD_DIR="$dir" OFFHOOK_WERROR=OFF \
        "$source_dir/scripts/build.sh" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DOFFHOOK_BUILD_GUI=OFF \
        -DOFFHOOK_BUILD_BENCH=OFF "$@"
}

asan_stage()
{
    local dir="$build_dir-asan"
    sanitizer_build "${OFFHOOK_ASAN_CXX:-clang++-14}" "$dir" -DOFFHOOK_SANITIZE=ON || return 1
    (sanitizer_environment && run_ctest "$dir" "${ctest_args[@]}")
}

tsan_stage()
{
    local dir="$build_dir-tsan" tests
    read -ra tests <<< "$tsan_tests"
    OFFHOOK_BUILD_TARGETS="${tests[*]}" sanitizer_build "${OFFHOOK_TSAN_CXX:-g++}" "$dir" -DOFFHOOK_TSAN=ON || return 1
    local pattern
    pattern="^($(tr ' ' '|' <<< "${tests[*]}"))\$"
    (sanitizer_environment && run_ctest "$dir" -R "$pattern" "${ctest_args[@]}")
}

"$source_dir/scripts/install-deps.sh"
export QT_QPA_PLATFORM=offscreen
if [[ $format_check -eq 1 ]]; then
    run_stage "format check" "$source_dir/scripts/check-format.sh"
fi
run_stage build "$source_dir/scripts/build.sh"
if [[ ! " ${failed_stages[*]} " =~ " build " ]]; then
    run_stage tests run_ctest "$build_dir" "${ctest_args[@]}"
    if [[ $tidy -eq 1 ]]; then
        run_stage clang-tidy "$source_dir/scripts/run-clang-tidy.sh" "$build_dir"
    fi
fi
for kind in "${sanitize[@]}"; do
    if [[ "$kind" == address ]]; then
        run_stage "ASan+UBSan" asan_stage
    else
        run_stage TSan tsan_stage
    fi
done

echo "=== times"
printf '  %s\n' "${stage_times[@]}"
if [[ -s "$flaky_log" ]]; then
    echo "=== server tests that needed a second run"
    cat "$flaky_log"
fi
if [[ ${#failed_stages[@]} -gt 0 ]]; then
    echo "=== FAILED: ${failed_stages[*]}"
    exit 1
fi
echo "=== all stages passed"
