"""Sensitivity and uncertainty analysis through the package: the pinned Monte Carlo seed file,
the same JSON as the command line, sweeps equal to calculate(), progress, cancelling (a
callback, Ctrl-C), faults at their request paths, DataFrames, charts and the HTML view."""

import _thread
import copy
import json
import os
import pathlib
import subprocess
import sys
import threading
import time
from decimal import Decimal

import pytest
from conftest import cli

import samkalk

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED_FILE = ROOT / "tests" / "analysis" / "montecarlo_seed.json"
EXAMPLE_REQUEST = ROOT / "examples" / "analysis.json"
WHO = list(samkalk.ACTORS) + ["society"]
SHARE0 = "cohorts[0].outcomes[0].share"


def load(path):
    return json.loads(pathlib.Path(path).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_file():
    return load(SEED_FILE)


@pytest.fixture(scope="module")
def example_request():
    return load(EXAMPLE_REQUEST)


@pytest.fixture(scope="module")
def example_result(main_scenario, example_request):
    return samkalk.analyse(main_scenario, example_request)


@pytest.fixture(scope="module")
def kept(main_scenario, example_request):
    request = copy.deepcopy(example_request["monte_carlo"])
    request.update(draws=2000, keep_draws=True)
    return samkalk.analyse(main_scenario, {"monte_carlo": request})


def long_run(scenario, draws=2_000_000):
    """A Monte Carlo request that takes far longer than the tests wait (tens of seconds)."""
    return {"monte_carlo": {"draws": draws, "seed": 1, "parameters": [
        {"parameter": SHARE0, "distribution": {"kind": "uniform", "low": "0.3", "high": "0.8"}}]}}


# ------------------------------------------------------------------------------------------
# Reproducibility across layers


def test_pinned_seed_file_gives_the_pinned_draws_and_statistics(seed_file):
    result = samkalk.analyse(seed_file["scenario"], seed_file["analysis"])
    mc = json.loads(result.to_json())["monte_carlo"]
    expected = seed_file["expected"]
    assert mc["statistics"] == expected["statistics"]
    first = expected["first_draws"]
    for group in ("values", "npv"):
        for name, want in expected[group].items():
            assert mc["samples"][group][name][:first] == want, f"{group}.{name}"
    # The same numbers as Decimal through to_dict, and through the columns.
    d = result.to_dict()["monte_carlo"]
    assert d["statistics"]["society"]["mean"] == Decimal(expected["statistics"]["society"]["mean"])
    assert d["statistics"]["society"]["gains"] == expected["statistics"]["society"]["gains"]
    columns = result._native.samples(False)
    for name, want in expected["values"].items():
        assert columns["values"][name][:first] == [Decimal(x) for x in want]
    for who, want in expected["npv"].items():
        assert columns["npv"][who][:first] == [Decimal(x) for x in want]


def test_the_seed_file_through_json_text_paths_and_a_scenario_object(seed_file, tmp_path):
    reference = samkalk.analyse(seed_file["scenario"], seed_file["analysis"]).to_json()
    scenario_path = tmp_path / "scenario.json"
    analysis_path = tmp_path / "analysis.json"
    scenario_path.write_text(json.dumps(seed_file["scenario"]), encoding="utf-8")
    analysis_path.write_text(json.dumps(seed_file["analysis"]), encoding="utf-8")
    assert samkalk.analyse(str(scenario_path), analysis_path).to_json() == reference
    assert samkalk.analyse(json.dumps(seed_file["scenario"]), json.dumps(seed_file["analysis"])).to_json() == reference
    assert samkalk.analyse(samkalk.Scenario(seed_file["scenario"]), json.dumps(seed_file["analysis"]).encode()).to_json() == reference


def test_toml_request(main_scenario, tmp_path):
    toml = tmp_path / "analysis.toml"
    toml.write_text('[sweep]\nparameter = "discount_rate"\nvalues = ["0", "0.035"]\n', encoding="utf-8")
    from_toml = samkalk.analyse(main_scenario, toml)
    assert from_toml == samkalk.sweep(main_scenario, "discount_rate", ["0", "0.035"])


def test_same_seed_same_result_whatever_the_threads(seed_file):
    runs = [samkalk.analyse(seed_file["scenario"], seed_file["analysis"], threads=n).to_json() for n in (1, 2, 3, None)]
    assert len(set(runs)) == 1


def test_another_seed_gives_other_draws(seed_file):
    request = copy.deepcopy(seed_file["analysis"])
    request["monte_carlo"]["seed"] = 43
    other = json.loads(samkalk.analyse(seed_file["scenario"], request).to_json())["monte_carlo"]
    assert other["statistics"] != seed_file["expected"]["statistics"]


def splitmix64(seed, n):
    mask = (1 << 64) - 1
    z = (seed + n * 0x9E3779B97F4A7C15) & mask
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
    return z ^ (z >> 31)


def xoshiro_outputs(seed, draw, n):
    """docs/analysis.md's generator, written again in plain Python."""
    mask = (1 << 64) - 1
    s = [splitmix64(seed, 4 * draw + k) for k in (1, 2, 3, 4)]
    rotl = lambda x, k: ((x << k) | (x >> (64 - k))) & mask  # noqa: E731
    out = []
    for _ in range(n):
        out.append((rotl((s[1] * 5) & mask, 7) * 9) & mask)
        t = (s[1] << 17) & mask
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
    return out


def test_generator_matches_the_seed_file_and_a_python_reimplementation(seed_file):
    g = seed_file["generator"]
    want = [int(x) for x in g["next_u64"]]
    seed, draw = int(g["seed"]), g["draw"]
    assert samkalk._samkalk.generator_outputs(seed, draw, len(want)) == want
    assert xoshiro_outputs(seed, draw, len(want)) == want
    for seed, draw in ((0, 0), (2**64 - 1, 12345), (42, 999_999)):
        assert samkalk._samkalk.generator_outputs(seed, draw, 8) == xoshiro_outputs(seed, draw, 8)


def test_uniform_and_discrete_draws_reproduce_in_plain_python(main_scenario):
    """uniform and discrete sampling are bit for bit reproducible anywhere (docs/analysis.md)."""
    request = {"monte_carlo": {"draws": 50, "seed": 9, "keep_draws": True, "parameters": [
        {"parameter": "cohorts[1].intervention.cost_per_participant", "distribution": {"kind": "uniform", "low": "80000", "high": "110000"}},
        {"parameter": "cohorts[0].participants", "distribution": {"kind": "discrete", "values": [25, 30, 35], "weights": [1, 2, 1]}}]}}
    samples = samkalk.analyse(main_scenario, request)._native.samples(False)
    for i in range(50):
        a, b = xoshiro_outputs(9, i, 2)
        cost = 80000.0 + (110000.0 - 80000.0) * ((a >> 11) * 2.0**-53)
        target = ((b >> 11) * 2.0**-53) * 4.0
        participants = next(v for v, c in zip((25, 30, 35), (1.0, 3.0, 4.0)) if target < c)
        assert samples["values"]["cohorts[1].intervention.cost_per_participant"][i] == Decimal(repr(cost))
        assert samples["values"]["cohorts[0].participants"][i] == participants


def cli_json(scenario, request, tmp_path):
    scenario_path = tmp_path / "scenario.json"
    request_path = tmp_path / "analysis.json"
    scenario_path.write_text(json.dumps(scenario), encoding="utf-8")
    request_path.write_text(json.dumps(request), encoding="utf-8")
    out = subprocess.run([str(cli()), "analyse", str(scenario_path), str(request_path)], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_result_json_is_the_command_lines(main_scenario, example_request, example_result, tmp_path):
    stdout = cli_json(main_scenario, example_request, tmp_path)
    assert example_result.to_json(pretty=True) + "\n" == stdout
    assert json.loads(example_result.to_json()) == json.loads(stdout)


def _as_text(tree):
    if isinstance(tree, dict):
        return {k: _as_text(v) for k, v in tree.items()}
    if isinstance(tree, list):
        return [_as_text(v) for v in tree]
    return str(tree) if isinstance(tree, Decimal) else tree


def _text_keys(tree, key=""):
    if isinstance(tree, dict):
        return set().union(*(_text_keys(v, k) for k, v in tree.items())) if tree else set()
    if isinstance(tree, list):
        return set().union(*(_text_keys(v, key) for v in tree)) if tree else set()
    return {key} if isinstance(tree, str) else set()


def test_to_dict_holds_exactly_the_command_lines_values(main_scenario, example_request, kept, tmp_path):
    """Every money, share and parameter value of to_dict() is a Decimal whose text is the CLI's
    JSON string (the core's typed values, converted by kind); only names stay text."""
    kept_request = {"monte_carlo": {**example_request["monte_carlo"], "draws": 2000, "keep_draws": True}}
    for request, result in [(example_request, samkalk.analyse(main_scenario, example_request)), (kept_request, kept)]:
        stdout = cli_json(main_scenario, request, tmp_path)
        as_dict = result.to_dict()
        assert _as_text(as_dict) == json.loads(stdout)
        assert _text_keys(as_dict) <= {"parameter", "parameters", "actor", "kind", "gains"}
        samples = result._native.samples(False)
        if samples is not None:
            assert samples == as_dict["monte_carlo"]["samples"]
            floats = result._native.samples(True)
            assert floats["npv"]["society"] == [float(x) for x in samples["npv"]["society"]]
            assert floats["values"][SHARE0] == [float(x) for x in samples["values"][SHARE0]]
    assert kept._native.samples(False) is not None


def test_seed_file_json_is_the_command_lines(seed_file, tmp_path):
    stdout = cli_json(seed_file["scenario"], seed_file["analysis"], tmp_path)
    assert samkalk.analyse(seed_file["scenario"], seed_file["analysis"]).to_json(pretty=True) + "\n" == stdout


# ------------------------------------------------------------------------------------------
# Exactness against calculate()


def with_value(scenario, path, value):
    s = copy.deepcopy(scenario)
    node = s
    parts = path.replace("[", ".[").split(".")
    for part in parts[:-1]:
        node = node[int(part[1:-1])] if part.startswith("[") else node.setdefault(part, {})
    last = parts[-1]
    if last.startswith("["):
        node[int(last[1:-1])] = value
    else:
        node[last] = value
    return s


@pytest.mark.parametrize(
    "path, values",
    [
        (SHARE0, ["0", "0.1", "0.35", "0.6", "0.7"]),
        ("discount_rate", ["0", "0.02", "0.035", "0.1"]),
        ("cohorts[1].intervention.cost_per_participant", ["0", "70000", "123456.78"]),
        ("cohorts[1].outcomes[0].retention", ["0.5", "0.9", "1"]),
        ("tax.municipal_rate", ["0.2", "0.3255"]),
        ("cohorts[0].participants", [1, 30, 31]),
    ],
)
def test_sweep_value_equals_calculate_on_the_modified_scenario(main_scenario, path, values):
    result = samkalk.sweep(main_scenario, path, values).to_dict()["sweep"]
    assert result["parameter"] == path
    assert [row["value"] for row in result["rows"]] == [Decimal(str(v)) for v in values]
    for value, row in zip(values, result["rows"]):
        direct = samkalk.calculate(with_value(main_scenario, path, value)).to_dict()
        for who in WHO:
            figures = direct["society"] if who == "society" else direct["actors"][who]
            assert row["npv"][who] == figures["npv"], (path, value, who)
            assert row["total_net"][who] == figures["total_net"], (path, value, who)


def test_base_and_tornado_agree_with_calculate(main_scenario, example_result):
    direct = samkalk.calculate(main_scenario).to_dict()
    d = example_result.to_dict()
    for who in WHO:
        figures = direct["society"] if who == "society" else direct["actors"][who]
        assert d["base"]["npv"][who] == figures["npv"]
        assert d["base"]["total_net"][who] == figures["total_net"]
        assert d["tornado"]["base"][who] == figures["npv"]
    for row in d["tornado"]["rows"]:
        if row["parameter"].startswith("states."):
            continue  # a built-in state: not in the dict to modify
        low = samkalk.calculate(with_value(main_scenario, row["parameter"], str(row["low"]))).to_dict()
        assert row["npv_low"]["society"] == low["society"]["npv"]


def test_degenerate_monte_carlo_equals_calculate(main_scenario):
    direct = samkalk.calculate(main_scenario).to_dict()
    request = {"monte_carlo": {"draws": 1500, "seed": 3, "keep_draws": True, "parameters": [
        {"parameter": SHARE0, "distribution": {"kind": "uniform", "low": "0.6", "high": "0.6"}},
        {"parameter": "cohorts[1].outcomes[0].share", "distribution": {"kind": "triangular", "low": "0.4", "mode": "0.4", "high": "0.4"}},
        {"parameter": "cohorts[1].outcomes[0].retention", "distribution": {"kind": "pert", "low": "0.9", "mode": "0.9", "high": "0.9"}},
        {"parameter": "discount_rate", "distribution": {"kind": "normal", "mean": "0", "sd": "0"}},
        {"parameter": "cohorts[0].participants", "distribution": {"kind": "discrete", "values": [30]}},
        {"parameter": "cohorts[1].intervention.cost_per_participant", "distribution": {"kind": "beta", "alpha": 2, "beta": 3, "low": "90000", "high": "90000"}},
    ]}}
    result = samkalk.analyse(main_scenario, request)
    stats = result.to_dict()["monte_carlo"]["statistics"]
    samples = result._native.samples(False)
    for who in WHO:
        npv = (direct["society"] if who == "society" else direct["actors"][who])["npv"]
        s = stats[who]
        assert s["mean"] == s["min"] == s["p5"] == s["p50"] == s["p95"] == s["max"] == npv
        assert s["sd"] == s["standard_error"] == Decimal("0.00")
        assert s["probability_gain"] == (Decimal("1.000000") if npv >= 0 else Decimal("0.000000"))
        assert set(samples["npv"][who]) == {npv}


def test_statistics_follow_the_kept_draws(kept):
    """mean, nearest-rank percentiles and the probability of a gain, recomputed from the draws."""
    d = kept.to_dict()["monte_carlo"]
    samples = kept._native.samples(False)
    n = d["draws"]
    for who in WHO:
        column = samples["npv"][who]
        assert len(column) == n
        ordered = sorted(column)
        s = d["statistics"][who]
        assert s["mean"] == (sum(column) / n).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
        for p in (5, 50, 95):
            assert s[f"p{p}"] == ordered[-(-p * n // 100) - 1]
        assert s["min"] == ordered[0] and s["max"] == ordered[-1]
        assert s["gains"] == sum(1 for x in column if x >= 0)
        assert s["probability_gain"] == (Decimal(s["gains"]) / n).quantize(Decimal("0.000001"))


# ------------------------------------------------------------------------------------------
# Progress and cancelling


def test_progress_callback_sees_increasing_done_up_to_total(main_scenario, example_request):
    calls = []
    samkalk.analyse(main_scenario, example_request, progress=lambda done, total: calls.append((done, total)))
    assert len(calls) >= 3
    totals = {t for _, t in calls}
    sweep, grid, tornado, switching = 7, 4, 2 * 6, 5
    assert totals == {sweep + grid + tornado + switching + example_request["monte_carlo"]["draws"]}
    dones = [d for d, _ in calls]
    assert dones == sorted(dones)
    assert dones[0] == 0 and dones[-1] == calls[-1][1]


def test_progress_true_without_tqdm_draws_a_text_bar_on_stderr(main_scenario, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    samkalk.sweep(main_scenario, SHARE0, ["0.1", "0.2"], progress=True)
    err = capsys.readouterr().err
    assert "100.0 %" in err and "2/2" in err and err.endswith("\n")


def test_progress_true_uses_tqdm_when_installed(main_scenario, monkeypatch):
    import types

    bars = []

    class FakeTqdm:
        def __init__(self, total=None, **kwargs):
            self.total, self.n, self.closed = total, 0, False
            bars.append(self)

        def update(self, k):
            self.n += k

        def refresh(self):
            pass

        def close(self):
            self.closed = True

    module = types.ModuleType("tqdm.auto")
    module.tqdm = FakeTqdm
    monkeypatch.setitem(sys.modules, "tqdm", types.ModuleType("tqdm"))
    monkeypatch.setitem(sys.modules, "tqdm.auto", module)
    samkalk.monte_carlo(main_scenario, {SHARE0: {"kind": "uniform", "low": "0.3", "high": "0.8"}}, draws=3000, progress=True)
    assert len(bars) == 1 and bars[0].closed and bars[0].n == bars[0].total == 3000


def test_progress_must_be_callable(main_scenario):
    with pytest.raises(TypeError, match="progress"):
        samkalk.analyse(main_scenario, {"sweep": {"parameter": SHARE0, "values": ["0.1"]}}, progress=42)  # type: ignore[arg-type]


def test_a_callback_that_raises_stops_the_run_with_its_exception(main_scenario):
    class Stop(Exception):
        pass

    calls = []

    def progress(done, total):
        calls.append(done)
        if done > 0:
            raise Stop("enough")

    start = time.monotonic()
    with pytest.raises(Stop, match="enough"):
        samkalk.analyse(main_scenario, long_run(main_scenario), progress=progress)
    assert time.monotonic() - start < 10
    assert len(calls) == 2


def test_a_callback_returning_false_cancels(main_scenario):
    calls = []

    def progress(done, total):
        calls.append(done)
        return done < 3000  # None or True goes on; exactly False stops

    start = time.monotonic()
    with pytest.raises(samkalk.AnalysisCancelled):
        samkalk.analyse(main_scenario, long_run(main_scenario), progress=progress)
    assert time.monotonic() - start < 10
    assert calls[-1] >= 3000 and len(calls) < 20
    # Returning None (a print, a tqdm update) never cancels.
    samkalk.sweep(main_scenario, SHARE0, ["0.1", "0.2"], progress=lambda done, total: None)


@pytest.mark.parametrize("with_callback", [False, True])
def test_ctrl_c_stops_a_long_run_promptly(main_scenario, with_callback):
    timer = threading.Timer(0.5, _thread.interrupt_main)
    calls = []
    progress = (lambda done, total: calls.append(done)) if with_callback else None
    start = time.monotonic()
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            samkalk.analyse(main_scenario, long_run(main_scenario), progress=progress)
    finally:
        timer.cancel()
    elapsed = time.monotonic() - start
    # 2,000,000 draws take tens of seconds; the run stops within a chunk of draws.
    assert 0.4 < elapsed < 3, elapsed
    if with_callback:
        assert calls and calls[-1] < 2_000_000


def test_the_gil_is_released_during_a_run(main_scenario):
    ticks = [0]
    running = threading.Event()
    stop = threading.Event()

    def count():
        running.set()
        while not stop.is_set():
            ticks[0] += 1

    worker = threading.Thread(target=count)
    worker.start()
    running.wait()
    try:
        before = ticks[0]
        samkalk.analyse(main_scenario, long_run(main_scenario, draws=20_000), threads=1)
        during = ticks[0] - before
    finally:
        stop.set()
        worker.join()
    assert during > 10_000


# ------------------------------------------------------------------------------------------
# Faults


def test_a_parameter_that_names_nothing_in_the_scenario(main_scenario):
    with pytest.raises(samkalk.AnalysisError) as e:
        samkalk.sweep(main_scenario, "cohorts[5].participants", [1])
    assert isinstance(e.value, samkalk.ScenarioError)
    assert e.value.paths == ["sweep.parameter"]
    assert "cohorts[5]" in e.value.errors[0]["message"]
    assert str(e.value).startswith("invalid analysis: sweep.parameter: ")


def test_request_faults_are_at_their_request_paths(main_scenario):
    request = {
        "sweep": {"parameter": "cohorts[0].name", "values": ["0.1"]},
        "tornado": {"parameters": [{"parameter": "discount_rate", "low": "x", "high": object()}]},
        "monte_carlo": {"draws": 0, "seed": -1, "parameters": []},
        "extra": 1,
    }
    with pytest.raises(samkalk.AnalysisError) as e:
        samkalk.analyse(main_scenario, request)
    paths = e.value.paths
    for path in ("sweep.parameter", "tornado.parameters[0].low", "tornado.parameters[0].high", "monte_carlo.draws", "monte_carlo.seed", "extra"):
        assert path in paths, (path, e.value.errors)
    assert any("unsupported type object" in f["message"] for f in e.value.errors if f["path"] == "tornado.parameters[0].high")


def test_values_out_of_range_name_the_request_and_the_scenario_path(main_scenario):
    with pytest.raises(samkalk.AnalysisError) as e:
        samkalk.tornado(main_scenario, [(SHARE0, "0.3", "1.5")])
    assert [(f["path"], f["message"]) for f in e.value.errors] == [("tornado.parameters[0].high", f"{SHARE0}: must be between 0 and 1, got 1.5")]
    fault = e.value.errors[0]
    assert (fault["code"], fault["params"]["max"], fault["params"]["got"]) == ("out_of_range", "1", "1.5")
    assert fault["context"] == [{"kind": "parameter", "path": SHARE0}]
    assert fault["message_en"] == fault["message"]
    assert e.value.messages(lang="sv") == [f"{SHARE0}: måste vara mellan 0 och 1 (0–100 %), fick 1,5 (150 %)"]
    with pytest.raises(samkalk.AnalysisError) as e:
        samkalk.monte_carlo(main_scenario, {SHARE0: {"kind": "uniform", "low": "0.5", "high": "1.2"}}, draws=10)
    assert e.value.paths == ["monte_carlo.parameters[0].distribution.high"]


def test_a_faulty_scenario_is_a_scenario_error_not_an_analysis_error(main_scenario):
    bad = dict(main_scenario, horizon_years=0)
    with pytest.raises(samkalk.ScenarioError) as e:
        samkalk.sweep(bad, SHARE0, ["0.1"])
    assert not isinstance(e.value, samkalk.AnalysisError)
    assert e.value.paths == ["horizon_years"]


def test_unreadable_requests(main_scenario, tmp_path):
    for request, fragment in (("{not json", "JSON"), (str(tmp_path / "missing.json"), "cannot read"), (42, "must be an object")):
        with pytest.raises(samkalk.AnalysisError, match=fragment):
            samkalk.analyse(main_scenario, request)  # type: ignore[arg-type]
    with pytest.raises(samkalk.AnalysisError, match="not an analysis request"):
        samkalk.analyse(main_scenario, samkalk.Scenario(main_scenario))  # type: ignore[arg-type]
    for threads in (0, -2, 1.5):
        with pytest.raises(ValueError, match="threads"):
            samkalk.analyse(main_scenario, {"sweep": {"parameter": SHARE0, "values": ["0.1"]}}, threads=threads)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="threads"):
        samkalk._samkalk.analyse(main_scenario, {"sweep": {"parameter": SHARE0, "values": ["0.1"]}}, threads=0)


def test_analysis_errors_pickle():
    import pickle

    e = samkalk.AnalysisError([{"path": "sweep.values[0]", "message": "m"}])
    again = pickle.loads(pickle.dumps(e))
    assert type(again) is samkalk.AnalysisError and again.errors == e.errors and str(again) == str(e)


# ------------------------------------------------------------------------------------------
# The result in Python


def test_to_dict_types(example_result):
    d = example_result.to_dict()
    assert d["version"] == 1 and list(d) == ["version", "base", "sweep", "grid", "tornado", "switching", "monte_carlo"]
    assert example_result.sections == ["base", "sweep", "grid", "tornado", "switching", "monte_carlo"]
    assert d["base"]["npv"]["society"] == Decimal("37110096.80")
    assert list(d["base"]["npv"]) == WHO
    assert d["sweep"]["base_value"] == Decimal("0.6")
    mc = d["monte_carlo"]
    assert mc["draws"] == 10000 and mc["seed"] == 42 and isinstance(mc["seed"], int)
    assert mc["statistics"]["municipality"]["probability_gain"] == Decimal("0.991600")
    assert mc["statistics"]["municipality"]["gains"] == 9916
    assert d["switching"][0]["value"] == Decimal("747649.48") and d["switching"][0]["kind"] == "linear"
    none = [s for s in d["switching"] if s["kind"] == "none"]
    assert none and none[0]["value"] is None and "gains" not in none[0]
    assert d["tornado"]["rows"][0]["parameter"] == SHARE0  # largest swing first
    assert example_result.to_dict() is not example_result.to_dict()


def test_big_seed_is_exact(main_scenario):
    seed = 2**64 - 1
    r = samkalk.monte_carlo(main_scenario, [(SHARE0, {"kind": "uniform", "low": "0.3", "high": "0.8"})], draws=5, seed=seed)
    assert r.to_dict()["monte_carlo"]["seed"] == seed
    assert json.loads(r.to_json())["monte_carlo"]["seed"] == seed


def test_equality_and_repr(main_scenario, example_result, example_request):
    assert example_result == samkalk.analyse(main_scenario, example_request, threads=1)
    assert example_result != samkalk.sweep(main_scenario, SHARE0, ["0.1"])
    text = repr(example_result)
    assert "sweep (7 values)" in text and "monte_carlo (10000 draws)" in text and "37 110 097 kr" in text


def test_shortcuts_build_the_same_requests(main_scenario, example_request):
    t = example_request["tornado"]["parameters"]
    assert samkalk.tornado(main_scenario, [(p["parameter"], p["low"], p["high"]) for p in t]) == samkalk.analyse(main_scenario, {"tornado": {"parameters": t}})
    assert samkalk.tornado(main_scenario, {p["parameter"]: (p["low"], p["high"]) for p in t}) == samkalk.tornado(main_scenario, t)
    g = example_request["grid"]["parameters"]
    assert samkalk.grid(main_scenario, (g[0]["parameter"], g[0]["values"]), (g[1]["parameter"], g[1]["values"])) == samkalk.analyse(main_scenario, {"grid": example_request["grid"]})
    sw = samkalk.switching_value(main_scenario, "cohorts[0].outcomes[0].retention", "society", low="0.2", high="1")
    assert sw == samkalk.analyse(main_scenario, {"switching": [{"parameter": "cohorts[0].outcomes[0].retention", "actor": "society", "low": "0.2", "high": "1"}]})
    mc = example_request["monte_carlo"]
    short = samkalk.monte_carlo(main_scenario, [(p["parameter"], p["distribution"]) for p in mc["parameters"]], draws=500, seed=5)
    assert short == samkalk.analyse(main_scenario, {"monte_carlo": dict(mc, draws=500, seed=5)})
    with pytest.raises(TypeError):
        samkalk.sweep(main_scenario, SHARE0, "0.1")


def test_floats_in_requests_are_read_through_their_repr(main_scenario):
    assert samkalk.sweep(main_scenario, SHARE0, [0.1, 0.35]) == samkalk.sweep(main_scenario, SHARE0, ["0.1", "0.35"])


def test_frames(example_result):
    pd = pytest.importorskip("pandas")
    base = example_result.base_frame()
    assert base.shape == (8, 3) and list(base["actor"]) == WHO
    sweep = example_result.sweep_frame()
    assert sweep.shape == (7 * 8, 4) and list(sweep.columns) == ["value", "actor", "npv", "total_net"]
    assert sweep.attrs["parameter"] == SHARE0
    row = sweep[(sweep["value"] == Decimal("0.6")) & (sweep["actor"] == "society")]
    assert row["npv"].iloc[0] == Decimal("37110096.80")
    table = example_result.sweep_frame(dtype="float").pivot(index="value", columns="actor", values="npv")
    assert table.shape == (7, 8) and table.loc[0.6, "society"] == 37110096.80
    grid = example_result.grid_frame(lang="sv")
    assert grid.shape == (4 * 8, 5) and list(grid.columns)[:2] == [SHARE0, "cohorts[1].outcomes[0].share"]
    assert "Kommunen" in set(grid["actor"])
    tornado = example_result.tornado_frame()
    assert tornado.shape == (6 * 8, 10) and list(tornado.columns)[:2] == ["parameter", "label"]
    assert tornado["label"].iloc[0] == "Andel till arbete, AM2-grupp"
    society = example_result.tornado_frame(actor="society")
    assert list(society["parameter"]) == [r["parameter"] for r in example_result.to_dict()["tornado"]["rows"]]
    assert list(society["swing"]) == sorted(society["swing"], reverse=True)
    assert (society["swing"] == (society["npv_high"] - society["npv_low"]).abs()).all()
    switching = example_result.switching_frame()
    assert switching.shape == (5, 12) and switching["label"].iloc[0] == "Kostnad per deltagare, AM3-grupp" and switching["value"].iloc[0] == Decimal("747649.48")
    mc = example_result.monte_carlo_frame(lang="en")
    assert mc.shape == (8, 11) and list(mc["actor"])[-1] == "Society"
    assert mc.attrs == {"draws": 10000, "seed": 42}
    assert mc["probability_gain"].iloc[0] == Decimal("0.991600") and mc["gains"].dtype == "int64"
    assert example_result.monte_carlo_frame(dtype="float")["probability_gain"].dtype == "float64"
    with pytest.raises(ValueError, match="keep_draws"):
        example_result.draws_frame()
    with pytest.raises(ValueError, match="dtype"):
        example_result.sweep_frame(dtype="int")
    assert isinstance(base, pd.DataFrame)


def test_missing_sections_say_so(main_scenario):
    r = samkalk.sweep(main_scenario, SHARE0, ["0.1"])
    with pytest.raises(ValueError, match="no tornado section"):
        r.tornado_frame()
    with pytest.raises(ValueError, match="no monte_carlo section"):
        r.plot_histogram()


def test_draws_frame(kept):
    pytest.importorskip("pandas")
    frame = kept.draws_frame()
    params = kept.to_dict()["monte_carlo"]["parameters"]
    assert frame.shape == (2000, len(params) + 8)
    assert list(frame.columns) == params + WHO and frame.index.name == "draw"
    floats = kept.draws_frame(dtype="float", lang="sv")
    assert floats["Samhället"].dtype == "float64"
    assert floats["Samhället"].iloc[7] == float(frame["society"].iloc[7])
    stats = kept.to_dict()["monte_carlo"]["statistics"]["society"]
    assert frame["society"].min() == stats["min"] and frame["society"].max() == stats["max"]


def test_plots(example_result, kept):
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = example_result.plot_tornado()
    assert len(ax.patches) == 2 * 6
    labels = ax.get_yticklabels()
    top = max(labels, key=lambda t: t.get_position()[1])
    assert len(labels) == 6 and top.get_text() == "Andel till arbete, AM2-grupp\n30 % – 80 %"  # the largest swing on top, in words
    assert ax.get_xlabel() == "Nuvärde (kr)"
    ax = example_result.plot_tornado("municipality", lang="en")
    assert "Municipality" in ax.get_title() and ax.get_xlabel() == "NPV (SEK)"
    # The amounts on the NPV axis never overlap, on the default figure or a narrow one.
    # (matplotlib's default locator ran "10 000 00012 000 000" together on the 5-inch figure.)
    examples = ROOT / "examples"
    programme = samkalk.analyse(examples / "programme.toml", examples / "analysis.json")
    for axes in (example_result.plot_tornado(), programme.plot_tornado(ax=plt.subplots(figsize=(5, 3))[1])):
        axes.figure.canvas.draw()
        renderer = axes.figure.canvas.get_renderer()
        boxes = sorted((t.get_window_extent(renderer) for t in axes.get_xticklabels() if t.get_text()), key=lambda b: b.x0)
        assert len(boxes) >= 2
        assert all(a.x1 < b.x0 for a, b in zip(boxes, boxes[1:])), [t.get_text() for t in axes.get_xticklabels()]
    fig, ax = plt.subplots()
    assert kept.plot_histogram(["municipality", "society"], ax=ax) is ax
    assert len(ax.patches) == 2 and "Sannolikhet att gå plus" not in ax.get_legend().get_texts()[0].get_text()
    assert "sannolikhet att gå plus" in ax.get_legend().get_texts()[0].get_text()
    ax = kept.plot_histogram()
    varying = [w for w in samkalk.ACTORS if w != "employer"]
    assert len(ax.patches) == len(varying) + 1
    with pytest.raises(ValueError, match="keep_draws"):
        example_result.plot_histogram()
    with pytest.raises(ValueError, match="unknown actor"):
        example_result.plot_tornado("kommunen")
    ax = example_result.plot_sweep()
    assert len(ax.lines) >= 3
    plt.close("all")


def test_html(example_result, main_scenario):
    html = example_result._repr_html_()
    assert html.startswith("<div class='samkalk-analysis'>")
    for fragment in ("Grundscenariot", "Känslighet", "Tornado", "Brytvärden", "Monte Carlo", "Sannolikhet att gå plus", "Kommunen", "99,2 %", "37 110 097 kr", "10000 dragningar"):
        assert fragment in html, fragment
    english = example_result.to_html(lang="en")
    assert "Probability of a gain" in english and "Municipality" in english and "99.2%" in english
    only = samkalk.sweep(main_scenario, SHARE0, ["0.1"])._repr_html_()
    assert "Känslighet" in only and "Tornado" not in only and "Monte Carlo" not in only


def test_missing_pandas_and_matplotlib_say_what_to_install():
    code = (
        "import sys, json; sys.modules['pandas'] = None; sys.modules['matplotlib'] = None\n"
        "import samkalk\n"
        "r = samkalk.sweep({'start_year': 2026, 'cohorts': [{'origin': 'AM2', 'participants': 5, 'outcomes': [{'target': 'work', 'share': '0.5'}]}]},"
        " 'cohorts[0].outcomes[0].share', ['0.1'])\n"
        "r._repr_html_(); r.to_dict()\n"
        "for f in (r.sweep_frame, r.plot_sweep):\n"
        "    try:\n"
        "        f()\n"
        "    except ImportError as e:\n"
        "        print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, env=dict(os.environ))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 2 and "pip install pandas" in lines[0] and "pip install matplotlib" in lines[1]


def test_parameters_in_words_and_values_in_units(main_scenario):
    # The core's words (present::parameter_label) with the cohort's name; the switching value
    # of the AM3 group's cost for the municipality (747649.48 in the JSON) in whole kronor.
    r = samkalk.analyse(main_scenario, {
        "tornado": {"parameters": [{"parameter": "discount_rate", "low": "0", "high": "0.035"}]},
        "switching": [{"parameter": "cohorts[1].intervention.cost_per_participant", "actor": "municipality"}],
    })
    path = "cohorts[1].intervention.cost_per_participant"
    assert r.parameter_label(path) == "Kostnad per deltagare, AM3-grupp"
    assert r.parameter_label(path, "en") == "Cost per participant, AM3-grupp"
    assert r.parameter_label("tax.regional_rate") == "tax.regional_rate"  # not in this analysis
    assert str(r.to_dict()["switching"][0]["value"]) == "747649.48"
    html = r.to_html()
    assert "<td>Diskonteringsränta</td><td>0 %</td><td>3,5 %</td>" in html, html
    assert "<td>Kostnad per deltagare, AM3-grupp</td>" in html and ">747 649 kr<" in html, html
    assert "<td>Discount rate</td><td>0%</td><td>3.5%</td>" in r.to_html(lang="en")
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    ax = r.plot_tornado()
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Diskonteringsränta\n0 % – 3,5 %"]


LABELLED = ROOT / "examples" / "labelled_analysis.toml"
PROGRAMME = ROOT / "examples" / "programme.toml"
COST1 = "cohorts[1].intervention.cost_per_participant"


def test_a_requests_labels_replace_the_cores_words_everywhere():
    # examples/labelled_analysis.toml names the AM2 share and the AM3 price in each language,
    # and the discount rate once for both.
    r = samkalk.analyse(PROGRAMME, LABELLED)
    d = r.to_dict()
    assert d["switching"][0]["label"] == {"sv": "Pris per AM3-deltagare", "en": "Price per AM3 participant"}
    assert r.names()["switching"] == ["Pris per AM3-deltagare"]
    assert r.names("en")["tornado"] == ["AM2 share in work", "Ränta (SKR:s kalkylränta)", "Price per AM3 participant"]
    assert r.parameter_label(COST1) == "Pris per AM3-deltagare"
    assert r.parameter_label(COST1, "en") == "Price per AM3 participant"
    # The report is the core's, byte for byte the command line's.
    assert "\nPris per AM3-deltagare  Kommunen " in r.report()
    assert "\nPrice per AM3 participant  Municipality " in r.report("en")
    # HTML tables.
    html, english = r.to_html(), r.to_html(lang="en")
    assert "<td>Andel AM2 i arbete</td><td>40 %</td><td>70 %</td>" in html, html
    assert "<td>Pris per AM3-deltagare</td><td>Kommunen</td>" in html, html
    assert "<td>AM2 share in work</td><td>40%</td><td>70%</td>" in english, english
    assert "Kostnad per deltagare" not in html and "Cost per participant" not in english
    # DataFrames.
    pytest.importorskip("pandas")
    tornado = r.tornado_frame(actor="society", lang="en")
    assert list(tornado["label"]) == ["AM2 share in work", "Ränta (SKR:s kalkylränta)", "Price per AM3 participant"]
    assert list(r.switching_frame()["label"]) == ["Pris per AM3-deltagare"]
    # The tornado chart.
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = r.plot_tornado(lang="en")
    # Society's order, the largest swing first (on top).
    assert [t.get_text().split("\n")[0] for t in ax.get_yticklabels()] == [
        "AM2 share in work", "Ränta (SKR:s kalkylränta)", "Price per AM3 participant"]
    plt.close("all")


def test_labels_of_sweep_grid_and_monte_carlo(main_scenario):
    r = samkalk.analyse(main_scenario, {
        "sweep": {"parameter": SHARE0, "label": "Svepets andel", "values": ["0.5"]},
        "grid": {"parameters": [{"parameter": SHARE0, "label": {"en": "Grid share"}, "values": ["0.5"]},
                                {"parameter": "discount_rate", "values": ["0"]}]},
        "monte_carlo": {"draws": 10, "seed": 3, "parameters": [
            {"parameter": SHARE0, "label": {"sv": "Dragen andel", "en": "Drawn share"},
             "distribution": {"kind": "uniform", "low": "0.4", "high": "0.6"}}]},
    })
    assert r.names() == {"sweep": "Svepets andel", "grid": ["Andel till arbete, AM2-grupp", "Diskonteringsränta"],
                         "tornado": [], "switching": [], "monte_carlo": ["Dragen andel"]}
    assert r.names("en")["grid"] == ["Grid share", "Discount rate"]
    assert "Svepets andel" in r.to_html() and "Dragna parametrar: Dragen andel" in r.to_html()
    assert "Drawn parameters: Drawn share" in r.to_html(lang="en")
    assert "\nDrawn parameters: Drawn share\n" in r.report("en")
    pytest.importorskip("pandas")
    assert r.sweep_frame().attrs["label"] == "Svepets andel"
    assert r.grid_frame(lang="en").attrs["labels"] == ["Grid share", "Discount rate"]


def test_a_bad_label_is_an_analysis_error_at_its_path(main_scenario):
    request = {"tornado": {"parameters": [{"parameter": "discount_rate", "label": {"sv": " ", "fr": "Taux"}, "low": "0", "high": "0.03"}]},
               "switching": [{"parameter": "discount_rate", "actor": "society", "label": "x" * 201}]}
    with pytest.raises(samkalk.AnalysisError) as caught:
        samkalk.analyse(main_scenario, request)
    faults = {e["path"]: e for e in caught.value.errors}
    assert set(faults) == {"tornado.parameters[0].label.sv", "tornado.parameters[0].label.fr", "switching[0].label"}
    assert faults["tornado.parameters[0].label.sv"]["code"] == "empty_text"
    assert faults["switching[0].label"]["code"] == "text_too_long"
    assert faults["switching[0].label"]["params"] == {"max": 200, "got": 201}
    assert faults["switching[0].label"]["message_sv"] == "texten är för lång: 201 tecken, högst 200 tillåts"
    assert faults["switching[0].label"]["message_en"] == "the text is too long: 201 characters, at most 200 allowed"
    assert faults["tornado.parameters[0].label.fr"]["code"] == "unknown_field"


def test_the_analysis_tables_are_in_one_language(example_result):
    # The HTML's and the report's words are the core's, each in one language.
    sv, en = example_result.to_html(), example_result.to_html(lang="en")
    for swedish, english in [("Lågt värde", "Low value"), ("Utslag", "Swing"), ("Sannolikhet att gå plus", "Probability of a gain"),
                             ("Brytvärden (där nuvärdet passerar noll)", "Switching values (where the NPV crosses zero)"),
                             ("dragningar", "draws"), ("Grundscenariot", "Base case")]:
        assert swedish in sv and english not in sv, swedish
        assert english in en and swedish not in en, english
    report_sv, report_en = example_result.report(), example_result.report("en")
    assert report_sv.startswith("Känslighets- och osäkerhetsanalys: ") and "Sensitivity" not in report_sv
    assert report_en.startswith("Sensitivity and uncertainty analysis: ") and "Känslighet" not in report_en
    assert "\nTornado: samhällets nuvärde vid lågt och högt värde, störst utslag först\n" in report_sv
    assert "\nTornado: society's NPV at the low and the high value, largest swing first\n" in report_en
    with pytest.raises(ValueError, match="lang"):
        example_result.report("de")
