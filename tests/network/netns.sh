#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
#
# A small internet of Linux network namespaces for Offhook's network tests, built and torn down by the
# tests themselves. Sourced by the test scripts; needs root (CI runs as root).
#
#   home     10.77.1.2/24        the phone under test, private address, default route via the router
#   router   10.77.1.1 | 198.51.100.2   NAT (nftables masquerade) with a configurable UDP mapping timeout
#   carrier  198.51.100.1/24     the hosted PBX (Kamailio with nathelper), the STUN server, a second phone
#   home2    10.77.2.2/24        (net_add_home2) a second phone behind its own NAT:
#   router2  10.77.2.1 | 198.51.100.3
# The carrier's side is a bridge, so both routers sit on one "internet" segment. Each router drops what
# arrives unasked for its own address, as home routers do (and so an early packet cannot claim the port a
# later outgoing mapping needs).
#
# 198.51.100.0/24 is TEST-NET-2 (RFC 5737): it exists only here. None of the namespaces has a link to
# the machine's own network, so nothing the tests send can leave.
#
# net_up SUFFIX UDP_TIMEOUT_S [symmetric]   builds the network; names end in SUFFIX
# net_down                                  removes it (also on EXIT once net_up ran)
# net_add_home2 [symmetric]                 adds home2 behind router2
# in_home / in_router / in_carrier / in_home2 CMD...   runs CMD in that namespace
# net_start_pbx TEMPLATE                    starts the hosted PBX in carrier (sets PBX_PID, PBX_LOG)
# net_start_stun                            starts coturn as STUN server on 198.51.100.1:3478 in carrier
set -euo pipefail

NET_HOME_ADDR=10.77.1.2
NET_ROUTER_LAN=10.77.1.1
NET_ROUTER_WAN=198.51.100.2
NET_CARRIER_ADDR=198.51.100.1
NET_PBX_PORT=5060
NET_HOME2_ADDR=10.77.2.2
NET_ROUTER2_LAN=10.77.2.1
NET_ROUTER2_WAN=198.51.100.3
NET_STUN_PORT=3478

# Test helpers: fail MESSAGE counts a failure (the script exits 1 at its end when failures > 0);
# wait_for FILE TEXT SECONDS waits until TEXT appears in FILE; received_of LOG reads the RTP packets
# received from an offhook-cli call's final line.
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

wait_for() {
    local i
    for i in $(seq 1 $(($3 * 10))); do
        grep -q -- "$2" "$1" 2> /dev/null && return 0
        sleep 0.1
    done
    return 1
}

received_of() { sed -n 's/^CALL ENDED .* received=\([0-9]*\) .*/\1/p' "$1"; }

net_skip() {
    echo "SKIP: $*" >&2
    exit 77
}

net_can_build() {
    [[ "$(id -u)" -eq 0 ]] || net_skip "the namespace network needs root (CI runs as root)"
    command -v ip > /dev/null || net_skip "ip (iproute2) is not installed"
    command -v nft > /dev/null || net_skip "nft (nftables) is not installed"
    local probe="offhook-probe-$$"
    ip netns add "$probe" 2> /dev/null || net_skip "network namespaces cannot be made here (ip netns add failed)"
    ip netns del "$probe"
}

in_home() { ip netns exec "$NET_HOME" "$@"; }
in_router() { ip netns exec "$NET_ROUTER" "$@"; }
in_carrier() { ip netns exec "$NET_CARRIER" "$@"; }
in_home2() { ip netns exec "$NET_HOME2" "$@"; }

net_up() {
    local suffix="$1" udp_timeout="$2" mode="${3:-}"
    NET_HOME="oh-home-$suffix"
    NET_ROUTER="oh-router-$suffix"
    NET_CARRIER="oh-carrier-$suffix"
    NET_DIR="$(mktemp -d /tmp/offhook-net-XXXXXX)"
    trap net_down EXIT
    for ns in "$NET_HOME" "$NET_ROUTER" "$NET_CARRIER"; do
        ip netns add "$ns"
        ip -n "$ns" link set lo up
    done
    NET_UDP_TIMEOUT="$udp_timeout"
    ip -n "$NET_CARRIER" link add br0 type bridge
    ip -n "$NET_CARRIER" addr add "$NET_CARRIER_ADDR/24" dev br0
    ip -n "$NET_CARRIER" link set br0 up
    net_add_site "$NET_HOME" h0 "$NET_HOME_ADDR" "$NET_ROUTER" "$NET_ROUTER_LAN" "$NET_ROUTER_WAN" c0 "$mode"
}

