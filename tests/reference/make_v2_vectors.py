#!/usr/bin/env python3
"""Writes tests/vectors/v2/*.json: each scenario below with the result the independent reference
(pathways.py, written from docs/method.md) computes, or the fault paths the method's rules
give (written by hand here). Run from the repository root:

    python3 tests/reference/make_v2_vectors.py
"""

import copy
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import pathways  # noqa: E402
from vector_file import write_vector  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..", "vectors")
BASE = json.load(open(os.path.join(ROOT, "000.json")))["scenario"]
STATES = BASE["states"]
TAX = BASE["tax"]

MENTOR = {
    "label": "Mentor (case management)",
    "flows": [
        {"label": "Försörjningsstöd", "payer": "municipality", "payee": "individual", "amount": "100000"},
        {"label": "Mentor, kommunen", "payer": "municipality", "payee": None, "amount": "60000", "investment": True},
    ],
}
GROUP = {
    "label": "Gruppverksamhet",
    "flows": [
        {"label": "Försörjningsstöd", "payer": "municipality", "payee": "individual", "amount": "100000"},
        {"label": "Gruppverksamhet, kommunen", "payer": "municipality", "payee": None, "amount": "120000", "investment": True},
        {"label": "Samordning, regionen", "payer": "region", "payee": None, "amount": "12000", "investment": True},
    ],
}


def scenario(name, cohorts, states=None, **extra):
    s = {"version": 2, "name": name, "start_year": 2026, "horizon_years": 4, "tax": TAX,
         "states": copy.deepcopy(states if states is not None else STATES), "cohorts": cohorts}
    s.update(extra)
    return s


def cohort(outcomes, origin="AM2", participants=20, cost="40000", duration=6, **intervention):
    iv = {"cost_per_participant": cost, "duration_months": duration}
    iv.update(intervention)
    return {"name": "kohort", "origin": origin, "participants": participants, "intervention": iv, "outcomes": outcomes}


VECTORS = []


def result(file, description, sc):
    VECTORS.append((file, description, sc, None))


def faults(file, description, sc, paths):
    VECTORS.append((file, description, sc, paths))


# --- results ---------------------------------------------------------------------------------
v052 = json.load(open(os.path.join(ROOT, "052.json")))["scenario"]
result("000-v2-without-new-fields.json",
       "version 2 without then or investment: the same numbers as version 1 (vector 000's scenario with version = 2; supersedes 052)",
       dict(v052, name="version 2 without new fields"))
result("001-single-move.json",
       "subsidised work, then half of them move on to work 12 months after the move",
       scenario("single onward move", [cohort([{"target": "subsidised_work", "share": "0.5",
                                                "then": [{"to": "work", "share": "0.5", "after_months": 12}]}])]))
result("002-recurring-moves.json",
       "AM3 to AM2; every 12 months 15 % of AM2 reach work and 20 % fall back to AM3 (back to the origin ends the effect), retention 0.9, 6 years",
       scenario("recurring moves", [cohort([{"target": "AM2", "share": "0.426", "retention": "0.9",
                                             "then": [{"to": "work", "share": "0.15", "after_months": 12, "every_months": 12},
                                                      {"to": "AM3", "share": "0.2", "after_months": 12, "every_months": 12}]}],
                                            origin="AM3", duration=12)], horizon_years=6))
result("003-relapse.json",
       "work, with 10 % of those in work relapsing to AM3 (not the origin AM2) every 12 months from month 12 on; AM3 costs more than AM2, so relapse is a loss",
       scenario("relapse to another needs state", [cohort([{"target": "work", "share": "0.6",
                                                            "then": [{"to": "AM3", "share": "0.1", "after_months": 12, "every_months": 12}]}])]))
result("004-move-to-origin.json",
       "everyone moves back to the origin 6 months after the move: the effect ends. By hand: the move is in month 6, the return in month 12, "
       "so year 2026 holds 6 months in work and later years nothing; P = 20 × 0.6 = 12; the municipality's gain in 2026 is 12 × 6/12 × "
       "(net(work) − net(AM2)) = 6 × (62 220 + 105 000) = 1 003 320 (municipal tax 300 000 × 0.2074 = 62 220; in AM2 the municipality pays "
       "90 000 + 15 000)",
       scenario("move to origin ends the effect", [cohort([{"target": "work", "share": "0.6",
                                                            "then": [{"to": "AM2", "share": "1", "after_months": 6}]}])]))
result("005-step-investments.json",
       "chain mentor (6 months, step cost 60 000 a year) → group activity (step costs 120 000 municipality, 12 000 region) → work; "
       "step investments go to the investment row",
       scenario("step investments", [cohort([{"target": "mentor", "share": "1",
                                              "then": [{"to": "group", "share": "1", "after_months": 6},
                                                       {"from": "group", "to": "work", "share": "0.4", "after_months": 12},
                                                       {"from": "group", "to": "AM2", "share": "0.3", "after_months": 12}]}],
                                            cost="0", duration=1)],
                 states=dict(STATES, mentor=MENTOR, group=GROUP)))
