"""Faults and warnings that say how to fix a common mistake (docs/method.md, "Fault codes",
"Warning codes")."""

import samkalk

BASE = {"start_year": 2026, "cohorts": [{"origin": "AM2", "participants": 20, "outcomes": [{"target": "work", "share": "0.6"}]}]}


def with_(share="0.6", financing=None, tax=None):
    cohort = {"origin": "AM2", "participants": 20, "outcomes": [{"target": "work", "share": share}]}
    if financing is not None:
        cohort["intervention"] = {"cost_per_participant": "40000", "financing": financing}
    return {"start_year": 2026, "tax": tax or {}, "cohorts": [cohort]}


def test_a_decimal_comma_gets_the_number_with_a_point():
    [fault] = samkalk.validate(with_(share="0,6"))
    assert (fault["path"], fault["code"], fault["params"]) == ("cohorts[0].outcomes[0].share", "decimal_comma", {"got": "0,6", "suggested": "0.6"})
    assert fault["message_sv"] == 'decimaltecknet är punkt i scenariot: skriv 0.6, inte "0,6"'


def test_python_floats_that_miss_one_show_the_exact_sum():
    third = 1 / 3
    [fault] = samkalk.validate(with_(financing={"municipality": third, "region": third, "state": third}))
    assert fault["code"] == "sum_not_one_by_rounding"
    assert fault["params"] == {"sum": "0.9999999999999999", "difference": "0.0000000000000001"}
    assert "0,9999999999999999" in fault["message_sv"]


def test_json_with_a_byte_order_mark(tmp_path):
    import json

    text = json.dumps(BASE)
    path = tmp_path / "notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    expected = samkalk.calculate(text).to_json()
    assert samkalk.calculate("\ufeff" + text).to_json() == expected
    assert samkalk.calculate(str(path)).to_json() == expected


def test_a_nominal_municipal_rate_is_a_warning_not_a_fault():
    nominal = with_(tax={"municipal_rate": "0.2074"})
    assert samkalk.validate(nominal) == []
    [warning] = samkalk.warnings(nominal)
    assert (warning["path"], warning["code"], warning["params"]) == ("tax.municipal_rate", "nominal_municipal_rate", {"rate": "0.2074", "limit": "0.15"})
    assert warning["message_sv"].startswith("0,2074 ser ut som en nominell kommunalskatt")
    assert samkalk.warnings(with_(tax={"municipal_rate": "0.12"})) == []
    assert samkalk.warnings({"version": 2, **with_(tax={"municipal_rate": "0.2074", "method": "rules"})}) == []
    assert samkalk.warnings({"start_year": "x"}) == []
