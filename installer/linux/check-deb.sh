#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Offhook contributors
#
# Builds the .deb from a finished build, unpacks it and checks what a user gets: `offhook --version`
# runs from the unpacked tree and prints the version; the desktop file, AppStream metainfo and icon are
# there and valid (when desktop-file-validate / appstreamcli are installed).
#   installer/linux/check-deb.sh BUILD_DIR VERSION
set -euo pipefail
build_dir="$(cd "$1" && pwd)"
version="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/out" > "$work/cpack.log" 2>&1 || {
    cat "$work/cpack.log" >&2
    echo "check-deb: cpack failed" >&2
    exit 1
}
deb="$(find "$work/out" -maxdepth 1 -name 'offhook_*.deb' | head -n 1)"
[[ -n "$deb" ]] || { echo "check-deb: no .deb produced" >&2; exit 1; }
echo "check-deb: built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

dpkg-deb --info "$deb" > "$work/info"
grep -q "^ Package: offhook$" "$work/info" || { echo "check-deb: wrong package name" >&2; exit 1; }
grep -q "^ Version: $version$" "$work/info" || { echo "check-deb: version is not $version" >&2; exit 1; }
grep -q "^ Depends: .*libqt6widgets6" "$work/info" || { echo "check-deb: Depends lacks Qt Widgets" >&2; cat "$work/info" >&2; exit 1; }

dpkg-deb -x "$deb" "$work/root"
for file in usr/bin/offhook \
    usr/share/applications/org.offhook.Offhook.desktop \
    usr/share/metainfo/org.offhook.Offhook.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/org.offhook.Offhook.svg; do
    [[ -f "$work/root/$file" ]] || { echo "check-deb: $file missing from the package" >&2; exit 1; }
done

output="$(env -u DISPLAY -u WAYLAND_DISPLAY "$work/root/usr/bin/offhook" --version)"
[[ "$output" == "offhook $version" ]] || { echo "check-deb: --version printed '$output'" >&2; exit 1; }
echo "check-deb: unpacked offhook --version: $output"

if command -v desktop-file-validate > /dev/null; then
    desktop-file-validate "$work/root/usr/share/applications/org.offhook.Offhook.desktop"
fi
if command -v appstreamcli > /dev/null; then
    appstreamcli validate --no-net "$work/root/usr/share/metainfo/org.offhook.Offhook.metainfo.xml" > /dev/null
fi
echo "check-deb: ok"
