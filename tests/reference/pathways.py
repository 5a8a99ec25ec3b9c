#!/usr/bin/env python3
"""An independent reference computation of samkalk's method, versions 1 and 2, written from
docs/method.md alone (not from the Rust engine): it reads a scenario in JSON and prints the
result JSON, or `--trace` the effect trace as CSV.

Every outcome goes through the month-by-month effect population of version 2 (for an outcome
without moves that is version 1's formula up to the 28th significant digit). Arithmetic is
Python's decimal with a 200-digit context, so every sum and product is exact; occupancy is
rounded half up to 28 places at the end of every month, as the method says. It supports only
what the vectors need: every state used is given in the scenario (no built-in defaults), and the
scenario is assumed valid.

    python3 tests/reference/pathways.py scenario.json
"""

import json
import sys
from decimal import ROUND_HALF_UP, Decimal, getcontext

getcontext().prec = 200

ACTORS = ["municipality", "employment_service", "social_insurance", "region", "state", "employer", "individual"]
Q28 = Decimal(1).scaleb(-28)


def dec(x, default="0"):
    return Decimal(str(x if x is not None else default))


def fixed(x, places):
    q = Decimal(1).scaleb(-places)
    r = x.quantize(q, rounding=ROUND_HALF_UP)
    if r == 0:
        r = abs(r)
    return f"{r:f}"


def money_negative(x):
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) < 0


def state_net(state, tax):
    """net_a per actor, without investment flows; and step costs c_a."""
    net = {a: Decimal(0) for a in ACTORS}
    cost = {a: Decimal(0) for a in ACTORS}
    flows = [(f.get("payer"), f.get("payee"), dec(f["amount"]), f.get("investment", False)) for f in state.get("flows", [])]
    e = state.get("earnings")
    if e:
        w = dec(e["monthly_wage"]) * 12 * dec(e.get("employment_rate"), "1")
        ecr = tax["employer_contribution_rate"]
        flows += [
            (None, "employer", w * (1 + ecr) * dec(e.get("productivity"), "1"), False),
            ("employer", "individual", w, False),
            ("employer", "state", w * ecr, False),
            ("individual", "municipality", w * tax["municipal_rate"], False),
            ("individual", "region", w * tax["regional_rate"], False),
        ]
    for payer, payee, amount, investment in flows:
        if investment:
            cost[payer] += amount
            continue
        if payer:
            net[payer] -= amount
        if payee:
            net[payee] += amount
    return net, cost


def population(outcome, origin, e, months):
    """pop[s][m] for m in 0..months-1 (docs/method.md, 'The effect population')."""
    target = outcome["target"]
    moves = []
    for mv in outcome.get("then", []):
        moves.append({
            "from": mv.get("from", target),
            "to": mv["to"],
            "share": dec(mv["share"]),
            "first": e + int(mv.get("after_months", 0)),
            "every": mv.get("every_months"),
        })
    states = [target]
    for mv in moves:
        for s in (mv["from"], mv["to"]):
            if s != origin and s not in states:
                states.append(s)
    retention = dec(outcome.get("retention"), "1")
    t_e = e // 12 + 1
    pop = {s: Decimal(0) for s in states}
    history = {s: [Decimal(0)] * months for s in states}
    for m in range(max(e, 0), months):
        q = dict(pop)
        if m == e:
            q[target] += 1
        if m % 12 == 0 and m // 12 + 1 > t_e:
            q = {s: v * retention for s, v in q.items()}
        new = dict(q)
        for mv in moves:
            due = m == mv["first"] or (mv["every"] and m > mv["first"] and (m - mv["first"]) % mv["every"] == 0)
            if not due:
                continue
            amount = mv["share"] * q[mv["from"]]
            new[mv["from"]] -= amount
            if mv["to"] != origin:
                new[mv["to"]] += amount
        pop = {s: v.quantize(Q28, rounding=ROUND_HALF_UP) for s, v in new.items()}
        for s in states:
            history[s][m] = pop[s]
    return states, history


