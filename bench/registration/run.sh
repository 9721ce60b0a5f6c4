#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
#
# Registration latency and idle memory, Offhook vs baresip, against the same local Kamailio.
# Latency is read from a packet capture on loopback, the same way for both clients: time from the
# first REGISTER of a Call-ID to the 200 OK that answers its digest retry. Median of RUNS.
# Needs: a build (scripts/build.sh), kamailio, baresip, tshark; run as root (capture on lo).
#   bench/registration/run.sh [RUNS]
set -euo pipefail
runs="${1:-20}"
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build_dir="${OFFHOOK_BUILD_DIR:-$source_dir/build}"
cli="$build_dir/app/cli/offhook-cli"
port="${BENCH_PORT:-5182}"
work="$(mktemp -d)"
export XDG_RUNTIME_DIR="$work/run"
mkdir -p "$XDG_RUNTIME_DIR"
cleanup() {
    [[ -n "${capture_pid:-}" ]] && kill "$capture_pid" 2> /dev/null || true
    OFFHOOK_DEMO_PORT="$port" "$source_dir/demo/run-demo-pbx.sh" stop > /dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

OFFHOOK_DEMO_PORT="$port" "$source_dir/demo/run-demo-pbx.sh" start > /dev/null
tshark -q -i lo -f "udp port $port" -w "$work/capture.pcapng" > /dev/null 2>&1 &
capture_pid=$!
sleep 2

for _ in $(seq "$runs"); do
    OFFHOOK_PASSWORD=demo1001 "$cli" register --server "127.0.0.1:$port" --extension 1001 > /dev/null
done

mkdir -p "$work/baresip"
printf 'module_path\t/usr/lib/baresip/modules\nsip_listen\t127.0.0.1:%s\nmodule\tg711.so\nmodule_app\taccount.so\n' \
    "$((port + 100))" > "$work/baresip/config"
printf '<sip:1002@127.0.0.1:%s>;auth_pass=demo1002;regint=300\n' "$port" > "$work/baresip/accounts"
for _ in $(seq "$runs"); do
    timeout 10 baresip -f "$work/baresip" -t 1 > /dev/null 2>&1 || true
done

# Idle resident memory with one line registered.
OFFHOOK_PASSWORD=demo1001 "$cli" register --server "127.0.0.1:$port" --extension 1001 --hold 6 > /dev/null &
cli_pid=$!
timeout 15 baresip -f "$work/baresip" -t 6 > /dev/null 2>&1 &
baresip_pid=$!
sleep 4
offhook_rss="$(awk '/VmRSS/ {print $2}' "/proc/$cli_pid/status")"
baresip_rss="$(awk '/VmRSS/ {print $2}' "/proc/$baresip_pid/status")"
wait "$cli_pid" || true
wait "$baresip_pid" || true
sleep 1
kill "$capture_pid"
wait "$capture_pid" 2> /dev/null || true
capture_pid=

tshark -r "$work/capture.pcapng" -Y sip -T fields -E separator='|' -e frame.time_epoch -e sip.Call-ID \
    -e sip.Method -e sip.Status-Code -e sip.CSeq.method -e sip.from.user -e sip.Expires > "$work/sip.txt"
python3 - "$work/sip.txt" <<'PY'
import statistics, sys
first, done, user = {}, {}, {}
for line in open(sys.argv[1]):
    t, callid, method, status, cseq, from_user, expires = (line.rstrip("\n").split("|") + [""] * 7)[:7]
    t = float(t)
    if method == "REGISTER":
        if callid not in first:
            first[callid] = t
            user[callid] = from_user
    elif status == "200" and cseq == "REGISTER" and callid in first and callid not in done:
        done[callid] = t
for name, ext in (("offhook-cli", "1001"), ("baresip", "1002")):
    values = sorted((done[c] - first[c]) * 1000 for c in done if user.get(c) == ext)
    if values:
        print(f"{name:12s} REGISTER -> 401 -> REGISTER+digest -> 200 OK: median {statistics.median(values):.3f} ms "
              f"(min {values[0]:.3f}, max {values[-1]:.3f}, n={len(values)})")
PY
"$build_dir/bench/registration/offhook-bench-udp-rtt" 2000
echo "idle RSS with one line registered: offhook-cli ${offhook_rss} kB, baresip ${baresip_rss} kB"
