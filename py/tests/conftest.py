import json
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VECTORS = sorted((ROOT / "tests" / "vectors").glob("*.json"))


def load_vector(path: Path) -> dict:
    # Decimal keeps every digit as spelled (e.g. a 29-decimal number that must be rejected).
    return json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)


@pytest.fixture(scope="session")
def vectors():
    return {p.name: load_vector(p) for p in VECTORS}


@pytest.fixture(scope="session")
def main_scenario():
    """tests/vectors/002.json: AM2 and AM3 cohorts together (KNUT goals 60 % and 40 %)."""
    return load_vector(ROOT / "tests" / "vectors" / "002.json")["scenario"]


@pytest.fixture(scope="session")
def main_expected():
    return load_vector(ROOT / "tests" / "vectors" / "002.json")["expected"]
