"""The core's presentation layer from Python: formatters, parsers of Swedish input, labels,
the standard sensitivity request."""

from decimal import Decimal

import pytest

import samkalk


def test_parsers_read_swedish_input_exactly() -> None:
    assert samkalk.parse_amount("120.000") == Decimal("120000")
    assert samkalk.parse_amount("120 000 kr") == Decimal("120000")
    assert samkalk.parse_amount("35 000,50") == Decimal("35000.50")
    assert samkalk.parse_amount("\u22125") == Decimal("-5")
    assert str(samkalk.parse_percent("12,5")) == "0.125"
    assert str(samkalk.parse_percent("30 %")) == "0.3"
    assert samkalk.parse_whole("1 200") == 1200


@pytest.mark.parametrize(
    "text, code",
    [("", "missing"), ("120.00", "ambiguous_separator"), ("tolv", "not_a_number"), ("1,2,3", "not_a_number")],
)
def test_parser_faults_carry_a_code_and_both_languages(text: str, code: str) -> None:
    with pytest.raises(samkalk.InputError) as caught:
        samkalk.parse_amount(text)
    assert caught.value.code == code
    assert isinstance(caught.value, ValueError)
    assert str(caught.value) == caught.value.message_sv
    assert caught.value.message_en and caught.value.message_en != caught.value.message_sv


def test_missing_says_fill_in_a_value() -> None:
    with pytest.raises(samkalk.InputError) as caught:
        samkalk.parse_percent("  ")
    assert (caught.value.code, caught.value.message_sv, caught.value.message_en) == ("missing", "Fyll i ett värde.", "Enter a value.")
    with pytest.raises(samkalk.InputError) as whole:
        samkalk.parse_whole("2,5")
    assert whole.value.code == "not_a_whole_number"


def test_formatters_in_both_languages() -> None:
    assert samkalk.format_kronor(Decimal("1234567.49"), "en") == "1,234,567 kr"
    assert samkalk.format_kronor_ore(Decimal("35000.5")) == "35 000,50 kr"
    assert samkalk.format_percent(Decimal("0.068345")) == "6,8 %"
    assert samkalk.format_percent(Decimal("0.068345"), "en") == "6.8%"
    assert samkalk.format_ratio(Decimal("1.2345")) == "1,23"
    assert samkalk.format_ratio(Decimal("1.2345"), "en") == "1.23"
    assert samkalk.format_rounded_amount(Decimal("3812345.67")) == "3,8 miljoner kr"
    # 29 digits: raised PanicException before (unchecked multiplication in the core).
    assert samkalk.format_percent(Decimal("79228162514264337593543950335")) == "7922816251426433759354395033500,0 %"


def test_labels_are_the_cores() -> None:
    sv, en = samkalk.labels(), samkalk.labels("en")
    assert sv["fields"]["cumulative_net"] == "Ackumulerat netto"
    assert sv["fields"]["benefit_cost_ratio"] == "Nytta per investerad krona"
    assert en["society"] == "Society" and samkalk.actor_labels("en")["society"] == "Society"
    assert sv["public_sector_members"] == ["municipality", "employment_service", "social_insurance", "region", "state"]
    with pytest.raises(ValueError):
        samkalk.labels("de")


def test_headings_are_the_cores_in_both_languages() -> None:
    sv, en = samkalk.labels()["headings"], samkalk.labels("en")["headings"]
    assert list(sv) == ["title", "actor", "year", "cohort", "break_even", "currency", "persons", "trace"]
    assert (sv["title"], en["title"]) == ("Socioekonomisk investeringskalkyl", "Socioeconomic investment calculation")
    assert (sv["currency"], en["currency"], sv["trace"]) == ("kr", "SEK", "Effektspår")
    # The summary table's headings are these (the core's), not the package's own.
    result = samkalk.calculate(SCENARIO)
    html = result.summary(lang="en")._repr_html_()
    assert html.startswith("<table") or "<th>Actor</th>" in html
    assert f"<th>{en['actor']}</th>" in html and f"<th>{en['cohort']}: " in html


SCENARIO = {
    "start_year": 2026,
    "cohorts": [
        {"name": "A", "origin": "AM2", "participants": 20, "intervention": {"cost_per_participant": "40000", "duration_months": 6},
         "outcomes": [{"target": "work", "share": "0.8"}]}
    ],
}


def test_standard_analysis_runs_and_orders_the_tornado_per_actor() -> None:
    standard = samkalk.standard_analysis(SCENARIO)
    params = standard["request"]["tornado"]["parameters"]
    assert params[0] == {"parameter": "cohorts[0].outcomes[0].share", "low": "0.4", "high": "1"}
    assert standard["labels"][2]["low"] == "30 000 kr"
    # The Monte Carlo also draws how many stay in work and the comparison group (none given:
    # from 0, most likely, to a quarter of the share).
    drawn = {p["parameter"]: p["distribution"] for p in standard["request"]["monte_carlo"]["parameters"]}
    assert drawn["cohorts[0].outcomes[0].retention"] == {"kind": "triangular", "low": "0.8", "mode": "1", "high": "1"}
    assert drawn["cohorts[0].outcomes[0].counterfactual_share"] == {"kind": "triangular", "low": "0", "mode": "0", "high": "0.2"}
    assert standard["labels"][-1]["what"] == "Hade nått arbete ändå (jämförelsegrupp), AM2"
    assert "(slumpfrö 2026)" in standard["method"]
    assert samkalk.standard_analysis(SCENARIO, "en")["method"].startswith("The calculation was repeated 2,000 times")
    request = dict(standard["request"])
    request.pop("monte_carlo")
    result = samkalk.analyse(SCENARIO, request)
    frame = result.tornado_frame(actor="municipality")
    rows = result.to_dict()["tornado"]["rows"]
    expected = [abs(r["npv_high"]["municipality"] - r["npv_low"]["municipality"]) for r in rows]
    assert list(frame["swing"]) == expected
    with pytest.raises(samkalk.ScenarioError):
        samkalk.standard_analysis({"start_year": "x"})
