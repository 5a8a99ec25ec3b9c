#!/usr/bin/env python3
"""Writes tests/vectors/v2/tax-*.json: version-2 scenarios with the rules method, a
municipality, taxable benefits, equalisation and price years, each with its expected result
from two independent references, neither of which is the Rust engine:

- tax_rules.py (this folder) computes each state's tax flows from docs/method.md ("Tax from
  the rules"), and this script restates built-in states ("Price years") from data/defaults.toml;
- pathways.py (the reference of the pathways branch, tests/reference/pathways.py once merged)
  computes the result of the equivalent scenario in which those flows are written out and
  the effective rates are 0.

Run from the repository root: python3 tests/reference/make_tax_vectors.py
"""

import copy
import json
import os
import sys
import tomllib
from decimal import Decimal as D

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(1, os.path.join(HERE, "../../../pathways/tests/reference"))  # before the merge
import pathways  # noqa: E402
import tax_rules  # noqa: E402
from vector_file import write_vector  # noqa: E402

ROOT = os.path.join(HERE, "..", "vectors")
BASE = json.load(open(os.path.join(ROOT, "000.json")))["scenario"]
DEFAULTS = tomllib.load(open(os.path.join(HERE, "../../core/data/defaults.toml"), "rb"))
PBB = {2025: D(58800), 2026: D(59200)}
TIMRA = (D("0.2319"), D("0.1129"))  # Skatteverket, skattesatser 2025, 2262 Timrå
VASTERNORRLAND = (D("0.2104"), D("0.0804"))  # förordningen (2004:881) 2 §, län 22
NATIONAL = (D("0.2077"), D("0.1164"))  # data/tax.toml, municipalities.2025


def kr(x):
    return f"{x:,}".replace(",", " ")


def builtin(state_id, price_year):
    """A built-in state as data/defaults.toml has it, restated to price_year (docs/method.md)."""
    s = copy.deepcopy(DEFAULTS["states"][state_id])
    num, den = PBB[price_year], PBB[2025]
    out = {"label": s.get("label", ""), "flows": []}
    for f in s.get("flows", []):
        g = {k: f[k] for k in ("label", "payer", "payee", "amount") if k in f}
        g.setdefault("payer", None)
        g.setdefault("payee", None)
        g["amount"] = str(D(f["amount"]) * num / den)
        if f.get("taxable"):
            g["taxable"] = True
        out["flows"].append(g)
    if "earnings" in s:
        e = s["earnings"]
        out["earnings"] = {"monthly_wage": str(D(e["monthly_wage"]) * num / den), "employment_rate": e["employment_rate"],
                           "productivity": e["productivity"]}
    return out


def tax_flows(state, rates, equalisation=None):
    """The rules method's flows for a state (docs/method.md, the booking table) and the
    arithmetic in words."""
    e = state.get("earnings")
    earned = D(e["monthly_wage"]) * 12 * D(e.get("employment_rate", "1")) if e else D(0)
    other = sum((D(f["amount"]) for f in state.get("flows", []) if f.get("taxable") and f.get("payee") == "individual"), D(0))
    if earned + other == 0:
        return [], "no taxable income"
    t = tax_rules.tax(earned, other, rates[0], rates[1])
    qm = qr = D(0)
    if equalisation:
        qm = min(t["municipal"], t["taxable"] * equalisation[0])
        qr = min(t["regional"], t["taxable"] * equalisation[1])
    rows = [("Kommunalskatt", "individual", "municipality", t["municipal"] - qm),
            ("Kommunalskatt, utjämnad del", "individual", "state", qm),
            ("Regionskatt", "individual", "region", t["regional"] - qr),
            ("Regionskatt, utjämnad del", "individual", "state", qr),
            ("Statlig inkomstskatt", "individual", "state", t["state"]),
            ("Allmän pensionsavgift efter skattereduktion", "individual", "state", t["pension_fee"] - t["pension_reduction"]),
            ("Public service-avgift", "individual", "state", t["public_service"]),
            ("Jobbskatteavdrag", "state", "individual", t["jsa"]),
            ("Skattereduktion för förvärvsinkomst", "state", "individual", t["eir"])]
    flows = [{"label": l, "payer": p, "payee": q, "amount": str(a)} for l, p, q, a in rows if a != 0]
    words = (f"E = {kr(earned)}, O = {kr(other)}; A = {kr(t['assessed'])}; G = {kr(t['grundavdrag'])}; T = {kr(t['taxable'])}; "
             f"M = {kr(t['municipal'])}, R = {kr(t['regional'])} (rates {rates[0]}, {rates[1]}); S = {kr(t['state'])}; "
             f"P = {kr(t['pension_fee'])}, PR = {kr(t['pension_reduction'])}; J = {kr(t['jsa'])}; F = {kr(t['eir'])}; PS = {kr(t['public_service'])}")
    if equalisation:
        words += f"; QM = min(M, T x {equalisation[0]}) = {qm}, QR = min(R, T x {equalisation[1]}) = {qr}"
    return flows, words


