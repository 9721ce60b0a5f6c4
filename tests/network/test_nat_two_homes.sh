#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
#
# A call between two phones, each behind its own NAT router, through the hosted PBX, which relays only
# signalling (no media relay). With STUN (--stun, coturn on the carrier side) each SDP carries the address
# its router maps the RTP socket to; both send at once from the socket they receive on (symmetric RTP),
# which opens each router for the other's packets: audio flows both ways. Without STUN each SDP names a
# private address nobody can reach and no packet arrives: that proves the NATs are real and that STUN is
# what makes the call work.
#
# Usage: test_nat_two_homes.sh OFFHOOK_CLI DATA_DIR
set -euo pipefail
cli="$1"
data="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/netns.sh"

net_can_build
command -v kamailio > /dev/null || net_skip "kamailio is not installed"
command -v turnserver > /dev/null || net_skip "turnserver (coturn) is not installed"
net_up "$$" 30
net_add_home2
net_start_pbx "$data/kamailio/hosted-nat.cfg.in"
net_start_stun
export OFFHOOK_PASSWORD=unused-here

# One call from home2 to home; extra arguments go to both phones.
call_round() {
    local tag="$1"
    shift
    local callee_log="$NET_DIR/callee-$tag.log" caller_log="$NET_DIR/caller-$tag.log"
    in_home "$cli" answer --server "$NET_CARRIER_ADDR" --extension 1001 --wait 60 "$@" > "$callee_log" 2>&1 &
    local callee=$!
    if ! wait_for "$callee_log" "WAITING for a call" 20; then
        fail "[$tag] the callee did not register"
        cat "$callee_log"
        kill "$callee" 2> /dev/null || true
        return
    fi
    in_home2 "$cli" call "sip:1001@$NET_CARRIER_ADDR" --server "$NET_CARRIER_ADDR" --extension 1002 \
        --duration 3 --timeout 20 "$@" > "$caller_log" 2>&1 || true
    wait "$callee" 2> /dev/null || true
    echo "--- [$tag] caller: $(tail -1 "$caller_log")"
    echo "--- [$tag] callee: $(tail -1 "$callee_log")"
}

call_round stun --stun "$NET_CARRIER_ADDR:$NET_STUN_PORT"
for side in caller callee; do
    log="$NET_DIR/$side-stun.log"
    received="$(received_of "$log")"
    if [[ -z "$received" || "$received" -lt 80 ]]; then
        fail "[stun] the $side received ${received:-no} RTP packets in a 3 s call between two NATs"
        grep -E "STUN|^c=|^m=" "$log" || true
    fi
done
# Each SDP carried its router's public address, as STUN saw it.
grep -q "^c=IN IP4 $NET_ROUTER_WAN" "$NET_DIR/callee-stun.log" ||
    fail "[stun] the callee's SDP does not carry its router's address $NET_ROUTER_WAN"
grep -q "^c=IN IP4 $NET_ROUTER2_WAN" "$NET_DIR/caller-stun.log" ||
    fail "[stun] the caller's SDP does not carry its router's address $NET_ROUTER2_WAN"
grep -q "STUN: $NET_CARRIER_ADDR:$NET_STUN_PORT sees RTP port [0-9]* as $NET_ROUTER_WAN:" "$NET_DIR/callee-stun.log" ||
    fail "[stun] the callee's log does not name the STUN mapping"

call_round no-stun
received="$(received_of "$NET_DIR/caller-no-stun.log")"
if [[ -n "$received" && "$received" -gt 5 ]]; then
    fail "[no-stun] the caller received $received RTP packets although both SDPs name private addresses: the NAT is not real"
fi
grep -q "^CALL ENDED" "$NET_DIR/caller-no-stun.log" || fail "[no-stun] the call itself did not happen"

if [[ $failures -gt 0 ]]; then
    echo "--- turnserver (end)"
    tail -10 "$NET_DIR/turnserver.log"
    exit 1
fi
echo "PASS: two phones behind two NATs hear each other with STUN, and do not without it"
