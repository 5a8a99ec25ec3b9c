"""Sensitivity and uncertainty analysis on samkalk's exact engine (docs/analysis.md).

A *request* (a dict, JSON or TOML text, or a path to a .json/.toml file, in the one format the
command line and JavaScript use too) asks for any of a sweep over one parameter, a grid over
two, a tornado, switching values and Monte Carlo; :func:`analyse` runs it in Rust with the GIL
released and returns an :class:`AnalysisResult`. Parameters are named by the same paths as
validation faults (``cohorts[0].outcomes[0].share``, ``states.work.earnings.monthly_wage``,
``discount_rate``).

>>> scenario = {"start_year": 2026, "cohorts": [{"name": "AM2-grupp", "origin": "AM2",
...     "participants": 20, "intervention": {"cost_per_participant": 40000, "duration_months": 6},
...     "outcomes": [{"target": "work", "share": "0.6"}]}]}
>>> r = samkalk.sweep(scenario, "cohorts[0].outcomes[0].share", ["0.3", "0.6"])
>>> r.to_dict()["sweep"]["rows"][1]["npv"]["society"] == samkalk.calculate(scenario).to_dict()["society"]["npv"]
True
"""

import html as _html
import os
import sys
import time
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from . import _samkalk
from ._errors import AnalysisCancelled, AnalysisError

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    from matplotlib.axes import Axes

    from . import ScenarioInput

__all__ = [
    "AnalysisCancelled",
    "AnalysisError",
    "AnalysisInput",
    "AnalysisResult",
    "Progress",
    "analyse",
    "grid",
    "monte_carlo",
    "sweep",
    "switching_value",
    "tornado",
]

#: An analysis request: a dict in docs/analysis.md's format (numbers as Decimal, int, str or
#: float), JSON text, a path to a .json or .toml file, or JSON bytes.
AnalysisInput = Union[Mapping[str, Any], str, "os.PathLike[str]", bytes]

#: ``progress``: None (no progress shown), True (a progress bar: tqdm when installed, else a
#: bar in the notebook or on standard error), or a callable taking ``(done, total)``.
Progress = Union[None, bool, Callable[[int, int], Any]]

_WHO: Tuple[str, ...] = tuple(_samkalk.actor_ids()) + ("society",)

_STATS = ("mean", "sd", "standard_error", "min", "p5", "p50", "p95", "max", "probability_gain", "gains")

#: Rows of a sweep or grid shown in the notebook table before "… more rows".
_HTML_ROWS = 25


def _atext(lang: str) -> Dict[str, str]:
    # The words of the analysis tables and charts are the core's (present::analysis_report).
    if lang not in ("sv", "en"):
        raise ValueError(f'lang must be "sv" or "en", got {lang!r}')
    return dict(_samkalk.analysis_text(lang))


def _pkg() -> Any:
    # The package's own helpers (labels, money cells, optional imports); imported late because
    # samkalk/__init__.py imports this module.
    import samkalk

    return samkalk


# ------------------------------------------------------------------------------------------
# Progress


class _Bar:
    """A progress bar for :func:`analyse` (``progress=True``): tqdm (``tqdm.auto``, a widget
    in Jupyter) when installed, else an HTML bar updated in place in a notebook, else a text
    bar on standard error. Redraws at most ten times a second."""

    def __init__(self, desc: str) -> None:
        self.desc = desc
        self.tqdm: Any = None
        self.handle: Any = None
        self.last = 0.0
        self.drawn = False
        self.done = 0
        self.total = 0
        try:
            from tqdm.auto import tqdm  # type: ignore[import-untyped, import-not-found, unused-ignore]

            self.tqdm = tqdm(total=None, desc=desc, leave=True)
        except Exception:  # not installed, or tqdm's notebook bar without ipywidgets
            self.tqdm = None
            self.handle = self._notebook_handle()

    @staticmethod
    def _notebook_handle() -> Any:
        ipython = sys.modules.get("IPython")
        if ipython is None:
            return None
        try:
            shell = ipython.get_ipython()
            if shell is None or not hasattr(shell, "kernel"):
                return None
            from IPython.display import display

            # IPython has no type annotations.
            return display({"text/plain": ""}, raw=True, display_id=True)  # type: ignore[no-untyped-call]
        except Exception:
            return None

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        if self.tqdm is not None:
            if self.tqdm.total != total:
                self.tqdm.total = total
                self.tqdm.refresh()
            self.tqdm.update(done - self.tqdm.n)
            return
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        self._draw()

    def _text(self) -> str:
        share = self.done / self.total if self.total else 1.0
        filled = int(share * 30)
        return f"{self.desc} [{'#' * filled}{'.' * (30 - filled)}] {share * 100:5.1f} % {self.done}/{self.total}"

    def _draw(self) -> None:
        text = self._text()
        if self.handle is not None:
            share = self.done / self.total if self.total else 1.0
            html = (
                f"<div class='samkalk-progress'><progress value='{share:.4f}' max='1' style='width:24em'></progress> "
                f"{_html.escape(f'{share * 100:.1f} % ({self.done}/{self.total})')}</div>"
            )
            self.handle.update({"text/plain": text, "text/html": html}, raw=True)
        else:
            sys.stderr.write("\r" + text)
            sys.stderr.flush()
        self.drawn = True

    def close(self) -> None:
        if self.tqdm is not None:
            self.tqdm.close()
            return
        if self.total:
            self._draw()
        if self.drawn and self.handle is None:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _progress(progress: Progress, lang: str = "sv") -> Tuple[Optional[Callable[[int, int], Any]], Optional[_Bar]]:
    if progress is None or progress is False:
        return None, None
    if progress is True:
        bar = _Bar(_atext(lang if lang in ("sv", "en") else "sv")["progress"])
        return bar, bar
    if callable(progress):
        return progress, None
    raise TypeError(f"progress must be None, True or a callable taking (done, total), got {type(progress).__name__}")


