"""A fixed amount of work for valgrind's instruction counts (not a test, not timed).

    valgrind --tool=callgrind .venv/bin/python py/bench_loop.py N

runs N calls of samkalk.calculate(dict) on tests/vectors/002.json's scenario. Run it with two
values of N (1,000 and 2,000) and divide the difference in instructions by the difference in N:
start-up and imports cancel out. Prints a checksum so the work cannot be skipped.
"""

import json
import pathlib
import sys

import samkalk

SCENARIO = json.loads((pathlib.Path(__file__).resolve().parent.parent / "tests" / "vectors" / "002.json").read_text("utf-8"))["scenario"]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    total = 0
    for _ in range(n):
        total += len(samkalk.calculate(SCENARIO).years)
    print(total)


if __name__ == "__main__":
    main()
