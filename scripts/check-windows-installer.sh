#!/usr/bin/env bash
# Makes the Windows installer (cpack -G NSIS in build/windows, from scripts/build-windows.sh)
# and checks it under Wine in a fresh, private WINEPREFIX with nothing on WINEPATH, so only
# the installed tree supplies DLLs and plugins:
#   - installs silently (/S) into C:\Program Files\Outpost; the Start-menu shortcut and the
#     Add/Remove Programs entry exist;
#   - every DLL that an installed program, DLL or plugin imports is installed or is a system
#     DLL of Windows (a missing runtime file fails here);
#   - the installed outpost-cli.exe prints its version and does a send-receive against its
#     own sandbox, the password in the Credential Manager, the profile in a folder with a
#     Japanese name;
#   - the installed outpost.exe starts under Xvfb on the real windows platform plugin and
#     draws its window; screenshots in build/windows/installer-check/ (outpost.png, and
#     outpost-ja.png with Japanese chosen in the profile's preferences): look at them;
#   - uninstalls silently; the program's folder, shortcut and registry entry are gone and the
#     user's profile is kept.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
build="$root/build/windows"
if [[ ! -f "$build/CPackConfig.cmake" ]]; then
    echo "Build for Windows first: scripts/build-windows.sh" >&2
    exit 1
fi
fail() {
    echo "installer check FAILED: $*" >&2
    exit 1
}

(cd "$build" && cpack -G NSIS >/dev/null)
installer=$(ls "$build"/Outpost-*-win64.exe)
echo "installer: $(basename "$installer"), $(du -k "$installer" | cut -f1) KiB"

