#!/usr/bin/env bash
# Takes the README's screenshots under Xvfb: the main window (inbox and outbox), the compose
# window, the account settings dialog, the first-run page and the sandbox demo's log, in English and Japanese, into
# docs/screenshots/. Uses a demo profile in a temporary folder (nothing is sent anywhere).
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default: build/asan)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
build=${1:-build/asan}
app="$root/$build/app/gui/outpost"
cli="$root/$build/app/cli/outpost-cli"
out="$root/docs/screenshots"
[[ -x "$app" && -x "$cli" ]] || { echo "build Outpost first ($app)" >&2; exit 2; }
mkdir -p "$out"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/outpost-shots.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/run" "$scratch/home"
chmod 700 "$scratch/run"
export XDG_RUNTIME_DIR="$scratch/run" HOME="$scratch/home"
export ASAN_OPTIONS=detect_leaks=0
unset DBUS_SESSION_BUS_ADDRESS

# A profile with one account, some received mail and some messages waiting.
demo="$scratch/demo"
"$cli" account add "Home (nifty)" --profile "$demo" --address taro@example.ne.jp \
    --pop-host pop.example.ne.jp --pop-user taro --smtp-host smtp.example.ne.jp \
    --interval 10 >/dev/null
# No check at start-up: the pictures show a quiet account, not a connection attempt.
sed -i 's/^check_at_startup=true/check_at_startup=false/' "$demo/outpost.ini"
id=$("$cli" account list --profile "$demo" --json | sed -n 's/.*"id": *"\([^"]*\)".*/\1/p' | head -1)
maildir="$demo/accounts/$id/inbox"
mkdir -p "$maildir/new" "$maildir/cur" "$maildir/tmp"
b64() { printf '%s' "$1" | base64 -w0; }
mail() { # folder from subject date body; named as a Maildir delivery at that date
    local file
    file="$1/$(date -d "$4" +%s).M0P1Q${RANDOM}.demo"
    [[ $1 == cur ]] && file+=":2,S"
    printf 'From: %s\r\nTo: Taro Yamada <taro@example.ne.jp>\r\nSubject: =?UTF-8?B?%s?=\r\nDate: %s\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n%s\r\n' \
        "$2" "$(b64 "$3")" "$4" "$5" >"$maildir/$file"
}
mail new "=?UTF-8?B?$(b64 '鈴木 花子')?= <hanako@example.jp>" "来週の打ち合わせについて" \
    "Mon, 23 Nov 2026 09:12:00 +0900" \
    "山田さん

来週の打ち合わせは火曜日の 14 時からでいかがでしょうか。
資料は前日までにお送りします。

鈴木"
mail cur "Outpost sandbox <postmaster@example.com>" "Your monthly statement" \
    "Fri, 20 Nov 2026 18:40:00 +0900" "Your statement for November is ready."
mail cur "Ken Watanabe <ken@example.org>" "Photos from the trip" \
    "Wed, 18 Nov 2026 21:05:00 +0900" "Here are the photos from Kyoto."
"$cli" queue "$id" --profile "$demo" --to "hanako@example.jp" \
    --subject "Re: 来週の打ち合わせについて" --body "火曜日の 14 時で大丈夫です。" >/dev/null
"$cli" queue "$id" --profile "$demo" --to "Ken Watanabe <ken@example.org>" \
    --subject "Thank you for the photos" --body "They are lovely." >/dev/null

shoot() { # lang suffix profile names...
    local lang=$1 suffix=$2 profile=$3
    shift 3
    local args=()
    for name in "$@"; do args+=(--screenshot "$name=$out/$name$suffix.png"); done
    LANG=$lang LC_ALL=$lang LANGUAGE= xvfb-run -a -s '-screen 0 1280x800x24' \
        "$app" --profile "$profile" "${args[@]}"
}
for lang in en_US.UTF-8:"" ja_JP.UTF-8:-ja; do
    suffix=${lang#*:}
    lang=${lang%%:*}
    shoot "$lang" "$suffix" "$demo" main outbox compose settings
    rm -rf "$scratch/empty"
    shoot "$lang" "$suffix" "$scratch/empty" welcome
    rm -rf "$scratch/empty"
    shoot "$lang" "$suffix" "$scratch/empty" sandbox
done
ls -1 "$out"
