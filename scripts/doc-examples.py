#!/usr/bin/env python3
"""Counts the core's public functions, types and consts with and without a doc example.

An item is `pub fn|struct|enum|trait|type|const|static` (not `pub(crate)`/`pub(super)`) in
core/src; it "has an example" when its doc comment block holds a ``` fence. Methods count
as functions. Usage: python3 scripts/doc-examples.py [--list] [--check]

--list   prints every item without an example.
--check  prints the `fn` and `type` items without an example and exits 1 when there is any
         (consts need none), 0 otherwise.
"""
import re
import sys
from pathlib import Path

ITEM = re.compile(r"^\s*pub\s+(const\s+fn|fn|struct|enum|trait|type|const|static)\s+(\w+)")
KIND = {"const fn": "fn", "fn": "fn", "struct": "type", "enum": "type", "trait": "type", "type": "type", "const": "const", "static": "const"}
rows = []
for path in sorted(Path("core/src").rglob("*.rs")):
    lines = path.read_text().splitlines()
    for i, line in enumerate(lines):
        m = ITEM.match(line)
        if not m:
            continue
        j, doc = i - 1, []
        # Walk back over the doc comment, attributes and plain `//` comments between them.
        while j >= 0 and lines[j].strip().startswith(("///", "#[", "//")):
            if lines[j].strip().startswith("///"):
                doc.append(lines[j])
            j -= 1
        has = any("```" in d for d in doc)
        # The kind is the item's keyword (`pub type Key = Cow<'static, str>` is a type).
        kind = KIND[re.sub(r"\s+", " ", m.group(1))]
        rows.append((str(path), i + 1, kind, m.group(2), has))
for kind in ("fn", "type", "const"):
    k = [r for r in rows if r[2] == kind]
    print(f"{kind:5} with example {sum(r[4] for r in k):4}  without {sum(not r[4] for r in k):4}")
print(f"all   with example {sum(r[4] for r in rows):4}  without {sum(not r[4] for r in rows):4}")
if "--list" in sys.argv:
    for p, n, kind, name, has in rows:
        if not has:
            print(f"{p}:{n} {kind} {name}")
if "--check" in sys.argv:
    missing = [r for r in rows if not r[4] and r[2] in ("fn", "type")]
    for p, n, kind, name, _ in missing:
        print(f"{p}:{n} {kind} {name}: no example in its doc comment", file=sys.stderr)
    if missing:
        print(f"doc-examples: {len(missing)} public fn/type items without an example", file=sys.stderr)
        sys.exit(1)
