#!/usr/bin/env python3
"""Libre on real text: how often business and marketing mail carries pressure, and how
right the findings are against the annotated development set in eval/realdata/.

Usage: scripts/realdata-eval.py [--libre PATH] [--realdata DIR] [--json]

The real text lives outside the repository: $LIBRE_REALDATA, else ../shared/realdata
(never copied into the repository). Without it, the script prints why and exits 0.

Prints:
  (a) the share of messages with a pressure finding of warning or worse, per corpus and
      overall for business mail (Enron, easy-ham, hard-ham) and marketing spam, and per rule;
      how many raw messages were read as email, and the languages found;
  (b) precision per polarity and rule, and recall per polarity and category, against
      eval/realdata/mail.jsonl (a finding is right when it overlaps a phrase of the same
      polarity that the annotator listed on its lines; see eval/realdata/README.md).
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPORA = {
    "enron": ("business", ["mail/enron"]),
    "easy-ham": ("business", ["mail/spamassassin/easy-ham-1"]),
    "hard-ham": ("business", ["mail/spamassassin/hard-ham-1"]),
    "spam": ("marketing", ["mail/spamassassin/spam-2"]),
}
GATE = {"warning", "error"}


def realdata_dir(given):
    for candidate in [given, os.environ.get("LIBRE_REALDATA"), os.path.join(ROOT, "..", "shared", "realdata")]:
        if candidate and os.path.isdir(candidate):
            return os.path.realpath(candidate)
    return None


def files_under(base, folders):
    found = []
    for folder in folders:
        for directory, _, names in os.walk(os.path.join(base, folder)):
            found += [os.path.join(directory, name) for name in names if name != "LICENSE"]
    return sorted(found)


def analyze(libre, paths):
    """One record per document (`libre analyze -f jsonl`)."""
    with tempfile.NamedTemporaryFile("w", suffix=".list", delete=False) as listing:
        listing.write("\n".join(paths) + "\n")
    try:
        run = subprocess.run(
            [libre, "analyze", "-q", "-f", "jsonl", "--files-from", listing.name],
            capture_output=True, text=True)
    finally:
        os.unlink(listing.name)
    if run.returncode not in (0, 1):
        sys.exit(f"libre analyze failed ({run.returncode}): {run.stderr[-2000:]}")
    records = {}
    for line in run.stdout.splitlines():
        record = json.loads(line)
        if record.get("type") == "document":
            records[os.path.realpath(record["path"])] = record
    return records


def pressure_rules(record):
    return {f["rule"] for f in record["findings"] if f["polarity"] == "pressure" and f["severity"] in GATE}


def shares(base, libre, out):
    totals = collections.defaultdict(lambda: [0, 0])
    per_rule = collections.defaultdict(collections.Counter)
    formats = collections.Counter()
    languages = collections.Counter()
    for name, (kind, folders) in CORPORA.items():
        paths = files_under(base, folders)
        records = analyze(libre, paths)
        hits = 0
        for record in records.values():
            rules = pressure_rules(record)
            hits += bool(rules)
            for rule in rules:
                per_rule[kind][rule] += 1
            formats[record["format"]] += 1
            languages[record["language"] + ("" if not record.get("unsupportedLanguage") else "")] += 1
            for notice in record.get("notices", []):
                if "not supported" in notice.get("message", ""):
                    languages["unsupported"] += 1
        totals[kind][0] += hits
        totals[kind][1] += len(records)
        out["corpora"][name] = {"messages": len(records), "withPressure": hits, "share": hits / max(1, len(records))}
        print(f"  {name:9} {hits:5}/{len(records):5} = {100 * hits / max(1, len(records)):5.1f} % with pressure (warning+)")
    for kind, (hits, count) in totals.items():
        out["kinds"][kind] = {"messages": count, "withPressure": hits, "share": hits / max(1, count)}
        print(f"  {kind.upper():9} {hits:5}/{count:5} = {100 * hits / max(1, count):5.1f} %")
        for rule, n in per_rule[kind].most_common(8):
            print(f"      {100 * n / max(1, count):5.1f} %  {rule}")
    print(f"  formats: {dict(formats)}")
    print(f"  languages: {dict(languages)}")
    out["formats"] = dict(formats)


def overlaps(finding, phrase):
    return finding["line"] <= phrase.get("endLine", phrase["line"]) and phrase["line"] <= finding["endLine"]


def annotated(base, libre, out):
    path = os.path.join(ROOT, "eval", "realdata", "mail.jsonl")
    entries = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    records = analyze(libre, [os.path.join(base, entry["file"]) for entry in entries])
    precision = collections.defaultdict(lambda: [0, 0])  # key -> [right, all]
    recall = collections.defaultdict(lambda: [0, 0])  # key -> [found, all]
    missed_email = 0
    for entry in entries:
        record = records.get(os.path.realpath(os.path.join(base, entry["file"])))
        if record is None:
            continue
        if entry.get("isEmail", True) and record["format"] != "eml":
            missed_email += 1
        kind = "business" if entry["kind"] == "business" else "marketing"
        findings = [f for f in record["findings"] if f["polarity"] in ("pressure", "freedom")]
        for finding in findings:
            right = any(p["polarity"] == finding["polarity"] and overlaps(finding, p) for p in entry["phrases"])
            for key in [(kind, finding["polarity"], "*"), (kind, finding["polarity"], finding["rule"]),
                        ("all", finding["polarity"], "*")]:
                precision[key][0] += right
                precision[key][1] += 1
        for phrase in entry["phrases"]:
            found = any(f["polarity"] == phrase["polarity"] and overlaps(f, phrase) for f in findings)
            for key in [(phrase["polarity"], "*"), (phrase["polarity"], phrase["category"])]:
                recall[key][0] += found
                recall[key][1] += 1
    print(f"  {len(entries)} annotated messages; {missed_email} email(s) not read as email")
    print("  precision (right / findings):")
    for key in sorted(precision, key=lambda k: (k[0], k[1], k[2] != "*", -precision[k][1])):
        right, count = precision[key]
        if key[2] == "*" or count >= 3:
            print(f"    {key[0]:9} {key[1]:8} {key[2]:45} {right:4}/{count:4} = {right / count:.2f}")
    print("  recall (found / phrases):")
    for key in sorted(recall, key=lambda k: (k[0], k[1] != "*", -recall[k][1])):
        found, count = recall[key]
        print(f"    {key[0]:8} {key[1]:16} {found:4}/{count:4} = {found / count:.2f}")
    out["precision"] = {"/".join(k): {"right": v[0], "findings": v[1]} for k, v in precision.items()}
    out["recall"] = {"/".join(k): {"found": v[0], "phrases": v[1]} for k, v in recall.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--libre", default=os.path.join(ROOT, ".build", "release", "libre"))
    parser.add_argument("--realdata")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    base = realdata_dir(args.realdata)
    if base is None:
        print("SKIPPED: no real data (set LIBRE_REALDATA or put it at ../shared/realdata)")
        return
    if not os.access(args.libre, os.X_OK):
        sys.exit(f"no libre binary at {args.libre} (swift build -c release)")
    out = {"corpora": {}, "kinds": {}}
    print("(a) messages with a pressure finding of warning or worse")
    shares(base, args.libre, out)
    print("(b) the annotated development set (eval/realdata/mail.jsonl)")
    annotated(base, args.libre, out)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