# net_add_site HOME_NS HOME_IF HOME_ADDR ROUTER_NS ROUTER_LAN ROUTER_WAN CARRIER_PORT MODE
net_add_site() {
    local home="$1" home_if="$2" home_addr="$3" router="$4" lan="$5" wan="$6" port="$7" mode="$8"
    # Links: veth pairs created inside the namespaces, so no end ever sits in the machine's own one.
    ip -n "$home" link add "$home_if" type veth peer name rlan netns "$router"
    ip -n "$router" link add rwan type veth peer name "$port" netns "$NET_CARRIER"
    ip -n "$home" addr add "$home_addr/24" dev "$home_if"
    ip -n "$router" addr add "$lan/24" dev rlan
    ip -n "$router" addr add "$wan/24" dev rwan
    ip -n "$NET_CARRIER" link set "$port" master br0
    ip -n "$home" link set "$home_if" up
    ip -n "$router" link set rlan up
    ip -n "$router" link set rwan up
    ip -n "$NET_CARRIER" link set "$port" up
    ip -n "$home" route add default via "$lan"
    # The carrier knows no route to the private networks: like the internet, it only reaches the routers.
    ip netns exec "$router" sysctl -q -w net.ipv4.ip_forward=1
    local masquerade="masquerade"
    [[ "$mode" == symmetric ]] && masquerade="masquerade random"
    ip netns exec "$router" nft -f - << NFT
table ip offhook_nat {
    chain postrouting {
        type nat hook postrouting priority srcnat; policy accept;
        oifname "rwan" $masquerade
    }
    chain forward {
        type filter hook forward priority filter; policy drop;
        ct state established,related accept
        iifname "rlan" oifname "rwan" accept
    }
    chain input {
        type filter hook input priority filter; policy drop;
        iifname { "lo", "rlan" } accept
        ct state established,related accept
    }
}
NFT
    # How long the router keeps a UDP mapping without traffic (conntrack is per namespace; its sysctls
    # exist once the NAT table has loaded nf_conntrack).
    ip netns exec "$router" sysctl -q -w net.netfilter.nf_conntrack_udp_timeout="$NET_UDP_TIMEOUT"
    ip netns exec "$router" sysctl -q -w net.netfilter.nf_conntrack_udp_timeout_stream="$NET_UDP_TIMEOUT"
}

net_add_home2() {
    NET_HOME2="${NET_HOME/oh-home-/oh-home2-}"
    NET_ROUTER2="${NET_ROUTER/oh-router-/oh-router2-}"
    ip netns add "$NET_HOME2"
    ip netns add "$NET_ROUTER2"
    ip -n "$NET_HOME2" link set lo up
    ip -n "$NET_ROUTER2" link set lo up
    net_add_site "$NET_HOME2" h0 "$NET_HOME2_ADDR" "$NET_ROUTER2" "$NET_ROUTER2_LAN" "$NET_ROUTER2_WAN" c1 "${1:-}"
}

net_start_stun() {
    command -v turnserver > /dev/null || net_skip "turnserver (coturn) is not installed"
    : > "$NET_DIR/turnserver.conf"
    in_carrier turnserver -c "$NET_DIR/turnserver.conf" --stun-only --no-cli --no-tls --no-dtls \
        -L "$NET_CARRIER_ADDR" -p "$NET_STUN_PORT" --log-file=stdout --simple-log --pidfile "$NET_DIR/turn.pid" \
        > "$NET_DIR/turnserver.log" 2>&1 &
    STUN_PID=$!
    local i
    for i in $(seq 1 100); do
        in_carrier ss -lun 2> /dev/null | grep -q "$NET_CARRIER_ADDR:$NET_STUN_PORT" && return 0
        sleep 0.1
    done
    echo "coturn did not listen on $NET_CARRIER_ADDR:$NET_STUN_PORT" >&2
    tail -20 "$NET_DIR/turnserver.log" >&2
    return 1
}

net_down() {
    if [[ -n "${PBX_PID:-}" ]]; then
        kill "$PBX_PID" 2> /dev/null || true
        wait "$PBX_PID" 2> /dev/null || true
    fi
    for ns in "${NET_HOME:-}" "${NET_ROUTER:-}" "${NET_HOME2:-}" "${NET_ROUTER2:-}" "${NET_CARRIER:-}"; do
        [[ -z "$ns" ]] && continue
        # Whatever still runs in the namespace goes with it.
        local pids
        pids="$(ip netns pids "$ns" 2> /dev/null || true)"
        if [[ -n "$pids" ]]; then
            kill -9 $pids 2> /dev/null || true
        fi
        ip netns del "$ns" 2> /dev/null || true
    done
    [[ -n "${NET_DIR:-}" && "${KEEP_NET_DIR:-0}" != 1 ]] && rm -rf "$NET_DIR"
    return 0
}

net_start_pbx() {
    local template="$1"
    command -v kamailio > /dev/null || net_skip "kamailio is not installed"
    sed -e "s|@ADDRESS@|$NET_CARRIER_ADDR|g" -e "s|@PORT@|$NET_PBX_PORT|g" -e "s|@RUNDIR@|$NET_DIR|g" \
        "$template" > "$NET_DIR/kamailio.cfg"
    PBX_LOG="$NET_DIR/kamailio.log"
    in_carrier kamailio -f "$NET_DIR/kamailio.cfg" -DD -E -m 32 -M 8 -w "$NET_DIR" -Y "$NET_DIR" \
        -P "$NET_DIR/kamailio.pid" > "$PBX_LOG" 2>&1 &
    PBX_PID=$!
    local i
    for i in $(seq 1 100); do
        if in_carrier ss -lun 2> /dev/null | grep -q "$NET_CARRIER_ADDR:$NET_PBX_PORT"; then
            return 0
        fi
        if ! kill -0 "$PBX_PID" 2> /dev/null; then
            echo "kamailio exited during start-up:" >&2
            tail -20 "$PBX_LOG" >&2
            return 1
        fi
        sleep 0.1
    done
    echo "kamailio did not listen on $NET_CARRIER_ADDR:$NET_PBX_PORT" >&2
    return 1
}
