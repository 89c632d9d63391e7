#!/usr/bin/env python3
"""Recall of the built `libre` on the phrase set in eval/phrases, per category and language.

Each eval/phrases/LANG.jsonl line is {"text", "polarity", "category"}. The phrases of a
language are linted as one text file, one phrase per paragraph, and each finding is mapped
back to its phrase by line. A phrase counts as found when a finding of its polarity starts
on its line; shouting findings (capitals, "!!", emoji) do not count, since they say nothing
about the words.

    scripts/phrase-recall.py [--binary PATH] [--dir FOLDER] [--misses] [--json]

--dir reads FOLDER/en.jsonl and FOLDER/fr.jsonl instead (another phrase set, same format).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LANGUAGES = ("en", "fr")
IGNORED_CATEGORIES = {"shouting"}


def default_binary():
    for configuration in ("release", "debug"):
        path = os.path.join(ROOT, ".build", configuration, "libre")
        if os.path.exists(path):
            return path
    sys.exit("phrase-recall: error: no built libre under .build (run swift build) or pass --binary")


def load(folder, language):
    path = os.path.join(folder, f"{language}.jsonl")
    phrases = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            phrase = json.loads(line)
            if phrase.get("polarity") not in ("pressure", "freedom") or "\n" in phrase["text"]:
                sys.exit(f"phrase-recall: error: {path}:{number}: need one-line text and polarity pressure|freedom")
            phrases.append(phrase)
    return phrases


def found_lines(binary, language, phrases):
    """Lints the phrases as paragraphs; returns {line: set of (polarity, rule)} of the findings."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write("\n\n".join(phrase["text"] for phrase in phrases) + "\n")
        path = handle.name
    try:
        output = subprocess.run(
            [binary, "lint", "-f", "json", "--lang", language, "--fail-on", "none", path],
            capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(path)
    lines = defaultdict(set)
    for document in json.loads(output)["documents"]:
        for finding in document["findings"]:
            if finding["category"] not in IGNORED_CATEGORIES:
                lines[finding["line"]].add((finding["polarity"], finding["rule"]))
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=None)
    parser.add_argument("--dir", default=os.path.join(ROOT, "eval", "phrases"), help="folder of en.jsonl and fr.jsonl")
    parser.add_argument("--misses", action="store_true", help="list the phrases not found")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    arguments = parser.parse_args()
    binary = arguments.binary or default_binary()

    results = {}
    for language in LANGUAGES:
        phrases = load(arguments.dir, language)
        lines = found_lines(binary, language, phrases)
        table = defaultdict(lambda: [0, 0])
        for index, phrase in enumerate(phrases):
            line = 1 + 2 * index
            hit = any(polarity == phrase["polarity"] for polarity, _ in lines.get(line, ()))
            for key in (phrase["category"], "all " + phrase["polarity"]):
                table[key][0] += hit
                table[key][1] += 1
            if arguments.misses and not hit:
                print(f"miss {language} {phrase['category']}: {phrase['text']}", file=sys.stderr)
        results[language] = dict(table)

    if arguments.json:
        print(json.dumps(results, indent=2, sort_keys=True))
        return
    keys = sorted({key for table in results.values() for key in table}, key=lambda k: (k.startswith("all "), k))
    print(f"{'category':<20}" + "".join(f"{language:>14}" for language in LANGUAGES))
    for key in keys:
        cells = []
        for language in LANGUAGES:
            hit, total = results[language].get(key, (0, 0))
            cells.append(f"{hit:>3}/{total:<3} {hit / total if total else 0:>5.0%}" if total else "-")
        print(f"{key:<20}" + "".join(f"{cell:>14}" for cell in cells))


if __name__ == "__main__":
    main()
