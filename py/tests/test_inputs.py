"""Inputs: Decimal, int, str and float numbers; bools rejected; JSON, TOML and files;
Scenario objects; every bad input a ScenarioError at its path, never another exception."""

import json
import math
from collections import OrderedDict
from decimal import Decimal
from types import MappingProxyType

import pytest

import samkalk

BASE = {
    "start_year": 2026,
    "tax": {"municipal_rate": "0.2074", "regional_rate": "0.1139", "employer_contribution_rate": "0.3142"},
    "cohorts": [
        {
            "name": "AM2-grupp",
            "origin": "AM2",
            "participants": 30,
            "intervention": {"cost_per_participant": "35000", "duration_months": 6},
            "outcomes": [{"target": "work", "share": "0.6"}],
        }
    ],
}


def with_(path, value, base=BASE):
    tree = json.loads(json.dumps(base))
    node = tree
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return tree


def paths(excinfo):
    return sorted(e["path"] for e in excinfo.value.errors)


def test_numbers_as_decimal_int_str_and_float_agree():
    reference = samkalk.calculate(BASE).to_json()
    for share in (Decimal("0.6"), "0.6", 0.6, Decimal("0.60")):
        assert samkalk.calculate(with_(["cohorts", 0, "outcomes", 0, "share"], share)).to_json() == reference
    for cost in (35000, Decimal("35000"), "35000", 35000.0, "3.5e4", Decimal("3.5E+4")):
        assert samkalk.calculate(with_(["cohorts", 0, "intervention", "cost_per_participant"], cost)).to_json() == reference


def test_float_goes_through_its_shortest_repr_not_its_binary_expansion():
    # 0.1 + 0.2 is 0.30000000000000004 as written by repr, not 0.3000000000000000444089...
    a = samkalk.calculate(with_(["cohorts", 0, "outcomes", 0, "share"], 0.1 + 0.2))
    b = samkalk.calculate(with_(["cohorts", 0, "outcomes", 0, "share"], "0.30000000000000004"))
    assert a.to_json() == b.to_json()
    tiny = samkalk.calculate(with_(["discount_rate"], 1e-7))
    assert tiny.to_json() == samkalk.calculate(with_(["discount_rate"], "0.0000001")).to_json()


def test_decimal_keeps_every_digit():
    s = samkalk.Scenario(with_(["cohorts", 0, "outcomes", 0, "share"], Decimal("0.1234567890123456789012345678")))
    assert s.to_dict()["cohorts"][0]["outcomes"][0]["share"] == Decimal("0.1234567890123456789012345678")
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.calculate(with_(["cohorts", 0, "outcomes", 0, "share"], Decimal("0.12345678901234567890123456789")))
    assert paths(e) == ["cohorts[0].outcomes[0].share"]


def test_float_in_whole_number_field_is_rejected():
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.calculate(with_(["cohorts", 0, "participants"], 30.0))
    assert paths(e) == ["cohorts[0].participants"]
    # ...but an int, and an integral Decimal, are whole numbers.
    samkalk.calculate(with_(["cohorts", 0, "participants"], Decimal("30")))


@pytest.mark.parametrize("bad", [True, False])
def test_bools_are_not_numbers(bad):
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.calculate(with_(["cohorts", 0, "outcomes", 0, "share"], bad))
    assert paths(e) == ["cohorts[0].outcomes[0].share"]
    assert "boolean" in e.value.errors[0]["message"]
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.calculate(with_(["cohorts", 0, "participants"], bad))
    assert paths(e) == ["cohorts[0].participants"]


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, Decimal("NaN"), Decimal("Infinity"), Decimal("sNaN"), 10**40, -(10**400)])
def test_non_finite_and_huge_numbers(bad):
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.calculate(with_(["cohorts", 0, "outcomes", 0, "share"], bad))
    assert paths(e) == ["cohorts[0].outcomes[0].share"]


def test_non_str_keys_and_unsupported_types_are_reported_at_their_path():
    tree = with_(["cohorts", 0, "outcomes", 0, "share"], {0.5})
    tree["cohorts"][0]["intervention"][7] = 1
    tree["cohorts"][0]["name"] = object()
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.calculate(tree)
    assert paths(e) == ["cohorts[0].intervention.7", "cohorts[0].name", "cohorts[0].outcomes[0].share"]
    messages = {f["path"]: f["message"] for f in e.value.errors}
    assert "set" in messages["cohorts[0].outcomes[0].share"]
    assert "keys must be text" in messages["cohorts[0].intervention.7"]


def test_other_faults_are_still_reported_beside_unsupported_types():
    tree = with_(["cohorts", 0, "name"], b"bytes are not text")
    tree["horizon_years"] = 0
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.calculate(tree)
    assert paths(e) == ["cohorts[0].name", "horizon_years"]


