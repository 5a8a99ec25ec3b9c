"""Method version 2 through the package: municipalities, restated defaults, the rules method."""

from decimal import Decimal

import pytest

import samkalk


def test_municipalities_lists_290_with_rates():
    m = samkalk.municipalities()
    assert m["year"] == 2025
    assert len(m["municipalities"]) == 290
    timra = next(x for x in m["municipalities"] if x["code"] == "2262")
    assert (timra["name"], timra["municipal_rate"], timra["regional_rate"]) == ("Timrå", Decimal("0.2319"), Decimal("0.1129"))


def test_defaults_restated_to_2026():
    d = samkalk.defaults(price_year=2026)
    assert d["price_year"] == 2026
    amount = d["states"]["AM2"]["flows"][0]["amount"]
    assert abs(amount - Decimal(105000) * 59200 / 58800) < Decimal("1e-20")
    assert samkalk.defaults(price_year=2025) == samkalk.defaults()
    with pytest.raises(ValueError, match="^price_year: "):
        samkalk.defaults(price_year=2031)


def test_rules_method_and_unknown_municipality():
    base = {"version": 2, "start_year": 2026, "tax": {"method": "rules", "municipality": "Timrå"},
            "cohorts": [{"origin": "AM2", "participants": 1, "outcomes": [{"target": "work", "share": "1"}]}]}
    r = samkalk.calculate(base)
    assert r.to_dict()["version"] == 2
    faults = samkalk.validate({**base, "tax": {"method": "rules", "municipality": "Timra"}})
    assert [f["path"] for f in faults] == ["tax.municipality"] and "Timrå (2262)" in faults[0]["message"]
