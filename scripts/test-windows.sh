#!/usr/bin/env bash
# Runs the Windows build's tests (build/windows, from scripts/build-windows.sh) under Wine,
# through ctest's cross-compiling emulator: a private, throw-away WINEPREFIX, a fixed locale,
# the Qt DLLs and the MinGW runtime on WINEPATH, the offscreen platform. Tests that cannot
# run under Wine are listed below with the reason and left out; the count that ran is
# printed. Extra arguments go to ctest (e.g. -R outbox).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
build="$root/build/windows"
qt=${OUTPOST_WINDOWS_QT:-$root/build/toolchain/qt6-mingw}
if [[ ! -f "$build/CTestTestfile.cmake" || ! -d "$qt/bin" ]]; then
    echo "Build for Windows first: scripts/build-windows.sh" >&2
    exit 1
fi

# Not run under Wine, and why (a ctest regular expression each).
declare -A skipped=(
)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/outpost-wine.XXXXXX")
cleanup() {
    WINEPREFIX="$scratch/prefix" wineserver -k 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT
export WINEPREFIX="$scratch/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
export LANG=C.UTF-8 LC_ALL=C.UTF-8
export QT_QPA_PLATFORM=offscreen
export WINEPATH="$qt/bin;$qt/mingw-runtime"
export QT_PLUGIN_PATH="$qt/plugins"
wineboot -i >/dev/null 2>&1
wineserver -w

exclude=""
if [[ ${#skipped[@]} -gt 0 ]]; then
    echo "Not run under Wine:"
    for pattern in "${!skipped[@]}"; do
        echo "  $pattern: ${skipped[$pattern]}"
        exclude+="${exclude:+|}$pattern"
    done
fi
total=$(ctest --test-dir "$build" -N ${exclude:+-E "$exclude"} "$@" | sed -n 's/^Total Tests: //p')
echo "== running ${total:-0} Windows tests under $(wine --version)"
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" --timeout 600 \
    ${exclude:+-E "$exclude"} "$@"
