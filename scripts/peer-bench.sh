#!/usr/bin/env bash
# Libre beside its peers, in one run, on one input: a generated folder of sales emails and
# calls (libre-bench --emit-folder, seeded), analyzed by Libre on one core, searched by
# ripgrep and GNU grep for the lexicons' literal phrases (a fixed-string pattern file from
# scripts/phrase-list.py), and checked by proselint. Prints a Markdown table: the best of
# RUNS runs in CPU time (user + system, children included) and in wall time, throughput,
# and each tool's CPU time as a ratio of Libre's. CPU time is the figure to compare on a
# shared machine, where wall time also counts the other processes.
#
#   scripts/peer-bench.sh [SIZE_MB] [RUNS]      (defaults: 10 MB, 3 runs)
#
# Needs a release build (swift build -c release), rg and grep on the PATH, python3; it
# installs proselint into .build/venv when it is missing (pip, from PyPI). Run from the
# repository's root.
set -euo pipefail

size=${1:-10}
runs=${2:-3}
libre=.build/release/libre
bench=.build/release/libre-bench
[ -x "$libre" ] && [ -x "$bench" ] || { echo "peer-bench: build first: swift build -c release" >&2; exit 2; }
command -v rg >/dev/null || { echo "peer-bench: ripgrep (rg) is not installed" >&2; exit 2; }
if [ ! -x .build/venv/bin/proselint ]; then
  python3 -m venv .build/venv
  .build/venv/bin/pip install --quiet proselint
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
input=$work/corpus
"$bench" --emit-folder "$input" --size "$size" >/dev/null
python3 scripts/phrase-list.py >"$work/phrases.txt"
bytes=$(find "$input" -type f -exec cat {} + | wc -c)
files=$(find "$input" -type f | wc -l)

# The best CPU time (user + system) and the best wall time of `runs` runs, in seconds.
best() {
  local cpu="" wall=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%U %S %e' -o "$work/time" "$@" >/dev/null 2>&1 || true
    read -r user system elapsed < <(tail -n 1 "$work/time")
    local used
    used=$(echo "$user + $system" | bc -l)
    if [ -z "$cpu" ] || [ "$(echo "$used < $cpu" | bc -l)" = 1 ]; then cpu=$used; fi
    if [ -z "$wall" ] || [ "$(echo "$elapsed < $wall" | bc -l)" = 1 ]; then wall=$elapsed; fi
  done
  echo "$cpu $wall"
}

read -r libre_cpu libre_wall <<<"$(best "$libre" analyze --jobs 1 --quiet --fail-on none -f jsonl "$input")"
read -r rg_cpu rg_wall <<<"$(best rg -j1 -F -i -c -f "$work/phrases.txt" "$input")"
read -r grep_cpu grep_wall <<<"$(best grep -r -F -i -c -f "$work/phrases.txt" "$input")"
read -r proselint_cpu proselint_wall <<<"$(best .build/venv/bin/proselint check "$input")"

phrases=$(wc -l <"$work/phrases.txt")
echo "Input: $files files, $(echo "scale=1; $bytes / 1000000" | bc -l) MB (libre-bench --emit-folder --size $size, seed 42);"
echo "$phrases literal phrases; best of $runs runs; $(nproc) cores, $(uname -m)."
echo
echo "| tool | what it does | CPU s | wall s | MB/s (CPU) | CPU time ÷ Libre's |"
echo "|---|---|---|---|---|---|"
row() {
  local name=$1 what=$2 cpu=$3 wall=$4
  local floor
  floor=$(echo "if ($cpu < 0.01) 0.01 else $cpu" | bc -l)
  printf '| %s | %s | %.2f | %.2f | %.1f | %.2f |\n' "$name" "$what" "$cpu" "$wall" \
    "$(echo "$bytes / 1000000 / $floor" | bc -l)" "$(echo "$floor / $libre_cpu" | bc -l)"
}
row "\`libre analyze --jobs 1 -f jsonl\`" "reads each email and call, matches the lexicons' patterns (gaps, classes, negation), applies rules and context, scores, writes a record per file" "$libre_cpu" "$libre_wall"
row "\`rg -j1 -F -i -c -f phrases\`" "counts the lines holding one of the literal phrases, case-insensitive" "$rg_cpu" "$rg_wall"
row "\`grep -r -F -i -c -f phrases\`" "the same with GNU grep" "$grep_cpu" "$grep_wall"
row "\`proselint check\`" "general prose lint (Python), its own rules" "$proselint_cpu" "$proselint_wall"
echo
echo "Versions: $("$libre" --version 2>&1 | head -1); $(rg --version | head -1); $(grep --version | head -1); proselint $(.build/venv/bin/proselint version 2>&1 | awk '{print $2}')"
