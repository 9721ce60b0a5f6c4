#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
#
# Local demo PBX for trying Offhook by hand: Kamailio with registrar, digest
# auth, call routing and presence on 127.0.0.1 (UDP and TCP), accounts from
# demo/users. Uses the same configuration as the test fixture
# (tests/data/kamailio).
#
#   demo/run-demo-pbx.sh [start|stop|status|restart]
#
# Environment: OFFHOOK_DEMO_PORT (default 5060), KAMAILIO, KAMCMD (binaries).
# Runtime files: ${XDG_RUNTIME_DIR:-/tmp}/offhook-demo-pbx (kamailio.cfg,
# db_text tables, kamailio.pid, kamailio.log, control socket).
set -euo pipefail

readonly address=127.0.0.1
readonly port="${OFFHOOK_DEMO_PORT:-5060}"
readonly domain="$address"
readonly script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly data_dir="$script_dir/../tests/data/kamailio"
readonly users_file="$script_dir/users"
readonly run_dir="${XDG_RUNTIME_DIR:-/tmp}/offhook-demo-pbx"
readonly pid_file="$run_dir/kamailio.pid"
readonly log_file="$run_dir/kamailio.log"
readonly ctl_socket="unix:$run_dir/kamailio_ctl"
kamailio_bin="${KAMAILIO:-$(command -v kamailio || echo /usr/sbin/kamailio)}"
kamcmd_bin="${KAMCMD:-$(command -v kamcmd || echo /usr/sbin/kamcmd)}"

die() {
    echo "run-demo-pbx: $*" >&2
    exit 1
}

# Prints the pid of the running demo PBX, or fails.
running_pid() {
    [[ -r "$pid_file" ]] || return 1
    local pid
    pid="$(tr -dc 0-9 < "$pid_file")"
    [[ -n "$pid" ]] && kill -0 "$pid" 2> /dev/null || return 1
    # Guard against a recycled pid belonging to something else.
    tr '\0' ' ' < "/proc/$pid/cmdline" 2> /dev/null | grep -q "kamailio.*$run_dir/kamailio.cfg" || return 1
    echo "$pid"
}

user_range() {
    local first last
    first="$(awk '!/^#/ && NF >= 2 { print $1; exit }' "$users_file")"
    last="$(awk '!/^#/ && NF >= 2 { u = $1 } END { print u }' "$users_file")"
    echo "$first..$last"
}

listening_line() {
    echo "Demo PBX listening on $address:$port (users $(user_range))"
}

# Writes kamailio.cfg and the db_text tables into the run dir.
render() {
    [[ -r "$data_dir/kamailio.cfg.in" ]] || die "missing $data_dir/kamailio.cfg.in"
    mkdir -p "$run_dir/db"
    chmod 700 "$run_dir"
    sed -e "s|@ADDRESS@|$address|g" -e "s|@PORT@|$port|g" -e "s|@DOMAIN@|$domain|g" \
        -e "s|@DBDIR@|$run_dir/db|g" -e "s|@RUNDIR@|$run_dir|g" \
        -e "s|@MIN_EXPIRES@|10|g" -e "s|@DEFAULT_EXPIRES@|300|g" -e "s|@MAX_EXPIRES@|3600|g" \
        -e "s|@TLS_PORT@|5061|g" -e "s|@TLS_CONFIG@|/dev/null|g" \
        "$data_dir/kamailio.cfg.in" > "$run_dir/kamailio.cfg"
    rm -f "$run_dir"/db/*
    awk -v dir="$run_dir/db" '
        /^# table: / { file = dir "/" $3; printf "" > file; next }
        /^#/ || /^[[:space:]]*$/ { next }
        file != "" { print >> file }
    ' "$data_dir/dbtext.tables"
    awk -v domain="$domain" '
        !/^#/ && NF >= 2 { n++; printf "%d:%s:%s:%s:-:-\n", n, $1, domain, $2 }
    ' "$users_file" >> "$run_dir/db/subscriber"
}

start() {
    local pid
    if pid="$(running_pid)"; then
        echo "Demo PBX already running (pid $pid)"
        listening_line
        return 0
    fi
    [[ -x "$kamailio_bin" ]] || die "kamailio not found (install the kamailio package or set KAMAILIO)"
    render
    rm -f "$pid_file" "$run_dir/kamailio_ctl"
    : > "$log_file"
    # -DD keeps the main process in the foreground; setsid detaches it from
    # this shell and makes it a process group leader, so stop can end all
    # of its children.
    setsid "$kamailio_bin" -f "$run_dir/kamailio.cfg" -DD -E -m 64 -M 8 \
        -w "$run_dir" -Y "$run_dir" -P "$pid_file" -A WITH_PRESENCE \
        < /dev/null >> "$log_file" 2>&1 &
    local launcher=$!

    local deadline=$((SECONDS + 30))
    until [[ -S "$run_dir/kamailio_ctl" ]] && "$kamcmd_bin" -s "$ctl_socket" core.version > /dev/null 2>&1; do
        if ! kill -0 "$launcher" 2> /dev/null; then
            tail -n 30 "$log_file" >&2
            die "kamailio exited during start-up (log: $log_file)"
        fi
        if ((SECONDS >= deadline)); then
            tail -n 30 "$log_file" >&2
            kill -TERM "$launcher" 2> /dev/null || true
            die "kamailio did not answer within 30 s (log: $log_file)"
        fi
        sleep 0.2
    done
    listening_line
    echo "Logs: $log_file"
}

stop() {
    local pid
    if ! pid="$(running_pid)"; then
        echo "Demo PBX not running"
        rm -f "$pid_file"
        return 0
    fi
    kill -TERM "$pid"
    local deadline=$((SECONDS + 10))
    while kill -0 "$pid" 2> /dev/null && ((SECONDS < deadline)); do
        sleep 0.1
    done
    # Whatever is left of the process group (main process and children).
    kill -KILL -- "-$pid" 2> /dev/null || true
    rm -f "$pid_file" "$run_dir/kamailio_ctl"
    echo "Demo PBX stopped"
}

status() {
    local pid
    if pid="$(running_pid)"; then
        echo "Demo PBX running (pid $pid)"
        listening_line
        "$kamcmd_bin" -s "$ctl_socket" ul.dump brief 2> /dev/null | sed -n 's/^[[:space:]]*AoR: /  registered: /p' || true
        return 0
    fi
    echo "Demo PBX not running"
    return 3
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    restart) stop && start ;;
    *)
        echo "usage: $0 [start|stop|status|restart]" >&2
        exit 2
        ;;
esac
