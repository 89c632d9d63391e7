#!/usr/bin/env python3
"""Every message of a mail folder read through an mbox made of it gives the same results.

Builds an mboxrd file (in a temporary folder, never in the repository) of every file under
REALDATA/mail, then runs `libre analyze --format jsonl` once on the files (named through
--files-from) and once on the mbox, and compares each message's record: score, grade,
counts, findings (rule, line, column, excerpt), group and Message-ID. A file that starts
with an mbox `From ` line keeps it as its separator, so its lines in the mbox message are
one less than in the file; the comparison allows for that offset and nothing else (a note
on the whole document stands on line 1 in both).

Usage: scripts/mbox-equivalence.py [--libre PATH] [--realdata PATH] [--keep]
Exits 0 when every message matches, 1 when one differs, and 0 with a printed reason when
the real data is absent.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

# As MboxSeparator: a sender, then a date with a month's name, a time and a year; the sender
# an address or the date starting with a weekday.
MONTH = rb"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
SEPARATOR = re.compile(
    rb"^From (?:\S*@\S*\s+|\S+\s+(?=(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b))(?=.*\b" + MONTH
    + rb"\b)(?=.*\b\d{1,2}:\d{2}(?::\d{2})?\b)(?=.*\b\d{4}\b)", re.I)
ESCAPED = re.compile(rb"^>*From ", re.M)
DEFAULT_SEPARATOR = b"From MAILER-DAEMON Thu Jan  1 00:00:00 1970\n"


def is_separator(line: bytes) -> bool:
    return SEPARATOR.match(line.rstrip(b"\r")) is not None


def build_mbox(files, path):
    """Writes the mboxrd; returns each message's line offset (1: the file's own From line)."""
    offsets = []
    with open(path, "wb") as out:
        for name in files:
            data = open(name, "rb").read()
            first, _, rest = data.partition(b"\n")
            if is_separator(first):
                out.write(first + b"\n")
                data = rest
                offsets.append(1)
            else:
                out.write(DEFAULT_SEPARATOR)
                offsets.append(0)
            data = ESCAPED.sub(lambda m: b">" + m.group(0), data)
            if not data.endswith(b"\n"):
                data += b"\n"
            out.write(data + b"\n")
    return offsets


def records(libre, arguments):
    run = subprocess.run(
        [libre, "analyze", "--format", "jsonl", "--quiet", *arguments], capture_output=True)
    result = {}
    for line in run.stdout.splitlines():
        record = json.loads(line)
        if record.get("type") in ("document", "error"):
            result[record["path"]] = record
    return result


def comparable(record, offset):
    """The record without its path, its lines made relative to the message (in warnings
    too, which name the input: `PATH:LINE:COLUMN: …`)."""
    record = dict(record)
    path = record.pop("path", None)
    prefix = re.compile(re.escape(path) + r"(?::(\d+))?") if path else None

    def shift(value):
        if isinstance(value, str) and prefix is not None:
            return prefix.sub(
                lambda m: "MESSAGE" + (f":{max(1, int(m.group(1)) - offset)}" if m.group(1) else ""), value)
        if isinstance(value, dict):
            # A note on the whole document stands on line 1 in both.
            return {k: (max(1, v - offset) if k in ("line", "endLine") and isinstance(v, int) else shift(v))
                    for k, v in value.items()}
        if isinstance(value, list):
            return [shift(v) for v in value]
        return value

    return shift(record)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--libre", default=".build/release/libre")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument(
        "--realdata", default=os.environ.get("LIBRE_REALDATA", os.path.join(root, "..", "shared", "realdata")))
    parser.add_argument("--keep", action="store_true", help="keep the temporary mbox")
    args = parser.parse_args()
    mail = os.path.join(args.realdata, "mail")
    if not os.path.isdir(mail):
        print(f"SKIPPED: no real mail at {mail} (set LIBRE_REALDATA)")
        return 0
    files = sorted(
        os.path.join(folder, name)
        for folder, _, names in os.walk(mail)
        for name in names
        if not name.startswith(".") and name.lower() not in ("readme", "readme.md", "license"))
    scratch = tempfile.mkdtemp(prefix="libre-mbox-")
    mbox = os.path.join(scratch, "all.mbox")
    listing = os.path.join(scratch, "files.txt")
    offsets = build_mbox(files, mbox)
    with open(listing, "w", encoding="utf-8") as out:
        out.write("\n".join(files) + "\n")
    by_file = records(args.libre, ["--files-from", listing])
    by_message = records(args.libre, [mbox])
    differing = []
    missing = []
    for number, (name, offset) in enumerate(zip(files, offsets), start=1):
        message = by_message.get(f"{mbox}#{number}")
        single = by_file.get(name)
        if message is None or single is None:
            missing.append((name, message is None, single is None))
            continue
        if comparable(single, offset) != comparable(message, 0):
            differing.append(name)
    print(f"{len(files)} messages: {len(files) - len(differing) - len(missing)} identical, "
          f"{len(differing)} different, {len(missing)} without a record on one side")
    for name in differing[:10]:
        print(f"  different: {name}")
    for name, no_message, no_file in missing[:10]:
        print(f"  missing: {name} ({'mbox' if no_message else ''}{'files' if no_file else ''})")
    if not args.keep:
        os.remove(mbox)
        os.remove(listing)
        os.rmdir(scratch)
    else:
        print(f"kept {mbox}")
    return 1 if differing or missing else 0


if __name__ == "__main__":
    sys.exit(main())
