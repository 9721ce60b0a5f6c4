#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
#
# Runs a GUI test on a private Xvfb display with trayer as the system tray host (xcb platform), with
# OFFHOOK_EXPECT_TRAY=1 so the test requires a real tray icon. Exit status 77 (skipped) when Xvfb,
# xvfb-run or trayer is missing. Usage: run-with-tray-host.sh TEST_BINARY [ARGS...]
set -euo pipefail

for tool in xvfb-run Xvfb trayer xdotool; do
    if ! command -v "$tool" > /dev/null; then
        echo "run-with-tray-host: $tool is not installed (scripts/install-deps.sh)"
        exit 77
    fi
done

inner='
set -u
trayer --edge top --align right --widthtype request --height 24 --transparent false > /dev/null 2>&1 &
tray_pid=$!
for _ in $(seq 1 100); do
    xdotool search --classname trayer > /dev/null 2>&1 && break
    sleep 0.1
done
QT_QPA_PLATFORM=xcb OFFHOOK_EXPECT_TRAY=1 "$@"
status=$?
kill "$tray_pid" 2> /dev/null
wait "$tray_pid" 2> /dev/null
exit $status
'
exec xvfb-run -a -s "-screen 0 1280x800x24" bash -c "$inner" run-with-tray-host "$@"
