"""Every vector in tests/vectors through the package: results within MODEL.md's tolerances of
the vector's expected values and error vectors with exactly the expected set of paths, from a
dict, JSON text and a file; and every vector's result exactly the Rust core's (the command
line's output, byte for byte as JSON text and to the öre as a dict), its faults exactly the
core's."""

import json
import subprocess
from decimal import Decimal

import pytest
from conftest import VECTORS, cli, load_vector

import samkalk

TOLERANCE = {"share": Decimal("0.000001"), "benefit_cost_ratio": Decimal("0.0001")}


def compare(expected, actual, path="", key=""):
    diffs = []
    if isinstance(expected, dict):
        if not isinstance(actual, dict) or list(expected) != list(actual):
            return [f"{path}: keys {list(expected)} != {actual if not isinstance(actual, dict) else list(actual)}"]
        for k in expected:
            diffs += compare(expected[k], actual[k], f"{path}.{k}", k)
    elif isinstance(expected, list):
        if not isinstance(actual, list) or len(expected) != len(actual):
            return [f"{path}: {expected!r} != {actual!r}"]
        for i, (e, a) in enumerate(zip(expected, actual)):
            diffs += compare(e, a, f"{path}[{i}]", key)
    elif isinstance(expected, str) and isinstance(actual, Decimal) and key not in ("kind", "name"):
        if abs(Decimal(expected) - actual) > TOLERANCE.get(key, Decimal("0.01")):
            diffs.append(f"{path}: expected {expected}, got {actual}")
    elif expected != actual:
        diffs.append(f"{path}: expected {expected!r}, got {actual!r}")
    return diffs


def check(vector, get_result):
    if "expected" in vector:
        result = get_result()
        assert compare(vector["expected"], result.to_dict()) == []
        # The JSON text reads back to the same structure.
        assert compare(vector["expected"], _decimalise(json.loads(result.to_json()))) == []
    else:
        with pytest.raises(samkalk.ScenarioError) as info:
            get_result()
        assert {e["path"] for e in info.value.errors} == set(vector["expected_error_paths"])
        assert isinstance(info.value, ValueError)
        keys = {"path", "code", "params", "context", "message", "message_sv", "message_en"}
        assert all(set(e) == keys and e["message"] == e["message_en"] and e["message_sv"] for e in info.value.errors)


def _decimalise(tree, key=""):
    if isinstance(tree, dict):
        return {k: _decimalise(v, k) for k, v in tree.items()}
    if isinstance(tree, list):
        return [_decimalise(v, key) for v in tree]
    if isinstance(tree, str) and key not in ("kind", "name"):
        return Decimal(tree)
    return tree


def test_all_vectors_present():
    assert len(VECTORS) >= 66


@pytest.mark.parametrize("path", VECTORS, ids=lambda p: p.stem)
def test_vector_from_dict(path):
    vector = load_vector(path)
    check(vector, lambda: samkalk.calculate(vector["scenario"]))


@pytest.mark.parametrize("path", VECTORS, ids=lambda p: p.stem)
def test_vector_from_json_text(path):
    vector = load_vector(path)
    text = _scenario_text(path)
    check(vector, lambda: samkalk.calculate(text))


@pytest.mark.parametrize("path", VECTORS, ids=lambda p: p.stem)
def test_vector_from_file(path, tmp_path):
    vector = load_vector(path)
    file = tmp_path / "scenario.json"
    file.write_text(_scenario_text(path), encoding="utf-8")
    check(vector, lambda: samkalk.calculate(file))
    check(vector, lambda: samkalk.calculate(str(file)))


@pytest.mark.parametrize("path", VECTORS, ids=lambda p: p.stem)
def test_vector_validate(path):
    vector = load_vector(path)
    faults = samkalk.validate(vector["scenario"])
    if "expected" in vector:
        assert faults == []
    else:
        assert {e["path"] for e in faults} == set(vector["expected_error_paths"])


