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
    [tst_credentials_nokeychain]="makes the keychain missing by pointing D-Bus (the Secret Service) nowhere; on Windows QtKeychain uses the Credential Manager, which has no such switch: the premise is Linux-only"
    [tst_accountnokeychain]="the same missing-keychain premise (D-Bus pointed nowhere) for the account dialog; the Credential Manager is always there on Windows"
)

# Failing under Wine for a reason not found yet: left out so that the rest gates CI, printed on
# every run, and not a limitation of Wine until shown to be one.
declare -A unexplained=()

# Test functions skipped inside a test under Wine for a limitation of Wine that a minimal
# program in tests/wine/ shows without Qt; each is run here and its finding printed.
declare -A reproduced=(
    [wsa_fdclose]="tst_sandbox_faults disconnectMidData(BDAT): a reset that arrives while Qt has the socket deselected is never reported (WSAAsyncSelect does not post FD_CLOSE for it), so the session ends only by its command timeout"
)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/outpost-wine.XXXXXX")
proxy=""
cleanup() {
    [[ -n "$proxy" ]] && kill "$proxy" 2>/dev/null || true
    WINEPREFIX="$scratch/prefix" wineserver -k 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT
export WINEPREFIX="$scratch/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
export LANG=C.UTF-8 LC_ALL=C.UTF-8
# Wine passes no QT_* variable on to a Windows program: WINEQT_X arrives there as QT_X.
export QT_QPA_PLATFORM=offscreen WINEQT_QPA_PLATFORM=offscreen
export WINEPATH="$qt/bin;$qt/mingw-runtime"
export WINEQT_PLUGIN_PATH="$qt/plugins"
wineboot -i >/dev/null 2>&1
wineserver -w
# One wine server for the whole run, started before the tests with its system processes
# (services, explorer): otherwise the first test starts them, and in three full runs out of
# three that first test (tst_profile, done in 20 ms) then hung on its way out.
wineserver -p
wine cmd.exe /c exit >/dev/null 2>&1 || true

# A TLS server for tst_cycle_schannel: a Qt TLS server cannot handshake under Wine, so a Linux
# program wraps the test's plain sandbox in TLS (tests/wine/tls_proxy.py; loopback, free ports).
mkdir -p "$scratch/tls"
python3 tests/wine/tls_proxy.py "$scratch/tls" &
proxy=$!
export OUTPOST_WINE_TLS_DIR="Z:$scratch/tls"

exclude=""
if [[ ${#skipped[@]} -gt 0 ]]; then
    echo "Not run under Wine:"
    for pattern in "${!skipped[@]}"; do
        echo "  $pattern: ${skipped[$pattern]}"
        exclude+="${exclude:+|}$pattern"
    done
fi
if [[ ${#unexplained[@]} -gt 0 ]]; then
    echo "NOT RUN, failing under Wine for a reason not found yet:"
    for pattern in "${!unexplained[@]}"; do
        echo "  $pattern: ${unexplained[$pattern]}"
        exclude+="${exclude:+|}$pattern"
    done
fi
if [[ ${#reproduced[@]} -gt 0 ]]; then
    echo "Skipped inside tests for a limitation of Wine, with the reproduction's finding:"
    for program in "${!reproduced[@]}"; do
        echo "  ${reproduced[$program]}"
        finding=$(wine "$build/$program.exe" 2>&1 | tr -d '\r') && status=0 || status=$?
        echo "$finding" | sed 's/^/    /'
        if [[ $status -eq 0 ]]; then
            echo "    $program: Wine now behaves as Windows documents: run the skipped test again." >&2
            exit 1
        fi
    done
fi
echo "Differs under Wine, and how the tests cope: Wine 8.0 fails GenerateConsoleCtrlEvent(CTRL_BREAK_EVENT) to a process group (ERROR_INVALID_HANDLE) but delivers CTRL_C_EVENT to it, which Windows does not; tst_cli_cycle stops outpost-cli run with whichever is delivered. Wine's crypt32 takes its Root store from the host's trust files only (a CA added to the user's Root store is not used), and its Schannel ignores CA certificates from QSslConfiguration: tst_cycle_schannel runs its TLS cycle with a pinned certificate."
echo "Test functions skipped inside a test under Wine print SKIP with their reason (ctest -V)."
total=$(ctest --test-dir "$build" -N ${exclude:+-E "$exclude"} "$@" | sed -n 's/^Total Tests: //p')
echo "== running ${total:-0} Windows tests under $(wine --version)"
log="$scratch/ctest.log"
if ctest --test-dir "$build" --output-on-failure -j "$(nproc)" --timeout 600 \
    ${exclude:+-E "$exclude"} "$@" 2>&1 | tee "$log"; [[ ${PIPESTATUS[0]} -eq 0 ]]; then
    exit 0
fi
# A Wine process sometimes does not exit after its test has finished (seen with
# tst_scheduler and tst_cli_accounts: every function passed, "Totals: … 0 failed" printed,
# then the process hung until ctest's timeout; not reproduced on demand). Such a test, and
# only such a test, is run once more, and said so; any other failure fails the run.
failed=$(sed 's/^[0-9]*://' "$build/Testing/Temporary/LastTestsFailed.log")
for name in $failed; do
    block=$(awk -v n="$name" '$0 ~ "Test +#[0-9]+: " n " " {on=1} on && /Finished testing/ {print; exit} on {print}' "$log")
    if ! grep -q '\*\*\*Timeout' <<<"$block" || ! grep -Eq 'Totals: [0-9]+ passed, 0 failed' <<<"$block"; then
        echo "test-windows: $name failed (not an exit hang): not run again." >&2
        exit 1
    fi
done
echo "EXIT HANG under Wine (all functions passed, the process did not exit), run once more: $failed"
ctest --test-dir "$build" --output-on-failure --timeout 600 --rerun-failed
