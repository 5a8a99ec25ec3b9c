"""Benchmark (not a test): Monte Carlo through Python on the main example.

Times `samkalk.analyse` with 100,000 Monte Carlo draws on tests/vectors/002.json's scenario
(AM2 and AM3 cohorts), as `cargo bench -p samkalk --bench analysis` does in Rust:
  - one share drawn uniformly,
  - the six parameters of examples/analysis.json (every kind of distribution),
each with every core and with one thread, without and with keep_draws (and the DataFrame of
the kept draws). Every run of a request gives the same JSON whatever the threads; that is
checked too.

    .venv/bin/python py/bench_analysis.py [--draws 100000] [--repeat 3]
"""

import argparse
import functools
import json
import os
import pathlib
import platform
import time

import samkalk

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAIN = ROOT / "tests" / "vectors" / "002.json"
EXAMPLE = ROOT / "examples" / "analysis.json"


def best(fn, repeat):
    times = []
    out = None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return min(times), out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    scenario = samkalk.Scenario(json.loads(MAIN.read_text(encoding="utf-8"))["scenario"])
    six = json.loads(EXAMPLE.read_text(encoding="utf-8"))["monte_carlo"]["parameters"]
    one = [{"parameter": "cohorts[0].outcomes[0].share", "distribution": {"kind": "uniform", "low": "0.3", "high": "0.8"}}]
    cores = os.cpu_count() or 1
    print(f"samkalk {samkalk.__version__}, Python {platform.python_version()}, {platform.machine()}, {cores} cores")
    print(f"{args.draws} Monte Carlo draws on tests/vectors/002.json, best of {args.repeat}")

    for name, parameters in (("one share, uniform", one), ("six parameters, every kind", six)):
        request = {"monte_carlo": {"draws": args.draws, "seed": 42, "parameters": parameters}}
        results = {}
        for threads in (None, 1):
            run = functools.partial(samkalk.analyse, scenario, request, threads=threads)
            seconds, result = best(run, args.repeat)
            results[threads] = result.to_json()
            label = f"{cores} threads" if threads is None else "1 thread"
            rate = f"{args.draws / seconds / 1000:8.1f} k draws/s  {seconds / args.draws * 1e6:7.2f} µs/draw"
            print(f"  {name:28} {label:10} {seconds:8.3f} s  {rate}")
        assert results[None] == results[1], "threads changed the result"

    request = {"monte_carlo": {"draws": args.draws, "seed": 42, "keep_draws": True, "parameters": six}}
    seconds, result = best(lambda: samkalk.analyse(scenario, request), args.repeat)
    print(f"  {'six parameters, keep_draws':28} {f'{cores} threads':10} {seconds:8.3f} s")
    try:
        import pandas  # noqa: F401
    except ImportError:
        return
    frame_seconds, frame = best(lambda: result.draws_frame(dtype="float"), args.repeat)
    print(f"  draws_frame(dtype='float'): {frame.shape[0]} x {frame.shape[1]} in {frame_seconds:.3f} s")
    frame_seconds, frame = best(lambda: result.draws_frame(), 1)
    print(f"  draws_frame() (Decimal):   {frame.shape[0]} x {frame.shape[1]} in {frame_seconds:.3f} s")


if __name__ == "__main__":
    main()
