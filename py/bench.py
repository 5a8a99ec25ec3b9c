"""Benchmark (not a test): samkalk through Python, against plain Python and its own last run.

Times, on tests/vectors/002.json (AM2 and AM3 cohorts, KNUT goals 60 % and 40 %):
  - one `samkalk.calculate(dict)` call, with `.to_dict()`, and on a prepared `samkalk.Scenario`,
  - `samkalk.calculate_many` per scenario on a batch of variants written out as dicts, and
    `samkalk.calculate_variants` on the same variants as changes to the one scenario (default
    threads, and one thread),
each against the plain-Python implementation tests/reference/plain_python.py timed in the
same run (a single call, and a Python loop over the same batch), after checking that it gives
samkalk's result on the scenario and on a sample of the batch. Targets (issue 10): a single
call at least 30 times, calculate_many at least 100 times the plain-Python figure.
Each figure is also printed with its ratio to the same figure of the last run, read from
py/bench/last_run.json (a ratio above 1 is slower); the run then replaces that file, unless
--no-save. Figures from another machine or Python are shown but not compared.

    .venv/bin/python py/bench.py [--batch 1000] [--repeat 7] [--no-save] [--cpu]
"""

import argparse
import json
import os
import pathlib
import platform
import sys
import time
from decimal import Decimal
from typing import Any, Callable, Dict, List

import samkalk

HERE = pathlib.Path(__file__).resolve().parent
MAIN = HERE.parent / "tests" / "vectors" / "002.json"
LAST_RUN = HERE / "bench" / "last_run.json"
sys.path.insert(0, str(HERE.parent / "tests" / "reference"))
import plain_python  # type: ignore[import-not-found]  # noqa: E402


def best_per_call(
    fn: Callable[[], object], *, min_time: float = 0.2, repeat: int = 7, clock: Callable[[], float] = time.perf_counter
) -> float:
    """Best of `repeat` timings of a loop that runs `fn` for at least `min_time` seconds (of
    `clock`: wall time, or with --cpu the process's CPU time)."""
    n = 1
    while True:
        start = clock()
        for _ in range(n):
            fn()
        elapsed = clock() - start
        if elapsed >= min_time:
            break
        n *= 2
    best = elapsed / n
    for _ in range(repeat - 1):
        start = clock()
        for _ in range(n):
            fn()
        best = min(best, (clock() - start) / n)
    return best


def changes(count: int) -> List[Dict[str, str]]:
    """A sweep: the AM2 share, the AM3 cost and the discount rate vary."""
    return [
        {
            "cohorts[0].outcomes[0].share": str(Decimal(i % 101) / 100),
            "cohorts[1].intervention.cost_per_participant": str(60000 + 100 * i),
            "discount_rate": ["0", "0.035", "0.05"][i % 3],
        }
        for i in range(count)
    ]


def variants(base: Dict[str, Any], sweep: List[Dict[str, str]]) -> List[Dict[str, Any]]:
    """The sweep's scenarios written out as dicts."""
    out = []
    for change in sweep:
        s = json.loads(json.dumps(base))
        s["cohorts"][0]["outcomes"][0]["share"] = change["cohorts[0].outcomes[0].share"]
        s["cohorts"][1]["intervention"]["cost_per_participant"] = change["cohorts[1].intervention.cost_per_participant"]
        s["discount_rate"] = change["discount_rate"]
        out.append(s)
    return out


