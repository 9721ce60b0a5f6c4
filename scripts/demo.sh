#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
#
# One command for a newcomer: install, build, start the local demo PBX and open Offhook with a demo
# line (1001@127.0.0.1) that registers at once. Stop the PBX afterwards with:
#   demo/run-demo-pbx.sh stop
set -euo pipefail
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${OFFHOOK_BUILD_DIR:-$source_dir/build}"
"$source_dir/scripts/install-deps.sh"
"$source_dir/scripts/build.sh"
"$source_dir/demo/run-demo-pbx.sh" start
export OFFHOOK_DEMO_SERVER="127.0.0.1:${OFFHOOK_DEMO_PORT:-5060}"
if [[ -x "$build_dir/app/gui/offhook" ]]; then
    exec "$build_dir/app/gui/offhook" --demo "$@"
fi
# Built without the GUI: show the same registration in the terminal.
OFFHOOK_PASSWORD=demo1001 exec "$build_dir/app/cli/offhook-cli" register --server "$OFFHOOK_DEMO_SERVER" \
    --extension 1001 --hold 3600
