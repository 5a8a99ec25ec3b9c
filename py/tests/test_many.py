"""calculate_many against calculate, on every vector and on a sweep."""

import json
from decimal import Decimal

import pytest

import samkalk


def test_every_vector_in_one_batch_matches_calculate(vectors):
    scenarios = [v["scenario"] for v in vectors.values()]
    for threads in (None, 1, 2, 4):
        batch = samkalk.calculate_many(scenarios * 3, threads=threads)
        assert len(batch) == 3 * len(scenarios)
        for item, scenario in zip(batch, scenarios * 3):
            try:
                expected = samkalk.calculate(scenario)
            except samkalk.ScenarioError as e:
                assert isinstance(item, samkalk.ScenarioError)
                assert item.errors == e.errors
            else:
                assert isinstance(item, samkalk.Result)
                assert item.to_json() == expected.to_json()
                assert item == expected


def test_sweep_over_shares(main_scenario):
    variants = []
    for i in range(200):
        s = json.loads(json.dumps(main_scenario, default=str))
        s["cohorts"][0]["outcomes"][0]["share"] = Decimal(i) / 200
        variants.append(s)
    batch = samkalk.calculate_many(variants)
    assert [r.to_json() for r in batch] == [samkalk.calculate(s).to_json() for s in variants]
    npvs = [r.to_dict()["actors"]["municipality"]["npv"] for r in batch]
    assert npvs == sorted(npvs)


def test_mixed_inputs(main_scenario, tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps(main_scenario, default=str), encoding="utf-8")
    items = [main_scenario, samkalk.Scenario(main_scenario), json.dumps(main_scenario, default=str), path, 42, {"start_year": "x"}]
    out = samkalk.calculate_many(items)
    assert [type(r).__name__ for r in out] == ["Result"] * 4 + ["ScenarioError"] * 2
    assert len({r.to_json() for r in out[:4]}) == 1
    assert out[4].paths == [""] and out[5].paths == ["start_year"]
    assert samkalk.calculate_many(iter([])) == []
    assert len(samkalk.calculate_many(s for s in [main_scenario])) == 1


@pytest.mark.parametrize("bad", [{"start_year": 2026}, "[]", 42, None])
def test_wrong_argument_is_a_type_error(bad):
    with pytest.raises(TypeError):
        samkalk.calculate_many(bad)


def test_a_long_iterator_is_read_while_calculating_and_its_error_raised(main_scenario):
    # Without a len() the batch is taken as long: read on the calling thread while the other
    # threads calculate. An error from the iterator itself is raised, not lost in the threads.
    def scenarios(n, fail_at=None):
        for i in range(n):
            if i == fail_at:
                raise RuntimeError(f"no scenario {i}")
            yield main_scenario if i % 2 else {**main_scenario, "discount_rate": "0.035"}

    out = samkalk.calculate_many(scenarios(150), threads=2)
    assert [r.to_json() for r in out] == [samkalk.calculate(s).to_json() for s in scenarios(150)]
    for fail_at in (0, 7, 149):
        with pytest.raises(RuntimeError, match=f"no scenario {fail_at}"):
            samkalk.calculate_many(scenarios(150, fail_at), threads=2)
