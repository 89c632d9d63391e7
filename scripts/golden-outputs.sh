#!/usr/bin/env bash
# Records what `libre` prints over `corpora/` in every output format, or compares it with a
# recording: the check that a change meant to keep behaviour (a refactoring, a move of code
# between targets) keeps every byte of every report.
#
#   scripts/golden-outputs.sh record  DIR [BINARY]   write the outputs into DIR
#   scripts/golden-outputs.sh compare DIR [BINARY]   write them again and diff with DIR
#
# BINARY defaults to .build/release/libre. Run from the repository's root.
set -euo pipefail

mode=${1:?usage: golden-outputs.sh record|compare DIR [BINARY]}
dir=${2:?usage: golden-outputs.sh record|compare DIR [BINARY]}
libre=${3:-.build/release/libre}
[ -x "$libre" ] || { echo "golden-outputs: $libre is not built (swift build -c release)" >&2; exit 2; }

lint_formats="text json jsonl csv sarif github junit checkstyle markdown"
analyze_formats="text csv jsonl json html"

# One run: the report and the exit code, stderr apart (it holds warnings, which are output too).
# A fixed SOURCE_DATE_EPOCH, so the date `analyze` prints in its HTML does not differ between
# a recording and a comparison made a minute apart.
run() {
  local name=$1
  shift
  local code=0
  NO_COLOR=1 GITHUB_STEP_SUMMARY= SOURCE_DATE_EPOCH=1767225600 "$libre" "$@" >"$out/$name.out" 2>"$out/$name.err" || code=$?
  echo "$code" >"$out/$name.code"
}

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for format in $lint_formats; do
  run "lint-$format" lint --fail-on none -f "$format" corpora
  run "lint-explain-$format" lint --fail-on none --explain-suppressed -f "$format" corpora
done
for format in $analyze_formats; do
  run "analyze-$format" analyze --jobs 2 --quiet -f "$format" corpora
done
run "eval-text" eval corpora
run "eval-json" eval -f json corpora

case "$mode" in
  record)
    rm -rf "$dir"
    mkdir -p "$dir"
    cp "$out"/* "$dir"/
    echo "golden-outputs: recorded $(ls "$dir" | wc -l) files in $dir"
    ;;
  compare)
    if diff -r "$dir" "$out" >/dev/null; then
      echo "golden-outputs: $(ls "$dir" | wc -l) files identical to $dir"
    else
      diff -r "$dir" "$out" | head -40
      echo "golden-outputs: outputs differ from $dir" >&2
      exit 1
    fi
    ;;
  *) echo "golden-outputs: unknown mode '$mode' (record, compare)" >&2; exit 2 ;;
esac
