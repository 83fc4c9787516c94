#!/usr/bin/env bash
# Runs Outpost's benchmarks at full size and writes a Markdown table (bench-results.md, or
# the file given as the first argument): round trips through a 100 ms delay proxy, bulk
# send, the idle cost of outpost-cli run, the local relay against Postfix's smtpd (all against
# a real Dovecot and Postfix on
# loopback: needs root), a 100 MB message sent and received (against the sandbox), and the
# desktop program's start-up time and idle cost with 10,000 + 10,000 messages (under Xvfb).
# Builds a Release tree with the benchmarks in build/bench. Extra options for
# tests/bench/bench_wire.py come from BENCH_WIRE_ARGS (e.g. "--runs 5 --rtt-ms 100").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
out=$(realpath -m "${1:-bench-results.md}")
scripts/ensure-deps.sh

cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON \
    -DOUTPOST_SANITIZE=OFF >/dev/null
cmake --build build/bench --target outpost outpost-cli bench_fill bench_bigmessage bench_smtpclient

{
    echo "# Outpost benchmarks"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -sr)," \
        "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
} >"$out"

echo "== Big message (100 MB, sandbox on loopback)"
{
    echo "### Big message (100 MB through Outpost's SMTP and POP3 clients, sandbox server)"
    echo
    echo '```'
    build/bench/tests/bench/bench_bigmessage --size-mb 100
    echo '```'
    echo
} | tee -a "$out"

# The real servers and the keychain (outpost-cli keeps the password there): a private D-Bus
# session with a throw-away gnome-keyring, as scripts/test.sh does.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/outpost-bench.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/run"
chmod 700 "$scratch/run"
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
keyring_pw=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
export keyring_pw root out BENCH_WIRE_ARGS="${BENCH_WIRE_ARGS:-}"
echo "== Desktop program: start-up and idle (Xvfb)"
(
    unset DBUS_SESSION_BUS_ADDRESS
    export QT_QPA_PLATFORM=xcb
    xvfb-run -a -s '-screen 0 1280x800x24' python3 tests/bench/bench_gui.py \
        --gui build/bench/app/gui/outpost --cli build/bench/app/cli/outpost-cli \
        --fill build/bench/tests/bench/bench_fill --markdown "$out"
    # The same with every outbox message to be sent later, over a month (send later).
    xvfb-run -a -s '-screen 0 1280x800x24' python3 tests/bench/bench_gui.py \
        --gui build/bench/app/gui/outpost --cli build/bench/app/cli/outpost-cli \
        --fill build/bench/tests/bench/bench_fill --planned-days 30 --markdown "$out"
)

echo "== Round trips, idle, bulk send (real Dovecot and Postfix)"
dbus-run-session -- bash -c '
    set -euo pipefail
    echo -n "$keyring_pw" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
    unset keyring_pw
    set +e
    python3 "$root/tests/bench/bench_wire.py" --cli "$root/build/bench/app/cli/outpost-cli" \
        --fill "$root/build/bench/tests/bench/bench_fill" \
        --smtpclient "$root/build/bench/tests/bench/bench_smtpclient" --markdown "$out" $BENCH_WIRE_ARGS
    rc=$?
    if [[ $rc -eq 77 ]]; then
        echo "(skipped: the real-server benchmarks need root)" | tee -a "$out"
        rc=0
    fi
    exit $rc
' 2> >(grep -v "Failed to set fd limit" >&2)
echo
echo "Results: $out"