@pytest.mark.parametrize("bad", [42, 4.2, None, True, [1, 2], "not json", "[1, 2]", "{", b"\xff", "", object(), 1j])
def test_a_scenario_that_is_not_an_object_is_a_fault_at_the_root(bad):
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.calculate(bad)
    assert paths(e) == [""]
    assert samkalk.validate(bad) and samkalk.validate(bad)[0]["path"] == ""


def test_deep_and_cyclic_input_does_not_crash():
    deep = []
    node = deep
    for _ in range(100_000):
        node.append([])
        node = node[0]
    with pytest.raises(samkalk.ScenarioError):
        samkalk.calculate({"start_year": 2026, "name": deep})
    cyclic = {"start_year": 2026}
    cyclic["name"] = cyclic
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.calculate(cyclic)
    assert all(p.startswith("name") for p in paths(e))
    with pytest.raises(samkalk.ScenarioError):
        samkalk.calculate("[" * 100_000)


def test_lone_surrogates_and_odd_text():
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.calculate(with_(["cohorts", 0, "name"], "\ud800"))
    assert paths(e) == ["cohorts[0].name"]
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.calculate({"start_year": 2026, "\udc00": 1})
    assert len(e.value.errors) == 1


def test_mappings_tuples_and_numpy_like_integers():
    class Index:
        def __init__(self, n):
            self.n = n

        def __index__(self):
            return self.n

    tree = with_(["cohorts", 0, "participants"], Index(30))
    tree["cohorts"] = tuple(tree["cohorts"])
    tree["tax"] = MappingProxyType(tree["tax"])
    tree = OrderedDict(tree)
    assert samkalk.calculate(tree).to_json() == samkalk.calculate(BASE).to_json()


def test_json_text_bytes_and_files(tmp_path):
    reference = samkalk.calculate(BASE).to_json()
    text = json.dumps(BASE)
    assert samkalk.calculate(text).to_json() == reference
    assert samkalk.calculate("\n  " + text).to_json() == reference
    assert samkalk.calculate(text.encode()).to_json() == reference
    (tmp_path / "s.json").write_text(text, encoding="utf-8")
    assert samkalk.calculate(tmp_path / "s.json").to_json() == reference
    assert samkalk.calculate(str(tmp_path / "s.json")).to_json() == reference
    # A file with another extension is JSON too.
    (tmp_path / "scenario.txt").write_text(text, encoding="utf-8")
    assert samkalk.calculate(tmp_path / "scenario.txt").to_json() == reference


TOML = """
start_year = 2026

[tax]
municipal_rate = "0.2074"
regional_rate = 0.1139
employer_contribution_rate = "0.3142"

[[cohorts]]
name = "AM2-grupp"
origin = "AM2"
participants = 30
intervention = { cost_per_participant = 35000, duration_months = 6 }
outcomes = [{ target = "work", share = 0.6 }]
"""


def test_toml_file(tmp_path):
    path = tmp_path / "scenario.toml"
    path.write_text(TOML, encoding="utf-8")
    assert samkalk.calculate(path).to_json() == samkalk.calculate(BASE).to_json()
    assert samkalk.Scenario(str(path)) == samkalk.Scenario(BASE)
    bad = tmp_path / "bad.toml"
    bad.write_text("start_year = ", encoding="utf-8")
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.calculate(bad)
    assert paths(e) == [""]
    assert "TOML" in e.value.errors[0]["message"]


def test_missing_file_is_a_scenario_error(tmp_path):
    for missing in (tmp_path / "nope.json", str(tmp_path / "nope.toml")):
        with pytest.raises(samkalk.ScenarioError) as e:
            samkalk.calculate(missing)
        assert paths(e) == [""]
        assert "cannot read" in e.value.errors[0]["message"]


def test_scenario_class():
    s = samkalk.Scenario(BASE)
    assert s.name == "" and s.start_year == 2026 and s.horizon_years == 4
    assert s.cohort_names == ["AM2-grupp"]
    assert samkalk.calculate(s) == samkalk.calculate(BASE)
    d = s.to_dict()
    assert d["cohorts"][0]["intervention"]["cost_per_participant"] == Decimal("35000")
    assert d["cohorts"][0]["participants"] == 30 and type(d["cohorts"][0]["participants"]) is int
    assert d["cohorts"][0]["intervention"]["financing"] == {"municipality": Decimal("1")}
    # Round trips: dict with Decimals, JSON text, pickling, and another Scenario.
    assert samkalk.Scenario(d) == s
    assert samkalk.Scenario(s.to_json()) == s
    assert samkalk.Scenario(s) == s
    import pickle

    assert pickle.loads(pickle.dumps(s)) == s
    assert "Scenario" in repr(s)
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.Scenario({"start_year": 1800})
    assert paths(e) == ["start_year"]