@pytest.mark.parametrize("path", [p for p in VECTORS if "expected" in load_vector(p)], ids=lambda p: p.stem)
def test_vector_with_python_floats(path):
    """The same vectors with every decimal string that is exact as a float given as a float."""
    vector = load_vector(path)

    def floats(tree, key=""):
        if isinstance(tree, dict):
            return {k: floats(v, k) for k, v in tree.items()}
        if isinstance(tree, list):
            return [floats(v, key) for v in tree]
        if isinstance(tree, str) and key not in ("name", "label", "description", "source", "origin", "target", "payer", "payee"):
            try:
                f = float(tree)
            except ValueError:
                return tree
            # Only where the float's shortest repr is the same decimal.
            return f if Decimal(repr(f)) == Decimal(tree) else tree
        return tree

    converted = floats(vector["scenario"])
    assert samkalk.calculate(converted).to_json() == samkalk.calculate(vector["scenario"]).to_json()


def _scenario_text(path):
    """The vector's scenario as the exact JSON text in the file (numbers as spelled)."""
    text = path.read_text(encoding="utf-8")
    tree = json.loads(text, parse_float=Decimal)
    return json.dumps(tree["scenario"], default=_decimal_json).replace('"__DEC__', "").replace('__DEC__"', "")


def _decimal_json(x):
    if isinstance(x, Decimal):
        return f"__DEC__{x}__DEC__"
    raise TypeError(type(x))


# ---------------------------------------------------------------------------------------------
# Exactly the core's output: the command line built from the same tree is the reference.


def _cli(*args, text):
    return subprocess.run([str(cli()), *args, "-"], input=text, capture_output=True, text=True, check=False)


def _as_text(tree):
    """The dict with every decimal.Decimal as its str: JSON's strings if the values are exact."""
    if isinstance(tree, dict):
        return {k: _as_text(v) for k, v in tree.items()}
    if isinstance(tree, list):
        return [_as_text(v) for v in tree]
    if isinstance(tree, Decimal):
        return str(tree)
    return tree


def _text_leaves(tree, key=""):
    if isinstance(tree, dict):
        for k, v in tree.items():
            yield from _text_leaves(v, k)
    elif isinstance(tree, list):
        for v in tree:
            yield from _text_leaves(v, key)
    elif isinstance(tree, str):
        yield key, tree


@pytest.mark.parametrize("path", [p for p in VECTORS if "expected" in load_vector(p)], ids=lambda p: p.stem)
def test_vector_result_is_exactly_the_cores(path):
    text = _scenario_text(path)
    printed = _cli("calculate", text=text)
    assert printed.returncode == 0, printed.stderr
    result = samkalk.calculate(text)
    assert result.to_json() + "\n" == printed.stdout
    from_dict = samkalk.calculate(load_vector(path)["scenario"])
    assert from_dict.to_json() == result.to_json()
    # to_dict holds the same values: each Decimal's text is the JSON's string (to the öre, same
    # number of decimals), and only names and kinds stay text.
    as_dict = result.to_dict()
    assert _as_text(as_dict) == json.loads(printed.stdout)
    assert {k for k, _ in _text_leaves(as_dict)} <= {"name", "kind"}


@pytest.mark.parametrize("path", [p for p in VECTORS if "expected" not in load_vector(p)], ids=lambda p: p.stem)
def test_vector_faults_are_exactly_the_cores(path):
    printed = _cli("validate", text=_scenario_text(path))
    assert printed.returncode == 1, printed.stderr
    core = [(e["path"], e["message"]) for e in json.loads(printed.stdout)["errors"]]
    ours = [(e["path"], e["message"]) for e in samkalk.validate(_scenario_text(path))]
    assert ours == core
    with pytest.raises(samkalk.ScenarioError) as info:
        samkalk.calculate(_scenario_text(path))
    assert [(e["path"], e["message"]) for e in info.value.errors] == core
