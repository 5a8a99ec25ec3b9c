#!/usr/bin/env python3
"""Writes tests/vectors/v2/ext-01-extends-by-hand.json: a version-1 scenario whose states extend
built-in ones (docs/method.md, "Changing a built-in state"). Every expected number is typed in
from the arithmetic in the description, by hand; only the quotients of the break-even shares
and the benefit-cost ratios are divided and rounded here. Run from the repository root:

    python3 tests/reference/make_extends_vector.py
"""
import os
import sys
from decimal import ROUND_HALF_UP
from decimal import Decimal as D

sys.path.insert(0, os.path.dirname(__file__))
from vector_file import write_vector  # noqa: E402


def r(x, q): return str(D(x).quantize(D(q), rounding=ROUND_HALF_UP))
m = lambda x: r(x, "0.01")
desc = ("by hand (extends, method version 1): AM1 extends the built-in AM1 with Försörjningsstöd 120 000, "
 "Handläggning Arbetsförmedlingen, Arbetsmarknadspolitiska program and Primärvård removed, Boendestöd 6 000 "
 "(municipality to null) added; it keeps Handläggning försörjningsstöd 10 700 and Aktivitetsstöd 14 500 "
 "(social_insurance to individual; its built-in taxable flag is accepted in version 1 and has no effect). "
 "Net AM1: municipality -136 700, individual +134 500, social_insurance -14 500. deltid extends work with "
 "monthly_wage 20 000 and employment_rate 0.5 (productivity 1 from work): W = 120 000, production 156 000, "
 "employer contributions 36 000 (0.3), municipal tax 24 000 (0.2), regional tax 12 000 (0.1). Net deltid: "
 "municipality +24 000, region +12 000, state +36 000, individual +84 000, employer 0. "
 "Delta: municipality 160 700, social_insurance 14 500, region 12 000, state 36 000, individual -50 500, "
 "society 172 700. 10 participants, share 0.5, intervention 240 000 over the 12 months of 2026: P = 5 from "
 "1 January 2027; gain 2027 and 2028 = 5 x Delta. Break-even: A = 10 x Delta x 2 years, B = -investment; "
 "municipality 240 000 / 3 214 000, society 240 000 / 3 454 000, individual at_most 0 (A < 0, B = 0).")
scenario = {
 "start_year": 2026, "horizon_years": 3,
 "tax": {"municipal_rate": "0.2", "regional_rate": "0.1", "employer_contribution_rate": "0.3"},
 "states": {
  "AM1": {"extends": "AM1", "flows": {
     "Försörjningsstöd": {"amount": "120000", "note": "kommunens egen uppgift"},
     "Handläggning Arbetsförmedlingen": {"remove": True},
     "Arbetsmarknadspolitiska program (Arbetsförmedlingen)": {"remove": True},
     "Primärvård utöver genomsnitt": {"remove": True},
     "Boendestöd": {"payer": "municipality", "payee": None, "amount": "6000"}}},
  "deltid": {"extends": "work", "label": "Deltidsarbete", "earnings": {"monthly_wage": "20000", "employment_rate": "0.5"}}},
 "cohorts": [{"name": "AM1-grupp", "origin": "AM1", "participants": 10,
   "intervention": {"cost_per_participant": "24000", "duration_months": 12},
   "outcomes": [{"target": "deltid", "share": "0.5"}]}]}
zero = {"gain": ["0.00"]*3, "investment": ["0.00"]*3, "net": ["0.00"]*3, "cumulative_net": ["0.00"]*3,
        "total_gain": "0.00", "total_investment": "0.00", "total_net": "0.00", "npv": "0.00",
        "payback_year": None, "benefit_cost_ratio": None}
def gains_only(g):  # an actor that invests nothing: gain g in 2027 and 2028
    return {"gain": ["0.00", m(g), m(g)], "investment": ["0.00"]*3, "net": ["0.00", m(g), m(g)],
            "cumulative_net": ["0.00", m(g), m(2*g)], "total_gain": m(2*g), "total_investment": "0.00",
            "total_net": m(2*g), "npv": m(2*g), "payback_year": None, "benefit_cost_ratio": None}
def investor(g, inv):  # invests inv in 2026, gains g in 2027 and 2028
    return {"gain": ["0.00", m(g), m(g)], "investment": [m(inv), "0.00", "0.00"], "net": [m(-inv), m(g), m(g)],
            "cumulative_net": [m(-inv), m(g - inv), m(2*g - inv)], "total_gain": m(2*g), "total_investment": m(inv),
            "total_net": m(2*g - inv), "npv": m(2*g - inv), "payback_year": 2027,
            "benefit_cost_ratio": r(D(2*g)/D(inv), "0.0001")}
actors = {
 "municipality": investor(803500, 240000),
 "employment_service": zero, "social_insurance": gains_only(72500), "region": gains_only(60000),
 "state": gains_only(180000), "employer": zero, "individual": gains_only(-252500)}
always = {"share": None, "kind": "always"}
be = {"municipality": {"share": r(D(240000)/D(3214000), "0.000001"), "kind": "at_least"},
      "employment_service": always, "social_insurance": always, "region": always, "state": always,
      "employer": always, "individual": {"share": "0.000000", "kind": "at_most"},
      "society": {"share": r(D(240000)/D(3454000), "0.000001"), "kind": "at_least"}}
expected = {"version": 1, "years": [2026, 2027, 2028], "actors": actors, "society": investor(863500, 240000),
            "cohorts": [{"name": "AM1-grupp", "break_even": be}]}
write_vector("ext-01-extends-by-hand.json", desc, scenario, expected=expected)
