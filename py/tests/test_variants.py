"""calculate_variants and Scenario.with_values against calculate on the same numbers written
into the scenario's dict by hand."""

import copy
import datetime
from decimal import Decimal

import pytest

import samkalk


def written(scenario, rate, participants):
    """The scenario with its discount rate (and its first cohort's participants) set in the dict."""
    s = copy.deepcopy(scenario)
    s["discount_rate"] = rate
    if participants is not None:
        s["cohorts"][0]["participants"] = participants
    return s


def outcome_of(scenario):
    try:
        return samkalk.calculate(scenario)
    except samkalk.ScenarioError as e:
        return e


def test_every_vector_varied_matches_the_dict_written_by_hand(vectors):
    checked = 0
    for name, vector in vectors.items():
        scenario = vector["scenario"]
        try:
            samkalk.Scenario(scenario)
        except samkalk.ScenarioError:
            continue
        has_cohort = bool(scenario.get("cohorts"))
        changes = []
        expected = []
        for rate, participants in [("0.05", 7), ("0", 1), (Decimal("0.035"), 250)]:
            change = {"discount_rate": rate}
            if has_cohort:
                change["cohorts[0].participants"] = participants
            changes.append(change)
            expected.append(outcome_of(written(scenario, rate, participants if has_cohort else None)))
        for threads in (1, 2):
            got = samkalk.calculate_variants(scenario, changes * 12, threads=threads)
            assert len(got) == 36
            for item, want in zip(got, expected * 12):
                if isinstance(want, samkalk.ScenarioError):
                    assert isinstance(item, samkalk.ScenarioError), name
                    assert item.paths == want.paths, name
                else:
                    assert isinstance(item, samkalk.Result), (name, item)
                    assert item.to_json() == want.to_json(), name
        checked += 1
    assert checked >= 20


def test_a_sweep_of_shares_raises_the_municipalitys_npv(main_scenario):
    changes = [{"cohorts[0].outcomes[0].share": Decimal(i) / 100} for i in range(101)]
    results = samkalk.calculate_variants(main_scenario, changes)
    npvs = [r.to_dict()["actors"]["municipality"]["npv"] for r in results]
    assert npvs == sorted(npvs) and npvs[0] < npvs[-1]
    # The base keeps its own share: the variant with 0.6 is the main scenario itself.
    assert results[60].to_json() == samkalk.calculate(main_scenario).to_json()


def test_values_are_read_as_a_scenarios_numbers(main_scenario):
    path = "cohorts[1].intervention.cost_per_participant"
    results = samkalk.calculate_variants(main_scenario, [{path: v} for v in (95000, "95000", Decimal("95000.00"), 95000.0)])
    assert len({r.to_json() for r in results}) == 1
    # A float is read through its shortest repr: 0.1 is exactly 0.1.
    assert samkalk.Scenario(main_scenario).with_values({"discount_rate": 0.1}).to_dict()["discount_rate"] == Decimal("0.1")


def test_each_fault_names_its_path_in_both_languages(main_scenario):
    bad = [
        {"cohorts[0].outcomes[0].share": "1.3"},
        {"cohorts[0].intervention.duration_months": "6.5"},
        {"discount_rate": True},
        {"discount_rate": "0,035"},
        {"cohorts[9].participants": 5},
        {"cohorts[0].outcomes[0].shares": "0.5"},
        {"discount_rate": object()},
    ]
    results = samkalk.calculate_variants(main_scenario, bad)
    assert all(isinstance(r, samkalk.ScenarioError) for r in results)
    first = [(r.errors[0]["path"], r.errors[0]["code"]) for r in results]
    assert first == [
        ("cohorts[0].outcomes[0].share", "out_of_range"),
        ("cohorts[0].intervention.duration_months", "not_whole"),
        ("discount_rate", "wrong_type"),
        ("discount_rate", "decimal_comma"),
        ("cohorts[9].participants", "no_such_cohort"),
        ("cohorts[0].outcomes[0].shares", "not_a_parameter"),
        ("discount_rate", "unsupported_type"),
    ]
    assert all(len(r.errors) == 1 for r in results)
    share = results[0].errors[0]
    assert share["message_en"] == "must be between 0 and 1, got 1.3"
    assert share["message_sv"] == "måste vara mellan 0 och 1 (0–100 %), fick 1,3 (130 %)"


def test_rules_are_checked_on_all_changes_together(main_scenario):
    ok = samkalk.calculate_variants(main_scenario, [{"cohorts[0].participants": 0}, {"horizon_years": 10}])
    assert [type(r).__name__ for r in ok] == ["Result", "Result"]
    # Two faults in one set of changes are both reported.
    [both] = samkalk.calculate_variants(main_scenario, [{"horizon_years": 0, "discount_rate": "2"}])
    assert sorted(both.paths) == ["discount_rate", "horizon_years"]


def test_with_values_gives_a_new_scenario(main_scenario):
    base = samkalk.Scenario(main_scenario)
    variant = base.with_values({"discount_rate": "0.05", "cohorts[0].participants": 7})
    assert variant == samkalk.Scenario(written(main_scenario, "0.05", 7))
    assert base == samkalk.Scenario(main_scenario)
    with pytest.raises(samkalk.ScenarioError) as raised:
        base.with_values({"cohorts[0].outcomes[0].share": "-0.1"})
    assert raised.value.paths == ["cohorts[0].outcomes[0].share"]


def test_an_invalid_base_raises():
    with pytest.raises(samkalk.ScenarioError) as raised:
        samkalk.calculate_variants({"start_year": "x"}, [{}])
    assert raised.value.paths == ["start_year"]


@pytest.mark.parametrize("changes", [{"discount_rate": "0"}, "discount_rate", 42, [42], [{1: "0"}]])
def test_wrong_arguments_are_type_errors(main_scenario, changes):
    with pytest.raises(TypeError):
        samkalk.calculate_variants(main_scenario, changes)


def test_no_changes_is_the_base(main_scenario):
    [same] = samkalk.calculate_variants(main_scenario, [{}])
    assert same.to_json() == samkalk.calculate(main_scenario).to_json()
    assert samkalk.calculate_variants(main_scenario, []) == []
    assert len(samkalk.calculate_variants(main_scenario, ({} for _ in range(3)))) == 3


def test_a_variants_result_describes_the_variant(main_scenario):
    # A result keeps its base and changes and makes the variant again when asked: its
    # assumptions, exports and trace are those of the variant written out by hand.
    change = {"discount_rate": "0.05", "cohorts[0].participants": 7, "states.AM2.flows[0].amount": "95000"}
    [result] = samkalk.calculate_variants(main_scenario, [change])
    by_hand = written(main_scenario, "0.05", 7)
    by_hand["states"]["AM2"]["flows"][0]["amount"] = "95000"
    direct = samkalk.calculate(by_hand)
    assert result.to_json() == direct.to_json()
    assert result.assumptions(lang="sv") == direct.assumptions(lang="sv")
    assert result.to_csv(lang="sv") == direct.to_csv(lang="sv")
    assert result.public_sector() == direct.public_sector()
    assert result.trace_rows() == direct.trace_rows()
    assert result.to_excel_bytes(lang="en", date=datetime.date(2026, 12, 3)) == direct.to_excel_bytes(
        lang="en", date=datetime.date(2026, 12, 3)
    )
