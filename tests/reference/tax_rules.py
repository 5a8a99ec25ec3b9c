"""An independent reference computation of samkalk's "tax from the rules" (docs/method.md,
version 2), in Python's decimal module, written apart from the Rust engine.

    python3 tests/reference/tax_rules.py tables   # every column-1 row of ../shared/reference
    python3 tests/reference/tax_rules.py vectors  # the figures used in tests/vectors/v2

Figures: income year 2025 (data/tax.toml). Nothing here reads the engine's output.
"""
import csv
import os
import sys
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal as D, getcontext

getcontext().prec = 40
PBB, IBB = D(58800), D(80600)
GA = [("0.99", "0.423", "0", "0"), ("2.72", "0.423", "0.2", "0.99"), ("3.11", "0.77", "0", "0"),
      ("7.88", "0.77", "-0.1", "3.11"), (None, "0.293", "0", "0")]
JSA = [("0.91", "0", "1", "0"), ("3.24", "0.91", "0.3874", "0.91"), ("8.08", "1.813", "0.199", "3.24"),
       (None, "2.776", "0", "0")]


def floor(x, step=D(1)):
    return (x / step).to_integral_value(ROUND_FLOOR) * step


def band(bands, x):
    for up_to, base, rate, frm in bands:
        if up_to is None or x <= D(up_to) * PBB:
            return D(base) * PBB + D(rate) * (x - D(frm) * PBB)


def tax(earned, other, municipal, regional, fees=D(0)):
    z = D(0)
    assessed = floor(earned + other, D(100))
    ga = z if assessed <= 0 else min((band(GA, assessed) / 100).to_integral_value(ROUND_CEILING) * 100, assessed)
    t = assessed - ga
    mun, reg = floor(t * municipal), floor(t * regional)
    kommunal = mun + reg
    fee = floor(t * fees)
    state = floor(max(z, t - D(625800)) * D("0.20"))
    if assessed < D("0.423") * PBB:
        pf = z
    else:
        q = min(assessed, D("8.07") * IBB) * D("0.07") / 100
        w = floor(q)
        pf = (w + 1 if q - w > D("0.5") else w) * 100
    pr = min(pf, kommunal + state)
    left = kommunal - min(pr, kommunal)
    jsa = min(floor(max(z, band(JSA, earned) - ga) * (municipal + regional)), left) if earned > 0 else z
    eir = min(floor(min(D(1500), max(z, (t - D(40000)) * D("0.0075")))), max(z, kommunal + state - pr - jsa))
    ps = min(floor(t * D("0.01")), D(1249))
    return dict(assessed=assessed, grundavdrag=ga, taxable=t, municipal=mun, regional=reg, state=state,
                pension_fee=pf, pension_reduction=pr, jsa=jsa, eir=eir, public_service=ps, fees=fee,
                total=kommunal + state + pf - pr - jsa - eir + ps + fee)


def tables():
    path = os.path.join(os.path.dirname(__file__), "../../../shared/reference/skatteverket-skattetabeller-manadslon-2025.csv")
    rows = list(csv.reader(open(path, encoding="utf-8"), delimiter=";"))[1:]
    checked = misses = 0
    for r in rows:
        if r[1] != "30B" or int(r[4]) <= 2000:
            continue
        table, upper, expected = int(r[2]), D(r[4]), D(r[5])
        y = floor(upper * 12, D(100))
        got = floor(tax(y, D(0), D(table) / 100 - D("0.0116"), D(0), D("0.0116"))["total"] / 12)
        checked += 1
        if got != expected:
            misses += 1
            print("table", table, r[3], r[4], "got", got, "Skatteverket", expected)
    print(checked, "rows checked,", misses, "differ")


def vectors():
    # The default job (25 900 kr a month) at the national average 20.77 % + 11.64 %.
    for label, args in [
        ("work 25 900/month, national average", (D(310800), D(0), D("0.2077"), D("0.1164"))),
        ("work 25 900/month, Timrå 23.19 + 11.29", (D(310800), D(0), D("0.2319"), D("0.1129"))),
        ("taxable benefit 154 644 alone, 20 + 12", (D(0), D(154644), D("0.20"), D("0.12"))),
        ("wage 20 000/month + benefit 30 000, 20 + 12", (D(240000), D(30000), D("0.20"), D("0.12"))),
        ("wage 20 000/month, 20 + 12", (D(240000), D(0), D("0.20"), D("0.12"))),
    ]:
        print(label, tax(*args))


if __name__ == "__main__":
    {"tables": tables, "vectors": vectors}[sys.argv[1] if len(sys.argv) > 1 else "tables"]()