def machine() -> Dict[str, Any]:
    return {"python": platform.python_version(), "machine": platform.machine(), "cores": os.cpu_count()}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-save", action="store_true", help=f"do not replace {LAST_RUN.name} with this run")
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="time the process's CPU time (all threads) instead of wall time: steadier on a loaded machine; not saved",
    )
    args = parser.parse_args()
    clock = time.process_time if args.cpu else time.perf_counter
    if args.cpu:
        args.no_save = True
        print("CPU time (time.process_time, summed over threads): calculate_many's threads show as no gain")

    def timed(fn: Callable[[], object], repeat: int = args.repeat) -> float:
        return best_per_call(fn, repeat=repeat, clock=clock)

    scenario = json.loads(MAIN.read_text(encoding="utf-8"))["scenario"]
    sweep = changes(args.batch)
    batch = variants(scenario, sweep)
    prepared = samkalk.Scenario(scenario)
    n = len(batch)

    # The baseline must compute the same thing before it is timed.
    defaults = samkalk.defaults()
    if plain_python.calculate(scenario, defaults) != json.loads(samkalk.calculate(scenario).to_json()):
        sys.exit("tests/reference/plain_python.py disagrees with samkalk on 002.json: not timing")
    for s, r in list(zip(batch, samkalk.calculate_many(batch)))[:: max(1, n // 50)]:
        if isinstance(r, samkalk.ScenarioError) or plain_python.calculate(s, defaults) != json.loads(r.to_json()):
            sys.exit("tests/reference/plain_python.py disagrees with samkalk on a batch variant: not timing")
    print(f"plain_python.py agrees with samkalk on 002.json and on a sample of the {n} variants")
    if [r.to_json() for r in samkalk.calculate_variants(scenario, sweep)] != [r.to_json() for r in samkalk.calculate_many(batch)]:
        sys.exit("calculate_variants disagrees with calculate_many on the batch: not timing")
    single_plain = timed(lambda: plain_python.calculate(scenario, defaults))
    batch_plain = timed(lambda: [plain_python.calculate(s, defaults) for s in batch], repeat=max(3, args.repeat // 2)) / n

    timings = {
        "single call, plain Python (plain_python.py)": single_plain,
        "single call, calculate(dict)": timed(lambda: samkalk.calculate(scenario)),
        "single call, calculate(dict).to_dict()": timed(lambda: samkalk.calculate(scenario).to_dict()),
        "single call, calculate(Scenario)": timed(lambda: samkalk.calculate(prepared)),
        f"batch of {n}, plain Python loop, per scenario": batch_plain,
        f"batch of {n}, calculate_many, per scenario": timed(lambda: samkalk.calculate_many(batch)) / n,
        f"batch of {n}, calculate_many(threads=1), per scenario": timed(lambda: samkalk.calculate_many(batch, threads=1)) / n,
        f"batch of {n}, calculate_variants, per scenario": timed(lambda: samkalk.calculate_variants(scenario, sweep)) / n,
        f"batch of {n}, calculate_variants(threads=1), per scenario": timed(lambda: samkalk.calculate_variants(scenario, sweep, threads=1))
        / n,
    }

    last: Dict[str, Any] = {}
    if LAST_RUN.is_file():
        last = json.loads(LAST_RUN.read_text(encoding="utf-8"))
    comparable = last.get("machine") == machine()
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores, samkalk {samkalk.__version__}")
    if not last:
        print(f"no previous run in {LAST_RUN}: nothing to compare with")
    elif not comparable:
        print(f"the last run ({last.get('samkalk')}) was on {last.get('machine')}: shown, not compared")
    else:
        print(f"ratio: this run / the last run (samkalk {last.get('samkalk')}); above 1 is slower")
    print()
    previous = last.get("seconds", {})
    print("x plain: the plain-Python figure of this run over samkalk's (above 1 is faster)")
    for label, seconds in timings.items():
        before = previous.get(label)
        baseline = single_plain if label.startswith("single") else batch_plain
        line = f"{label:<56}{seconds * 1e6:10.1f} µs"
        line += "" if "plain Python" in label else f"   {baseline / seconds:6.1f}x plain"
        if before:
            line += f"   last {before * 1e6:10.1f} µs"
            if comparable:
                line += f"   {seconds / before:5.2f}x"
        print(line)

    single = timings["single call, calculate(dict)"]
    many = timings[f"batch of {n}, calculate_many, per scenario"]
    print()
    print(f"target single call >= 30x plain Python: {single_plain / single:.1f}x {'met' if single_plain / single >= 30 else 'NOT met'}")
    print(f"target calculate_many >= 100x plain Python: {batch_plain / many:.1f}x {'met' if batch_plain / many >= 100 else 'NOT met'}")
    varied = timings[f"batch of {n}, calculate_variants, per scenario"]
    print(f"  the same batch as calculate_variants (one base, the sweep's changes): {batch_plain / varied:.1f}x")

    if not args.no_save:
        record = {"samkalk": samkalk.__version__, "machine": machine(), "seconds": timings}
        LAST_RUN.parent.mkdir(exist_ok=True)
        LAST_RUN.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nsaved to {LAST_RUN.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
