"""The workbook and the Swedish CSV through the package: openpyxl reads the workbook's sheets,
headers, formulas and cached values; LibreOffice (a real spreadsheet engine) recalculates every
formula from scratch and must land within 0.01 of the engine; workbooks read back give the same
result JSON. The LibreOffice test runs when `soffice` is installed (scripts/test-xlsx.sh installs
it and sets SAMKALK_REQUIRE_SOFFICE=1, so that it cannot be skipped there)."""

import datetime
import io
import os
import re
import shutil
import subprocess
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest
from conftest import VECTORS, load_vector

import samkalk

SHEETS_SV = ["Sammanfattning", "År för år", "Tillstånd", "Grupper", "Antaganden"]
SHEETS_EN = ["Summary", "Year by year", "States", "Groups", "Assumptions"]
ACTORS_SV = ["Kommunen", "Arbetsförmedlingen", "Försäkringskassan", "Regionen", "Staten", "Arbetsgivaren", "Individen", "Samhället"]
DAY = datetime.date(2026, 12, 1)


def valid():
    out = []
    for p in VECTORS:
        v = load_vector(p)
        if "expected" in v:
            out.append((p.name, v["scenario"]))
    return out


def to_ore(x):
    return Decimal(repr(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def rows_of(result):
    d = result.to_dict()
    return [d["actors"][a] for a in samkalk.ACTORS] + [d["society"]]


def test_openpyxl_reads_sheets_headers_formulas_and_values(main_scenario):
    result = samkalk.calculate(main_scenario)
    data = result.to_excel_bytes(date=DAY)
    book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    assert book.sheetnames == SHEETS_SV
    years = book["År för år"]
    assert [c.value for c in years[1]] == ["Aktör", "År", "Vinst", "Investering", "Netto", "Ackumulerat netto"]
    assert years.freeze_panes == "A2"
    assert "AarForAar" in years.tables
    n = len(result.years)
    for k, (who, r) in enumerate(zip(ACTORS_SV, rows_of(result))):
        for t, year in enumerate(result.years):
            row = [c.value for c in years[2 + k * n + t]]
            assert row[:2] == [who, year]
            # Gain and investment are the engine's unrounded figures: to the öre, the result's.
            assert [to_ore(row[2]), to_ore(row[3])] == [r["gain"][t], r["investment"][t]]
            # Net and cumulative net are formulas; their cached values are the result's figures.
            assert row[4:6] == [float(r["net"][t]), float(r["cumulative_net"][t])]
    summary = book["Sammanfattning"]
    assert [c.value for c in summary[4]][:7] == ["Aktör", "Vinst", "Investering", "Netto", "Nuvärde", "Återbetalningsår", "Nytta/kostnad"]
    society = [c.value for c in summary[12]]
    s = rows_of(result)[7]
    assert society[0] == "Samhället"
    assert society[1:5] == [float(s["total_gain"]), float(s["total_investment"]), float(s["total_net"]), float(s["npv"])]
    assert society[6] == float(s["benefit_cost_ratio"])
    assumptions = {r[2].value: r[1].value for r in book["Antaganden"].iter_rows(min_row=2) if r[2].value}
    assert assumptions["format"] == "samkalk-arbetsbok 1"
    assert assumptions["start_year"] == 2026
    assert assumptions["samkalk_version"] == samkalk.__version__
    assert assumptions["written"] == datetime.datetime(2026, 12, 1)
    assert assumptions["tax.municipal_rate"] == float(main_scenario["tax"]["municipal_rate"])
    # The formulas themselves.
    formulas = openpyxl.load_workbook(io.BytesIO(data))
    assert formulas["År för år"]["E2"].value == "=C2-D2"
    assert formulas["År för år"]["F3"].value == "=F2+E3"
    assert formulas["Sammanfattning"]["B5"].value == "=SUM('År för år'!C2:C5)"
    assert formulas["Tillstånd"]["H2"].value.startswith("=SUMIFS(")
    groups = formulas["Grupper"]
    assert [c.value for c in groups[1]][:4] == ["Nr", "Namn", "Från tillstånd", "Deltagare"]
    assert groups["B2"].value == main_scenario["cohorts"][0]["name"]


def test_english_workbook_and_files(tmp_path, main_scenario):
    result = samkalk.calculate(main_scenario)
    path = tmp_path / "kalkyl.xlsx"
    result.to_excel(path, lang="en", date=DAY)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == SHEETS_EN
    assert book["Year by year"]["A2"].value == "Municipality"
    back = samkalk.calculate_excel(path)
    assert back.to_json() == result.to_json()
    assert samkalk.calculate_excel(path.read_bytes()) == result


def test_every_vector_round_trips(vectors):
    for name, scenario in valid():
        result = samkalk.calculate(scenario)
        assert samkalk.calculate_excel(result.to_excel_bytes(date=DAY)).to_json() == result.to_json(), name


def test_bad_workbooks_raise_scenario_errors(tmp_path, main_scenario):
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.calculate_excel(b"not a workbook")
    assert e.value.errors[0]["code"] == "not_a_workbook"
    assert e.value.errors[0]["message"].startswith("not an Excel workbook")
    assert e.value.errors[0]["message_sv"].startswith("inte en Excel-arbetsbok (.xlsx) som går att läsa")
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.calculate_excel(tmp_path / "missing.xlsx")
    assert "cannot read" in e.value.errors[0]["message"]
    data = samkalk.calculate(main_scenario).to_excel_bytes(date=DAY)
    book = openpyxl.load_workbook(io.BytesIO(data))
    book["Grupper"]["D2"] = "tjugo"
    del book["Tillstånd"]
    edited = io.BytesIO()
    book.save(edited)
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.calculate_excel(edited.getvalue())
    assert [(f["path"], f["code"]) for f in e.value.errors] == [("Tillstånd", "missing_sheet")]
    book = openpyxl.load_workbook(io.BytesIO(data))
    book["Grupper"]["D2"] = "tjugo"
    edited = io.BytesIO()
    book.save(edited)
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.calculate_excel(edited.getvalue())
    assert e.value.errors == [
        {
            "path": "Grupper!D2",
            "code": "cell_not_a_number",
            "params": {"got": {"kind": "text", "value": "tjugo"}},
            "context": [],
            "message": 'must be a number, got text "tjugo"',
            "message_sv": 'måste vara ett tal, fick texten "tjugo"',
            "message_en": 'must be a number, got text "tjugo"',
        }
    ]
    with pytest.raises(ValueError):
        samkalk.calculate(main_scenario).to_excel_bytes(lang="de")


def test_an_edit_in_excel_is_recomputed(main_scenario):
    result = samkalk.calculate(main_scenario)
    book = openpyxl.load_workbook(io.BytesIO(result.to_excel_bytes(date=DAY)))
    participants = book["Grupper"]["D2"].value
    book["Grupper"]["D2"] = participants * 2
    edited = io.BytesIO()
    book.save(edited)
    changed = dict(main_scenario, cohorts=[dict(main_scenario["cohorts"][0], participants=participants * 2)] + main_scenario["cohorts"][1:])
    assert samkalk.calculate_excel(edited.getvalue()) == samkalk.calculate(changed)


def test_swedish_csv_as_swedish_excel_reads_it(main_scenario):
    result = samkalk.calculate(main_scenario)
    text = result.to_csv(lang="sv")
    assert text.startswith("\ufeff")
    lines = text[1:].split("\r\n")
    head = lines.index("Aktör;År;Vinst;Investering;Netto;Ackumulerat netto")
    first = lines[head + 1].split(";")
    r = rows_of(result)[0]
    assert first[0] == "Kommunen"
    assert [Decimal(x.replace(",", ".")) for x in first[2:]] == [r["gain"][0], r["investment"][0], r["net"][0], r["cumulative_net"][0]]
    assert result.to_csv() == result.to_csv(lang="en")
    assert result.to_csv().startswith("actor,year,gain,investment,net,cumulative_net\n")


# ----------------------------------------------------------------------------------------------
# LibreOffice: every formula recalculated by a real spreadsheet engine.

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def strip_cached_results(data: bytes) -> bytes:
    """The workbook with every formula's cached value removed, so that whatever LibreOffice
    shows for a formula it has computed itself."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                body, n = re.subn(rb"(<f>[^<]*</f>)<v>[^<]*</v>", rb"\1", body)
            z.writestr(item, body)
    return out.getvalue()


@pytest.mark.skipif(not SOFFICE and not os.environ.get("SAMKALK_REQUIRE_SOFFICE"), reason="LibreOffice (soffice) is not installed")
def test_libreoffice_recalculates_every_formula_to_the_engines_value(tmp_path):
    assert SOFFICE, "SAMKALK_REQUIRE_SOFFICE is set but soffice is not installed"
    profile = tmp_path / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    out.mkdir()
    written = {}
    for name, scenario in valid():
        for lang in ("sv", "en"):
            data = samkalk.calculate(scenario).to_excel_bytes(lang=lang, date=DAY)
            stem = f"{Path(name).stem}-{lang}"
            (src / f"{stem}.xlsx").write_bytes(strip_cached_results(data))
            written[stem] = data
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "xlsx", "--outdir", str(out)]
        + sorted(str(p) for p in src.glob("*.xlsx")),
        check=True,
        capture_output=True,
        timeout=900,
    )
    checked, worst = 0, 0.0
    for stem, data in written.items():
        formulas = openpyxl.load_workbook(io.BytesIO(data))
        cached = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        recalculated = openpyxl.load_workbook(out / f"{stem}.xlsx", data_only=True)
        for sheet in formulas.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if not (isinstance(cell.value, str) and cell.value.startswith("=")):
                        continue
                    engine = cached[sheet.title][cell.coordinate].value
                    got = recalculated[sheet.title][cell.coordinate].value
                    assert isinstance(got, (int, float)), f"{stem} {sheet.title}!{cell.coordinate} {cell.value}: LibreOffice gives {got!r}"
                    assert abs(got - engine) <= 0.01, f"{stem} {sheet.title}!{cell.coordinate} {cell.value}: {got} vs the engine's {engine}"
                    worst = max(worst, abs(got - engine))
                    checked += 1
    assert checked > 31 * 2 * 100
    print(f"LibreOffice recalculated {checked} formulas; largest difference to the engine {worst:.6f}")


def test_version_2_columns_and_steps_are_in_the_workbook():
    from conftest import ROOT

    scenario = load_vector(ROOT / "tests" / "vectors" / "v2" / "005-step-investments.json")["scenario"]
    result = samkalk.calculate(scenario)
    book = openpyxl.load_workbook(io.BytesIO(result.to_excel_bytes(date=DAY)))
    states = book["Tillstånd"]
    head = next(r for r in states.iter_rows() if r[7].value == "Investering (stegkostnad)")
    assert [c.value for c in head][:9][-2:] == ["Investering (stegkostnad)", "Skattepliktig"]
    flags = [r[7].value for r in states.iter_rows(min_row=head[0].row + 1) if r[0].value]
    assert "ja" in flags and set(flags) == {"ja", "nej"}
    # The net formulas leave out the step costs.
    assert ',"nej")' in states["H2"].value
    groups = book["Grupper"]
    steps = [r for r in groups.iter_rows() if r[0].value == "Grupp nr" and r[1].value == "Utfall nr"]
    assert len(steps) == 1
    assert samkalk.calculate_excel(result.to_excel_bytes(date=DAY)).to_json() == result.to_json()