result("006-break-even-step-investments.json",
       "break-even on the first outcome, whose path carries step investments, beside a second outcome; discount rate 3.5 %, 5 years",
       scenario("break-even with step investments",
                [cohort([{"target": "group", "share": "0.5", "counterfactual_share": "0.1",
                          "then": [{"to": "work", "share": "0.5", "after_months": 9}]},
                         {"target": "studies", "share": "0.2", "retention": "0.7"}], cost="30000", duration=3)],
                states=dict(STATES, group=GROUP), discount_rate="0.035", horizon_years=5))
result("007-lock-in-with-moves.json",
       "lock-in: the counterfactual (0.5) above the share (0.3) makes P = −4; the step costs of group activity are negative investments",
       scenario("lock-in with moves", [cohort([{"target": "group", "share": "0.3", "counterfactual_share": "0.5",
                                                "then": [{"to": "work", "share": "0.25", "after_months": 6, "every_months": 6}]}])],
                states=dict(STATES, group=GROUP)))
result("008-share-zero-move.json",
       "a move of share 0 changes nothing: the same numbers as vector 000",
       dict(v052, name="share zero move",
            cohorts=[dict(v052["cohorts"][0], outcomes=[{"target": "work", "share": "0.6", "then": [{"to": "AM3", "share": "0", "every_months": 1}]}])]))
ring = [{"from": a, "to": b, "share": "0.3333333333333333333333333333", "every_months": 1}
        for a, b in [("work", "subsidised_work"), ("subsidised_work", "studies"), ("studies", "work")]]
ring += [{"from": "studies", "to": "AM3", "share": "0.03", "after_months": k, "every_months": 720} for k in range(17)]
result("009-twenty-moves-sixty-years.json",
       "20 moves, three of them every month with a share of 28 decimals (rounding at 28 places every month), over 60 years; retention 0.97",
       scenario("twenty moves over sixty years", [cohort([{"target": "work", "share": "0.5", "retention": "0.97", "then": ring}])],
                horizon_years=60, discount_rate="0.02"))
result("010-simultaneous-chain.json",
       "two moves due in the same month along a chain (work → subsidised work → studies): each takes its share of the population "
       "before the month's moves, so nobody moves twice in a month; two outcomes with their own populations",
       scenario("simultaneous moves", [cohort([{"target": "work", "share": "0.3", "lag_months": 2,
                                                "then": [{"to": "subsidised_work", "share": "0.5", "after_months": 3},
                                                         {"from": "subsidised_work", "to": "studies", "share": "1", "after_months": 3}]},
                                               {"target": "subsidised_work", "share": "0.4", "lag_months": 2,
                                                "then": [{"to": "studies", "share": "0.5", "after_months": 3, "every_months": 12}]}])]))
hand = {
    "A": {"label": "A", "flows": [{"label": "stöd", "payer": "municipality", "payee": "individual", "amount": "1200"}]},
    "B": {"label": "B", "flows": [{"label": "kurs", "payer": "municipality", "payee": None, "amount": "2400", "investment": True}]},
    "C": {"label": "C", "flows": []},
}
result("011-by-hand.json",
       "by hand: 10 participants from A (net: municipality −1 200, individual +1 200) to B, a free intervention of 1 month, horizon 2. "
       "e = 1; B holds 1 per unit from month 1; in month 7 half of B moves to C; retention 0.5 from 2027. "
       "Year 2026: Y(B) = 6 × 1 + 5 × 0.5 = 8.5, Y(C) = 5 × 0.5 = 2.5. Year 2027: Y(B) = Y(C) = 12 × 0.25 = 3. "
       "Δ(municipality) = +1 200 in B and C, Δ(individual) = −1 200. Gain 2026: municipality 10 × (8.5 + 2.5) × 1 200 / 12 = 11 000, "
       "individual −11 000; 2027: ±10 × 6 × 1 200 / 12 = ±6 000. Step investment (municipality) 2026: 10 × 8.5 × 2 400 / 12 = 17 000; "
       "2027: 10 × 3 × 2 400 / 12 = 6 000. Municipality net −6 000 then 0, npv −6 000; society: gain 0, investment 23 000",
       {"version": 2, "name": "by hand", "start_year": 2026, "horizon_years": 2, "tax": TAX, "states": hand,
        "cohorts": [{"name": "hand", "origin": "A", "participants": 10,
                     "outcomes": [{"target": "B", "share": "1", "retention": "0.5",
                                   "then": [{"to": "C", "share": "0.5", "after_months": 6}]}]}]})

# --- faults ----------------------------------------------------------------------------------
def v2(outcome, states=None, version=2, origin="AM2"):
    s = scenario("fault", [cohort([outcome], origin=origin)], states=states)
    s["version"] = version
    return s


faults("e01-version-3.json", "version 3 is not a version of the method", dict(v052, version=3), ["version"])
faults("e02-then-in-version-1.json", "then in a version-1 scenario (set version = 2)",
       v2({"target": "work", "share": "0.5", "then": [{"to": "AM3", "share": "0.1"}]}, version=1), ["cohorts[0].outcomes[0].then"])
