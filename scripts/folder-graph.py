#!/usr/bin/env python3
"""Prints which folder of a target uses types declared in which other folder; fails on a cycle.

The folders of a target are its layers (docs/architecture.md): each may use the ones below it,
never one above, so the graph must have no cycle. A textual scan: a folder uses another when
one of its files names a type (struct, class, enum, protocol, actor, typealias) declared at the
top level of a file of the other. A nested type is not counted: its name (`Kind`, `Entry`) is
often reused elsewhere, and a use from outside names the type it is nested in anyway.
Comments and string literals are left out first.

    scripts/folder-graph.py [TARGET_DIR] [-v]     (default Sources/LibreKit; -v: which names)

Exit status 1 on a cycle, with the names that close it.
"""
import os
import re
import sys

arguments = [argument for argument in sys.argv[1:] if argument != "-v"]
verbose = "-v" in sys.argv[1:]
root = arguments[0] if arguments else "Sources/LibreKit"
declaration = re.compile(
    r"^(?:(?:@\w+|public|package|internal|fileprivate|private|final|indirect|nonisolated)"
    r"(?:\([^)]*\))?\s+)*(?:struct|class|enum|protocol|actor|typealias)\s+([A-Za-z_]\w*)",
    re.M,
)
type_name = re.compile(r"\b[A-Z]\w*\b")


def without_comments_and_strings(source):
    source = re.sub(r'"""[\s\S]*?"""', '""', source)
    source = re.sub(r"/\*[\s\S]*?\*/", "", source)
    source = re.sub(r"//[^\n]*", "", source)
    return re.sub(r'"(?:\\.|[^"\\\n])*"', '""', source)


files = {}
for directory, _, names in os.walk(root):
    for name in sorted(names):
        if name.endswith(".swift"):
            path = os.path.join(directory, name)
            with open(path, encoding="utf-8") as handle:
                files[path] = (os.path.relpath(directory, root), without_comments_and_strings(handle.read()))

# The folder of each top-level type, by where it is declared first.
home = {}
for path, (folder, text) in sorted(files.items()):
    for name in declaration.findall(text):
        home.setdefault(name, folder)

uses = {}
for path, (folder, text) in sorted(files.items()):
    for name in sorted(set(type_name.findall(text))):
        other = home.get(name)
        if other is not None and other != folder:
            uses.setdefault(folder, {}).setdefault(other, []).append(f"{os.path.basename(path)} → {name}")

for folder in sorted(uses):
    print(f"{folder} → {', '.join(sorted(uses[folder]))}")
    if verbose:
        for other, names in sorted(uses[folder].items()):
            print(f"    {other}: {'; '.join(names)}")

# Depth-first search; an edge back to a folder on the stack closes a cycle.
cycles = []
finished = set()


def visit(folder, stack):
    stack.append(folder)
    for other in sorted(uses.get(folder, {})):
        if other in stack:
            cycles.append((stack[stack.index(other):] + [other], uses[folder][other]))
        elif other not in finished:
            visit(other, stack)
    stack.pop()
    finished.add(folder)


for folder in sorted({folder for folder, _ in files.values()}):
    if folder not in finished:
        visit(folder, [])

sys.stdout.flush()
for cycle, names in cycles:
    print(f"folder-graph: cycle {' → '.join(cycle)} (closed by {'; '.join(names)})", file=sys.stderr)
if cycles:
    sys.exit(1)
print(f"folder-graph: no cycle between the folders of {root}")
