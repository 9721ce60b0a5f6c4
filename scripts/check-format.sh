#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
#
# Checks the project's C++ files against .clang-format with the pinned clang-format (Debian 12's 14).
# Usage: scripts/check-format.sh [--fix] [file...]
#   no arguments  check every tracked C++ file; lists the unformatted ones and fails if there are any
#   --fix         rewrite the files in place instead (what the `format` CMake target runs)
# Override the binary with CLANG_FORMAT=/path/to/clang-format (it must still be version 14).
set -euo pipefail
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$source_dir"
pinned_major=14

fix=0
if [[ "${1:-}" == "--fix" ]]; then
    fix=1
    shift
fi

clang_format="${CLANG_FORMAT:-}"
if [[ -z "$clang_format" ]]; then
    clang_format="$(command -v clang-format-$pinned_major || command -v clang-format || true)"
fi
if [[ -z "$clang_format" ]]; then
    echo "check-format: clang-format $pinned_major not found (apt-get install clang-format-$pinned_major)" >&2
    exit 2
fi
version="$("$clang_format" --version)"
if [[ ! "$version" =~ version\ $pinned_major\. ]]; then
    echo "check-format: $clang_format is \"$version\"; the project pins clang-format $pinned_major," >&2
    echo "check-format: other versions format differently (set CLANG_FORMAT to a clang-format-$pinned_major)" >&2
    exit 2
fi

# The project's own C++ sources: tracked files only, so build trees, IDE caches and generated files
# (moc_*, ui_*.h, qrc_*) never count. Third-party or generated files that do get checked in are listed
# in the exclusion pattern below.
excluded='^(build[^/]*|\.cache|third[-_]?party|3rdparty|external)/|/(moc|ui|qrc)_[^/]*$'
files=()
for file in "$@"; do
    # Only C++ is ours to format: clang-format would happily mangle a CMakeLists.txt, a script or Markdown.
    if [[ "$file" =~ \.(cpp|h|hpp|cc|mm)$ ]]; then
        files+=("$file")
    else
        echo "check-format: skipping $file (not C++)" >&2
    fi
done
if [[ $# -gt 0 && ${#files[@]} -eq 0 ]]; then
    echo "check-format: no C++ files among the arguments"
    exit 0
fi
if [[ ${#files[@]} -eq 0 ]]; then
    if git -C "$source_dir" rev-parse --is-inside-work-tree > /dev/null 2>&1; then
        mapfile -t files < <(git ls-files -- '*.cpp' '*.h' '*.hpp' '*.cc' '*.mm' | grep -Ev "$excluded" || true)
    else # a source tarball
        mapfile -t files < <(find . -type f \( -name '*.cpp' -o -name '*.h' -o -name '*.hpp' -o -name '*.cc' \
            -o -name '*.mm' \) -printf '%P\n' | grep -Ev "$excluded" | sort)
    fi
fi
if [[ ${#files[@]} -eq 0 ]]; then
    echo "check-format: no files"
    exit 0
fi

if [[ $fix -eq 1 ]]; then
    printf '%s\0' "${files[@]}" | xargs -0 -n 50 "$clang_format" -i --style=file
    echo "check-format: formatted ${#files[@]} files with $version"
    exit 0
fi

unformatted=()
for file in "${files[@]}"; do
    if ! "$clang_format" --dry-run -Werror --style=file "$file" > /dev/null 2>&1; then
        unformatted+=("$file")
    fi
done
if [[ ${#unformatted[@]} -gt 0 ]]; then
    echo "check-format: ${#unformatted[@]} of ${#files[@]} files are not formatted (fix: scripts/check-format.sh --fix," \
        "or cmake --build <dir> --target format):"
    printf '  %s\n' "${unformatted[@]}"
    exit 1
fi
echo "check-format: ${#files[@]} files formatted ($version)"