def cohort(outcomes, origin="AM2", participants=20, cost="40000", duration=6):
    return {"name": "kohort", "origin": origin, "participants": participants,
            "intervention": {"cost_per_participant": cost, "duration_months": duration}, "outcomes": outcomes}


VECTORS = []


def rules_vector(file, description, sc, rates, equalisation=None, builtin_year=None):
    """sc: the version-2 scenario; the equivalent one writes every used state's tax out."""
    eq = copy.deepcopy(sc)
    eq["tax"] = {"municipal_rate": "0", "regional_rate": "0", "employer_contribution_rate": sc["tax"].get("employer_contribution_rate", "0.3142")}
    used = {c["origin"] for c in sc["cohorts"]} | {o["target"] for c in sc["cohorts"] for o in c["outcomes"]}
    states = copy.deepcopy(sc.get("states", {}))
    for sid in used:
        if sid not in states:
            states[sid] = builtin(sid, builtin_year or 2025)
    eq["states"] = {}
    words = []
    for sid in sorted(used):
        s = copy.deepcopy(states[sid])
        flows, w = tax_flows(s, rates, equalisation)
        words.append(f"{sid}: {w}")
        for f in s.get("flows", []):
            f.pop("taxable", None)
        s["flows"] = s.get("flows", []) + flows
        eq["states"][sid] = s
    eq.pop("price_year", None)
    VECTORS.append((file, description + ". Tax per person and year: " + " | ".join(words), sc, eq, None))


def effective_vector(file, description, sc, builtin_year):
    eq = copy.deepcopy(sc)
    used = {c["origin"] for c in sc["cohorts"]} | {o["target"] for c in sc["cohorts"] for o in c["outcomes"]}
    eq["states"] = {sid: builtin(sid, builtin_year) for sid in used if sid not in sc.get("states", {})}
    eq.pop("price_year", None)
    VECTORS.append((file, description, sc, eq, None))


def faults(file, description, sc, paths):
    VECTORS.append((file, description, sc, None, paths))


STATES = BASE["states"]
ECR = {"employer_contribution_rate": "0.3142"}

rules_vector("tax-01-rules.json", "Rules method, nominal rates 20.77 % and 11.64 % given in the scenario; AM2 to work (25 000 kr/month) for 60 %",
             {"version": 2, "name": "rules", "start_year": 2026, "tax": dict(ECR, method="rules", municipal_rate="0.2077", regional_rate="0.1164"),
              "states": STATES, "cohorts": [cohort([{"target": "work", "share": "0.6"}])]}, NATIONAL)

rules_vector("tax-02-municipality.json", "Rules method in Timrå (2262: 23.19 % and 11.29 %, Skatteverket, skattesatser 2025), chosen by name",
             {"version": 2, "name": "Timrå", "start_year": 2026, "tax": dict(ECR, method="rules", municipality="Timrå"),
              "states": STATES, "cohorts": [cohort([{"target": "work", "share": "0.6"}])]}, TIMRA)

benefit_states = copy.deepcopy(STATES)
for f in benefit_states["AM3"]["flows"]:
    if f["label"] == "Aktivitetsersättning":
        f["taxable"] = True
benefit_states["part_time"] = {"label": "Deltid med sjukersättning", "earnings": {"monthly_wage": "20000", "employment_rate": "0.5", "productivity": "0.8"},
                               "flows": [{"label": "Sjukersättning (halv)", "payer": "social_insurance", "payee": "individual", "amount": "77000", "taxable": True}]}
rules_vector("tax-03-taxable-benefits.json",
             "Taxable benefits under the rules method (rates 20 % and 12 %): AM3 has a taxable aktivitetsersättning of 30 000 (no wage: no jobbskatteavdrag); "
             "part_time has a half-time wage of 20 000 kr/month and a taxable sjukersättning of 77 000, taxed together (one grundavdrag; jobbskatteavdrag on the wage only)",
             {"version": 2, "name": "taxable", "start_year": 2026, "tax": dict(ECR, method="rules", municipal_rate="0.20", regional_rate="0.12"),
              "states": benefit_states, "cohorts": [cohort([{"target": "part_time", "share": "0.3"}, {"target": "work", "share": "0.2", "lag_months": 6}],
                                                           origin="AM3", participants=12, cost="90000", duration=12)]}, (D("0.20"), D("0.12")))

rules_vector("tax-04-equalisation.json",
             "Equalisation in Timrå (given as 'timrå'; 2262, county 22 Västernorrland: 21.04 % and 8.04 %, förordningen (2004:881) 2 §): that part of the municipal and regional tax is booked to the state",
             {"version": 2, "name": "utjämning", "start_year": 2026, "tax": dict(ECR, method="rules", municipality="timrå", equalisation=True),
              "states": STATES, "cohorts": [cohort([{"target": "work", "share": "0.6"}])]}, TIMRA, equalisation=VASTERNORRLAND)

