"""Changing one number of a built-in state: the defaults paste back, and `samkalk.state(...)`
writes the `extends` fragment (docs/method.md, "Changing a built-in state")."""

import copy
from decimal import Decimal

import pytest

import samkalk

COHORTS = [
    {"name": "AM3-grupp", "origin": "AM3", "participants": 15,
     "intervention": {"cost_per_participant": "120000", "duration_months": 18},
     "outcomes": [{"target": "work", "share": "0.4", "retention": "0.8"}]},
    {"name": "AM1-grupp", "origin": "AM1", "participants": 10, "outcomes": [{"target": "studies", "share": "0.5"}]},
]


def scenario(states, version=1, **extra):
    return {"version": version, "start_year": 2026, "states": states, "cohorts": COHORTS, **extra}


@pytest.mark.parametrize("version", [1, 2])
def test_the_defaults_paste_back_unchanged_and_give_the_built_in_result(version):
    d = samkalk.defaults()
    built_in = samkalk.calculate(scenario({}, version)).to_json()
    pasted = scenario(d["states"], version, tax=d["tax"])
    assert samkalk.validate(pasted) == []
    assert samkalk.calculate(pasted).to_json() == built_in


def test_restated_defaults_paste_back_into_their_price_year():
    d = samkalk.defaults(price_year=2026)
    built_in = samkalk.calculate(scenario({}, 2, price_year=2026)).to_json()
    assert samkalk.calculate(scenario(d["states"], 2, price_year=2026)).to_json() == built_in


def test_extends_without_a_change_is_the_built_in_state():
    built_in = samkalk.calculate(scenario({})).to_json()
    assert samkalk.calculate(scenario({"AM3": samkalk.state("AM3"), "AM1": samkalk.state("AM1")})).to_json() == built_in


def test_with_flow_is_the_state_written_out_with_that_number():
    am3 = samkalk.state("AM3").with_flow("Försörjningsstöd", amount="138000")
    assert am3 == {"extends": "AM3", "flows": {"Försörjningsstöd": {"amount": "138000"}}}
    # The same change made by hand on the defaults' AM3.
    full = copy.deepcopy(samkalk.defaults()["states"]["AM3"])
    [flow] = [f for f in full["flows"] if f["label"] == "Försörjningsstöd"]
    flow["amount"] = Decimal("138000")
    changed = samkalk.calculate(scenario({"AM3": am3}))
    assert changed.to_json() == samkalk.calculate(scenario({"AM3": full})).to_json()
    assert changed.to_json() != samkalk.calculate(scenario({})).to_json()


def test_the_builder_composes_and_leaves_each_step_as_it_was():
    base = samkalk.state("work", label="Deltid")
    part_time = base.with_earnings(employment_rate="0.5")
    assert base == {"extends": "work", "label": "Deltid"}
    assert part_time["earnings"] == {"employment_rate": "0.5"}
    am3 = (samkalk.state("AM3")
           .with_flow("Försörjningsstöd", amount=138000)
           .with_flow("Försörjningsstöd", source="bokslut")
           .without_flow("Specialiserad psykiatrisk vård")
           .with_flow("Boendestöd", payer="municipality", payee=None, amount=Decimal("18000")))
    assert am3["flows"] == {
        "Försörjningsstöd": {"amount": 138000, "source": "bokslut"},
        "Specialiserad psykiatrisk vård": {"remove": True},
        "Boendestöd": {"payer": "municipality", "payee": None, "amount": Decimal("18000")},
    }
    assert samkalk.validate(scenario({"AM3": am3, "deltid": part_time})) == []
    assert samkalk.state("subsidised_work").without_earnings()["earnings"] == {"remove": True}


def test_the_core_judges_each_step():
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.state("AM9")
    assert [(f["path"], f["code"]) for f in e.value.errors] == [("states.AM9.extends", "not_built_in")]
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.state("AM3").with_flow("Forsorjningsstod", payer="region")
    [fault] = e.value.errors
    assert (fault["path"], fault["code"]) == ("states.AM3.flows.Forsorjningsstod", "not_a_flow_of")
    assert "Försörjningsstöd" in fault["params"]["labels"]
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.state("AM3").with_flow("Försörjningsstöd", amount="-1")
    assert e.value.paths == ["states.AM3.flows.Försörjningsstöd.amount"]
