"""A plain-Python implementation of method version 1, written the natural way an economist's
Python would do it: dicts, loops and decimal.Decimal. It is the Python benchmark's baseline
(py/bench.py times samkalk against it in the same run, after checking that it gives samkalk's
result on the benchmark's scenarios), kept outside the package; tests/reference/pathways.py is
the reference the vectors are derived from.

    result = calculate(scenario, defaults)   # scenario: a dict in MODEL.md's format

returns MODEL.md's result structure with money, shares and ratios as strings, as the result
JSON writes them.
"""

from decimal import ROUND_HALF_UP, Decimal

ACTORS = ["municipality", "employment_service", "social_insurance", "region", "state", "employer", "individual"]
ZERO = Decimal(0)
ONE = Decimal(1)


def num(x):
    return x if isinstance(x, Decimal) else Decimal(str(x))


def fixed(x, places):
    """Rounded half away from zero, written with exactly `places` decimals, never "-0.00"."""
    r = x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if r == 0:
        r = abs(r)
    return f"{r:.{places}f}"


def state_net(state, tax):
    """What each actor receives minus what it pays per person and year in a state."""
    net = {a: ZERO for a in ACTORS}
    flows = [(f.get("payer"), f.get("payee"), num(f["amount"])) for f in state.get("flows", [])]
    earnings = state.get("earnings")
    if earnings:
        wage = num(earnings["monthly_wage"]) * 12 * num(earnings.get("employment_rate", 1))
        ecr = tax["employer_contribution_rate"]
        flows += [
            (None, "employer", wage * (1 + ecr) * num(earnings.get("productivity", 1))),
            ("employer", "individual", wage),
            ("employer", "state", wage * ecr),
            ("individual", "municipality", wage * tax["municipal_rate"]),
            ("individual", "region", wage * tax["regional_rate"]),
        ]
    for payer, payee, amount in flows:
        if payer:
            net[payer] -= amount
        if payee:
            net[payee] += amount
    return net


def break_even(a, b, c):
    n0 = (b - a * c).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    n1 = (a * (1 - c) + b).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if n0 >= 0 and n1 >= 0:
        return {"share": None, "kind": "always"}
    if n0 < 0 and n1 < 0:
        return {"share": None, "kind": "never"}
    share = min(max(c - b / a, ZERO), ONE)
    return {"share": fixed(share, 6), "kind": "at_least" if n0 < 0 else "at_most"}


def summarise(gain, investment, start_year, factors):
    years = len(gain)
    net = [gain[t] - investment[t] for t in range(years)]
    cumulative, running = [], ZERO
    for n in net:
        running += n
        cumulative.append(running)
    npv = sum((net[t] / factors[t] for t in range(years)), ZERO)
    pv_gain = sum((gain[t] / factors[t] for t in range(years)), ZERO)
    pv_investment = sum((investment[t] / factors[t] for t in range(years)), ZERO)
    total_investment = sum(investment, ZERO)
    payback_year = None
    first = next((t for t in range(years) if investment[t] != 0), None)
    if first is not None:
        discounted, from_year = ZERO, first
        for t in range(years):
            discounted += net[t] / factors[t]
            if discounted.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) < 0 and t >= first:
                from_year = t + 1
        if from_year < years:
            payback_year = start_year + from_year
    return {
        "gain": [fixed(x, 2) for x in gain],
        "investment": [fixed(x, 2) for x in investment],
        "net": [fixed(x, 2) for x in net],
        "cumulative_net": [fixed(x, 2) for x in cumulative],
        "total_gain": fixed(sum(gain, ZERO), 2),
        "total_investment": fixed(total_investment, 2),
        "total_net": fixed(sum(gain, ZERO) - total_investment, 2),
        "npv": fixed(npv, 2),
        "payback_year": payback_year,
        "benefit_cost_ratio": None if total_investment == 0 else fixed(pv_gain / pv_investment, 4),
    }


