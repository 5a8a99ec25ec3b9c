"""Writes a vector file the one way every generator here does (tests/vectors/v2/*.json):
`{"description", "scenario", then "expected", ... or "expected_error_paths"}`, UTF-8, one-space
indent, a final newline."""

import json
import os

ROOT = os.path.join(os.path.dirname(__file__), "..", "vectors")


def write_vector(file, description, scenario, error_paths=None, **members):
    """Writes tests/vectors/v2/<file>: with `error_paths` a fault vector (the paths sorted),
    else a result vector whose members (`expected`, `expected_trace`, `derivation` ...)
    follow in the order given."""
    vector = {"description": description, "scenario": scenario}
    if error_paths is None:
        vector.update(members)
    else:
        vector["expected_error_paths"] = sorted(error_paths)
    os.makedirs(os.path.join(ROOT, "v2"), exist_ok=True)
    with open(os.path.join(ROOT, "v2", file), "w", encoding="utf-8") as f:
        json.dump(vector, f, ensure_ascii=False, indent=1)
        f.write("\n")
