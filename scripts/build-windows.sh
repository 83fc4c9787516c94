#!/usr/bin/env bash
# Cross-builds Outpost for 64-bit Windows with MinGW-w64 into build/windows: outpost.exe,
# outpost-cli.exe and the tests (run them with scripts/test-windows.sh, under Wine).
#
# Qt for Windows comes from the toolchain archive qt6-mingw-w64.tar.xz (Qt 6.4.2 with
# Qt5Compat and QtKeychain, built for x86_64-w64-mingw32). It is looked for at
# $OUTPOST_WINDOWS_QT_ARCHIVE, else ../shared/toolchains/ beside the repository; it is
# unpacked once into build/toolchain/ (its .sha256 checked). OUTPOST_WINDOWS_QT may name an
# unpacked prefix instead. Extra arguments go to cmake --build (e.g. --target outpost-cli).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
start=$SECONDS

scripts/ensure-deps.sh
scripts/ensure-deps.sh scripts/packages-windows.txt

if [[ -z "${OUTPOST_WINDOWS_QT:-}" ]]; then
    archive=${OUTPOST_WINDOWS_QT_ARCHIVE:-$root/../shared/toolchains/qt6-mingw-w64.tar.xz}
    prefix="$root/build/toolchain/qt6-mingw"
    if [[ ! -f "$prefix/.unpacked" ]]; then
        if [[ ! -f "$archive" ]]; then
            echo "The Qt for Windows archive is not at $archive." >&2
            echo "Set OUTPOST_WINDOWS_QT_ARCHIVE to qt6-mingw-w64.tar.xz, or OUTPOST_WINDOWS_QT" >&2
            echo "to an unpacked prefix (see ../shared/toolchains/README.md)." >&2
            exit 1
        fi
        if [[ -f "$archive.sha256" ]]; then
            want=$(cut -d' ' -f1 "$archive.sha256")
            have=$(sha256sum "$archive" | cut -d' ' -f1)
            if [[ "$want" != "$have" ]]; then
                echo "$archive does not match its .sha256 ($have, expected $want)." >&2
                exit 1
            fi
        fi
        rm -rf "$prefix"
        mkdir -p "$root/build/toolchain"
        tar -C "$root/build/toolchain" -xJf "$archive"
        touch "$prefix/.unpacked"
    fi
    export OUTPOST_WINDOWS_QT="$prefix"
fi

cmake --preset windows >/dev/null
cmake --build --preset windows "$@"
echo "== Windows build (MinGW-w64) took $(( (SECONDS - start) / 60 )) min $(( (SECONDS - start) % 60 )) s"
