#!/usr/bin/env python3
"""Print the literal phrases of Libre's lexicons, one a line: the patterns without
operators (alternatives, options, gaps, prefixes, classes, kinds), for a raw multi-phrase
search with `rg -F -i -f` as the speed reference of BENCHMARKS.md."""
import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "lexicons")
special = set("()[]*@<>|\\")
phrases = set()
for path in sorted(root.glob("*/*.json")):
    if path.name == "language.json":
        continue
    for rule in json.loads(path.read_text(encoding="utf-8")).get("rules", []):
        for pattern in rule.get("patterns", []):
            if not special.intersection(pattern):
                phrases.add(pattern.strip())
for phrase in sorted(phrases):
    print(phrase)
