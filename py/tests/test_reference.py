"""The benchmark's plain-Python baseline (py/bench/reference.py) agrees with samkalk on every
result vector, so that py/bench.py compares like with like."""

import json
import pathlib
import sys
from decimal import Decimal

import pytest

import samkalk
from conftest import VECTORS, load_vector
from test_vectors import _decimalise, compare

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "bench"))
import reference  # noqa: E402


# The baseline knows method version 1 only; tests/reference/pathways.py covers version 2.
@pytest.mark.parametrize("path", [p for p in VECTORS if p.parent.name != "v2" and "expected" in load_vector(p)], ids=lambda p: p.stem)
def test_reference_agrees_with_samkalk(path):
    scenario = load_vector(path)["scenario"]
    ours = reference.calculate(scenario, samkalk.defaults())
    assert compare(_decimalise(json.loads(samkalk.calculate(scenario).to_json())), _decimalise(ours)) == []
