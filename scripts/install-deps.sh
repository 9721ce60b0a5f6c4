#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
#
# Installs everything Offhook needs to build, run its demo and run its tests on Debian 12.
# Usage: scripts/install-deps.sh [--runtime-only]
set -euo pipefail

build_packages=(
    build-essential cmake ninja-build pkg-config git ccache
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
    libqt6svg6 qt6-qpa-plugins qtkeychain-qt6-dev
    libsofia-sip-ua-dev portaudio19-dev libopus-dev libspeexdsp-dev libwebrtc-audio-processing-dev
    libsrtp2-dev libsndfile1-dev
)
# Checks: the pinned formatter, clang-tidy, and clang with its sanitizer runtimes for the ASan/TSan builds.
check_packages=(clang-14 libclang-rt-14-dev clang-format-14 clang-tidy-14)
# Real peers for the demo and the tests: Kamailio (registrar, presence, routing), sipp, baresip;
# nftables and iproute2 build the NAT network of namespaces the network tests run in; coturn is its STUN server.
peer_packages=(
    kamailio kamailio-presence-modules kamailio-tls-modules kamailio-utils-modules
    sip-tester baresip openssl nftables iproute2 coturn
)
test_packages=(xvfb xauth imagemagick xdotool trayer dbus-x11 tshark file dpkg-dev desktop-file-utils appstream)

packages=("${peer_packages[@]}")
if [[ "${1:-}" != "--runtime-only" ]]; then
    packages+=("${build_packages[@]}" "${check_packages[@]}" "${test_packages[@]}")
fi

sudo_cmd=()
if [[ "$(id -u)" -ne 0 ]]; then
    sudo_cmd=(sudo)
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2> /dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
    echo "install-deps: everything is installed"
    exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# tshark asks whether non-root users may capture; answer no without a prompt.
echo "wireshark-common wireshark-common/install-setuid boolean false" | "${sudo_cmd[@]}" debconf-set-selections || true
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
