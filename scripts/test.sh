#!/usr/bin/env bash
# Builds Outpost in Debug with AddressSanitizer and UndefinedBehaviorSanitizer and runs
# the whole test suite: offscreen GUI, a private XDG_RUNTIME_DIR and HOME, and a private
# D-Bus session with a freshly unlocked gnome-keyring, so keychain tests use the real
# Secret Service. Extra arguments go to ctest (e.g. -L unit, -R smtp).
# Exits non-zero on any failure; ctest's summary is the last thing printed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
start=$SECONDS
scripts/ensure-deps.sh
cmake --preset asan >/dev/null
cmake --build --preset asan
echo "== build (ASan+UBSan) took $(( (SECONDS - start) / 60 )) min $(( (SECONDS - start) % 60 )) s"
# The libFuzzer runs come first, so ctest's summary (with its own total time) stays the
# last thing printed.
start=$SECONDS
scripts/fuzz.sh
echo "== fuzzers took $(( (SECONDS - start) / 60 )) min $(( (SECONDS - start) % 60 )) s"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/outpost-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/run"
chmod 700 "$scratch/run"
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run"
export QT_QPA_PLATFORM=offscreen
export OUTPOST_TEST_SCRATCH="$scratch"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS

# A keyring password made up for this run; the keyring lives in the scratch HOME.
keyring_pw=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
export keyring_pw root
dbus-run-session -- bash -c '
    set -euo pipefail
    echo -n "$keyring_pw" | gnome-keyring-daemon --unlock --components=secrets \
        >"$OUTPOST_TEST_SCRATCH/keyring.log" 2>&1
    unset keyring_pw
    ctest --test-dir "$root/build/asan" --output-on-failure -j "$(nproc)" --timeout 600 "$@"
' bash "$@"
