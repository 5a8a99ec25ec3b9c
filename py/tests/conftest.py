import json
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_SUPERSEDED = {
    line.split()[0]
    for line in (ROOT / "tests" / "vectors" / "v2" / "superseded.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}
# Version 1's vectors (less those method version 2 supersedes), then version 2's.
VECTORS = [p for p in sorted((ROOT / "tests" / "vectors").glob("*.json")) if p.name not in _SUPERSEDED] + sorted(
    (ROOT / "tests" / "vectors" / "v2").glob("*.json")
)


def load_vector(path: Path) -> dict:
    # Decimal keeps every digit as spelled (e.g. a 29-decimal number that must be rejected).
    return json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)


@pytest.fixture(scope="session")
def vectors():
    return {(p.name if p.parent.name != "v2" else f"v2/{p.name}"): load_vector(p) for p in VECTORS}


@pytest.fixture(scope="session")
def main_scenario():
    """tests/vectors/002.json: AM2 and AM3 cohorts together (KNUT goals 60 % and 40 %)."""
    return load_vector(ROOT / "tests" / "vectors" / "002.json")["scenario"]


@pytest.fixture(scope="session")
def main_expected():
    return load_vector(ROOT / "tests" / "vectors" / "002.json")["expected"]
