#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
#
# The desktop app on a real (virtual) X display:
#  - time from process start to the main window on screen (median of RUNS), with the demo line
#    registering against the local demo PBX, and the resident memory once idle (5 s later);
#  - the live log pane fed 100 000 messages (BenchLogPane).
# Needs a build (scripts/build.sh), xvfb-run and kamailio.   bench/gui/run.sh [RUNS]
set -euo pipefail
runs="${1:-10}"
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build_dir="${OFFHOOK_BUILD_DIR:-$source_dir/build}"
port="${BENCH_PORT:-5194}"
work="$(mktemp -d)"
export XDG_RUNTIME_DIR="$work/run" XDG_CONFIG_HOME="$work/config"
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME"
chmod 700 "$XDG_RUNTIME_DIR"
cleanup() {
    OFFHOOK_DEMO_PORT="$port" "$source_dir/demo/run-demo-pbx.sh" stop > /dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
OFFHOOK_DEMO_PORT="$port" "$source_dir/demo/run-demo-pbx.sh" start > /dev/null

cat > "$work/startup.sh" << 'INNER'
#!/usr/bin/env bash
# Runs inside the X display: one start of offhook, prints "startup_ms N" and, for the last run, idle RSS.
set -euo pipefail
binary="$1" server="$2" measure_rss="$3" log="$4"
start_ms=$(date +%s%3N)
OFFHOOK_STARTUP_TRACE=1 OFFHOOK_DEMO_SERVER="$server" "$binary" --demo --no-tray 2> "$log" &
pid=$!
for _ in $(seq 1000); do
    grep -q "main window shown at" "$log" 2> /dev/null && break
    sleep 0.01
done
shown_ms=$(sed -n 's/.*main window shown at \([0-9]*\) ms.*/\1/p' "$log" | head -n 1)
echo "startup_ms $((shown_ms - start_ms))"
if [[ "$measure_rss" == 1 ]]; then
    sleep 5
    echo "idle_rss_kib $(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")"
fi
kill "$pid"
wait "$pid" 2> /dev/null || true
INNER
chmod +x "$work/startup.sh"

results="$work/results"
for run in $(seq "$runs"); do
    xvfb-run -a -s "-screen 0 1400x900x24" "$work/startup.sh" "$build_dir/app/gui/offhook" "127.0.0.1:$port" \
        "$([[ $run == "$runs" ]] && echo 1 || echo 0)" "$work/offhook.log" >> "$results"
done
echo "GUI start-up to main window shown (ms), $runs runs: $(awk '/startup_ms/ { print $2 }' "$results" | sort -n | tr '\n' ' ')"
echo "  median: $(awk '/startup_ms/ { print $2 }' "$results" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }') ms"
echo "Idle resident memory (demo line registered): $(awk '/idle_rss_kib/ { printf "%.1f MiB", $2 / 1024 }' "$results")"
echo "Log pane flood:"
xvfb-run -a -s "-screen 0 1400x900x24" "$build_dir/bench/gui/BenchLogPane" 100000 | sed 's/^/  /'
