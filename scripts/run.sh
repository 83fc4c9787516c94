#!/usr/bin/env bash
# Builds Outpost (Release, Ninja) and starts the desktop program. Arguments are
# passed on to it, e.g. scripts/run.sh --profile /tmp/demo-profile
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/ensure-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
exec build/release/app/gui/outpost "$@"
