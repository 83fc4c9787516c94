#!/usr/bin/env bash
# Refreshes translations/*.ts from the sources (lupdate over core and app), then
# reports how many Japanese entries still need a translation.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/ensure-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target update_translations
unfinished=$(grep -c 'type="unfinished"' translations/outpost_ja.ts || true)
echo "translations/outpost_ja.ts: ${unfinished} unfinished entries"
[[ "$unfinished" -eq 0 ]]
