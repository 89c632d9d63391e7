#!/usr/bin/env bash
# The Spark example (examples/spark/libre_spark.py) in Spark's local mode over the bundled
# corpora: its merged summary must equal a single `libre analyze` run's, byte for byte.
#
# Installs pyspark from PyPI into a virtual environment under .build (SPARK_VENV) and uses
# the system's Java (Debian's JDK; apt-get installs a headless JRE when there is none).
# Skips with the reason, exit 0, only when neither can be had. LIBRE names the binary
# (default .build/release/libre).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
LIBRE="${LIBRE:-$ROOT/.build/release/libre}"
VENV="${SPARK_VENV:-$ROOT/.build/spark-venv}"

[ -x "$LIBRE" ] || { echo "no $LIBRE: build it first (swift build -c release)" >&2; exit 2; }

if ! command -v java >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
  $SUDO apt-get install -y -qq default-jre-headless >/dev/null 2>&1 || true
fi
if ! command -v java >/dev/null 2>&1; then
  echo "SKIPPED: no Java runtime, and apt-get could not install default-jre-headless"
  exit 0
fi
if ! [ -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import pyspark' 2>/dev/null; then
  python3 -m venv "$VENV" >/dev/null 2>&1 \
    && "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check pyspark >/dev/null 2>&1 || true
fi
if ! "$VENV/bin/python" -c 'import pyspark' 2>/dev/null; then
  echo "SKIPPED: pyspark could not be installed from PyPI into $VENV"
  exit 0
fi
echo "java: $(java -version 2>&1 | head -n 1); pyspark $("$VENV/bin/python" -c 'import pyspark; print(pyspark.__version__)')"

SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
# The single run, and the inputs it took (the walker's choice: the job gets the same files).
"$LIBRE" analyze -q --fail-on none corpora >"$SCRATCH/single.txt"
"$LIBRE" analyze -q --fail-on none -f jsonl corpora | python3 -c '
import json, sys
for line in sys.stdin:
    record = json.loads(line)
    if record.get("type") in ("document", "error"):
        print(record["path"])
' >"$SCRATCH/files.txt"
echo "$(wc -l <"$SCRATCH/files.txt") inputs from corpora/"

"$VENV/bin/python" examples/spark/libre_spark.py --input "$SCRATCH/files.txt" --mode files \
  --output "$SCRATCH/out" --libre "$LIBRE" --partitions 3 --master 'local[2]' 2>"$SCRATCH/spark.log" \
  || { tail -n 40 "$SCRATCH/spark.log"; exit 1; }

if ! cmp -s "$SCRATCH/single.txt" "$SCRATCH/out/summary.txt"; then
  diff "$SCRATCH/single.txt" "$SCRATCH/out/summary.txt" | head -n 40
  echo "FAILED: the Spark job's merged summary differs from a single run's" >&2
  exit 1
fi
records=$(wc -l <"$SCRATCH/out/records.jsonl")
[ "$records" -eq "$(wc -l <"$SCRATCH/files.txt")" ] || { echo "FAILED: $records records for $(wc -l <"$SCRATCH/files.txt") inputs" >&2; exit 1; }
echo "ok  the Spark job's merged summary equals a single run's, byte for byte ($records records, 3 partitions)"
