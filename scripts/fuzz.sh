#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (the "fuzz" preset) and runs each for a
# bounded time: OUTPOST_FUZZ_SECONDS per target (default 15), starting from the
# checked-in corpus. New corpus entries go to a scratch folder, not the tree.
# Exits non-zero when a fuzzer finds a crash, a leak or undefined behaviour.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${OUTPOST_FUZZ_SECONDS:-15}"
if ! command -v clang++ >/dev/null 2>&1; then
    echo "fuzz: clang++ is not installed; skipping the libFuzzer runs (the replay tests still run)"
    exit 0
fi
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
work=$(mktemp -d "${TMPDIR:-/tmp}/outpost-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
shopt -s nullglob
status=0
for fuzzer in build/fuzz/tests/fuzz/fuzz_*; do
    [[ -x "$fuzzer" && -f "$fuzzer" ]] || continue
    name=$(basename "$fuzzer")
    mkdir -p "$work/$name"
    cp -r "tests/fuzz/corpus/$name/." "$work/$name/" 2>/dev/null || true
    if "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$work/$name-" "$work/$name" >"$work/$name.log" 2>&1; then
        echo "fuzz: $name: $(grep -Eo 'Done [0-9]+ runs' "$work/$name.log" | tail -1 || echo done) in ${seconds}s, no findings"
    else
        echo "fuzz: $name FOUND A PROBLEM:" >&2
        tail -40 "$work/$name.log" >&2
        for artifact in "$work/$name"-*; do
            mkdir -p build/fuzz-findings && cp "$artifact" build/fuzz-findings/
            echo "  reproducer saved: build/fuzz-findings/$(basename "$artifact")" >&2
        done
        status=1
    fi
done
exit $status