def test_changing_a_scenario_dict_changes_the_result():
    d = samkalk.Scenario(BASE).to_dict()
    d["cohorts"][0]["intervention"]["financing"] = {"municipality": Decimal("0.5"), "employment_service": Decimal("0.5")}
    r = samkalk.calculate(d).to_dict()
    assert r["actors"]["municipality"]["total_investment"] == Decimal("525000.00")
    assert r["actors"]["employment_service"]["total_investment"] == Decimal("525000.00")


def test_validate_lists_every_fault():
    tree = with_(["cohorts", 0, "outcomes", 0, "share"], "1.5")
    tree["horizon_years"] = 0
    faults = samkalk.validate(tree)
    assert sorted(f["path"] for f in faults) == ["cohorts[0].outcomes[0].share", "horizon_years"]
    assert samkalk.validate(BASE) == []
    assert samkalk.validate(samkalk.Scenario(BASE)) == []


def test_scenario_error_is_a_value_error_and_pickles():
    import pickle

    with pytest.raises(ValueError) as e:
        samkalk.calculate({"start_year": 2026, "horizon_years": 0})
    err = e.value
    assert isinstance(err, samkalk.ScenarioError)
    assert err.paths == ["horizon_years"]
    assert "horizon_years" in str(err)
    again = pickle.loads(pickle.dumps(err))
    assert again.errors == err.errors


def test_fuzz_never_escapes_another_exception():
    import random

    rng = random.Random(7)
    atoms = [None, True, 0, -1, 1.5, math.nan, "", "x", "AM2", "0.5", Decimal("2"), [], {}, object(), b"b", 10**30]
    keys = ["start_year", "cohorts", "origin", "participants", "outcomes", "share", "target", "intervention",
            "financing", "municipality", "states", "flows", "amount", "payer", "payee", "tax", "earnings", 3, None]

    def tree(depth):
        if depth > 4 or rng.random() < 0.3:
            return rng.choice(atoms)
        if rng.random() < 0.5:
            return [tree(depth + 1) for _ in range(rng.randint(0, 3))]
        return {rng.choice(keys): tree(depth + 1) for _ in range(rng.randint(0, 4))}

    for _ in range(2000):
        t = tree(0)
        if isinstance(t, dict) and rng.random() < 0.7:
            t["start_year"] = 2026
        try:
            samkalk.calculate(t)
        except samkalk.ScenarioError:
            pass
        samkalk.validate(t)


def test_faults_carry_codes_params_and_both_languages():
    scenario = {
        "start_year": 2026,
        "cohorts": [
            {
                "origin": "AM2",
                "participants": 10,
                "intervention": {"financing": {"municipality": "0.5", "region": "0.4"}},
                "outcomes": [{"target": "NOPE", "share": "1.3"}],
            }
        ],
    }
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.calculate(scenario)
    by_path = {f["path"]: f for f in e.value.errors}
    share = by_path["cohorts[0].outcomes[0].share"]
    assert share["code"] == "out_of_range"
    assert share["params"] == {"min": "0", "max": "1", "min_exclusive": False, "max_exclusive": False, "got": "1.3", "unit": "share", "note": None}
    assert share["message"] == share["message_en"] == "must be between 0 and 1, got 1.3"
    assert share["message_sv"] == "måste vara mellan 0 och 1 (0–100 %), fick 1,3 (130 %)"
    target = by_path["cohorts[0].outcomes[0].target"]
    assert (target["code"], target["params"]) == ("not_a_state", {"id": "NOPE"})
    assert target["message_sv"] == 'okänt tillstånd "NOPE" (varken inbyggt eller angivet under states)'
    financing = by_path["cohorts[0].intervention.financing"]
    assert (financing["code"], financing["params"]) == ("sum_not_one", {"sum": "0.9"})
    assert financing["message_sv"] in e.value.messages(lang="sv")
    assert financing["message_sv"] == "finansieringsandelarna måste summera till exakt 1 (100 %), summan är 0,9 (90 %)"
    assert e.value.messages() == [f["message_en"] for f in e.value.errors]
    assert "must be between 0 and 1, got 1.3" in str(e.value)
    with pytest.raises(ValueError, match="lang"):
        e.value.messages(lang="de")


def test_a_missing_field_and_a_binding_fault_in_swedish():
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.calculate({"cohorts": [{"participants": {1, 2}}]})
    by_path = {f["path"]: f for f in e.value.errors}
    assert by_path["start_year"]["code"] == "missing"
    assert by_path["start_year"]["message_sv"] == "måste anges"
    assert by_path["cohorts[0].participants"]["code"] == "unsupported_type"
    assert by_path["cohorts[0].participants"]["params"] == {"type_name": "set"}
    assert by_path["cohorts[0].participants"]["message_sv"].startswith("typen set kan inte läsas")