def calculate(scenario, defaults):
    """MODEL.md's calculation of a valid scenario; `defaults` is samkalk.defaults()."""
    start_year = int(scenario["start_year"])
    years = int(scenario.get("horizon_years", 4))
    rate = num(scenario.get("discount_rate", 0))
    factors = [(1 + rate) ** t for t in range(years)]
    tax = {k: num(v) for k, v in defaults["tax"].items()}
    tax.update({k: num(v) for k, v in scenario.get("tax", {}).items()})
    states = dict(defaults["states"])
    states.update(scenario.get("states", {}))
    nets = {}

    def net_of(state_id):
        if state_id not in nets:
            nets[state_id] = state_net(states[state_id], tax)
        return nets[state_id]

    gain = {a: [ZERO] * years for a in ACTORS}
    investment = {a: [ZERO] * years for a in ACTORS}
    cohorts = []
    for cohort in scenario.get("cohorts", []):
        n = Decimal(int(cohort["participants"]))
        iv = cohort.get("intervention", {})
        duration = int(iv.get("duration_months", 1))
        start = int(iv.get("start_month", 0))
        financing = {a: num(s) for a, s in iv.get("financing", {"municipality": 1}).items()}
        cost = (num(iv.get("cost_per_participant", 0)) * n + num(iv.get("fixed_cost", 0))) * (1 + num(iv.get("optimism_bias", 0)))
        cohort_investment = {a: [ZERO] * years for a in ACTORS}
        for t in range(years):
            months = max(0, min(12 * t + 12, start + duration) - max(12 * t, start))
            for actor, share in financing.items():
                amount = (cost * months * share) / duration
                cohort_investment[actor][t] = amount
                investment[actor][t] += amount
        origin = net_of(cohort["origin"])
        first_unit = {a: [ZERO] * years for a in ACTORS}
        others = {a: [ZERO] * years for a in ACTORS}
        for index, outcome in enumerate(cohort.get("outcomes", [])):
            target = net_of(outcome["target"])
            filters = (1 - num(outcome.get("deadweight", 0))) * (1 - num(outcome.get("attribution", 0))) * (1 - num(outcome.get("displacement", 0)))
            people = n * (num(outcome["share"]) - num(outcome.get("counterfactual_share", 0))) * filters
            retention = num(outcome.get("retention", 1))
            move = start + duration + int(outcome.get("lag_months", 0))
            move_year = move // 12
            for t in range(move_year, years):
                months = 12 * (t + 1) - move if t == move_year else 12
                survival = retention ** (t - move_year) if t > move_year else ONE
                for actor in ACTORS:
                    delta = target[actor] - origin[actor]
                    g = (people * survival * months * delta) / 12
                    gain[actor][t] += g
                    if index == 0:
                        first_unit[actor][t] = (n * filters * survival * months * delta) / 12
                    else:
                        others[actor][t] += g
        if not cohort.get("outcomes"):
            cohorts.append({"name": cohort.get("name", ""), "break_even": {}})
            continue
        c = num(cohort["outcomes"][0].get("counterfactual_share", 0))
        table = {}
        a_total, b_total = ZERO, ZERO
        for actor in ACTORS:
            a = sum((first_unit[actor][t] / factors[t] for t in range(years)), ZERO)
            b = sum(((others[actor][t] - cohort_investment[actor][t]) / factors[t] for t in range(years)), ZERO)
            a_total += a
            b_total += b
            table[actor] = break_even(a, b, c)
        table["society"] = break_even(a_total, b_total, c)
        cohorts.append({"name": cohort.get("name", ""), "break_even": table})

    society_gain = [sum((gain[a][t] for a in ACTORS), ZERO) for t in range(years)]
    society_investment = [sum((investment[a][t] for a in ACTORS), ZERO) for t in range(years)]
    return {
        "version": 1,
        "years": [start_year + t for t in range(years)],
        "actors": {a: summarise(gain[a], investment[a], start_year, factors) for a in ACTORS},
        "society": summarise(society_gain, society_investment, start_year, factors),
        "cohorts": cohorts,
    }