effective_vector("tax-05-price-year-2026.json",
                 "price_year 2026 restates the built-in AM2 and work by 59 200 / 58 800 (prisbasbelopp 2026 / 2025), e.g. Försörjningsstöd 105 000 x 59 200 / 58 800 = "
                 f"{D(105000) * 59200 / 58800:.6f} and the wage 25 900 -> {D(25900) * 59200 / 58800:.6f}; effective rates as given",
                 {"version": 2, "name": "prisår 2026", "start_year": 2026, "price_year": 2026, "tax": dict(BASE["tax"]),
                  "cohorts": [cohort([{"target": "work", "share": "0.5"}])]}, 2026)

effective_vector("tax-06-price-year-own.json", "price_year 2025, the defaults' own year: nothing is restated",
                 {"version": 2, "name": "prisår 2025", "start_year": 2026, "price_year": 2025, "tax": dict(BASE["tax"]),
                  "cohorts": [cohort([{"target": "work", "share": "0.5"}])]}, 2025)

own = copy.deepcopy(STATES)
rules_vector("tax-07-price-year-rules.json",
             "price_year 2026 with the rules method at the national average (20.77 % and 11.64 %): the built-in AM3 (its taxable sjuk-/aktivitetsersättning 30 900 restated) and work "
             "(25 900 restated) are restated, the scenario's own AM2 is not",
             {"version": 2, "name": "prisår och regler", "start_year": 2026, "price_year": 2026, "tax": dict(ECR, method="rules"),
              "states": {"AM2": own["AM2"]},
              "cohorts": [cohort([{"target": "work", "share": "0.5"}]), cohort([{"target": "work", "share": "0.3"}], origin="AM3", participants=10)]},
             NATIONAL, builtin_year=2026)

V1 = {"start_year": 2026, "tax": BASE["tax"], "states": STATES, "cohorts": [cohort([{"target": "work", "share": "0.6"}])]}
taxable_v1 = copy.deepcopy(STATES)
taxable_v1["AM3"]["flows"][5]["taxable"] = True
faults("tax-e01-fields-in-version-1.json", "tax.method, tax.municipality, tax.year, tax.equalisation and a flow's taxable in a version-1 scenario (set version = 2)",
       dict(V1, tax=dict(BASE["tax"], method="rules", municipality="Timrå", year=2025, equalisation=False), states=taxable_v1),
       ["tax.method", "tax.municipality", "tax.year", "tax.equalisation", "states.AM3.flows[5].taxable"])
faults("tax-e02-unknown-municipality.json", "an unknown municipality (Timra without å) is a fault listing close names",
       dict(V1, version=2, tax=dict(ECR, method="rules", municipality="Timra")), ["tax.municipality"])
faults("tax-e03-year-not-in-data.json", "an income year the data does not hold", dict(V1, version=2, tax=dict(ECR, method="rules", year=2019)), ["tax.year"])
faults("tax-e04-price-year-outside-index.json", "a price year outside the prisbasbelopp index", dict(V1, version=2, price_year=2030), ["price_year"])
bad = copy.deepcopy(STATES)
bad["AM2"]["flows"][1]["taxable"] = True
faults("tax-e05-taxable-not-to-individual.json", "only a flow paid to the individual can be taxable", dict(V1, version=2, states=bad), ["states.AM2.flows[1].taxable"])
faults("tax-e06-municipality-without-rules.json", "tax.municipality, tax.year and tax.equalisation need tax.method = \"rules\"",
       dict(V1, version=2, tax=dict(ECR, municipality="2262", year=2025, equalisation=True)), ["tax.municipality", "tax.year", "tax.equalisation"])
faults("tax-e07-method-and-types.json", "an unknown tax method, equalisation not a boolean, taxable not a boolean",
       dict(V1, version=2, tax=dict(ECR, method="nominal", equalisation="yes"),
            states=dict(STATES, X={"flows": [{"payer": "state", "payee": "individual", "amount": "1", "taxable": 1}]})),
       ["tax.method", "tax.equalisation", "states.X.flows[0].taxable"])
faults("tax-e08-rate-and-municipality.json", "a rate and tax.municipality together",
       dict(V1, version=2, tax=dict(ECR, method="rules", municipality="2262", municipal_rate="0.2")), ["tax.municipal_rate"])

for file, description, sc, eq, paths in VECTORS:
    if paths is None:
        expected, _ = pathways.calculate(eq)
        expected["version"] = 2
        write_vector(file, description, sc, expected=expected,
                     derivation=("expected: tests/reference/make_tax_vectors.py writes each state's tax flows (tests/reference/tax_rules.py) and restated "
                                 "built-in states out, and tests/reference/pathways.py computes that equivalent scenario; neither is the Rust engine"))
    else:
        write_vector(file, description, sc, error_paths=paths)
print(len(VECTORS), "vectors written")
