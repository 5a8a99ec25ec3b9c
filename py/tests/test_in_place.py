"""A plain scenario dict is read in place (py/src/node.rs), without building a tree; any other
input, and any invalid one, is walked into a tree as before. Both readings must give the same
result or the same faults: checked on every vector and on generated changes of the main
example, against the walked reading (an OrderedDict is never read in place)."""

import _pydecimal
import gc
import json
import random
from collections import OrderedDict
from decimal import Decimal
from enum import IntEnum

import pytest
from conftest import ROOT, VECTORS

import samkalk
from samkalk._samkalk import reads_in_place


def outcome(scenario):
    """The result's JSON text, or the faults (path, code, message) of a ScenarioError."""
    try:
        return samkalk.calculate(scenario).to_json()
    except samkalk.ScenarioError as e:
        return [(f["path"], f["code"], f["message_en"]) for f in e.errors]


def walked(tree):
    """The same document as OrderedDicts all the way down: read only by walking."""
    if isinstance(tree, dict):
        return OrderedDict((k, walked(v)) for k, v in tree.items())
    if isinstance(tree, list):
        return [walked(v) for v in tree]
    return tree


def plain(path, parse_float=float):
    # As a user's json.load gives it: floats for JSON's fractions (or Decimals).
    return json.loads(path.read_text(encoding="utf-8"), parse_float=parse_float)["scenario"]


@pytest.mark.parametrize("parse_float", [float, Decimal])
@pytest.mark.parametrize("path", VECTORS, ids=lambda p: p.name if p.parent.name != "v2" else f"v2/{p.name}")
def test_every_vector_reads_alike_in_place_and_walked(path, parse_float):
    scenario = plain(path, parse_float)
    invalid = "expected_error_paths" in json.loads(path.read_text(encoding="utf-8"))
    # Valid vectors take the in-place reading; invalid ones fall back to the walker.
    assert reads_in_place(scenario) is not invalid
    assert outcome(scenario) == outcome(walked(scenario))


def main():
    return plain(ROOT / "tests" / "vectors" / "002.json")


def leaves(tree, at=()):
    if isinstance(tree, dict):
        for k, v in tree.items():
            yield from leaves(v, at + (k,))
    elif isinstance(tree, list):
        for i, v in enumerate(tree):
            yield from leaves(v, at + (i,))
    else:
        yield at


REPLACEMENTS = [None, True, False, 0, 7, -3, 2**70, 0.5, 1e300, "", "0.25", "abc", "0,6", [], {}, ["0.1"], {"x": 1}, "AM2", "work"]
REPLACEMENTS += [Decimal("0.25"), Decimal("2E+1"), Decimal("NaN"), Decimal("-0"), Decimal("1e-30")]


def test_generated_changes_read_alike_in_place_and_walked():
    rng = random.Random(20261204)
    base = main()
    spots = list(leaves(base))
    in_place = 0
    for _ in range(400):
        tree = json.loads(json.dumps(base))
        for _ in range(rng.choice([1, 1, 2])):
            at = rng.choice(spots)
            node = tree
            for step in at[:-1]:
                node = node[step]
            if rng.random() < 0.15 and isinstance(node, dict):
                node.pop(at[-1], None)
            elif rng.random() < 0.1 and isinstance(node, dict):
                node["unknown_" + str(at[-1])] = 1
            else:
                node[at[-1]] = rng.choice(REPLACEMENTS)
        in_place += reads_in_place(tree)
        assert outcome(tree) == outcome(walked(tree)), tree
    # Both readings were exercised: some changes keep the scenario valid, most do not.
    assert 0 < in_place < 400


def test_tuples_read_in_place_as_lists():
    scenario = main()
    scenario["cohorts"] = tuple(scenario["cohorts"])
    assert reads_in_place(scenario)
    assert outcome(scenario) == outcome(main())


class Whole(IntEnum):
    TWENTY = 20


class Amount(Decimal):
    pass


@pytest.mark.parametrize(
    "change",
    [
        ("discount_rate", Amount("0.035")),
        ("discount_rate", _pydecimal.Decimal("0.035")),
        ("horizon_years", Whole.TWENTY),
        ("horizon_years", 2**70),
        ("name", "\ud800"),
        (1, "a key that is not text"),
        ("tax", OrderedDict([("municipal_rate", "0.2074"), ("regional_rate", "0.1139"), ("employer_contribution_rate", "0.3142")])),
    ],
    ids=["Decimal subclass", "pure-Python Decimal", "int subclass", "beyond i64", "lone surrogate", "key not text", "OrderedDict inside"],
)
def test_other_types_are_walked_with_the_walkers_result(change):
    key, value = change
    scenario = main()
    scenario[key] = value
    assert not reads_in_place(scenario)
    assert outcome(scenario) == outcome(walked(scenario))


def test_a_decimal_reads_in_place_as_its_text():
    with_decimal, with_text = main(), main()
    with_decimal["tax"]["municipal_rate"] = Decimal("0.2074")
    with_decimal["cohorts"][0]["participants"] = Decimal(30)
    with_text["cohorts"][0]["participants"] = 30
    assert reads_in_place(with_decimal)
    assert outcome(with_decimal) == outcome(with_text) == outcome(walked(with_decimal))


@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_it_was(enabled):
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        scenario = main()
        assert reads_in_place(scenario)
        samkalk.calculate(scenario)
        assert gc.isenabled() is enabled
        scenario["name"] = "\ud800"
        with pytest.raises(samkalk.ScenarioError):
            samkalk.calculate(scenario)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_keys_spelled_by_new_str_objects_read_alike():
    # Keys from another json.loads (other str objects than the cached ones) and keys built at
    # run time read the same.
    scenario = main()
    rebuilt = {"".join(list(k)): v for k, v in json.loads(json.dumps(scenario)).items()}
    assert reads_in_place(rebuilt)
    assert outcome(rebuilt) == outcome(scenario)


def test_calculate_many_reads_in_place_and_walked_alike():
    batch = [main(), walked(main()), {**main(), "discount_rate": "0.05"}, {**main(), "horizon_years": "4"}]
    results = samkalk.calculate_many(batch, threads=2)
    assert results[0].to_json() == results[1].to_json() == outcome(main())
    assert results[2].to_json() == outcome({**main(), "discount_rate": "0.05"})
    assert isinstance(results[3], samkalk.ScenarioError)
    assert [e["path"] for e in results[3].errors] == ["horizon_years"]