out="$build/installer-check"
rm -rf "$out" && mkdir -p "$out"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/outpost-installer.XXXXXX")
cleanup() {
    WINEPREFIX="$scratch/prefix" wineserver -k 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT
export WINEPREFIX="$scratch/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset WINEPATH WINEQT_PLUGIN_PATH WINEQT_QPA_PLATFORM QT_PLUGIN_PATH DISPLAY
export LANG=C.UTF-8 LC_ALL=C.UTF-8
wineboot -i >/dev/null 2>&1
wineserver -w

echo "== install (/S)"
wine "$installer" /S
wineserver -w
dir="$WINEPREFIX/drive_c/Program Files/Outpost"
bin="$dir/bin"
for f in outpost.exe outpost-cli.exe Qt6Core.dll platforms/qwindows.dll tls/qschannelbackend.dll \
    outpost.ico; do
    [[ -f "$bin/$f" ]] || fail "bin/$f is not installed"
done
[[ -f "$dir/translations/qtbase_ja.qm" ]] || fail "translations/qtbase_ja.qm is not installed"
shortcut=$(find "$WINEPREFIX/drive_c" -path '*Start Menu*' -iname 'Outpost.lnk' | head -n1)
[[ -n "$shortcut" ]] || fail "no Start-menu shortcut"
echo "Start-menu shortcut: ${shortcut#"$WINEPREFIX/drive_c/"}"
uninstall_key='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall'
wine reg query "$uninstall_key" /s 2>/dev/null | tr -d '\r' | grep -q 'DisplayName.*Outpost' ||
    fail "no Add/Remove Programs entry"
[[ -f "$dir/Uninstall.exe" ]] || fail "no uninstaller"

echo "== every imported DLL is installed or a Windows system DLL"
system32="$WINEPREFIX/drive_c/windows/system32"
missing=0
while IFS= read -r -d '' module; do
    while IFS= read -r name; do
        lower=${name,,}
        [[ "$lower" == api-ms-win-* ]] && continue # API sets: part of Windows
        if [[ -n "$(find "$bin" -maxdepth 1 -iname "$name" -print -quit)" ]]; then
            continue
        fi
        if [[ -n "$(find "$system32" -maxdepth 1 -iname "$name" -print -quit)" ]]; then
            continue
        fi
        echo "  ${module#"$dir/"} imports $name, which is not installed" >&2
        missing=1
    done < <(x86_64-w64-mingw32-objdump -p "$module" | sed -n 's/^\s*DLL Name: //p' | tr -d '\r')
done < <(find "$bin" -type f \( -iname '*.exe' -o -iname '*.dll' \) -print0)
[[ $missing -eq 0 ]] || fail "the installed tree lacks DLLs its programs load"
echo "  $(find "$bin" -type f \( -iname '*.exe' -o -iname '*.dll' \) | wc -l) modules checked"

cli="$bin/outpost-cli.exe"
echo "== installed outpost-cli.exe --version"
version=$(wine "$cli" --version | tr -d '\r')
echo "  $version"
[[ "$version" == "outpost-cli "* ]] || fail "outpost-cli --version printed '$version'"

echo "== send-receive against the sandbox (profile in a folder with a Japanese name)"
profile="$scratch/プロファイル/送受信"
sandbox_profile="$scratch/sandbox"
ports=$(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(" ".join(str(x.getsockname()[1]) for x in s))')
read -r pop_port smtp_port <<<"$ports"
wine "$cli" sandbox --profile "$sandbox_profile" --pop-port "$pop_port" --smtp-port "$smtp_port" \
    >"$out/sandbox.log" 2>&1 &
sandbox=$!
for _ in $(seq 1 60); do
    grep -q "sandbox is running" "$out/sandbox.log" 2>/dev/null && break
    sleep 0.5
done
grep -q "sandbox is running" "$out/sandbox.log" || fail "the sandbox did not start: $(cat "$out/sandbox.log")"
wine "$cli" --profile "$profile" account add sandbox --address demo@sandbox.invalid \
    --pop-host 127.0.0.1 --pop-port "$pop_port" --pop-user demo \
    --smtp-host 127.0.0.1 --smtp-port "$smtp_port" --interval 0 >/dev/null
echo demo | wine "$cli" --profile "$profile" account password sandbox --password-stdin >/dev/null
wine "$cli" --profile "$profile" queue sandbox --to friend@example.com --subject "件名 Hello" \
    --body "本文です。" >/dev/null
status=0
wine "$cli" --profile "$profile" send-receive sandbox --verbose >"$out/send-receive.log" 2>&1 ||
    status=$?
kill "$sandbox" 2>/dev/null || true
wineserver -k 2>/dev/null || true # the sandbox's Windows process too
wait "$sandbox" 2>/dev/null || true
[[ $status -eq 0 ]] || fail "send-receive exited with $status: $(cat "$out/send-receive.log")"
grep -q "SMTP accepted a message" "$out/sandbox.log" || fail "the sandbox accepted no message"
echo "  $(grep "SMTP accepted a message" "$out/sandbox.log" | head -n1 | tr -d '\r')"
[[ -d "$profile" ]] || fail "the profile folder with the Japanese name was not made"

echo "== installed outpost.exe under Xvfb (windows platform plugin)"
# The console runs above started Wine's desktop process without a display; a new Wine
# session (wineserver) starts with the X display of each Xvfb.
wineserver -k 2>/dev/null || true
wineserver -w
# shoot PROFILE FILE: starts outpost.exe, waits until its window is drawn (more than a few
# colours on the screen; a fresh Wine prefix takes a while the first time), takes the shot.
shoot() {
    xvfb-run -a -s '-screen 0 1280x800x24' bash -c '
        wine "$0" --profile "$1" & app=$!
        drawn=0
        for _ in $(seq 1 30); do
            sleep 2
            kill -0 $app 2>/dev/null || break
            import -window root "$2"
            if [[ $(/usr/bin/convert "$2" -format %k info:) -gt 16 ]]; then drawn=1; break; fi
        done
        sleep 2; import -window root "$2"   # once more, when it has settled
        kill -0 $app 2>/dev/null || drawn=0
        wineserver -k 2>/dev/null; wait $app 2>/dev/null; wineserver -w
        [[ $drawn -eq 1 ]]' "$bin/outpost.exe" "$1" "$2" ||
        fail "outpost.exe did not show its window under Xvfb ($2)"
    echo "  screenshot: ${2#"$root/"}"
}
shoot "$scratch/gui-profile" "$out/outpost.png"
# Japanese: the language chosen in the program's preferences (this machine has no ja_JP
# locale for Wine to take the Windows locale from).
mkdir -p "$scratch/gui-profile-ja"
printf '[General]\nlanguage=ja\n' >"$scratch/gui-profile-ja/gui.ini"
shoot "$scratch/gui-profile-ja" "$out/outpost-ja.png"

# What the program writes for this user (MailtoHandler, Autostart: the same values), so that
# the uninstaller is seen to remove them.
exe_win=$(winepath -w "$bin/outpost.exe" | tr -d '\r')
wine reg add 'HKCU\Software\Classes\mailto\shell\open\command' /ve /d "\"$exe_win\" \"%1\"" /f >/dev/null
wine reg add 'HKCU\Software\Microsoft\Windows\CurrentVersion\Run' /v Outpost /d "\"$exe_win\"" /f >/dev/null
wine reg query 'HKCU\Software\Classes\mailto\shell\open\command' >/dev/null 2>&1 ||
    fail "could not write the mailto registration to check its removal"

echo "== uninstall (/S)"
wine "$dir/Uninstall.exe" /S
wineserver -w
sleep 2
wineserver -w
[[ ! -e "$bin/outpost.exe" ]] || fail "outpost.exe is still installed"
left=$(find "$dir" -type f 2>/dev/null | head -n5 || true)
[[ -z "$left" ]] || fail "files are left in Program Files: $left"
[[ -z "$(find "$WINEPREFIX/drive_c" -path '*Start Menu*' -iname 'Outpost.lnk')" ]] ||
    fail "the Start-menu shortcut is left"
if wine reg query "$uninstall_key" /s 2>/dev/null | tr -d '\r' | grep -q 'DisplayName.*Outpost'; then
    fail "the Add/Remove Programs entry is left"
fi
if wine reg query 'HKCU\Software\Classes\mailto' >/dev/null 2>&1; then
    fail "the mailto: registration is left, pointing at the removed program"
fi
if wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Run' /v Outpost >/dev/null 2>&1; then
    fail "the start-at-login entry is left"
fi
[[ -d "$profile" ]] || fail "the user's profile was removed"
echo "installer check passed: installed, ran, sent through the sandbox, uninstalled; the profile stays"
