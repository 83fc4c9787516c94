#!/bin/sh
# Runs one cross-built Qt Test executable under Wine for ctest: wine-test.sh EMULATOR TEST.exe
# [ARGS...]. Under Wine a test's output is no console, and Qt Test then writes its log with
# OutputDebugString, which nobody sees; so the log goes to a file, printed afterwards.
emulator=$1
test=$2
shift 2
log=$(mktemp "${TMPDIR:-/tmp}/outpost-wine-test.XXXXXX")
"$emulator" "$test" "$@" -o "$log,txt"
status=$?
cat "$log"
rm -f "$log"
exit $status
