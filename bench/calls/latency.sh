#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
#
# Pipeline latency: how long a click in the caller's IN.wav takes to come back into the caller's OUT.wav
# through an echoing callee, on loopback through a local Kamailio (signalling only; RTP goes direct).
# Round trip = caller capture + encode + send, callee receive (jitter buffer, decode) + echo + encode +
# send, caller receive + decode + play.
#   caller: offhook-cli --play IN.wav --record OUT.wav --no-echo-control. Its file device reads and writes
#           in the same tick, so IN and OUT share one timeline and the round trip is exact to a sample. Its
#           echo canceller is off because the returning clicks are, to it, an echo of its own microphone.
#   callee: offhook-cli `answer --echo` (a loopback device: what it plays is captured 10 ms later), then
#           baresip with aubridge as source and player on one device name (decoded audio sent back).
# The same caller measures both callees, so the difference is the callees' own receive + send pipelines.
# baresip cannot be the caller here: Debian's baresip 1.0 has no file player (its aufile module is a
# source only), so it cannot record what comes back on a timeline shared with what it sent.
# The clicks are 10 ms bursts of 1 kHz, one per second; each is found in OUT by correlation.
# Needs: a build (scripts/build.sh), kamailio, baresip, python3.
#   bench/calls/latency.sh [SECONDS] [CODEC]      CODEC: opus (default) or pcmu
#   BENCH_CALLEES="offhook" limits the callees; BENCH_KEEP=1 keeps the work directory.
set -euo pipefail
seconds="${1:-15}"
codec="${2:-opus}"
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build_dir="${OFFHOOK_BUILD_DIR:-$source_dir/build}"
cli="$build_dir/app/cli/offhook-cli"
port="${BENCH_PORT:-5186}"
work="$(mktemp -d)"
export XDG_RUNTIME_DIR="$work/run"
mkdir -p "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
cleanup() {
    jobs -p | xargs -r kill 2> /dev/null || true
    OFFHOOK_DEMO_PORT="$port" "$source_dir/demo/run-demo-pbx.sh" stop > /dev/null 2>&1 || true
    [[ -n "${BENCH_KEEP:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT
OFFHOOK_DEMO_PORT="$port" "$source_dir/demo/run-demo-pbx.sh" start > /dev/null

case "$codec" in
opus) baresip_codec="opus/48000/2"; rate=48000 ;;
pcmu) baresip_codec="PCMU/8000/1"; rate=48000 ;;
*) echo "codec must be opus or pcmu" >&2; exit 2 ;;
esac

