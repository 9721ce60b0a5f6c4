#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
#
# Screenshots for the README: runs Offhook under xvfb-run against the local demo PBX, drives it from
# the keyboard (xdotool) and saves PNGs of the main window (also during a call and with its Recent tab
# after it), the account wizard (test registration and server check) and the troubleshooter into
# docs/screenshots/, and the main window once more under a dark desktop palette.
# Needs a build (scripts/build.sh), xvfb-run, xdotool, ImageMagick (import) and kamailio.
#   scripts/screenshots.sh [OUTPUT_DIR]
set -euo pipefail
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${OFFHOOK_BUILD_DIR:-$source_dir/build}"
output="$(mkdir -p "${1:-$source_dir/docs/screenshots}" && cd "${1:-$source_dir/docs/screenshots}" && pwd)"
port="${OFFHOOK_SCREENSHOT_PORT:-5196}"

if [[ -z "${OFFHOOK_IN_XVFB:-}" ]]; then
    work="$(mktemp -d)"
    cleanup() {
        OFFHOOK_DEMO_PORT="$port" XDG_RUNTIME_DIR="$work/run" "$source_dir/demo/run-demo-pbx.sh" stop > /dev/null 2>&1 || true
        rm -rf "$work"
    }
    trap cleanup EXIT
    mkdir -p "$work/run" "$work/config"
    chmod 700 "$work/run"
    OFFHOOK_DEMO_PORT="$port" XDG_RUNTIME_DIR="$work/run" "$source_dir/demo/run-demo-pbx.sh" start
    OFFHOOK_IN_XVFB=1 XDG_RUNTIME_DIR="$work/run" XDG_CONFIG_HOME="$work/config" \
        xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$output"
    # The main window again under a dark desktop palette (Qt's KDE platform theme reads kdeglobals).
    mkdir -p "$work/dark"
    cat > "$work/dark/kdeglobals" << 'COLORS'
[Colors:Window]
BackgroundNormal=32,35,38
ForegroundNormal=252,252,252
[Colors:View]
BackgroundNormal=20,22,24
BackgroundAlternate=29,31,34
ForegroundNormal=252,252,252
[Colors:Button]
BackgroundNormal=41,44,48
ForegroundNormal=252,252,252
[Colors:Selection]
BackgroundNormal=61,174,233
ForegroundNormal=252,252,252
[Colors:Tooltip]
BackgroundNormal=41,44,48
ForegroundNormal=252,252,252
COLORS
    OFFHOOK_IN_XVFB=dark XDG_RUNTIME_DIR="$work/run" XDG_CONFIG_HOME="$work/dark" XDG_CURRENT_DESKTOP=KDE \
        KDE_SESSION_VERSION=5 KDE_FULL_SESSION=true xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$output"
    echo "screenshots: $(ls "$output")"
    exit 0
fi

# From here on: inside the virtual display.
server="127.0.0.1:$port"
export QT_QPA_PLATFORMTHEME="" QT_SCALE_FACTOR=1
# No sound card in the virtual display: calls run on the null audio backend.
OFFHOOK_AUDIO=null OFFHOOK_DEMO_SERVER="$server" "$build_dir/app/gui/offhook" --demo --no-tray "sip:1002@127.0.0.1" &
app=$!
peer=""
trap 'kill $app $peer 2> /dev/null || true' EXIT

window_named() { # title prefix -> window id (waits up to 10 s)
    local id=""
    for _ in $(seq 100); do
        id="$(xdotool search --onlyvisible --name "^$1" 2> /dev/null | tail -n 1 || true)"
        [[ -n "$id" ]] && break
        sleep 0.1
    done
    [[ -n "$id" ]] || { echo "screenshots: no window \"$1\"" >&2; exit 1; }
    echo "$id"
}
keys() { xdotool key --clearmodifiers --delay 60 "$@"; sleep 0.4; }
typed() { xdotool type --delay 20 "$1"; sleep 0.3; }
# A 256-colour palette keeps the PNGs small; UI pixels survive it without dithering.
shot() { sleep "${3:-0.5}"; import -window "$1" "$output/$2"; mogrify +dither -colors 256 "$output/$2"; }

main="$(window_named "Offhook — demo")"
xdotool windowsize "$main" 1240 760
xdotool windowfocus --sync "$main"
sleep 2
if [[ "$OFFHOOK_IN_XVFB" == dark ]]; then
    keys ctrl+n
    wizard="$(window_named "Offhook — New line")"
    xdotool windowfocus --sync "$wizard"
    keys Return
    typed "$server"; keys Tab; typed "1004"; keys Return
    keys Tab; typed "wrong-password"; keys Return
    keys Return
    sleep 2.5
    keys Return
    sleep 1.5
    xdotool windowfocus --sync "$main"
    shot "$main" main-window-dark.png 1
    exit 0
fi

# A call on the demo line from the keyboard (Ctrl+D, number, Enter) to offhook-cli answering as 1004; the
# Recent tab is shot at the end.
OFFHOOK_PASSWORD=demo1004 "$build_dir/app/cli/offhook-cli" answer --server "$server" --extension 1004 \
    --wait 60 --duration 6 > /dev/null 2>&1 &
peer=$!
sleep 2
keys ctrl+d; typed "1004"; keys Return
shot "$main" main-window-call.png 3
wait "$peer" || true
peer=""
keys shift+Tab                               # back to the lines for what follows

# Wizard: a second line, checked with the preflight, then the live test registration.
keys ctrl+n
wizard="$(window_named "Offhook — New line")"
xdotool windowfocus --sync "$wizard"
keys Return                                  # provider: generic SIP
typed "$server"; keys Tab; typed "1002"
keys Tab; keys space                         # Check server
shot "$wizard" wizard-server-check.png 5
keys alt+n                                   # → credentials (Return would press Check server again)
keys Tab; typed "demo1002"; keys Return      # → advanced
keys Return                                  # → test registration
shot "$wizard" wizard-test.png 2.5
keys Return                                  # Finish

# A third line with a wrong password, so the window shows a failure and its diagnosis.
xdotool windowfocus --sync "$main"
keys ctrl+n
wizard="$(window_named "Offhook — New line")"
xdotool windowfocus --sync "$wizard"
keys Return
typed "$server"; keys Tab; typed "1003"; keys Return
keys Tab; typed "wrong-password"; keys Return
keys Return
sleep 2.5
keys Return
sleep 1.5
xdotool windowfocus --sync "$main"
shot "$main" main-window.png 1

# Troubleshooter of the failing line (the last one in the list).
keys ctrl+t
trouble="$(window_named "Offhook — Troubleshoot")"
xdotool windowclose "$trouble" 2> /dev/null || keys Escape
xdotool windowfocus --sync "$main"
keys End ctrl+t
trouble="$(window_named "Offhook — Troubleshoot 1003")"
xdotool windowsize "$trouble" 1200 760
shot "$trouble" troubleshooter.png 1.5
xdotool windowclose "$trouble" 2> /dev/null || keys Escape

keys ctrl+h
shot "$main" main-window-recent.png 1
