#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
#
# Configures and builds Offhook into build/ (override with OFFHOOK_BUILD_DIR), warnings as errors
# (OFFHOOK_WERROR=OFF to build anyway). OFFHOOK_BUILD_TARGETS="a b" builds only those targets.
# Extra arguments go to cmake's configure step.
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
targets=()
if [[ -n "${OFFHOOK_BUILD_TARGETS:-}" ]]; then
    read -ra targets <<< "$OFFHOOK_BUILD_TARGETS"
    targets=(--target "${targets[@]}")
fi
cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DOFFHOOK_WERROR="${OFFHOOK_WERROR:-ON}" "${launcher[@]}" "$@"
cmake --build "$build_dir" -j "$jobs" "${targets[@]}"
