"""Method version 2, pathways, through the package: the effect trace (as rows, as a DataFrame,
and against the independent reference of tests/reference/pathways.py), step investments in the
investment row, and the version-2 faults."""

import json
import sys
from decimal import Decimal

import pytest
from conftest import ROOT, load_vector

import samkalk

sys.path.insert(0, str(ROOT / "tests" / "reference"))
import pathways as reference  # noqa: E402

V2 = sorted((ROOT / "tests" / "vectors" / "v2").glob("*.json"))
# The result vectors that carry an effect trace (the pathways ones; the tax ones have none).
RESULTS = [p for p in V2 if "expected_trace" in json.loads(p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("path", RESULTS, ids=lambda p: p.stem)
def test_trace_matches_the_vector_and_the_reference(path):
    vector = load_vector(path)
    rows = samkalk.calculate(vector["scenario"]).trace_rows()
    lines = ["cohort,year,state,participants"] + [f"{r['cohort']},{r['year']},{r['state']},{r['participants']}" for r in rows]
    assert lines == vector["expected_trace"]
    plain = json.loads(path.read_text(encoding="utf-8"))["scenario"]
    _, traces = reference.calculate(plain)
    assert "\n".join(lines) + "\n" == reference.trace_csv(plain, traces)


def test_trace_frame_is_tidy_and_conserves_participants():
    pytest.importorskip("pandas")
    vector = load_vector(ROOT / "tests" / "vectors" / "v2" / "002-recurring-moves.json")
    frame = samkalk.trace(vector["scenario"])
    assert list(frame.columns) == ["cohort", "year", "state", "participants"]
    assert frame.equals(samkalk.calculate(vector["scenario"]).trace_frame())
    participants = vector["scenario"]["cohorts"][0]["participants"]
    for _, total in frame.groupby("year")["participants"].sum().items():
        assert abs(total - participants) <= Decimal("0.00001")
    assert frame["state"].iloc[0] == "AM3"  # the origin first
    assert samkalk.trace(vector["scenario"], dtype="float")["participants"].dtype == "float64"


def test_step_investments_are_in_the_investment_row():
    # tests/vectors/v2/011-by-hand.json: 10 × 8.5 × 2 400 / 12 = 17 000 in 2026, 6 000 in 2027.
    vector = load_vector(ROOT / "tests" / "vectors" / "v2" / "011-by-hand.json")
    result = samkalk.calculate(vector["scenario"])
    assert result.to_dict()["actors"]["municipality"]["investment"] == [Decimal("17000.00"), Decimal("6000.00")]
    assert result.to_dict()["version"] == 2
    pytest.importorskip("pandas")
    frame = result.to_pandas()
    row = frame[(frame.actor == "municipality") & (frame.year == 2026)]
    assert row["investment"].iloc[0] == Decimal("17000.00")


def test_plot_trace_stacks_the_states():
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    vector = load_vector(ROOT / "tests" / "vectors" / "v2" / "005-step-investments.json")
    ax = samkalk.calculate(vector["scenario"]).plot_trace(lang="en")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["AM2", "mentor", "group", "work"]
    with pytest.raises(ValueError, match="unknown cohort"):
        samkalk.calculate(vector["scenario"]).plot_trace(cohort="nobody")


def test_version_2_fields_in_version_1_say_so():
    scenario = {"start_year": 2026, "cohorts": [{"origin": "AM2", "participants": 1,
                                                  "outcomes": [{"target": "work", "share": "0.5", "then": [{"to": "AM3", "share": 0.1}]}]}]}
    faults = samkalk.validate(scenario)
    assert [f["path"] for f in faults] == ["cohorts[0].outcomes[0].then"]
    assert "version = 2" in faults[0]["message"]
    with pytest.raises(samkalk.ScenarioError):
        samkalk.trace(scenario)
    scenario["version"] = 2
    assert samkalk.validate(scenario) == []
