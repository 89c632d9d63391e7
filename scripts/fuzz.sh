#!/usr/bin/env bash
# Runs one libFuzzer harness of Fuzz/ for a bounded time.
#
#   scripts/fuzz.sh TARGET SECONDS     e.g. scripts/fuzz.sh eml 600
#   scripts/fuzz.sh --list             the targets
#   scripts/fuzz.sh --build            build every harness (then FUZZ_SKIP_BUILD=1 for each run)
#
# Builds Fuzz/ in debug with -sanitize=fuzzer,address (linked with lld), seeds a working
# corpus under Fuzz/.build/fuzz/TARGET/ from Fuzz/seeds/TARGET/ and corpora/ (plus the shared fixtures
# at ../shared/fixtures or $LIBRE_FIXTURES for the loaders, read in place, never copied),
# and runs the fuzzer under `nice` with its output in Fuzz/.build/fuzz/TARGET.log (a file,
# not a pipe: libFuzzer's symbolizer can hold a pipe open). Prints the final stats line.
# Exit 0: no crash, leak or timeout; 1: the fuzzer found one (the input is under
# Fuzz/.build/fuzz/artifacts/); 2: usage; 3: the toolchain cannot build fuzzers (skipped).
# FUZZ_SKIP_BUILD=1 reuses the last build. FUZZ_ARGS adds libFuzzer flags.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
TARGETS=(tokenizer pattern lexicon config eml html markdown transcript pipeline http lsp)

usage() {
  echo "usage: scripts/fuzz.sh TARGET SECONDS (targets: ${TARGETS[*]})" >&2
  exit 2
}

WORK="$ROOT/Fuzz/.build/fuzz"
BUILD_FLAGS=(-c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)

# build [PRODUCT…]: builds the harnesses; exit 3 when the toolchain has no libFuzzer.
build() {
  local log="$WORK/build.log" products=()
  for product in "$@"; do products+=(--product "$product"); done
  mkdir -p "$WORK"
  if ! (cd Fuzz && swift build "${BUILD_FLAGS[@]}" "${products[@]}") >"$log" 2>&1; then
    if grep -qiE "unsupported option.*sanitize|sanitize=fuzzer.*(not supported|unsupported)|clang_rt\.fuzzer.*(not found|No such file)|unable to find.*fuzzer|invalid linker name.*lld" \
      "$log"; then
      echo "SKIPPED: this toolchain cannot build with -sanitize=fuzzer (see $log)"
      exit 3
    fi
    tail -n 30 "$log" >&2
    echo "fuzz.sh: the build of the fuzz harnesses failed (log: $log)" >&2
    exit 1
  fi
}

case "${1:-}" in
  --list)
    printf '%s\n' "${TARGETS[@]}"
    exit 0
    ;;
  --build)
    build
    echo "built: ${TARGETS[*]}"
    exit 0
    ;;
esac
[ $# -eq 2 ] || usage
TARGET="$1"
SECONDS_TO_RUN="$2"
[[ " ${TARGETS[*]} " == *" $TARGET "* ]] || usage
[[ "$SECONDS_TO_RUN" =~ ^[0-9]+$ ]] || usage
mkdir -p "$WORK/$TARGET" "$WORK/artifacts"
if [ "${FUZZ_SKIP_BUILD:-0}" != 1 ]; then build "fuzz-$TARGET"; fi
BINARY="$(cd Fuzz && swift build "${BUILD_FLAGS[@]}" --show-bin-path)/fuzz-$TARGET"
[ -x "$BINARY" ] || {
  echo "fuzz.sh: no $BINARY" >&2
  exit 1
}

# Read-only seed folders after the working corpus: the committed hand-made seeds, the
# project's own corpora and lexicons for the targets that read them (in place, not copied
# into Fuzz/seeds), then the shared fixtures. libFuzzer reads seed folders recursively.
SEEDS=()
add_seeds() {
  local folder
  for folder in "$@"; do
    if [ -d "$ROOT/$folder" ]; then SEEDS+=("$ROOT/$folder"); fi
  done
}
# A target's hand-made folder may be absent (git keeps no empty folder): only existing ones.
add_seeds "Fuzz/seeds/$TARGET"
case "$TARGET" in
  tokenizer) add_seeds corpora ;;
  lexicon) add_seeds lexicons/en lexicons/fr ;;
  eml) add_seeds corpora/en/eml corpora/fr/eml ;;
  html) add_seeds corpora/en/html corpora/fr/html ;;
  markdown) add_seeds corpora/en/markdown corpora/fr/markdown corpora/en/templates corpora/fr/templates ;;
  transcript) add_seeds corpora/en/calls corpora/fr/calls corpora/en/transcripts corpora/fr/transcripts ;;
  pipeline)
    add_seeds corpora Fuzz/seeds/eml Fuzz/seeds/html Fuzz/seeds/markdown Fuzz/seeds/transcript Fuzz/seeds/tokenizer
    ;;
esac
FIXTURES="${LIBRE_FIXTURES:-$ROOT/../shared/fixtures}"
if [ -d "$FIXTURES" ]; then
  case "$TARGET" in
    eml | pipeline) SEEDS+=("$FIXTURES/emails") ;;
  esac
  case "$TARGET" in
    transcript | pipeline) SEEDS+=("$FIXTURES/transcripts") ;;
  esac
fi

# A target's dictionary (Fuzz/dicts/TARGET.dict: keywords such as the suppression syntax and
# rule globs) lets mutations reach the parsers behind them.
DICT=()
if [ -f "$ROOT/Fuzz/dicts/$TARGET.dict" ]; then DICT=(-dict="$ROOT/Fuzz/dicts/$TARGET.dict"); fi

LOG="$WORK/$TARGET.log"
# -timeout: one input taking 30 s is a hang (a 64 KiB input takes about 2 s under ASan, more
# when the fuzzer, at nice 10, shares the cores with builds); -rss_limit_mb: one using 2 GB
# is a memory bomb.
# -max_len 64 KiB lets whole emails and transcripts through (libFuzzer's default would be
# the largest seed's size); -detect_leaks stays on (ASan's default on Linux).
# Swift's own crash backtracer would race libFuzzer's handler (and trip ASan); libFuzzer reports.
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$ROOT/Fuzz/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
nice -n 10 "$BINARY" "$WORK/$TARGET" "${SEEDS[@]}" \
  -max_total_time="$SECONDS_TO_RUN" -timeout=30 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix="$WORK/artifacts/$TARGET-" -print_final_stats=1 "${DICT[@]}" ${FUZZ_ARGS:-} >"$LOG" 2>&1
STATUS=$?
grep -E '^#[0-9]+.*cov: ' "$LOG" | tail -n 1
grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb|new_units_added)' "$LOG"
if [ "$STATUS" -ne 0 ]; then
  grep -E 'ERROR: |SUMMARY: |Test unit written|invariant broken|Fatal error' "$LOG" | head -n 10 >&2
  echo "fuzz.sh: fuzz-$TARGET found a problem (exit $STATUS); log: $LOG" >&2
  exit 1
fi
echo "fuzz-$TARGET: no crash, leak or timeout in ${SECONDS_TO_RUN}s (log: $LOG)"
