#!/usr/bin/env python3
"""Libre on Spark: each partition piped through `libre analyze`, the partials reduced by `libre merge`.

The input is JSON Lines (one document a line, as `libre analyze --stdin-jsonl` reads them) or
a list of files (one path a line, as `--files-from -` reads them). Each partition runs one
`libre analyze … --format jsonl --emit-partial PARTIAL` over its lines; the job collects the
per-document records (in input order) and the partials, then `libre merge` adds the partials
up into the summary one run over every input would print.

    spark-submit libre_spark.py --input calls.jsonl --mode jsonl --output out/
    python3 libre_spark.py --input files.txt --mode files --output out/ --master 'local[2]'

Writes OUT/records.jsonl (document and error records), OUT/partials/part-NNNNN.json and
OUT/summary.txt (`libre merge`'s text), OUT/summary.json (`--format json`).

On a cluster the job is the same: `--libre` must name the binary on every worker (install it
there, or ship it with `spark-submit --files libre` and pass `--libre ./libre`), and in files
mode the paths must be readable from every worker (a shared file system). Options after `--`
go to every `libre analyze` (`-- --lang fr --group-by folder`).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile


def analyze_partition(libre, mode, extra):
    """A mapPartitions function: the partition's lines through one `libre analyze`."""

    def run(index, lines):
        lines = [line for line in lines if line.strip()]
        if not lines:
            return
        source = ["--stdin-jsonl"] if mode == "jsonl" else ["--files-from", "-"]
        with tempfile.TemporaryDirectory(prefix="libre-spark-") as scratch:
            partial = os.path.join(scratch, "partial.json")
            command = [libre, "analyze", *source, "--format", "jsonl", "--quiet", "--fail-on", "none",
                       "--emit-partial", partial, *extra]
            done = subprocess.run(command, input=("\n".join(lines) + "\n").encode("utf-8"), capture_output=True)
            # 2 means some inputs were errors: their records are in the output, the rest went on.
            if done.returncode not in (0, 1, 2) or not os.path.exists(partial):
                raise RuntimeError(f"libre analyze failed on partition {index} (exit {done.returncode}): "
                                   + done.stderr.decode("utf-8", "replace")[-2000:])
            for line in done.stdout.decode("utf-8").splitlines():
                if json.loads(line).get("type") != "summary":
                    yield ("record", line)
            with open(partial, encoding="utf-8") as f:
                yield ("partial", f.read())

    return run


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", required=True, help="JSON Lines, or a list of files (see --mode)")
    parser.add_argument("--mode", choices=("jsonl", "files"), default="jsonl")
    parser.add_argument("--output", required=True, help="folder for records, partials and summary")
    parser.add_argument("--libre", default="libre", help="the libre binary on the workers")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--master", help="e.g. local[2]; default: spark-submit's")
    parser.add_argument("extra", nargs="*", help="options for libre analyze (after --)")
    args = parser.parse_args()

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("libre-analyze")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        lines = spark.sparkContext.textFile(args.input, minPartitions=args.partitions)
        results = lines.mapPartitionsWithIndex(analyze_partition(args.libre, args.mode, args.extra)).collect()
    finally:
        spark.stop()

    os.makedirs(os.path.join(args.output, "partials"), exist_ok=True)
    partials = []
    with open(os.path.join(args.output, "records.jsonl"), "w", encoding="utf-8") as records:
        for kind, text in results:
            if kind == "record":
                records.write(text + "\n")
            else:
                path = os.path.join(args.output, "partials", f"part-{len(partials):05d}.json")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                partials.append(path)
    if not partials:
        sys.exit("no input lines: nothing analyzed")
    # The reduce: exact sums, so the summary is the one a single run prints.
    for form, name in (("text", "summary.txt"), ("json", "summary.json")):
        merged = subprocess.run([args.libre, "merge", "--format", form, *partials], capture_output=True)
        if merged.returncode != 0:
            sys.exit("libre merge failed: " + merged.stderr.decode("utf-8", "replace"))
        with open(os.path.join(args.output, name), "wb") as f:
            f.write(merged.stdout)
    print(f"{len(results) - len(partials)} records from {len(partials)} partitions; summary in "
          f"{os.path.join(args.output, 'summary.txt')}")


if __name__ == "__main__":
    main()
