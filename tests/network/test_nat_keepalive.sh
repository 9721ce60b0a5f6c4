#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
#
# A line behind NAT stays reachable: offhook-cli answer registers from the home namespace through a
# router whose UDP mappings expire after a few seconds, idles for several times that, and must still get
# the call a second phone on the carrier side places through the hosted PBX. With keep-alives off the
# same call must not arrive: that proves the router really forgets, and that the keep-alives are what
# keeps the line reachable. Also checks the NAT diagnosis (the public address the server saw), and that the
# call has audio both ways although the callee's SDP names its private address (symmetric RTP, latching).
#
# Usage: test_nat_keepalive.sh OFFHOOK_CLI DATA_DIR
# Times are scaled down from a real router's 30-120 s so the test stays short; the mechanism is the same.
set -euo pipefail
cli="$1"
data="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/netns.sh"

udp_timeout=6  # the router forgets a UDP mapping after this many seconds without traffic
idle=20        # how long the line stays idle before the call (over three times the timeout)
keepalive=2

net_can_build
command -v kamailio > /dev/null || net_skip "kamailio is not installed"
net_up "$$" "$udp_timeout"
net_start_pbx "$data/kamailio/hosted-nat.cfg.in"
export OFFHOOK_PASSWORD=unused-here

# One round: the callee registers with the given keep-alive, idles, then is called.
# Prints nothing; sets round_answered=1 when the call reached the callee and was answered.
round() {
    local keepalive_s="$1" tag="$2"
    local callee_log="$NET_DIR/callee-$tag.log" caller_log="$NET_DIR/caller-$tag.log"
    in_home "$cli" answer --server "$NET_CARRIER_ADDR" --extension 1001 --keepalive "$keepalive_s" \
        --wait 120 > "$callee_log" 2>&1 &
    local callee=$!
    if ! wait_for "$callee_log" "WAITING for a call" 20; then
        fail "[$tag] the callee did not register"
        cat "$callee_log"
        kill "$callee" 2> /dev/null || true
        return
    fi
    # The server saw the router's public address, not the private one, and Offhook says so.
    if ! grep -q "^NAT public=$NET_ROUTER_WAN:[0-9]* local=$NET_HOME_ADDR:[0-9]* keepalive=$keepalive_s\$" \
        "$callee_log"; then
        fail "[$tag] no NAT line naming $NET_ROUTER_WAN (public) and $NET_HOME_ADDR (local)"
    fi
    grep -q "Behind NAT: the server sees you as $NET_ROUTER_WAN" "$callee_log" ||
        fail "[$tag] the log does not say the line is behind NAT"
    sleep "$idle"
    in_carrier "$cli" call "sip:1001@$NET_CARRIER_ADDR" --server "$NET_CARRIER_ADDR" --extension 1002 \
        --duration 2 --timeout 20 > "$caller_log" 2>&1 || true
    round_answered=0
    grep -q "send 200 OK" "$callee_log" && grep -q "^CALL ENDED local-hangup" "$caller_log" && round_answered=1
    kill -TERM "$callee" 2> /dev/null || true
    wait "$callee" 2> /dev/null || true
    echo "--- [$tag] caller: $(tail -1 "$caller_log")"
    echo "--- [$tag] callee: $(grep -c 'send OPTIONS' "$callee_log") keep-alive OPTIONS sent; $(tail -1 "$callee_log")"
}

round "$keepalive" keepalive-on
if [[ $round_answered -ne 1 ]]; then
    fail "with keep-alives every ${keepalive} s the call after ${idle} s idle did not arrive"
    tail -40 "$NET_DIR/caller-keepalive-on.log"
    tail -60 "$NET_DIR/callee-keepalive-on.log"
fi
# Audio both ways: the callee's SDP names its private address, which the carrier cannot reach; the caller
# latches onto where the callee's RTP really comes from (the router) and the callee hears it.
for side in caller callee; do
    received="$(received_of "$NET_DIR/$side-keepalive-on.log")"
    if [[ -z "$received" || "$received" -lt 50 ]]; then
        fail "the $side received ${received:-no} RTP packets in a 2 s call across the NAT (symmetric RTP/latching)"
    fi
done
grep -q "Keep-alives every $keepalive s while registered" "$NET_DIR/callee-keepalive-on.log" ||
    fail "the callee's log does not announce its keep-alives"

round 0 keepalive-off
if [[ $round_answered -ne 0 ]]; then
    fail "without keep-alives the call still arrived: the router did not forget the mapping, so the test proves nothing"
fi
grep -q "keep-alives are off" "$NET_DIR/callee-keepalive-off.log" ||
    fail "without keep-alives the diagnosis does not warn that calls will stop arriving"

if [[ $failures -gt 0 ]]; then
    echo "--- kamailio (end)"
    tail -30 "$PBX_LOG"
    exit 1
fi
echo "PASS: behind a NAT with ${udp_timeout} s UDP mappings, keep-alives kept the line reachable for ${idle} s idle"