# ------------------------------------------------------------------------------------------
# Running


def analyse(
    scenario: "ScenarioInput",
    analysis: AnalysisInput,
    *,
    progress: Progress = None,
    threads: Optional[int] = None,
) -> "AnalysisResult":
    """Run an analysis request (docs/analysis.md) on a scenario, exactly, in Rust.

    ``scenario`` is anything :func:`calculate` takes; ``analysis`` is the request: a dict,
    JSON or TOML text, or a path to a ``.json``/``.toml`` file, with any of ``sweep``,
    ``grid``, ``tornado``, ``switching`` and ``monte_carlo``. Every scenario the analysis builds
    is validated and calculated like :func:`calculate`; Monte Carlo with a seed gives the same
    draws and results as the command line and JavaScript, whatever ``threads`` (default: every
    core).

    ``progress``: ``True`` shows a progress bar (tqdm when installed, a bar in the notebook
    otherwise); a callable is called as ``progress(done, total)`` at the start, every 0.5 % or
    so of the fast analyses, every 1,000 Monte Carlo draws and at the end (``done == total``).
    If it returns ``False`` (exactly ``False``; ``None`` goes on) the run stops with
    :class:`AnalysisCancelled`; if it raises, the run stops with its exception. Ctrl-C stops a
    run promptly with ``KeyboardInterrupt``. The GIL is released while the run calculates.

    Raises :class:`ScenarioError` for a faulty scenario and :class:`AnalysisError` (a
    ScenarioError whose paths are in the request) for a request that does not fit it.

    >>> scenario = {"start_year": 2026, "cohorts": [{"name": "AM2-grupp", "origin": "AM2",
    ...     "participants": 20, "intervention": {"cost_per_participant": 40000, "duration_months": 6},
    ...     "outcomes": [{"target": "work", "share": "0.6"}]}]}
    >>> r = samkalk.analyse(scenario, {
    ...     "tornado": {"parameters": [{"parameter": "discount_rate", "low": "0", "high": "0.035"}]},
    ...     "switching": [{"parameter": "cohorts[0].intervention.cost_per_participant", "actor": "municipality"}]})
    >>> r.sections
    ['base', 'tornado', 'switching']
    >>> r.to_dict()["switching"][0]["npv"]
    Decimal('0.00')
    """
    if threads is not None and (not isinstance(threads, int) or isinstance(threads, bool) or threads < 1):
        raise ValueError(f"threads must be a whole number of at least 1 (or None for every core), got {threads!r}")
    callback, bar = _progress(progress)
    try:
        native = _samkalk.analyse(scenario, analysis, progress=callback, threads=threads)
    finally:
        if bar is not None:
            bar.close()
    result = AnalysisResult(native)
    # The scenario as it was run, read once: the core names the parameters (the request's
    # labels, else its words) and writes the report from it.
    result._scenario = scenario if isinstance(scenario, _samkalk.Scenario) else _samkalk.Scenario(scenario)
    return result


def _listed(values: Iterable[Any], what: str) -> List[Any]:
    if isinstance(values, (str, bytes, Mapping)):
        raise TypeError(f"{what} must be a list of numbers, got {type(values).__name__}")
    return list(values)


def sweep(
    scenario: "ScenarioInput",
    parameter: str,
    values: Iterable[Union[Decimal, int, float, str]],
    *,
    progress: Progress = None,
    threads: Optional[int] = None,
) -> "AnalysisResult":
    """One parameter over a list of values: each value's NPV and total net per actor, exactly
    what :func:`calculate` gives on the scenario with the parameter set to it.

    >>> r = samkalk.sweep(scenario, "cohorts[0].outcomes[0].share", ["0", "0.3", "0.6"])
    >>> [row["npv"]["municipality"] > 0 for row in r.to_dict()["sweep"]["rows"]]
    [False, True, True]
    """
    request = {"sweep": {"parameter": parameter, "values": _listed(values, "values")}}
    return analyse(scenario, request, progress=progress, threads=threads)


def grid(
    scenario: "ScenarioInput",
    first: Tuple[str, Iterable[Union[Decimal, int, float, str]]],
    second: Tuple[str, Iterable[Union[Decimal, int, float, str]]],
    *,
    progress: Progress = None,
    threads: Optional[int] = None,
) -> "AnalysisResult":
    """Two parameters, each ``(path, values)``: every combination, the first parameter outer.

    >>> r = samkalk.grid(scenario, ("cohorts[0].outcomes[0].share", ["0.3", "0.6"]), ("discount_rate", ["0", "0.035"]))
    >>> len(r.to_dict()["grid"]["rows"])
    4
    """
    parameters = [{"parameter": p, "values": _listed(v, "values")} for p, v in (first, second)]
    return analyse(scenario, {"grid": {"parameters": parameters}}, progress=progress, threads=threads)


def _tornado_entry(item: Any) -> Any:
    if isinstance(item, Mapping):
        return item
    parameter, low, high = item
    return {"parameter": parameter, "low": low, "high": high}


