#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
#
# One command for the whole test suite: install, build, run every test (unit, engine against real
# Kamailio/sipp/baresip on loopback, GUI offscreen). Extra arguments go to ctest (e.g. -L sipcore).
set -euo pipefail
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${OFFHOOK_BUILD_DIR:-$source_dir/build}"
"$source_dir/scripts/install-deps.sh"
"$source_dir/scripts/build.sh"
export QT_QPA_PLATFORM=offscreen
cd "$build_dir"
# A test that fails is run once more (the first failure stays in the output): the engine tests talk to
# real servers on a loaded 2-core machine, where a peer that is late by seconds can miss a deadline.
ctest --output-on-failure --timeout 300 -j "${OFFHOOK_TEST_JOBS:-2}" --repeat until-pass:2 "$@"
