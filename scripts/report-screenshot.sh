#!/bin/sh
# Builds libre, writes the HTML report of the bundled corpora and takes a screenshot of it
# in headless Chromium (Debian: apt-get install -y chromium) to docs/report.png.
#   scripts/report-screenshot.sh [REPORT_HTML] [SCREENSHOT_PNG]
set -eu
cd "$(dirname "$0")/.."
report=${1:-/tmp/libre-report.html}
shot=${2:-docs/report.png}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "report-screenshot: no Chromium found (apt-get install -y chromium)" >&2
  exit 2
fi
swift build -c release --product libre >&2
bin=$(swift build -c release --show-bin-path)/libre
# analyze exits 1 when --fail-on trips (the corpora hold pushy examples): not an error here.
"$bin" analyze corpora --format html --quiet --fail-on none -o "$report"
mkdir -p "$(dirname "$shot")"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot="$shot" \
  --window-size=1280,2000 "file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")" 2>/dev/null
echo "report: $report · screenshot: $shot" >&2