faults("e03-investment-in-version-1.json", "investment on a flow in a version-1 scenario (set version = 2)",
       v2({"target": "group", "share": "0.5"}, states=dict(STATES, group=GROUP), version=1),
       ["states.group.flows[1].investment", "states.group.flows[2].investment"])
faults("e04-unknown-states.json", "from and to must name states",
       v2({"target": "work", "share": "0.5", "then": [{"from": "nowhere", "to": "AM3", "share": "0.1"}, {"to": "elsewhere", "share": "0.1"}]}),
       ["cohorts[0].outcomes[0].then[0].from", "cohorts[0].outcomes[0].then[1].to"])
faults("e05-from-origin.json", "a move may not leave the cohort's origin",
       v2({"target": "work", "share": "0.5", "then": [{"from": "AM2", "to": "work", "share": "0.1"}]}), ["cohorts[0].outcomes[0].then[0].from"])
faults("e06-from-equals-to.json", "from (defaulting to the target) equals to",
       v2({"target": "work", "share": "0.5", "then": [{"to": "work", "share": "0.1"}]}), ["cohorts[0].outcomes[0].then[0]"])
faults("e07-unreachable.json", "from must be reachable from the target through the outcome's moves (studies is not; AM3 is, through work → AM3)",
       v2({"target": "work", "share": "0.5", "then": [{"from": "studies", "to": "work", "share": "0.1"},
                                                      {"from": "AM3", "to": "subsidised_work", "share": "0.2", "after_months": 24},
                                                      {"to": "AM3", "share": "0.1", "after_months": 36}]}),
       ["cohorts[0].outcomes[0].then[0].from"])
faults("e08-shares-above-one.json", "the moves leaving work sum to 1.1",
       v2({"target": "work", "share": "0.5", "then": [{"to": "AM3", "share": "0.6"}, {"to": "studies", "share": "0.5", "after_months": 12}]}),
       ["cohorts[0].outcomes[0].then"])
faults("e09-too-many-moves.json", "21 moves: one fault at the list, the moves unchecked",
       v2({"target": "work", "share": "0.5", "then": [{"to": "AM3", "share": "7"}] * 21}), ["cohorts[0].outcomes[0].then"])
faults("e10-investment-not-to-null.json", "investment on a transfer between actors and on a flow from null",
       v2({"target": "work", "share": "0.5"}, states=dict(STATES, X={"flows": [
           {"payer": "municipality", "payee": "individual", "amount": "1", "investment": True},
           {"payer": None, "payee": "employer", "amount": "1", "investment": True},
           {"payer": "region", "payee": None, "amount": "1", "investment": False}]})),
       ["states.X.flows[0].investment", "states.X.flows[1].investment"])
faults("e11-investment-not-boolean.json", "investment must be true or false",
       v2({"target": "work", "share": "0.5"}, states=dict(STATES, X={"flows": [{"payer": "region", "amount": "1", "investment": "yes"}]})),
       ["states.X.flows[0].investment"])
faults("e12-origin-with-step-cost.json", "a cohort's origin may not hold an investment flow",
       v2({"target": "work", "share": "0.5"}, states=dict(STATES, group=GROUP), origin="group"), ["cohorts[0].origin"])
faults("e13-move-ranges.json", "share above 1, after_months above 720, every_months 0, every_months not an integer, a move missing to and share, an unknown field",
       v2({"target": "work", "share": "0.5", "then": [{"to": "AM3", "share": "1.5"}, {"to": "AM3", "share": "0.1", "after_months": 721},
                                                      {"to": "AM3", "share": "0.1", "every_months": 0}, {"to": "AM3", "share": "0.1", "every_months": 1.5},
                                                      {"when": 3}]}),
       ["cohorts[0].outcomes[0].then[0].share", "cohorts[0].outcomes[0].then[1].after_months", "cohorts[0].outcomes[0].then[2].every_months",
        "cohorts[0].outcomes[0].then[3].every_months", "cohorts[0].outcomes[0].then[4].to", "cohorts[0].outcomes[0].then[4].share",
        "cohorts[0].outcomes[0].then[4].when"])
faults("e14-then-not-a-list.json", "then must be a list; a move must be an object",
       {"version": 2, "start_year": 2026, "tax": TAX, "states": STATES, "cohorts": [
           cohort([{"target": "work", "share": "0.5", "then": {"to": "AM3"}}, {"target": "AM3", "share": "0.1", "then": ["AM3"]}])]},
       ["cohorts[0].outcomes[0].then", "cohorts[0].outcomes[1].then[0]"])

for file, description, sc, paths in VECTORS:
    if paths is None:
        expected, traces = pathways.calculate(sc)
        write_vector(file, description, sc, expected=expected, expected_trace=pathways.trace_csv(sc, traces).splitlines(),
                     derivation="expected and expected_trace computed by tests/reference/pathways.py (independent of the Rust engine)")
    else:
        write_vector(file, description, sc, error_paths=paths)
print(len(VECTORS), "vectors written")
