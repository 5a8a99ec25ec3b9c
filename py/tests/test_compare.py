"""samkalk.compare: alternatives side by side, from the core."""

import pathlib
import subprocess
from decimal import Decimal

import pytest
from conftest import cli

import samkalk

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"
FIGURES = ("total_gain", "total_investment", "total_net", "npv", "payback_year", "benefit_cost_ratio")


def test_a_scenario_against_itself_differs_by_nothing():
    c = samkalk.compare([EXAMPLES / "programme.toml", EXAMPLES / "programme.toml"], names=["A", "B"])
    assert c.names == ["A", "B"] and len(c) == 9 * 2
    for row in c:
        assert row["difference_npv"] == 0 and row["difference_total_net"] == 0
        assert row["difference_payback_year"] in (0, None)
    assert c.row("municipality", "A")["npv"] == c.row("municipality", "B")["npv"]


def test_agrees_with_calculate_on_each_alternative():
    files = [EXAMPLES / n for n in ("programme.toml", "nynashamn.toml", "trelleborg.toml")]
    c = samkalk.compare(files, names=["P", "N", "T"])
    for file, name in zip(files, ["P", "N", "T"]):
        result = samkalk.calculate(file)
        d = result.to_dict()
        for who in list(samkalk.ACTORS) + ["public_sector", "society"]:
            figures = result.public_sector() if who == "public_sector" else d["society"] if who == "society" else d["actors"][who]
            row = c.row(who, name)
            assert {k: row[k] for k in FIGURES} == {k: figures[k] for k in FIGURES}, (who, name)
            assert row["difference_npv"] == figures["npv"] - c.row(who, "P")["npv"]
    assert c.row("society", "N")["label"] == "Samhället"


def test_outputs_are_the_cores():
    c = samkalk.compare([EXAMPLES / "programme.toml", EXAMPLES / "nynashamn.toml"], names=["Program", "Nynäshamn"], lang="en")
    assert repr(c) == c.table("en") and c.table("sv").startswith("Jämförelse av alternativ\n")
    assert "Nynäshamn − Program" in c.table() and "<pre class='samkalk-comparison'>" in c._repr_html_()
    assert c.to_csv().splitlines()[0].startswith("who,alternative,total_gain")
    assert '"who": "public_sector"' in c.to_json()
    assert c.row("public_sector", "Program")["label"] == "Public sector"
    pytest.importorskip("pandas")
    frame = c.to_pandas()
    assert frame.shape == (18, 15) and frame["payback_year"].dtype == "Int64"
    assert frame.loc[0, "npv"] == c[0]["npv"] and isinstance(frame.loc[0, "npv"], Decimal)
    assert c.to_pandas(dtype="float")["npv"].dtype == "float64"


def test_the_command_line_prints_the_same_table():
    files = [str(EXAMPLES / "programme.toml"), str(EXAMPLES / "nynashamn.toml")]
    out = subprocess.run([str(cli()), "compare", *files, "--names", "Program,Nynäshamn"], capture_output=True, text=True, check=True)
    assert out.stdout == samkalk.compare(files, names=["Program", "Nynäshamn"]).table()


def test_a_fault_names_its_alternative():
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.compare([EXAMPLES / "programme.toml", {"start_year": 2026, "horizon_years": 0}], names=["A", "B"])
    assert [f["path"] for f in e.value.errors] == ["scenarios[1].horizon_years"]
    with pytest.raises(ValueError):
        samkalk.compare([EXAMPLES / "programme.toml"], names=["A", "B"])
    # Without names: each scenario's own, else its number.
    assert samkalk.compare([EXAMPLES / "programme.toml", {"start_year": 2026}]).names == [samkalk.Scenario(EXAMPLES / "programme.toml").name, "2"]


def test_plot():
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    c = samkalk.compare([EXAMPLES / "programme.toml", EXAMPLES / "nynashamn.toml"])
    ax = c.plot()
    assert len(ax.patches) == 9 * 2
    assert [t.get_text() for t in ax.get_xticklabels()][-2:] == ["Offentlig sektor", "Samhället"]
