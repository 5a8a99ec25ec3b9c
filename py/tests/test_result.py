"""Result: to_dict with Decimals, to_json, the tidy DataFrame, summary, HTML and the plot."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

import samkalk

LABELS_SV = ["Kommunen", "Arbetsförmedlingen", "Försäkringskassan", "Regionen", "Staten", "Arbetsgivaren", "Individen", "Samhället"]
IDS = ["municipality", "employment_service", "social_insurance", "region", "state", "employer", "individual", "society"]


@pytest.fixture(scope="module")
def result(main_scenario):
    return samkalk.calculate(main_scenario)


def test_to_dict_types_and_scales(result):
    d = result.to_dict()
    assert list(d) == ["version", "years", "actors", "society", "cohorts"]
    assert d["years"] == [2026, 2027, 2028, 2029] and all(type(y) is int for y in d["years"])
    m = d["actors"]["municipality"]
    assert m["investment"][0] == Decimal("2850000.00")
    assert str(m["investment"][0]) == "2850000.00"  # two decimals kept
    assert str(m["investment"][1]) == "0.00"
    assert type(m["payback_year"]) is int and m["payback_year"] == 2027
    assert str(m["benefit_cost_ratio"]) == "5.6151"
    assert d["actors"]["employer"]["benefit_cost_ratio"] is None
    be = d["cohorts"][0]["break_even"]
    assert list(be) == IDS
    assert str(be["municipality"]["share"]) == "0.059801" and be["municipality"]["kind"] == "at_least"
    assert be["region"] == {"share": None, "kind": "always"}
    # A fresh dict every call: changing one does not change the result.
    d["years"].append(0)
    assert result.to_dict()["years"] == [2026, 2027, 2028, 2029]


def test_to_dict_matches_to_json_exactly(result):
    def strings(tree, key=""):
        if isinstance(tree, dict):
            return {k: strings(v, k) for k, v in tree.items()}
        if isinstance(tree, list):
            return [strings(v, key) for v in tree]
        if isinstance(tree, Decimal):
            return str(tree)
        return tree

    assert strings(result.to_dict()) == json.loads(result.to_json())


def test_to_json_is_the_cores_compact_json(result, main_expected):
    text = result.to_json()
    assert text.startswith('{"version":1,"years":[2026,2027,2028,2029],"actors":{"municipality":{"gain":["1504980.00",')
    assert "\n" not in text and ": " not in text
    assert json.loads(text) == main_expected  # 002's expected values are exact
    pretty = result.to_json(pretty=True)
    assert json.loads(pretty) == json.loads(text) and "\n" in pretty


def test_decimal_round_trip_through_the_result(result, main_scenario):
    # Result values fed back into a scenario stay exact (Decimal in, Decimal out).
    d = result.to_dict()
    cost = d["actors"]["municipality"]["total_investment"] / 50  # 57000.00
    tree = json.loads(json.dumps(main_scenario, default=str))
    tree["cohorts"][0]["intervention"]["cost_per_participant"] = cost
    again = samkalk.calculate(tree).to_dict()
    assert again["actors"]["municipality"]["investment"][0] == cost * 30 + Decimal("20") * Decimal("90000")


def test_to_pandas_shape_and_values(result):
    pytest.importorskip("pandas")
    frame = result.to_pandas()
    assert list(frame.columns) == ["actor", "year", "gain", "investment", "net", "cumulative_net"]
    assert frame.shape == (9 * 4, 6)
    assert list(frame["actor"].unique()) == IDS[:-1] + ["public_sector", "society"]
    assert frame["year"].dtype == "int64"
    d = result.to_dict()
    public = result.public_sector()
    for actor in IDS + ["public_sector"]:
        figures = public if actor == "public_sector" else d["society"] if actor == "society" else d["actors"][actor]
        rows = frame[frame["actor"] == actor]
        assert list(rows["year"]) == d["years"]
        for key in ("gain", "investment", "net", "cumulative_net"):
            assert list(rows[key]) == figures[key]
            assert all(isinstance(x, Decimal) for x in rows[key])
    # Exact sums: the seven actors add up to society to the öre.
    net = frame.pivot(index="year", columns="actor", values="net")
    assert (net[IDS[:-1]].sum(axis=1) == net["society"]).all()
    floats = result.to_pandas(dtype="float")
    assert floats["net"].dtype == "float64"
    assert floats.loc[0, "net"] == -1345020.0
    assert list(result.to_pandas(lang="sv")["actor"].unique()) == LABELS_SV[:-1] + ["Offentlig sektor", "Samhället"]
    assert result.to_pandas(lang="en")["actor"].iloc[-1] == "Society"
    with pytest.raises(ValueError):
        result.to_pandas(dtype="int")
    with pytest.raises(ValueError):
        result.to_pandas(lang="de")


def test_summary(result):
    s = result.summary()
    assert len(s) == 9
    assert [row["label"] for row in s] == LABELS_SV[:-1] + ["Offentlig sektor", "Samhället"]
    assert s["public_sector"]["npv"] == result.public_sector()["npv"] and s["public_sector"]["break_even"] == {}
    m = s["municipality"]
    assert m["npv"] == Decimal("13152989.60") and m["payback_year"] == 2027 and m["benefit_cost_ratio"] == Decimal("5.6151")
    assert m["break_even"]["AM2-grupp"] == {"share": Decimal("0.059801"), "kind": "at_least"}
    figures = result.to_dict()["actors"]["municipality"]
    assert (m["total_gain"], m["total_investment"]) == (figures["total_gain"], figures["total_investment"])
    assert m["total_investment"] > 0
    text = repr(s)
    assert "Kommunen" in text and "13 152 990 kr" in text and "minst 6,0 %" in text
    html = s._repr_html_()
    assert "<table" in html and "Samhället" in html
    en = result.summary(lang="en")
    assert en[0]["label"] == "Municipality" and "at least 6.0%" in repr(en)
    pd = pytest.importorskip("pandas")
    frame = s.to_pandas()
    assert list(frame.columns[:7]) == ["actor", "label", "total_gain", "total_investment", "npv", "payback_year", "benefit_cost_ratio"]
    assert frame.shape == (9, 11)
    # Break-even as a number with its kind beside it, not text.
    assert frame.loc[0, "break_even_share (AM2-grupp)"] == Decimal("0.059801")
    assert frame.loc[0, "break_even_kind (AM2-grupp)"] == "Minst"
    public = frame[frame["actor"] == "public_sector"].iloc[0]
    assert pd.isna(public["break_even_share (AM2-grupp)"]) and pd.isna(public["break_even_kind (AM2-grupp)"])


def test_html_repr(result):
    html = result._repr_html_()
    assert html.startswith("<div") and "<table" in html
    for label in LABELS_SV:
        assert label in html
    assert "13 152 990 kr" in html  # municipality NPV, whole kronor with spaces
    assert "-1 345 020 kr" in html  # municipality net 2026
    assert "37 110 097 kr" in html
    for year in (2026, 2027, 2028, 2029):
        assert str(year) in html
    assert "minst 6,0 %" in html and "alltid" in html
    en = result.to_html(lang="en")
    assert "Municipality" in en and "Kommunen" not in en and "at least 6.0%" in en


def test_html_escapes_names():
    r = samkalk.calculate({"start_year": 2026, "cohorts": [{"name": "<b>x</b>", "origin": "AM2", "participants": 1,
                                                             "outcomes": [{"target": "work", "share": "0.5"}]}]})
    assert "<b>x</b>" not in r._repr_html_() and "&lt;b&gt;x&lt;/b&gt;" in r._repr_html_()


def test_repr_and_equality(result, main_scenario):
    assert "37 110 097 kr" in repr(result)
    assert result == samkalk.calculate(main_scenario)
    assert result != samkalk.calculate({"start_year": 2026})


def test_plot(result):
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = result.plot()
    labels = [line.get_label() for line in ax.get_lines()]
    # Actors with a non-zero cumulative net (not the employer here), the public sector (dashed),
    # society, and the zero line.
    assert labels[:-1] == ["Kommunen", "Arbetsförmedlingen", "Försäkringskassan", "Regionen", "Staten", "Individen", "Offentlig sektor", "Samhället"]
    public = ax.get_lines()[-3]
    assert list(public.get_ydata()) == [float(x) for x in result.public_sector()["cumulative_net"]] and public.get_linestyle() == "--"
    zero = ax.get_lines()[-1]
    assert list(zero.get_ydata()) == [0, 0]
    society = ax.get_lines()[-2]
    assert list(society.get_xdata()) == [2026, 2027, 2028, 2029]
    assert list(society.get_ydata()) == [1058340.0, 13525100.0, 25526852.0, 37110096.8]
    assert ax.get_ylabel() == "Ackumulerat netto (kr)"
    plt.close("all")
    fig, ax2 = plt.subplots()
    assert result.plot(ax=ax2, lang="en", actors=["municipality"], society=False, public_sector=False, title="t") is ax2
    assert len(ax2.get_lines()) == 2
    assert [line.get_label() for line in ax2.get_lines()][0] == "Municipality"
    with pytest.raises(ValueError):
        result.plot(actors=["nobody"])
    plt.close("all")


def test_labels_and_formatting():
    assert list(samkalk.actor_labels()) == IDS
    assert list(samkalk.actor_labels().values()) == LABELS_SV
    assert samkalk.actor_labels("en")["employment_service"] == "Employment service"
    assert samkalk.ACTORS == tuple(IDS[:-1])
    assert samkalk.format_kronor(Decimal("1234567.49")) == "1 234 567 kr"
    assert samkalk.format_kronor("-800000") == "-800 000 kr"
    assert samkalk.format_kronor(999.5) == "1 000 kr"
    with pytest.raises(ValueError):
        samkalk.actor_labels("de")


def test_defaults():
    d = samkalk.defaults()
    assert {"AM1", "AM2", "AM3", "work", "subsidised_work", "studies"} <= set(d["states"])
    assert all(isinstance(v, Decimal) for v in d["tax"].values())
    assert isinstance(d["tax_sources"]["municipal_rate"]["value"], Decimal)
    assert isinstance(d["price_year"], int)
    flow = d["states"]["AM2"]["flows"][0]
    assert isinstance(flow["amount"], Decimal) and isinstance(flow["source"], str)
    # A default state, notes and all, is a valid scenario state (test_extends.py: the result too).
    assert samkalk.validate({"start_year": 2026, "states": {"AM2": d["states"]["AM2"]}}) == []


def test_to_json_is_byte_for_byte_the_command_lines_output(main_scenario):
    """`Result.to_json()` is exactly what `samkalk calculate FILE` prints (less its newline)."""
    import subprocess

    from conftest import cli

    text = json.dumps(main_scenario) if isinstance(main_scenario, dict) else main_scenario.to_json()
    printed = subprocess.run([str(cli()), "calculate", "-"], input=text, capture_output=True, text=True, check=True).stdout
    assert printed == samkalk.calculate(text).to_json() + "\n"


def test_public_sector(result):
    # The five public actors as a whole, from the core: its yearly net is the five actors' to
    # the öre here (each actor's yearly figure is exact), and the result JSON does not change.
    public = result.public_sector()
    d = result.to_dict()
    members = samkalk.labels()["public_sector_members"]
    assert members == ["municipality", "employment_service", "social_insurance", "region", "state"]
    for t in range(len(d["years"])):
        total = sum(d["actors"][a]["net"][t] for a in members)
        assert abs(public["net"][t] - total) <= Decimal("0.025")
    assert isinstance(public["npv"], Decimal) and public["npv"] != 0
    assert "public_sector" not in result.to_json()
    html = result.to_html()
    assert html.index("Offentlig sektor") < html.index("Samhället")
    assert samkalk.format_kronor(public["npv"]) in html
    assert "Public sector" in result.to_html(lang="en")


def test_assumptions_in_summary_and_html():
    # Vector 000's inputs written out by hand (as cli/tests/cli.rs checks the CLI table's end).
    root = Path(__file__).resolve().parents[2]
    scenario = json.loads((root / "tests" / "vectors" / "000.json").read_text(encoding="utf-8"))["scenario"]
    r = samkalk.calculate(scenario)
    expected = [
        ("Deltagare, AM2-grupp", "20 från AM2: behöver kortare insatser"),
        ("Kostnad per deltagare, AM2-grupp", "40 000 kr"),
        ("Insatsens tid, AM2-grupp", "från månad 0 (0 = januari 2026), 6 månader"),
        ("Finansiering, AM2-grupp", "Kommunen 100 %"),
        ("Andel till arbete, AM2-grupp", "60 %"),
        ("Andel till arbete utan insatsen (jämförelsegruppen), AM2-grupp", "0 %"),
        ("Kvar i arbete efter ett år, AM2-grupp", "100 %"),
        ("Skattemetod", "effektiva skattesatser på bruttolönen"),
        ("Kommunalskatt", "20,74 %"),
        ("Regionskatt", "11,39 %"),
        ("Arbetsgivaravgifter", "31,42 %"),
        ("Diskonteringsränta", "0 %"),
        ("Kalkylperiod", "4 år (2026–2029)"),
        ("Prisår", "inte angivet"),
        ("Metodversion", "1"),
    ]
    assert r.assumptions() == expected
    s = r.summary()
    assert s.assumptions == expected
    assert repr(s).endswith("\n\nFörutsättningar\n  Deltagare, AM2-grupp: 20 från AM2: behöver kortare insatser\n"
                            "  Kostnad per deltagare, AM2-grupp: 40 000 kr\n  Insatsens tid, AM2-grupp: från månad 0 (0 = januari 2026), 6 månader\n"
                            "  Finansiering, AM2-grupp: Kommunen 100 %\n  Andel till arbete, AM2-grupp: 60 %\n"
                            "  Andel till arbete utan insatsen (jämförelsegruppen), AM2-grupp: 0 %\n  Kvar i arbete efter ett år, AM2-grupp: 100 %\n"
                            "  Skattemetod: effektiva skattesatser på bruttolönen\n  Kommunalskatt: 20,74 %\n  Regionskatt: 11,39 %\n"
                            "  Arbetsgivaravgifter: 31,42 %\n  Diskonteringsränta: 0 %\n  Kalkylperiod: 4 år (2026–2029)\n"
                            "  Prisår: inte angivet\n  Metodversion: 1")
    cell = "<th style='text-align:left'>Kommunalskatt</th><td style='text-align:left'>20,74 %</td>"
    assert cell in s._repr_html_() and cell in r._repr_html_()
    assert "<strong>Förutsättningar</strong>" in r._repr_html_()
    en = r.assumptions(lang="en")
    assert en[1] == ("Cost per participant, AM2-grupp", "40,000 kr") and en[-1] == ("Method version", "1")
    assert "<strong>Assumptions</strong>" in r.to_html(lang="en")
    assert r.summary(lang="en").assumptions == en