python3 - "$work" "$seconds" "$rate" <<'PY'
import math, struct, sys, wave
work, seconds, rate = sys.argv[1], int(sys.argv[2]) + 10, int(sys.argv[3])
burst = [0.5 * math.sin(2 * math.pi * 1000 * i / rate) for i in range(rate // 100)]
second = burst + [0.0] * (rate - len(burst))
with wave.open(f"{work}/in.wav", "wb") as out:
    out.setnchannels(1); out.setsampwidth(2); out.setframerate(rate)
    out.writeframes(b"".join(struct.pack("<h", int(v * 32767)) for v in second) * seconds)
PY

baresip_config() { # DIR USER SOURCE PLAYER (extension USER, password demoUSER)
    mkdir -p "$1"
    printf 'poll_method\tepoll\nsip_listen\t127.0.0.1:0\nnet_interface\t127.0.0.1\naudio_source\t%s\naudio_player\t%s\naudio_alert\taubridge,alert\nrtp_ports\t40000-49998\nmodule_path\t/usr/lib/baresip/modules\nmodule\topus.so\nmodule\tg711.so\nmodule\taubridge.so\nmodule_tmp\taccount.so\nmodule_app\tmenu.so\n' \
        "$3" "$4" > "$1/config"
    printf '<sip:%s@127.0.0.1:%s;transport=udp>;auth_pass=demo%s;answermode=auto;audio_codecs=%s\n' \
        "$2" "$port" "$2" "$baresip_codec" > "$1/accounts"
}

start_callee() { # offhook|baresip  -> sets callee_pid; callee is extension 1002
    if [[ "$1" == offhook ]]; then
        OFFHOOK_PASSWORD=demo1002 "$cli" answer --server "127.0.0.1:$port" --extension 1002 --echo \
            --wait 60 > "$work/callee.log" 2>&1 &
    else
        baresip_config "$work/bcallee" 1002 "aubridge,echo" "aubridge,echo"
        baresip -f "$work/bcallee" -t "$((seconds + 20))" > "$work/callee.log" 2>&1 < /dev/null &
    fi
    callee_pid=$!
    sleep 2
}

run_caller() { # OUT.wav ; the caller is extension 1001
    OFFHOOK_PASSWORD=demo1001 "$cli" call --server "127.0.0.1:$port" --extension 1001 \
        --play "$work/in.wav" --record "$1" --duration "$seconds" --codec "$codec" --no-echo-control \
        sip:1002@127.0.0.1 > "$work/caller.log" 2>&1 || true
}

measure() { # IN.wav OUT.wav
    python3 - "$1" "$2" <<'PY'
import math, statistics, struct, sys, wave
def read(path):
    with wave.open(path, "rb") as f:
        n, ch, rate = f.getnframes(), f.getnchannels(), f.getframerate()
        raw = struct.unpack(f"<{n * ch}h", f.readframes(n))
        return [sum(raw[i:i + ch]) / ch / 32768 for i in range(0, len(raw), ch)], rate
src, rate = read(sys.argv[1])
out, out_rate = read(sys.argv[2])
if out_rate != rate:  # resample OUT by nearest sample to the IN rate (only used to locate bursts)
    out = [out[int(i * out_rate / rate)] for i in range(int(len(out) * rate / out_rate))]
burst = src[: rate // 100]
energy = sum(v * v for v in burst)
block = rate // 1000
delays = []
for onset in range(0, len(out) - rate, rate):
    # Coarse: the 1 ms block of most energy within the second after the click, then correlation ±3 ms.
    window = out[onset: onset + rate]
    blocks = [sum(v * v for v in window[b: b + block]) for b in range(0, len(window) - block, block)]
    peak = max(range(len(blocks)), key=blocks.__getitem__)
    if blocks[peak] < 0.05 * energy / 10:
        continue  # nothing came back for this click
    best, best_lag = -1.0, 0
    for lag in range(max(0, peak * block - len(burst) - 3 * block), min(len(window) - len(burst), peak * block + 3 * block)):
        c = sum(burst[i] * window[lag + i] for i in range(0, len(burst), 2))
        if c > best:
            best, best_lag = c, lag
    delays.append(1000 * best_lag / rate)
if len(delays) < 3:
    print(f"  too few clicks came back ({len(delays)})")
    sys.exit(0)
delays = delays[1:]  # the first click meets a jitter buffer still settling
print(f"  round trip: median {statistics.median(delays):.1f} ms, min {min(delays):.1f}, max {max(delays):.1f} "
      f"({len(delays)} clicks)")
PY
}

echo "Round trip of a click, offhook-cli caller -> echoing callee, $codec, ${seconds} s per call"
echo "(floor per direction: 20 ms frame + one 20 ms frame in the jitter buffer + 10 ms playback buffer"
echo " + the codec's look-ahead, 6.5 ms for Opus; the offhook echo adds its 10 ms loopback buffer)"
for callee in ${BENCH_CALLEES:-offhook baresip}; do
    start_callee "$callee"
    run_caller "$work/out-$callee.wav"
    kill "$callee_pid" 2> /dev/null || true
    wait "$callee_pid" 2> /dev/null || true
    echo "offhook-cli -> $callee (echo):"
    echo "  caller: $(tail -1 "$work/caller.log")"
    if [[ -s "$work/out-$callee.wav" ]]; then
        measure "$work/in.wav" "$work/out-$callee.wav"
    else
        echo "  no recording"
    fi
    sleep 1
done