def tornado(
    scenario: "ScenarioInput",
    parameters: Union[Iterable[Any], Mapping[str, Tuple[Any, Any]]],
    *,
    progress: Progress = None,
    threads: Optional[int] = None,
) -> "AnalysisResult":
    """Each parameter at a low and a high value, all else as given; rows sorted by society's
    swing, largest first. ``parameters`` is a list of ``(path, low, high)`` (or of
    ``{"parameter", "low", "high"}`` dicts), or a dict ``{path: (low, high)}``.

    >>> r = samkalk.tornado(scenario, [("discount_rate", "0", "0.035"),
    ...                                ("cohorts[0].outcomes[0].share", "0.3", "0.8")])
    >>> [row["parameter"] for row in r.to_dict()["tornado"]["rows"]]
    ['cohorts[0].outcomes[0].share', 'discount_rate']
    """
    if isinstance(parameters, Mapping):
        entries = [{"parameter": p, "low": lh[0], "high": lh[1]} for p, lh in parameters.items()]
    else:
        entries = [_tornado_entry(item) for item in parameters]
    return analyse(scenario, {"tornado": {"parameters": entries}}, progress=progress, threads=threads)


def switching_value(
    scenario: "ScenarioInput",
    parameter: str,
    actor: str = "municipality",
    *,
    low: Optional[Union[Decimal, int, float, str]] = None,
    high: Optional[Union[Decimal, int, float, str]] = None,
    progress: Progress = None,
) -> "AnalysisResult":
    """The value of a parameter at which an actor's (or ``"society"``'s) NPV crosses zero,
    searched within ``[low, high]`` (default: the parameter's valid range). The result's
    ``switching`` section has one entry: ``value`` (None when the NPV does not cross zero),
    ``kind`` (``linear``, ``search`` or ``none``), ``gains`` (``above``/``below``) ...

    >>> r = samkalk.switching_value(scenario, "cohorts[0].intervention.cost_per_participant")
    >>> entry = r.to_dict()["switching"][0]
    >>> entry["kind"], entry["npv"]
    ('linear', Decimal('0.00'))
    """
    entry: Dict[str, Any] = {"parameter": parameter, "actor": actor}
    if low is not None:
        entry["low"] = low
    if high is not None:
        entry["high"] = high
    return analyse(scenario, {"switching": [entry]}, progress=progress)


def _uncertain(item: Any) -> Any:
    if isinstance(item, Mapping):
        return item
    parameter, distribution = item
    return {"parameter": parameter, "distribution": distribution}


def monte_carlo(
    scenario: "ScenarioInput",
    parameters: Union[Iterable[Any], Mapping[str, Mapping[str, Any]]],
    *,
    draws: int = 10000,
    seed: int = 42,
    keep_draws: bool = False,
    progress: Progress = None,
    threads: Optional[int] = None,
) -> "AnalysisResult":
    """Monte Carlo: each draw samples the parameters from their distributions and calculates
    the scenario exactly; statistics per actor of the NPV (mean, sd, percentiles, the
    probability that the NPV is at least zero). ``parameters`` is a dict ``{path:
    distribution}`` or a list of ``(path, distribution)`` (or ``{"parameter",
    "distribution"}``); a distribution is a dict such as ``{"kind": "pert", "low": "0.3",
    "mode": "0.6", "high": "0.8"}`` (kinds: uniform, triangular, pert, normal, beta,
    discrete; docs/analysis.md). The same ``seed`` gives the same draws in Rust, Python and
    JavaScript, whatever the number of threads. ``keep_draws=True`` keeps every draw (for
    :meth:`AnalysisResult.draws_frame` and :meth:`AnalysisResult.plot_histogram`).

    >>> r = samkalk.monte_carlo(scenario, {"cohorts[0].outcomes[0].share":
    ...     {"kind": "triangular", "low": "0.2", "mode": "0.5", "high": "0.8"}}, draws=200, seed=7)
    >>> stats = r.to_dict()["monte_carlo"]["statistics"]["municipality"]
    >>> stats["p5"] <= stats["p50"] <= stats["p95"]
    True
    """
    if isinstance(parameters, Mapping):
        entries = [{"parameter": p, "distribution": d} for p, d in parameters.items()]
    else:
        entries = [_uncertain(item) for item in parameters]
    request = {"monte_carlo": {"draws": draws, "seed": seed, "keep_draws": keep_draws, "parameters": entries}}
    return analyse(scenario, request, progress=progress, threads=threads)


# ------------------------------------------------------------------------------------------
# The result


def _floats(frame: Any, columns: Iterable[str]) -> None:
    for c in columns:
        frame[c] = frame[c].astype("float64")


def _check_dtype(dtype: str) -> None:
    if dtype not in ("decimal", "float"):
        raise ValueError(f'dtype must be "decimal" or "float", got {dtype!r}')