def calculate(sc):
    H = int(sc.get("horizon_years", 4))
    r = dec(sc.get("discount_rate"))
    tax = {k: dec(v) for k, v in sc.get("tax", {}).items()}  # vectors without earnings may leave it out
    states = sc["states"]
    nets = {sid: state_net(st, tax) for sid, st in states.items()}
    d = [(1 + r) ** t for t in range(H)]
    gain = [{a: Decimal(0) for a in ACTORS} for _ in range(H)]
    inv = [{a: Decimal(0) for a in ACTORS} for _ in range(H)]
    cohorts_out = []
    traces = []
    for ci, c in enumerate(sc.get("cohorts", [])):
        participants = Decimal(int(c["participants"]))
        iv = c.get("intervention", {})
        start, dur = int(iv.get("start_month", 0)), int(iv.get("duration_months", 1))
        fin = {k: dec(v) for k, v in iv.get("financing", {"municipality": "1"}).items()}
        cost = (dec(iv.get("cost_per_participant")) * participants + dec(iv.get("fixed_cost"))) * (1 + dec(iv.get("optimism_bias")))
        civ = [{a: Decimal(0) for a in ACTORS} for _ in range(H)]
        for t in range(H):
            k = max(0, min(12 * t + 12, start + dur) - max(12 * t, start))
            for a, share in fin.items():
                civ[t][a] = cost * k * share / dur
                inv[t][a] += civ[t][a]
        origin = c["origin"]
        onet = nets[origin][0]
        first_unit = [{a: Decimal(0) for a in ACTORS} for _ in range(H)]  # G_t − I_t with P → unit
        others = [{a: Decimal(0) for a in ACTORS} for _ in range(H)]
        trace = {origin: [Decimal(0)] * H}
        for oi, o in enumerate(c.get("outcomes", [])):
            unit = participants * (1 - dec(o.get("deadweight"))) * (1 - dec(o.get("attribution"))) * (1 - dec(o.get("displacement")))
            P = unit * (dec(o["share"]) - dec(o.get("counterfactual_share")))
            e = start + dur + int(o.get("lag_months", 0))
            sts, hist = population(o, origin, e, 12 * H)
            for t in range(H):
                for s in sts:
                    Y = sum(hist[s][12 * t:12 * t + 12], Decimal(0))
                    trace.setdefault(s, [Decimal(0)] * H)
                    trace[s][t] += P * Y / 12
                    net, step = nets[s]
                    for a in ACTORS:
                        g = P * Y * (net[a] - onet[a]) / 12
                        i = P * Y * step[a] / 12
                        gain[t][a] += g
                        inv[t][a] += i
                        if oi == 0:
                            first_unit[t][a] += (unit * Y * (net[a] - onet[a]) - unit * Y * step[a]) / 12
                        else:
                            others[t][a] += g - i
        for s in trace:
            trace[s] = [v.quantize(Decimal(1).scaleb(-20), rounding=ROUND_HALF_UP) for v in trace[s]]
        for t in range(H):
            trace[origin][t] = participants - sum((v[t] for s, v in trace.items() if s != origin), Decimal(0))
        traces.append((c.get("name", "") or f"cohorts[{ci}]", trace))
        if not c.get("outcomes"):
            cohorts_out.append({"name": c.get("name", ""), "break_even": {}})
            continue
        cf = dec(c["outcomes"][0].get("counterfactual_share"))
        table = {}
        for who in ACTORS + ["society"]:
            members = ACTORS if who == "society" else [who]
            A = sum((sum((first_unit[t][a] for a in members), Decimal(0)) / d[t] for t in range(H)), Decimal(0))
            B = sum((sum((others[t][a] - civ[t][a] for a in members), Decimal(0)) / d[t] for t in range(H)), Decimal(0))
            n0, n1 = B - A * cf, A * (1 - cf) + B
            neg0, neg1 = money_negative(n0), money_negative(n1)
            kind = {(False, False): "always", (True, True): "never", (True, False): "at_least", (False, True): "at_most"}[(neg0, neg1)]
            share = None
            if kind in ("at_least", "at_most"):
                share = fixed(min(max(cf - B / A, Decimal(0)), Decimal(1)), 6)
            table[who] = {"share": share, "kind": kind}
        cohorts_out.append({"name": c.get("name", ""), "break_even": table})

    def summarise(g, i):
        net = [g[t] - i[t] for t in range(H)]
        cum, run = [], Decimal(0)
        last_negative, first_inv, pv = None, None, Decimal(0)
        for t in range(H):
            run += net[t]
            cum.append(fixed(run, 2))
            pv += net[t] / d[t]
            if first_inv is None and i[t] != 0:
                first_inv = t
            if money_negative(pv):
                last_negative = t
        payback = None
        if first_inv is not None and last_negative != H - 1:
            start_t = last_negative + 1 if last_negative is not None and last_negative >= first_inv else first_inv
            payback = int(sc["start_year"]) + start_t
        pvg = sum((g[t] / d[t] for t in range(H)), Decimal(0))
        pvi = sum((i[t] / d[t] for t in range(H)), Decimal(0))
        return {
            "gain": [fixed(x, 2) for x in g],
            "investment": [fixed(x, 2) for x in i],
            "net": [fixed(x, 2) for x in net],
            "cumulative_net": cum,
            "total_gain": fixed(sum(g, Decimal(0)), 2),
            "total_investment": fixed(sum(i, Decimal(0)), 2),
            "total_net": fixed(sum(net, Decimal(0)), 2),
            "npv": fixed(pv, 2),
            "payback_year": payback,
            "benefit_cost_ratio": None if sum(i, Decimal(0)) == 0 else fixed(pvg / pvi, 4),
        }

    actors = {a: summarise([gain[t][a] for t in range(H)], [inv[t][a] for t in range(H)]) for a in ACTORS}
    society = summarise([sum(gain[t].values(), Decimal(0)) for t in range(H)], [sum(inv[t].values(), Decimal(0)) for t in range(H)])
    result = {
        "version": int(sc.get("version", 1)),
        "years": [int(sc["start_year"]) + t for t in range(H)],
        "actors": actors,
        "society": society,
        "cohorts": cohorts_out,
    }
    return result, traces


def trace_csv(sc, traces):
    lines = ["cohort,year,state,participants"]
    for name, trace in traces:
        for t in range(int(sc.get("horizon_years", 4))):
            for s, values in trace.items():
                lines.append(f"{name},{int(sc['start_year']) + t},{s},{fixed(values[t], 6)}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    scenario = json.load(open(args[0]))
    scenario = scenario.get("scenario", scenario)  # a vector file, or a bare scenario
    result, traces = calculate(scenario)
    if "--trace" in sys.argv:
        sys.stdout.write(trace_csv(scenario, traces))
    else:
        print(json.dumps(result, ensure_ascii=False, indent=1))
