#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
#
# Configures and builds Offhook into build/ (override with OFFHOOK_BUILD_DIR).
set -euo pipefail
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${OFFHOOK_BUILD_DIR:-$source_dir/build}"
jobs="${OFFHOOK_JOBS:-$(nproc)}"
cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
cmake --build "$build_dir" -j "$jobs"
