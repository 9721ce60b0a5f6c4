#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
#
# CPU per call: a two-party Opus call (20 ms) through a local Kamailio for SECONDS, offhook-cli calling
# offhook-cli, then baresip calling baresip, both fed a tone from a WAV file and without a sound card.
# Prints user+system CPU seconds of each process (registration and start-up included) and the share of
# one core over the call. offhook-cli runs echo control (its default); baresip 1.0 has no echo canceller
# module in Debian, so its numbers are without one.
# Needs: a build (scripts/build.sh), kamailio, baresip, python3.
#   bench/calls/run.sh [SECONDS]
set -euo pipefail
seconds="${1:-20}"
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build_dir="${OFFHOOK_BUILD_DIR:-$source_dir/build}"
cli="$build_dir/app/cli/offhook-cli"
port="${BENCH_PORT:-5184}"
work="$(mktemp -d)"
export XDG_RUNTIME_DIR="$work/run"
mkdir -p "$XDG_RUNTIME_DIR"
cleanup() {
    OFFHOOK_DEMO_PORT="$port" "$source_dir/demo/run-demo-pbx.sh" stop > /dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
OFFHOOK_DEMO_PORT="$port" "$source_dir/demo/run-demo-pbx.sh" start > /dev/null

python3 - "$work" "$seconds" <<'PY'
import math, struct, sys, wave
work, seconds = sys.argv[1], int(sys.argv[2]) + 10
for name, frequency, channels in (("a", 440, 1), ("b", 1000, 1), ("a2", 440, 2), ("b2", 1000, 2)):
    with wave.open(f"{work}/{name}.wav", "wb") as out:
        out.setnchannels(channels); out.setsampwidth(2); out.setframerate(48000)
        period = [struct.pack("<h", int(0.4 * 32767 * math.sin(2 * math.pi * frequency * i / 48000))) * channels
                  for i in range(48000)]
        out.writeframes(b"".join(period) * seconds)
PY

cpu() { # file written by /usr/bin/time -f "%U %S"
    awk '{printf "%.2f", $1 + $2}' "$1"
}
share() {
    python3 -c "print(f'{100 * $1 / $2:.1f}')"
}

# offhook-cli <-> offhook-cli
OFFHOOK_PASSWORD=demo1002 /usr/bin/time -o "$work/cpu-answer" -f "%U %S" "$cli" answer --server "127.0.0.1:$port" \
    --extension 1002 --play "$work/b.wav" --record "$work/b-out.wav" --wait 30 > "$work/answer.log" 2>&1 &
answer_pid=$!
sleep 2
OFFHOOK_PASSWORD=demo1001 /usr/bin/time -o "$work/cpu-call" -f "%U %S" "$cli" call --server "127.0.0.1:$port" \
    --extension 1001 --play "$work/a.wav" --record "$work/a-out.wav" --duration "$seconds" --codec opus \
    sip:1002@127.0.0.1 > "$work/call.log" 2>&1 || true
wait "$answer_pid" || true
echo "offhook-cli -> offhook-cli, Opus 20 ms, ${seconds} s:"
echo "  caller: $(tail -1 "$work/call.log")"
echo "  caller CPU $(cpu "$work/cpu-call") s ($(share "$(cpu "$work/cpu-call")" "$seconds") % of a core)"
echo "  callee CPU $(cpu "$work/cpu-answer") s ($(share "$(cpu "$work/cpu-answer")" "$seconds") % of a core)"

# baresip <-> baresip
for who in callee caller; do
    mkdir -p "$work/$who"
    tone="$work/b2.wav"; user=1003
    [[ "$who" == caller ]] && tone="$work/a2.wav" && user=1004
    printf 'poll_method\tepoll\nsip_listen\t127.0.0.1:0\nnet_interface\t127.0.0.1\naudio_source\taufile,%s\naudio_player\taufile,%s/unused.wav\naudio_alert\taufile,%s/unused.wav\nrtp_ports\t40000-49998\nmodule_path\t/usr/lib/baresip/modules\nmodule\topus.so\nmodule\taufile.so\nmodule_tmp\taccount.so\nmodule_app\tmenu.so\n' \
        "$tone" "$work/$who" "$work/$who" > "$work/$who/config"
    printf '<sip:%s@127.0.0.1:%s;transport=udp>;auth_pass=demo%s;answermode=auto;audio_codecs=opus/48000/2\n' \
        "$user" "$port" "$user" > "$work/$who/accounts"
done
/usr/bin/time -o "$work/cpu-bcallee" -f "%U %S" baresip -f "$work/callee" -t "$((seconds + 6))" \
    > "$work/bcallee.log" 2>&1 < /dev/null &
callee_pid=$!
sleep 2
/usr/bin/time -o "$work/cpu-bcaller" -f "%U %S" baresip -f "$work/caller" -t "$((seconds + 3))" \
    -e "/dial sip:1003@127.0.0.1:$port" > "$work/bcaller.log" 2>&1 < /dev/null || true
wait "$callee_pid" || true
echo "baresip -> baresip, Opus 20 ms, about ${seconds} s:"
echo "  caller: $(grep -a -o 'Call established.*' "$work/bcaller.log" | head -1)"
echo "  caller CPU $(cpu "$work/cpu-bcaller") s ($(share "$(cpu "$work/cpu-bcaller")" "$seconds") % of a core)"
echo "  callee CPU $(cpu "$work/cpu-bcallee") s ($(share "$(cpu "$work/cpu-bcallee")" "$seconds") % of a core)"