class AnalysisResult:
    """The result of :func:`analyse` (and :func:`sweep`, :func:`tornado` ...).

    - :meth:`to_dict`: docs/analysis.md's structure, money/values/probabilities as ``Decimal``
    - :meth:`to_json`: the result JSON, byte for byte what the core writes
    - DataFrames (pandas): :meth:`base_frame`, :meth:`sweep_frame`, :meth:`grid_frame`,
      :meth:`tornado_frame`, :meth:`switching_frame`, :meth:`monte_carlo_frame`,
      :meth:`draws_frame`
    - charts (matplotlib): :meth:`plot_tornado`, :meth:`plot_histogram`, :meth:`plot_sweep`
    - :meth:`report`: the core's readable report in one language (``samkalk analyse --format
      table``); :meth:`names`: every parameter's name (the request's ``label``, else the
      core's words)

    In a notebook it shows as tables of the sections present (Swedish; :meth:`to_html` with
    ``lang="en"`` for English).
    """

    __slots__ = ("_native", "_dict", "_scenario", "_names")

    def __init__(self, native: "_samkalk.NativeAnalysis") -> None:
        self._native = native
        self._dict: Optional[Dict[str, Any]] = None
        self._scenario: Optional["_samkalk.Scenario"] = None
        self._names: Dict[str, Dict[str, Any]] = {}

    def names(self, lang: str = "sv") -> Dict[str, Any]:
        """Every parameter's name in ``lang``, as the core gives it: the request's ``label``
        in that language when given, else the core's words ("Kostnad per deltagare,
        AM3-grupp"). A dict by section in the result's order: ``sweep`` (a name), ``grid`` (two),
        ``tornado`` (one per row, in the rows' order), ``switching`` and ``monte_carlo`` (one
        per entry); a section the result does not have is absent or empty."""
        if lang not in ("sv", "en"):
            raise ValueError(f'lang must be "sv" or "en", got {lang!r}')
        if lang not in self._names:
            if self._scenario is None:
                raise ValueError("this result was not made by samkalk.analyse: it has no scenario to name its parameters by")
            self._names[lang] = _samkalk.analysis_names(self._scenario, self._native, lang)
        return self._names[lang]

    def parameter_label(self, path: str, lang: str = "sv") -> str:
        """A parameter's name, as every table and chart of this result shows it: the
        request's ``label`` (of the first entry with this path that has one), else the core's
        words for the analysed scenario ("Kostnad per deltagare, AM3-grupp"); the path itself
        when no entry of the result has it."""
        d = self._data()
        names = self.names(lang)
        pairs: List[Tuple[str, str, bool]] = []
        if "sweep" in d:
            pairs.append((d["sweep"]["parameter"], names["sweep"], d["sweep"].get("label") is not None))
        if "grid" in d:
            given = d["grid"].get("labels", [None, None])
            pairs += [(p, n, g is not None) for p, n, g in zip(d["grid"]["parameters"], names["grid"], given)]
        pairs += [(r["parameter"], n, r.get("label") is not None) for r, n in zip(d.get("tornado", {}).get("rows", []), names["tornado"])]
        pairs += [(r["parameter"], n, r.get("label") is not None) for r, n in zip(d.get("switching", []), names["switching"])]
        if "monte_carlo" in d:
            mc = d["monte_carlo"]
            given = mc.get("labels", [None] * len(mc["parameters"]))
            pairs += [(p, n, g is not None) for p, n, g in zip(mc["parameters"], names["monte_carlo"], given)]
        matching = [(n, g) for p, n, g in pairs if p == path]
        return next((n for n, g in matching if g), matching[0][0] if matching else path)

    def report(self, lang: str = "sv") -> str:
        """The core's readable report of the analysis in one language, byte for byte what
        ``samkalk analyse --format table --lang <lang>`` prints: the base case, each section's
        table with the parameters by name, then the assumptions."""
        if lang not in ("sv", "en"):
            raise ValueError(f'lang must be "sv" or "en", got {lang!r}')
        if self._scenario is None:
            raise ValueError("this result was not made by samkalk.analyse: it has no scenario to report on")
        return _samkalk.analysis_table(self._scenario, self._native, lang)

    # -- plain data --------------------------------------------------------------------------

    @property
    def sections(self) -> List[str]:
        """The sections present, in order: ``base``, then any of ``sweep``, ``grid``,
        ``tornado``, ``switching``, ``monte_carlo``."""
        return self._native.sections()

    def to_dict(self) -> Dict[str, Any]:
        """The result (docs/analysis.md) as a new dict: money, parameter values and
        probabilities as ``Decimal`` (``Decimal('37110096.80')``, ``Decimal('0.991600')``),
        counts and the seed as ``int``, a missing switching value as None."""
        return self._native.to_dict()

    def _data(self) -> Dict[str, Any]:
        if self._dict is None:
            self._dict = self._native.to_dict()
        return self._dict

    def _section(self, name: str) -> Any:
        d = self._data()
        if name not in d:
            raise ValueError(f"this result has no {name} section: the request did not ask for one (present: {', '.join(self.sections)})")
        return d[name]

    def to_json(self, *, pretty: bool = False) -> str:
        """The result JSON exactly as the core writes it (compact; ``pretty=True`` indents it
        as ``samkalk analyse`` prints it)."""
        return self._native.to_json(pretty)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AnalysisResult) and self._native == other._native

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        d = self._data()
        parts = []
        if "sweep" in d:
            parts.append(f"sweep ({len(d['sweep']['rows'])} values)")
        if "grid" in d:
            parts.append(f"grid ({len(d['grid']['rows'])} cells)")
        if "tornado" in d:
            parts.append(f"tornado ({len(d['tornado']['rows'])} parameters)")
        if "switching" in d:
            parts.append(f"switching ({len(d['switching'])})")
        if "monte_carlo" in d:
            parts.append(f"monte_carlo ({d['monte_carlo']['draws']} draws)")
        society = _pkg().format_kronor(d["base"]["npv"]["society"])
        return f"<samkalk.AnalysisResult {', '.join(parts) or 'base only'}: society NPV {society}>"

    # -- DataFrames --------------------------------------------------------------------------

    def _who(self, lang: Optional[str]) -> Callable[[str], str]:
        if lang is None:
            return lambda who: who
        labels = _pkg().actor_labels(lang)
        return lambda who: labels[who]

    def _pandas(self, what: str) -> Any:
        return _pkg()._require("pandas", "pandas", "pandas", f"AnalysisResult.{what}()")

    def base_frame(self, *, lang: Optional[str] = None, dtype: str = "decimal") -> "pandas.DataFrame":
        """The scenario as given: one row per actor (seven, then society) with ``npv`` and
        ``total_net``. ``lang="sv"``/``"en"`` puts labels instead of ids in ``actor``;
        ``dtype="float"`` gives float64 money."""
        pd = self._pandas("base_frame")
        _check_dtype(dtype)
        base = self._data()["base"]
        who = self._who(lang)
        frame = pd.DataFrame(
            {"actor": [who(w) for w in _WHO], "npv": [base["npv"][w] for w in _WHO], "total_net": [base["total_net"][w] for w in _WHO]}
        )
        if dtype == "float":
            _floats(frame, ("npv", "total_net"))
        return frame

    def sweep_frame(self, *, lang: Optional[str] = None, dtype: str = "decimal") -> "pandas.DataFrame":
        """The sweep, tidy: one row per value and actor (seven, then society), columns
        ``value``, ``actor``, ``npv``, ``total_net``; the parameter's path is in
        ``frame.attrs["parameter"]``, its name (:meth:`names`, in ``lang``, default Swedish) in
        ``frame.attrs["label"]``. Pivot for a table:
        ``frame.pivot(index="value", columns="actor", values="npv")``.

        >>> r = samkalk.sweep(scenario, "cohorts[0].outcomes[0].share", ["0.3", "0.6"])
        >>> r.sweep_frame().shape                                      # doctest: +SKIP
        (16, 4)
        """
        pd = self._pandas("sweep_frame")
        _check_dtype(dtype)
        s = self._section("sweep")
        who = self._who(lang)
        records = [
            {"value": row["value"], "actor": who(w), "npv": row["npv"][w], "total_net": row["total_net"][w]}
            for row in s["rows"]
            for w in _WHO
        ]
        frame = pd.DataFrame.from_records(records, columns=["value", "actor", "npv", "total_net"])
        if dtype == "float":
            _floats(frame, ("value", "npv", "total_net"))
        frame.attrs["parameter"] = s["parameter"]
        frame.attrs["label"] = self.names(lang or "sv")["sweep"]
        frame.attrs["base_value"] = s["base_value"]
        return frame

    def grid_frame(self, *, lang: Optional[str] = None, dtype: str = "decimal") -> "pandas.DataFrame":
        """The grid, tidy: one row per combination and actor; the first two columns are named
        by the parameters' paths (the first parameter outer), then ``actor``, ``npv``,
        ``total_net``; ``frame.attrs["labels"]`` has the two parameters' names (in ``lang``,
        default Swedish)."""
        pd = self._pandas("grid_frame")
        _check_dtype(dtype)
        g = self._section("grid")
        first, second = g["parameters"]
        if first == second:
            second = f"{second} (2)"
        who = self._who(lang)
        records = [
            {first: row["values"][0], second: row["values"][1], "actor": who(w), "npv": row["npv"][w], "total_net": row["total_net"][w]}
            for row in g["rows"]
            for w in _WHO
        ]
        frame = pd.DataFrame.from_records(records, columns=[first, second, "actor", "npv", "total_net"])
        if dtype == "float":
            _floats(frame, (first, second, "npv", "total_net"))
        frame.attrs["labels"] = list(self.names(lang or "sv")["grid"])
        return frame

    def tornado_frame(self, *, actor: Optional[str] = None, lang: Optional[str] = None, dtype: str = "decimal") -> "pandas.DataFrame":
        """The tornado, tidy: one row per parameter and actor (or only ``actor``'s rows),
        columns ``parameter`` (the path), ``label`` (its name: the request's label, else the
        core's words, in ``lang``, default Swedish), ``base_value``, ``low``, ``high``,
        ``actor``, ``npv_base``, ``npv_low``, ``npv_high``, ``swing``. Parameters come in the core's order (society's
        swing, largest first; ties in the request's order); ``swing`` is the row's actor's
        ``|npv_high − npv_low|`` (for society, the core's swing)."""
        pd = self._pandas("tornado_frame")
        _check_dtype(dtype)
        t = self._section("tornado")
        whos = _WHO if actor is None else (self._actor(actor),)
        who = self._who(lang)
        # Each actor's swing is the core's (society's too: the rows' own order).
        swings = {
            w: {i: Decimal(s) for i, s in _samkalk.tornado_order([(r["npv_low"][w], r["npv_high"][w]) for r in t["rows"]])} for w in whos
        }
        names = self.names(lang or "sv")["tornado"]
        records = []
        for index, row in enumerate(t["rows"]):
            for w in whos:
                low, high = row["npv_low"][w], row["npv_high"][w]
                records.append(
                    {
                        "parameter": row["parameter"],
                        "label": names[index],
                        "base_value": row["base_value"],
                        "low": row["low"],
                        "high": row["high"],
                        "actor": who(w),
                        "npv_base": t["base"][w],
                        "npv_low": low,
                        "npv_high": high,
                        "swing": swings[w][index],
                    }
                )
        columns = ["parameter", "label", "base_value", "low", "high", "actor", "npv_base", "npv_low", "npv_high", "swing"]
        frame = pd.DataFrame.from_records(records, columns=columns)
        if dtype == "float":
            _floats(frame, ("base_value", "low", "high", "npv_base", "npv_low", "npv_high", "swing"))
        return frame

    def switching_frame(self, *, lang: Optional[str] = None) -> "pandas.DataFrame":
        """The switching values, one row per request: ``parameter``, ``label`` (its name, in
        ``lang``, default Swedish), ``actor``, ``kind``
        (linear, search, none), ``value`` (None for none), ``exact_value``, ``npv``, ``gains``
        (above/below), ``base_value``, ``base_npv``, ``low``, ``high`` (the range searched)."""
        pd = self._pandas("switching_frame")
        rows = self._section("switching")
        who = self._who(lang)
        columns = ["parameter", "label", "actor", "kind", "value", "exact_value", "npv", "gains", "base_value", "base_npv", "low", "high"]
        names = self.names(lang or "sv")["switching"]
        records = [{**{c: row.get(c) for c in columns}, "label": name, "actor": who(row["actor"])} for row, name in zip(rows, names)]
        return pd.DataFrame.from_records(records, columns=columns)

    def monte_carlo_frame(self, *, lang: Optional[str] = None, dtype: str = "decimal") -> "pandas.DataFrame":
        """Monte Carlo statistics, one row per actor (seven, then society): ``actor``,
        ``mean``, ``sd``, ``standard_error``, ``min``, ``p5``, ``p50``, ``p95``, ``max``,
        ``probability_gain`` (the share of draws with an NPV of at least zero: "sannolikhet att
        gå plus") and ``gains`` (their number). ``frame.attrs`` has ``draws`` and ``seed``."""
        pd = self._pandas("monte_carlo_frame")
        _check_dtype(dtype)
        mc = self._section("monte_carlo")
        who = self._who(lang)
        records = [{"actor": who(w), **{k: mc["statistics"][w][k] for k in _STATS}} for w in _WHO]
        frame = pd.DataFrame.from_records(records, columns=["actor", *_STATS])
        frame["gains"] = frame["gains"].astype("int64")
        if dtype == "float":
            _floats(frame, [k for k in _STATS if k != "gains"])
        frame.attrs["draws"] = mc["draws"]
        frame.attrs["seed"] = mc["seed"]
        return frame

    def _samples(self, as_float: bool, what: str) -> Dict[str, Dict[str, List[Any]]]:
        self._section("monte_carlo")
        samples = self._native.samples(as_float)
        if samples is None:
            raise ValueError(f"{what} needs every draw: run Monte Carlo with keep_draws=True (\"keep_draws\": true in the request)")
        return samples

    def draws_frame(self, *, lang: Optional[str] = None, dtype: str = "decimal") -> "pandas.DataFrame":
        """Every Monte Carlo draw (needs ``keep_draws``), one row per draw in draw order (the
        index is the draw number): a column per parameter (its path) with the drawn value,
        then a column per actor (id, or label with ``lang``) and society with the NPV.
        ``dtype="float"`` gives float64 columns (fast to build for many draws)."""
        pd = self._pandas("draws_frame")
        _check_dtype(dtype)
        samples = self._samples(dtype == "float", "draws_frame()")
        who = self._who(lang)
        columns: Dict[str, List[Any]] = dict(samples["values"])
        for w in _WHO:
            columns[who(w)] = samples["npv"][w]
        frame = pd.DataFrame(columns)
        frame.index.name = "draw"
        return frame

    # -- charts ------------------------------------------------------------------------------

    def _actor(self, actor: str) -> str:
        if actor not in _WHO:
            raise ValueError(f"unknown actor {actor!r} (expected one of: {', '.join(_WHO)})")
        return actor

    def _axes(self, ax: Optional["Axes"], what: str, size: Tuple[float, float]) -> Tuple[Any, Any]:
        pkg = _pkg()
        pkg._require("matplotlib", "matplotlib", "plot", f"AnalysisResult.{what}()")
        ticker = pkg._require("matplotlib.ticker", "matplotlib", "plot", f"AnalysisResult.{what}()")
        if ax is None:
            plt = pkg._require("matplotlib.pyplot", "matplotlib", "plot", f"AnalysisResult.{what}()")
            _, ax = plt.subplots(figsize=size)
        return ax, ticker.FuncFormatter(lambda v, _pos: f"{v:,.0f}".replace(",", " "))

    def plot_tornado(
        self,
        actor: str = "society",
        *,
        ax: Optional["Axes"] = None,
        lang: str = "sv",
        title: Optional[str] = None,
    ) -> "Axes":
        """A tornado chart of ``actor``'s NPV (default society): for each parameter a bar from
        the base case's NPV to the NPV at the low value and one to the NPV at the high value,
        the largest swing on top. Draws on ``ax`` or a new figure and returns the Axes (two
        bars per parameter). Needs matplotlib."""
        t = self._section("tornado")
        actor = self._actor(actor)
        text = _atext(lang)
        ax, money = self._axes(ax, "plot_tornado", (8, 1.2 + 0.55 * max(len(t["rows"]), 1)))
        base = float(t["base"][actor])
        order = _samkalk.tornado_order([(r["npv_low"][actor], r["npv_high"][actor]) for r in t["rows"]])
        rows = [t["rows"][i] for i, _swing in order]
        names = self.names(lang)["tornado"]
        row_names = [names[i] for i, _swing in order]
        y = list(range(len(rows)))[::-1]  # largest on top
        low = [float(r["npv_low"][actor]) - base for r in rows]
        high = [float(r["npv_high"][actor]) - base for r in rows]
        ax.barh(y, low, left=base, color="#c0504d", height=0.6, label=text["low"])
        ax.barh(y, high, left=base, color="#4f81bd", height=0.6, label=text["high"])
        ax.axvline(base, color="black", linewidth=1)
        ax.set_yticks(y)
        def tick(r: Dict[str, Any], name: str) -> str:
            p = r["parameter"]
            low, high = _samkalk.parameter_value(p, r["low"], lang), _samkalk.parameter_value(p, r["high"], lang)
            return f"{name}\n{low} – {high}"

        ax.set_yticklabels([tick(r, n) for r, n in zip(rows, row_names)], fontsize="small")
        ax.xaxis.set_major_formatter(money)
        # Few enough ticks that amounts in the millions never run into each other
        # (matplotlib's default put "7 000 0008 000 000" side by side).
        ticker = _pkg()._require("matplotlib.ticker", "matplotlib", "plot", "AnalysisResult.plot_tornado()")
        ax.xaxis.set_major_locator(ticker.MaxNLocator(nbins=4))
        ax.set_xlabel(text["npv_axis"])
        label = _pkg().actor_labels(lang)[actor]
        ax.set_title(title if title is not None else f"{label}. {text['tornado']}")
        ax.legend(loc="best", fontsize="small")
        return ax

    def plot_histogram(
        self,
        actors: Optional[Iterable[str]] = None,
        *,
        ax: Optional["Axes"] = None,
        bins: int = 50,
        lang: str = "sv",
        title: Optional[str] = None,
    ) -> "Axes":
        """A histogram of each draw's NPV per actor (Monte Carlo with ``keep_draws``), one
        filled outline per actor, with a line at zero. ``actors`` picks ids (``"society"``
        too); by default every actor whose NPV varies between draws, then society. The legend
        gives each actor's "sannolikhet att gå plus". Returns the Axes. Needs matplotlib."""
        samples = self._samples(True, "plot_histogram()")
        mc = self._section("monte_carlo")
        text = _atext(lang)
        npv = samples["npv"]
        if actors is None:
            chosen = [w for w in _WHO[:-1] if npv[w] and min(npv[w]) != max(npv[w])] + ["society"]
        else:
            chosen = [self._actor(a) for a in actors]
        ax, money = self._axes(ax, "plot_histogram", (8, 4.5))
        labels = _pkg().actor_labels(lang)
        for w in chosen:
            p = mc["statistics"][w]["probability_gain"]
            label = f"{labels[w]} ({text['probability_gain'].lower()} {_percent(p, lang)})"
            ax.hist(npv[w], bins=bins, histtype="stepfilled", alpha=0.45, label=label)
        ax.axvline(0, color="grey", linewidth=1)
        ax.xaxis.set_major_formatter(money)
        ax.set_xlabel(text["npv_axis"])
        ax.set_ylabel(text["count"])
        ax.set_title(title if title is not None else f"{text['histogram']} ({mc['draws']} {text['draws']})")
        ax.legend(loc="best", fontsize="small")
        return ax

    def plot_sweep(self, *, actors: Optional[Iterable[str]] = None, ax: Optional["Axes"] = None, lang: str = "sv") -> "Axes":
        """The sweep: each actor's NPV (a line per actor; default every actor whose NPV is not
        always zero, then society) against the parameter's value, with a line at zero."""
        s = self._section("sweep")
        ax, money = self._axes(ax, "plot_sweep", (8, 4.5))
        labels = _pkg().actor_labels(lang)
        xs = [float(r["value"]) for r in s["rows"]]
        if actors is None:
            chosen = [w for w in _WHO[:-1] if any(r["npv"][w] != 0 for r in s["rows"])] + ["society"]
        else:
            chosen = [self._actor(a) for a in actors]
        for w in chosen:
            style: Dict[str, Any] = {"color": "black", "linewidth": 2.5} if w == "society" else {}
            ax.plot(xs, [float(r["npv"][w]) for r in s["rows"]], marker="o", label=labels[w], **style)
        ax.axhline(0, color="grey", linewidth=1, zorder=0)
        ax.axvline(float(s["base_value"]), color="grey", linestyle=":", linewidth=1)
        ax.yaxis.set_major_formatter(money)
        ax.set_xlabel(self.names(lang)["sweep"])
        ax.set_ylabel(_atext(lang)["npv_axis"])
        ax.legend(loc="best", fontsize="small")
        return ax

    # -- HTML --------------------------------------------------------------------------------

    def to_html(self, *, lang: str = "sv") -> str:
        """The notebook view as HTML: the base case's NPV per actor, then a table for each
        section present (sweep and grid NPVs, the tornado, switching values, Monte Carlo
        statistics with "sannolikhet att gå plus"). Money is written like "1 234 567 kr"."""
        pkg = _pkg()
        text = _atext(lang)
        base_text = pkg._text(lang)
        labels = pkg.actor_labels(lang)
        cell = pkg._money_cell
        d = self._data()
        names = self.names(lang)
        esc = _html.escape

        def th(x: str, left: bool = False) -> str:
            return f"<th style='text-align:left'>{esc(x)}</th>" if left else f"<th>{esc(x)}</th>"

        def table(head: List[str], rows: List[str]) -> str:
            return f"<table><thead><tr>{''.join(head)}</tr></thead><tbody>{''.join(rows)}</tbody></table>"

        def more(n: int) -> str:
            return f"<p>… {n} {esc(text['more'])}</p>" if n > 0 else ""

        who_head = [th(labels[w]) for w in _WHO]
        out = ["<div class='samkalk-analysis'>", f"<p><strong>{esc(text['title'])}</strong></p>"]
        out.append(f"<p>{esc(text['base'])}</p>")
        base_row = f"<tr>{th(text['base'], True)}{''.join(cell(d['base']['npv'][w]) for w in _WHO)}</tr>"
        out.append(table([th(base_text["npv"], True)] + who_head, [base_row]))
        if "sweep" in d:
            s = d["sweep"]
            out.append(f"<p><strong>{esc(text['sweep'])}</strong>: {esc(base_text['npv'])}, {esc(names['sweep'])}</p>")
            rows = [f"<tr><td>{esc(str(r['value']))}</td>{''.join(cell(r['npv'][w]) for w in _WHO)}</tr>" for r in s["rows"][:_HTML_ROWS]]
            out.append(table([th(text["value"], True)] + who_head, rows) + more(len(s["rows"]) - _HTML_ROWS))
        if "grid" in d:
            g = d["grid"]
            out.append(f"<p><strong>{esc(text['grid'])}</strong>: {esc(base_text['npv'])}</p>")
            head = [th(n, True) for n in names["grid"]] + who_head
            rows = [
                f"<tr><td>{esc(str(r['values'][0]))}</td><td>{esc(str(r['values'][1]))}</td>{''.join(cell(r['npv'][w]) for w in _WHO)}</tr>"
                for r in g["rows"][:_HTML_ROWS]
            ]
            out.append(table(head, rows) + more(len(g["rows"]) - _HTML_ROWS))
        if "tornado" in d:
            t = d["tornado"]
            society = labels["society"]
            out.append(f"<p><strong>{esc(text['tornado'])}</strong> ({esc(society)})</p>")
            head = [
                th(text["parameter"], True),
                th(text["low"]),
                th(text["high"]),
                th(f"{base_text['npv']} ({text['low'].lower()})"),
                th(f"{base_text['npv']} ({text['high'].lower()})"),
                th(text["swing"]),
            ]
            unit = _samkalk.parameter_value
            rows = [
                f"<tr><td>{esc(name)}</td>"
                f"<td>{esc(unit(r['parameter'], r['low'], lang))}</td><td>{esc(unit(r['parameter'], r['high'], lang))}</td>"
                f"{cell(r['npv_low']['society'])}{cell(r['npv_high']['society'])}{cell(r['swing'])}</tr>"
                for r, name in zip(t["rows"], names["tornado"])
            ]
            out.append(table(head, rows))
        if "switching" in d:
            out.append(f"<p><strong>{esc(text['switching'])}</strong></p>")
            head = [
                th(text["parameter"], True),
                th(base_text["actor"], True),
                th(text["value"]),
                th(text["gains"]),
                th(text["kind"]),
                th(text["base_npv"]),
            ]
            rows = []
            for r, name in zip(d["switching"], names["switching"]):
                value = "–" if r["value"] is None else _samkalk.parameter_value(r["parameter"], r["value"], lang)
                gains = text.get(r.get("gains") or "", "") if r["value"] is not None else text["none"]
                rows.append(
                    f"<tr><td>{esc(name)}</td><td>{esc(labels.get(r['actor'], r['actor']))}</td>"
                    f"<td style='text-align:right'>{esc(value)}</td><td>{esc(gains)}</td>"
                    f"<td>{esc(text.get(r['kind'], r['kind']))}</td>{cell(r['base_npv'])}</tr>"
                )
            out.append(table(head, rows))
        if "monte_carlo" in d:
            mc = d["monte_carlo"]
            title = f"<strong>{esc(text['monte_carlo'])}</strong>"
            out.append(f"<p>{title}: {mc['draws']} {esc(text['draws'])}, {esc(text['seed'])} {mc['seed']}</p>")
            out.append(f"<p>{esc(text['drawn'])}: {esc('; '.join(names['monte_carlo']))}</p>")
            keys = ("mean", "sd", "p5", "p50", "p95")
            head = [th(base_text["actor"], True)] + [th(text[k]) for k in keys] + [th(text["probability_gain"])]
            rows = []
            for w in _WHO:
                st = mc["statistics"][w]
                strong = " style='border-top:2px solid #444;font-weight:bold'" if w == "society" else ""
                rows.append(
                    f"<tr{strong}>{th(labels[w], True)}{''.join(cell(st[k]) for k in keys)}"
                    f"<td style='text-align:right'>{esc(_percent(st['probability_gain'], lang))}</td></tr>"
                )
            out.append(table(head, rows))
        out.append("</div>")
        return "".join(out)

    def _repr_html_(self) -> str:
        return self.to_html()


def _percent(share: Decimal, lang: str) -> str:
    return str(_pkg().format_percent(share, lang))
