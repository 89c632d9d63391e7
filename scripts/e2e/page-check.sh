#!/usr/bin/env bash
# Opens libre serve's page in headless Chromium with an email in the link (#text=…), checks
# that the rendered page highlights findings and shows a score, and writes a screenshot.
# Usage: scripts/e2e/page-check.sh LIBRE_BINARY SCREENSHOT.png
# Exit 3 when no Chromium is installed (the caller decides whether to skip).
set -euo pipefail
libre="$1"
screenshot="$2"
browser="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$browser" ] || exit 3
log="$(mktemp)"
"$libre" serve --port 0 2>"$log" &
server=$!
trap 'kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 50); do
  grep -q 'listening on' "$log" && break
  sleep 0.1
done
port="$(sed -n 's|.*listening on http://[^:]*:\([0-9]*\)/.*|\1|p' "$log")"
[ -n "$port" ] || { cat "$log"; echo "libre serve did not start" >&2; exit 1; }
url="http://127.0.0.1:$port/#text=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.stdin.read()))' <<'MAIL'
Subject: Quick question about your renewal

Hi Amélie,

I know you're busy, so I'll keep this short. Our spring offer ends this Friday, and only 3 spots are left — you need to reply today to lock in the price.

If now isn't the right time, no problem at all: it's entirely your call, and I'm happy to send the details so you can decide later.

Best,
Sam
MAIL
)"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1000 --virtual-time-budget=5000)
dom="$("$browser" "${flags[@]}" --dump-dom "$url" 2>/dev/null)"
grep -q '<mark class="pressure"' <<<"$dom" || { echo "the page highlighted no pressure finding" >&2; exit 1; }
grep -q 'id="score">[0-9]*/100<' <<<"$dom" || { echo "the page shows no score" >&2; exit 1; }
"$browser" "${flags[@]}" --screenshot="$screenshot" "$url" >/dev/null 2>&1
[ -s "$screenshot" ] || { echo "no screenshot written" >&2; exit 1; }
echo "ok  the page highlights findings and shows the score in Chromium; screenshot: $screenshot"
