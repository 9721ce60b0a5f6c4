#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
#
# Configures and builds Offhook into build/ (override with OFFHOOK_BUILD_DIR).
set -euo pipefail
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${OFFHOOK_BUILD_DIR:-$source_dir/build}"
jobs="${OFFHOOK_JOBS:-$(nproc)}"
launcher=()
if command -v ccache > /dev/null; then
    # Worktrees and clean clones share one cache: paths relative to /work-like roots, no cwd in the hash.
    export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(dirname "$source_dir")}" CCACHE_NOHASHDIR=1
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" "$@"
cmake --build "$build_dir" -j "$jobs"
