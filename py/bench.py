"""Benchmark (not a test): samkalk against a plain-Python implementation of MODEL.md.

Times, in one run, on tests/vectors/002.json (AM2 and AM3 cohorts, KNUT goals 60 % and 40 %):
  - one `samkalk.calculate(dict)` call against one call of py/bench/reference.py,
  - `samkalk.calculate_many` per scenario on a batch of variants (default threads, and one
    thread) against the reference in a Python loop over the same batch.
The reference is first checked to give samkalk's result on the main scenario and on a sample of
the batch. Targets: at least 20x on a single call, 100x in batch.

    .venv/bin/python py/bench.py [--batch 1000] [--repeat 7]
"""

import argparse
import json
import os
import pathlib
import platform
import sys
import time
from decimal import Decimal

import samkalk

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "bench"))
import reference  # noqa: E402

MAIN = HERE.parent / "tests" / "vectors" / "002.json"


def best_per_call(fn, *, min_time=0.2, repeat=7):
    """Best of `repeat` timings of a loop that runs `fn` for at least `min_time` seconds."""
    n = 1
    while True:
        start = time.perf_counter()
        for _ in range(n):
            fn()
        elapsed = time.perf_counter() - start
        if elapsed >= min_time:
            break
        n *= 2
    best = elapsed / n
    for _ in range(repeat - 1):
        start = time.perf_counter()
        for _ in range(n):
            fn()
        best = min(best, (time.perf_counter() - start) / n)
    return best


def variants(base, count):
    """A sweep: the AM2 share, the AM3 cost and the discount rate vary."""
    out = []
    for i in range(count):
        s = json.loads(json.dumps(base))
        s["cohorts"][0]["outcomes"][0]["share"] = str(Decimal(i % 101) / 100)
        s["cohorts"][1]["intervention"]["cost_per_participant"] = str(60000 + 100 * i)
        s["discount_rate"] = ["0", "0.035", "0.05"][i % 3]
        out.append(s)
    return out


def same(reference_result, result):
    return reference_result == json.loads(result.to_json())


def fmt(seconds):
    return f"{seconds * 1e6:10.1f} µs"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    scenario = json.loads(MAIN.read_text(encoding="utf-8"))["scenario"]
    defaults = samkalk.defaults()

    # The baseline must compute the same thing before it is timed.
    if not same(reference.calculate(scenario, defaults), samkalk.calculate(scenario)):
        sys.exit("reference.py disagrees with samkalk on 002.json: not timing")
    batch = variants(scenario, args.batch)
    for s, r in list(zip(batch, samkalk.calculate_many(batch)))[:: max(1, args.batch // 50)]:
        if not same(reference.calculate(s, defaults), r):
            sys.exit("reference.py disagrees with samkalk on a batch variant: not timing")
    print(f"reference agrees with samkalk on 002.json and on a sample of the {args.batch} variants")
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores, samkalk {samkalk.__version__}\n")

    prepared = samkalk.Scenario(scenario)
    single_ref = best_per_call(lambda: reference.calculate(scenario, defaults), repeat=args.repeat)
    single = best_per_call(lambda: samkalk.calculate(scenario), repeat=args.repeat)
    single_dict = best_per_call(lambda: samkalk.calculate(scenario).to_dict(), repeat=args.repeat)
    single_prepared = best_per_call(lambda: samkalk.calculate(prepared), repeat=args.repeat)

    n = len(batch)
    batch_ref = best_per_call(lambda: [reference.calculate(s, defaults) for s in batch], repeat=max(3, args.repeat // 2)) / n
    batch_default = best_per_call(lambda: samkalk.calculate_many(batch), repeat=args.repeat) / n
    batch_one = best_per_call(lambda: samkalk.calculate_many(batch, threads=1), repeat=args.repeat) / n

    rows = [
        ("single call, plain Python (reference.py)", single_ref, None),
        ("single call, samkalk.calculate(dict)", single, single_ref / single),
        ("single call, calculate(dict).to_dict()", single_dict, single_ref / single_dict),
        ("single call, calculate(Scenario)", single_prepared, single_ref / single_prepared),
        (f"batch of {n}, plain Python loop, per scenario", batch_ref, None),
        (f"batch of {n}, calculate_many, per scenario", batch_default, batch_ref / batch_default),
        (f"batch of {n}, calculate_many(threads=1), per scenario", batch_one, batch_ref / batch_one),
    ]
    for label, seconds, ratio in rows:
        print(f"{label:<56}{fmt(seconds)}" + (f"   {ratio:7.1f}x" if ratio else ""))
    print()
    ok_single = single_ref / single >= 20
    ok_batch = batch_ref / batch_default >= 100
    print(f"target single call >= 20x: {single_ref / single:.1f}x {'met' if ok_single else 'NOT met'}")
    print(f"target batch >= 100x:      {batch_ref / batch_default:.1f}x {'met' if ok_batch else 'NOT met'}"
          f" (one thread: {batch_ref / batch_one:.1f}x)")


if __name__ == "__main__":
    main()
