#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
#
# Runs clang-tidy 14 with the checked-in .clang-tidy over the project's sources in a configured and built
# build directory (it reads compile_commands.json; the build makes the moc and uic headers it needs).
# Usage: scripts/run-clang-tidy.sh [build dir] [file regex...]   (default build dir: build/, all sources)
set -euo pipefail
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="$(cd "${1:-$source_dir/build}" && pwd)"
shift || true
jobs="${OFFHOOK_JOBS:-$(nproc)}"
run_clang_tidy="$(command -v run-clang-tidy-14 || command -v run-clang-tidy || true)"
clang_tidy="$(command -v clang-tidy-14 || command -v clang-tidy || true)"
if [[ -z "$run_clang_tidy" || -z "$clang_tidy" ]]; then
    echo "run-clang-tidy: clang-tidy 14 not found (apt-get install clang-tidy-14)" >&2
    exit 2
fi
if [[ ! -f "$build_dir/compile_commands.json" ]]; then
    echo "run-clang-tidy: no $build_dir/compile_commands.json (configure with scripts/build.sh first)" >&2
    exit 2
fi
# Our sources and headers only: not the build tree's moc/uic/rcc output, not system headers.
layers='(app|audio|bench|sipcore|tests|ui)'
files=("$@")
if [[ ${#files[@]} -eq 0 ]]; then
    files=("^$source_dir/$layers/.*\\.cpp\$")
fi
# The compiler of record is GCC: its warnings are the build's business, so -w silences clang's own
# (clang-diagnostic-*) and only the checks of .clang-tidy report.
"$run_clang_tidy" -quiet -p "$build_dir" -j "$jobs" -clang-tidy-binary "$clang_tidy" \
    -header-filter "^$source_dir/$layers/" -extra-arg=-w "${files[@]}"
