#!/usr/bin/env python3
"""Measures Libre on real conversations: who the rep is, hesitations, what answers them.

Runs the built `libre analyze -f jsonl` over the call folders of the real-data set
(../shared/realdata/calls, or $LIBRE_REALDATA/calls) and prints, per corpus:

- the rep found correctly (%), as the files are labelled, and again with every speaker
  label replaced by a neutral name ("Alex", "Sam", in a random order per file), so that no
  label (Seller, Persuader…) can decide the role: only behaviour;
- hesitations found, and pressure / freedom after hesitation found;
- against eval/realdata/call-hesitations.jsonl when it exists: hesitation recall and
  precision (by the prospect's turn), and pressure-after-hesitation recall and precision
  (by the hesitation's turn it answers), over the dialogues annotated there.

The real rep: `Persuader` in p4g-speaker-lines, `Seller` in craigslistbargain-speaker-lines.

usage: scripts/calls-bench.py [--libre PATH] [--realdata DIR] [--gold FILE] [--half even|odd|all]
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time

REPS = {"p4g-speaker-lines": "Persuader", "craigslistbargain-speaker-lines": "Seller"}
LABEL = re.compile(r"^([A-Za-z][A-Za-z ]{0,30}):", re.M)
AFTER_PRESSURE = "pressure.after-hesitation.next-turn"
AFTER_FREEDOM = "freedom.after-hesitation.next-turn"


def default_realdata():
    env = os.environ.get("LIBRE_REALDATA")
    if env:
        return env
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "..", "shared", "realdata"))


def default_libre():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, ".."))
    out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=root, capture_output=True, text=True)
    return os.path.join(out.stdout.strip(), "libre")


def run_libre(libre, paths):
    """One record per path (by path), and the wall time."""
    with tempfile.NamedTemporaryFile("w", suffix=".list", delete=False) as listing:
        listing.write("\n".join(paths) + "\n")
    started = time.time()
    out = subprocess.run(
        [libre, "analyze", "-q", "-f", "jsonl", "--files-from", listing.name],
        capture_output=True, text=True)
    elapsed = time.time() - started
    os.unlink(listing.name)
    records = {}
    for line in out.stdout.splitlines():
        record = json.loads(line)
        if record.get("type") == "document":
            records[record["path"]] = record
    return records, elapsed


def neutral_copies(paths, folder, rep_label, seed=24):
    """Copies with the labels replaced by neutral names; returns (copy paths, rep name by copy)."""
    rng = random.Random(seed)
    copies, rep_of = [], {}
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        names = ["Alex", "Sam"]
        rng.shuffle(names)
        mapping = {}
        for label in LABEL.findall(text):
            if label not in mapping:
                mapping[label] = names[len(mapping)] if len(mapping) < 2 else "Pat%d" % len(mapping)
        text = LABEL.sub(lambda m: mapping[m.group(1)] + ":", text)
        copy = os.path.join(folder, os.path.basename(os.path.dirname(path)) + "-" + os.path.basename(path))
        with open(copy, "w", encoding="utf-8") as handle:
            handle.write(text)
        copies.append(copy)
        rep_of[copy] = mapping.get(rep_label)
    return copies, rep_of


def role_accuracy(records, rep_of):
    # A call read as plain text has no roles: that counts as a miss.
    right = sum(1 for path, rep in rep_of.items()
                if (records.get(path) or {}).get("roles") and records[path]["roles"]["rep"] == [rep])
    return right, len(rep_of)


def moments(record):
    """(hesitation lines, pressure-after lines by hesitation line, freedom-after ...)."""
    findings = record.get("findings", [])
    hesitations = {f["line"] for f in findings if f["polarity"] == "hesitation"}
    pressured, freed = set(), set()
    for finding in findings:
        if finding["rule"] in (AFTER_PRESSURE, AFTER_FREEDOM):
            # The moment is keyed by the hesitation it answers: the last one before it.
            before = [line for line in hesitations if line < finding["line"]]
            key = max(before) if before else finding["line"]
            (pressured if finding["rule"] == AFTER_PRESSURE else freed).add(key)
    return hesitations, pressured, freed


def turn_of(path):
    """Line number → first line of its turn (a turn is a run of one speaker's lines)."""
    starts, current, speaker = {}, 0, None
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            label = LABEL.match(line)
            name = label.group(1) if label else speaker
            if name != speaker:
                current, speaker = number, name
            starts[number] = current
    return starts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--libre")
    parser.add_argument("--realdata", default=default_realdata())
    parser.add_argument("--gold", default=os.path.join(os.path.dirname(__file__), "..", "eval", "realdata",
                                                       "call-hesitations.jsonl"))
    parser.add_argument("--misses", action="store_true", help="print the annotated hesitations and pressure not found")
    parser.add_argument("--half", choices=["even", "odd", "all"], default="all",
                        help="files at even or odd positions (sorted), to check a rule on the half it was not tuned on")
    args = parser.parse_args()
    libre = args.libre or default_libre()
    calls = os.path.join(args.realdata, "calls")
    if not os.path.isdir(calls):
        print("calls-bench: skipped: no real data at %s (set LIBRE_REALDATA)" % calls)
        return 0
    gold = []
    if os.path.exists(args.gold):
        with open(args.gold, encoding="utf-8") as handle:
            gold = [json.loads(line) for line in handle if line.strip()]
    totals = {"hes_gold": 0, "hes_found": 0, "press_gold": 0, "press_found": 0, "press_flagged": 0,
              "press_right": 0, "hes_flagged": 0, "hes_right": 0}
    for corpus, rep_label in REPS.items():
        folder = os.path.join(calls, corpus)
        paths = sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".txt"))
        if args.half != "all":
            paths = paths[(0 if args.half == "even" else 1)::2]
        records, elapsed = run_libre(libre, paths)
        labelled = role_accuracy(records, {path: rep_label for path in paths})
        with tempfile.TemporaryDirectory() as scratch:
            copies, rep_of = neutral_copies(paths, scratch, rep_label)
            neutral_records, _ = run_libre(libre, copies)
            neutral = role_accuracy(neutral_records, rep_of)
        hesitation_count = pressured_count = freed_count = 0
        for record in records.values():
            hesitations, pressured, freed = moments(record)
            hesitation_count += len(hesitations)
            pressured_count += len(pressured)
            freed_count += len(freed)
        print("%s: %d calls in %.1fs" % (corpus, len(paths), elapsed))
        print("  rep found: %.1f%% as labelled (%d/%d), %.1f%% with neutral labels (%d/%d)" % (
            100.0 * labelled[0] / max(1, labelled[1]), labelled[0], labelled[1],
            100.0 * neutral[0] / max(1, neutral[1]), neutral[0], neutral[1]))
        print("  hesitations found: %d; pressure after hesitation: %d; freedom after hesitation: %d" % (
            hesitation_count, pressured_count, freed_count))
        # Against the annotations of this corpus's files (judged on the labelled run).
        # Every annotated dialogue has a {"dialogue": true} line, so one without a hesitation
        # counts too (for precision); each hesitation has its own line with its "kind".
        by_file = {}
        for entry in gold:
            if entry["file"].startswith("calls/" + corpus + "/"):
                entries = by_file.setdefault(os.path.join(args.realdata, entry["file"]), [])
                if "kind" in entry:
                    entries.append(entry)
        for path, entries in by_file.items():
            if path not in records:
                continue
            starts = turn_of(path)
            hesitations, pressured, _ = moments(records[path])
            found_turns = {starts.get(line, line) for line in hesitations}
            gold_turns = {starts.get(e["line"], e["line"]) for e in entries}
            totals["hes_gold"] += len(gold_turns)
            totals["hes_found"] += len(gold_turns & found_turns)
            totals["hes_flagged"] += len(found_turns)
            totals["hes_right"] += len(found_turns & gold_turns)
            gold_pressed = {starts.get(e["line"], e["line"]) for e in entries if e.get("answer") == "pressure"}
            flagged = {starts.get(line, line) for line in pressured}
            totals["press_gold"] += len(gold_pressed)
            totals["press_found"] += len(gold_pressed & flagged)
            totals["press_flagged"] += len(flagged)
            totals["press_right"] += len(flagged & gold_pressed)
            if args.misses:
                lines = open(path, encoding="utf-8").read().split("\n")
                for entry in entries:
                    turn = starts.get(entry["line"], entry["line"])
                    if turn not in found_turns:
                        print("  missed %s: %s" % (entry["kind"], lines[entry["line"] - 1][:160]))
                    elif entry.get("answer") == "pressure" and turn not in flagged:
                        print("  unflagged pressure: %s" % lines[(entry.get("answerLine") or 1) - 1][:160])
                for turn in sorted(found_turns - gold_turns):
                    print("  extra hesitation: %s" % lines[turn - 1][:160])
                for turn in sorted(flagged - gold_pressed):
                    print("  extra pressure after line %d: %s" % (turn, path[-30:]))
    if gold:
        def ratio(a, b):
            return "%.2f (%d/%d)" % (a / b, a, b) if b else "n/a"
        dialogues = sum(1 for entry in gold if entry.get("dialogue"))
        moments_annotated = sum(1 for entry in gold if "kind" in entry)
        print("annotated: %d dialogues, %d hesitations (%s)" % (dialogues, moments_annotated, os.path.relpath(args.gold)))
        print("  hesitation recall %s, precision %s" % (
            ratio(totals["hes_found"], totals["hes_gold"]), ratio(totals["hes_right"], totals["hes_flagged"])))
        print("  pressure after hesitation recall %s, precision %s" % (
            ratio(totals["press_found"], totals["press_gold"]), ratio(totals["press_right"], totals["press_flagged"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
