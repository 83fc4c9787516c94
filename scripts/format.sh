#!/usr/bin/env bash
# Formats every C++ source in the repository with .clang-format.
# With --check, changes nothing and fails when a file is not formatted.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.h' | sort -u)
[[ ${#files[@]} -eq 0 ]] && exit 0
if [[ "${1:-}" == "--check" ]]; then
    clang-format --dry-run --Werror "${files[@]}"
    echo "${#files[@]} files formatted correctly"
else
    clang-format -i "${files[@]}"
fi
