"""samkalk: an exact socioeconomic investment calculation (socioekonomisk investeringskalkyl).

What does a person on försörjningsstöd cost each public actor per year, what does an
intervention cost, and who gains how much, year by year, when a share of the participants
reaches work or studies? The method is MODEL.md (docs/method.md in the repository); the
calculation runs in samkalk's Rust core, in exact decimals, and gives the same öre as the
command line and every other binding.

>>> import samkalk
>>> result = samkalk.calculate({
...     "start_year": 2026,
...     "cohorts": [{"name": "AM2-grupp", "origin": "AM2", "participants": 20,
...                  "intervention": {"cost_per_participant": 40000, "duration_months": 6},
...                  "outcomes": [{"target": "work", "share": 0.6}]}],
... })
>>> result.years
[2026, 2027, 2028, 2029]
>>> result.to_dict()["actors"]["municipality"]["investment"]
[Decimal('800000.00'), Decimal('0.00'), Decimal('0.00'), Decimal('0.00')]

Main entry points: :func:`calculate`, :func:`calculate_many`, :func:`calculate_variants`, :func:`validate`,
:func:`defaults`, :func:`state`, :class:`Scenario`, :class:`Result` and :class:`ScenarioError`; for
sensitivity and uncertainty analysis (docs/analysis.md) :func:`analyse` and its shortcuts
:func:`sweep`, :func:`grid`, :func:`tornado`, :func:`switching_value` and
:func:`monte_carlo`, which return an :class:`AnalysisResult`. pandas and matplotlib are
optional: only the DataFrame and plot methods need them.
"""

import html as _html
import os
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _samkalk
from ._errors import InputError, ScenarioError
from ._samkalk import Scenario
from ._state import StateChange, state

if TYPE_CHECKING:  # pragma: no cover
    import datetime

    import pandas
    from matplotlib.axes import Axes

__version__: str = _samkalk.__version__

__all__ = [
    "ACTORS",
    "PUBLIC_SECTOR",
    "AnalysisCancelled",
    "AnalysisError",
    "AnalysisInput",
    "AnalysisResult",
    "Progress",
    "Changes",
    "Comparison",
    "Result",
    "Scenario",
    "ScenarioError",
    "StateChange",
    "ScenarioInput",
    "Summary",
    "InputError",
    "actor_labels",
    "analyse",
    "calculate",
    "calculate_excel",
    "calculate_many",
    "calculate_variants",
    "compare",
    "defaults",
    "municipalities",
    "format_kronor",
    "format_kronor_ore",
    "format_percent",
    "format_ratio",
    "format_rounded_amount",
    "grid",
    "labels",
    "parse_amount",
    "parse_percent",
    "parse_whole",
    "standard_analysis",
    "state",
    "monte_carlo",
    "sweep",
    "switching_value",
    "tornado",
    "trace",
    "validate",
    "warnings",
    "__version__",
]

#: Anything a scenario can be given as: a dict (numbers as Decimal, int, str or float), JSON
#: text, a path to a .json or .toml file (str or os.PathLike), JSON bytes, or a Scenario.
ScenarioInput = Union[Mapping[str, Any], str, "os.PathLike[str]", bytes, Scenario]

#: The seven actor ids, in the order every result lists them (society comes after them).
ACTORS: "tuple[str, ...]" = tuple(_samkalk.actor_ids())

_SOCIETY = "society"
#: The public sector's id beside the actors' (municipality, Arbetsförmedlingen,
#: Försäkringskassan, region and state as a whole; derived by the core).
PUBLIC_SECTOR = "public_sector"
_MONEY = ("gain", "investment", "net", "cumulative_net")


def _text(lang: str) -> Dict[str, str]:
    if lang not in ("sv", "en"):
        raise ValueError(f'lang must be "sv" or "en", got {lang!r}')
    # Headings, result fields and break-even kinds are named by the core.
    core = _samkalk.labels(lang)
    fields, kinds = core["fields"], core["break_even_kinds"]
    text = dict(core["headings"])
    text.update(
        kr=text["currency"],
        trace_title=text["trace"],
        net=fields["net"],
        cumulative=fields["cumulative_net"],
        npv=fields["npv"],
        payback=fields["payback_year"],
        bcr=fields["benefit_cost_ratio"],
        axis=f"{fields['cumulative_net']} ({text['currency']})",
        always=kinds["always"],
        never=kinds["never"],
        at_least=kinds["at_least"].lower(),
        at_most=kinds["at_most"].lower(),
    )
    return text


def actor_labels(lang: str = "sv") -> Dict[str, str]:
    """Actor id → label, the seven actors in result order and then ``society``.

    The labels are the core's own (Swedish by default, ``lang="en"`` for English).

    >>> samkalk.actor_labels()["employment_service"]
    'Arbetsförmedlingen'
    >>> samkalk.actor_labels("en")["society"]
    'Society'
    """
    return _samkalk.actor_labels(lang)


def _who_labels(lang: str) -> Dict[str, str]:
    """The core's labels of the seven actors, the public sector and society, by id."""
    names = dict(actor_labels(lang))
    names[PUBLIC_SECTOR] = labels(lang)["public_sector"]
    return names


def format_kronor(amount: Union[Decimal, float, str], lang: str = "sv") -> str:
    """Whole kronor with a space between thousands, as samkalk's reports write money.

    >>> samkalk.format_kronor(Decimal("1234567.49"))
    '1 234 567 kr'
    >>> samkalk.format_kronor(Decimal("1234567.49"), "en")
    '1,234,567 kr'
    """
    return _samkalk.format_number("kronor", amount, lang)


def format_kronor_ore(amount: Union[Decimal, float, str], lang: str = "sv") -> str:
    """Kronor with öre: ``"35 000,50 kr"`` (en ``"35,000.50 kr"``)."""
    return _samkalk.format_number("kronor_ore", amount, lang)


def format_percent(share: Union[Decimal, float, str], lang: str = "sv") -> str:
    """A share as a percentage with one decimal, the core's format.

    >>> samkalk.format_percent(Decimal("0.068345")), samkalk.format_percent(Decimal("0.068345"), "en")
    ('6,8 %', '6.8%')
    """
    return _samkalk.format_number("percent", share, lang)


def format_ratio(ratio: Union[Decimal, float, str], lang: str = "sv") -> str:
    """A ratio (the benefit-cost ratio) with two decimals: ``"1,23"`` (en ``"1.23"``)."""
    return _samkalk.format_number("ratio", ratio, lang)


def format_rounded_amount(amount: Union[Decimal, float, str], lang: str = "sv") -> str:
    """An amount rounded for a sentence: ``"3,8 miljoner kr"`` (en ``"3.8 million kronor"``)."""
    return _samkalk.format_number("rounded", amount, lang)


def _parse(kind: str, text: str) -> str:
    value, code, message_sv, message_en = _samkalk.parse_input(kind, text)
    if value is None:
        raise InputError(code or "", message_sv or "", message_en or "")
    return value


def parse_amount(text: str) -> Decimal:
    """An amount typed in Swedish, exactly: ``"120 000 kr"``, ``"120.000"``, ``"35 000,50"``.
    Raises :class:`InputError` (``"120.00"`` is ambiguous; ``""`` is missing).

    >>> samkalk.parse_amount("120.000")
    Decimal('120000')
    """
    return Decimal(_parse("amount", text))


def parse_percent(text: str) -> Decimal:
    """A percentage typed in Swedish, as the share: ``"30 %"`` → ``Decimal("0.3")``.

    >>> samkalk.parse_percent("12,5")
    Decimal('0.125')
    """
    return Decimal(_parse("percent", text))


def parse_whole(text: str) -> int:
    """A whole number typed in Swedish: ``"1 200"`` → 1200."""
    return int(_parse("whole", text))


def labels(lang: str = "sv") -> Dict[str, Any]:
    """The core's labels: ``fields`` (result field → label), ``break_even_kinds``, ``society``,
    ``public_sector``, ``public_sector_members`` and ``headings`` (the tables' and charts'
    headings that are not result fields: ``title``, ``actor``, ``year``, ``cohort``,
    ``break_even``, ``currency``, ``persons``, ``trace``).

    >>> samkalk.labels()["fields"]["cumulative_net"]
    'Ackumulerat netto'
    >>> samkalk.labels("en")["headings"]["trace"]
    'Effect trace'
    """
    return _samkalk.labels(lang)


def standard_analysis(scenario: "ScenarioInput", lang: str = "sv") -> Dict[str, Any]:
    """The standard sensitivity request the council page runs, for a scenario: ``request`` (a
    dict for :func:`analyse`), ``labels`` (per tornado parameter, then per parameter only the
    Monte Carlo varies: ``parameter``, ``what``, ``low``, ``high`` as text) and ``method`` (what
    the Monte Carlo varies and how, in words). Raises :class:`ScenarioError` for an invalid
    scenario."""
    import json

    return dict(json.loads(_samkalk.standard_analysis(scenario, lang)))


def _require(module: str, package: str, extra: str, what: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(
            f"{what} needs {package}, which is not installed: pip install {package}"
            f"  (or pip install 'samkalk[{extra}]')"
        ) from e


def _share_text(share: Optional[Decimal], lang: str) -> str:
    if share is None:
        return ""
    return format_percent(share, lang)


def _break_even_text(entry: Mapping[str, Any], lang: str) -> str:
    t = _text(lang)
    kind = entry["kind"]
    if kind in ("always", "never"):
        return t[kind]
    return f"{t[kind]} {_share_text(entry['share'], lang)}"


def _cohort_label(name: str, index: int, lang: str) -> str:
    return name if name else f"{_text(lang)['cohort']} {index + 1}"


class Summary(Sequence[Dict[str, Any]]):
    """Per actor (and society): NPV, payback year, benefit-cost ratio and break-even.

    A sequence of dicts (one per actor, then society) with keys ``actor`` (the id), ``label``,
    ``total_gain`` and ``total_investment`` (Decimal, over the horizon: the investment includes
    version 2's step costs), ``npv`` (Decimal), ``payback_year`` (int or None), ``benefit_cost_ratio`` (Decimal or
    None) and ``break_even`` (cohort name → ``{"kind", "share"}``; kind is ``always``,
    ``never``, ``at_least`` or ``at_most``; share a Decimal or None). It shows as a table in a
    notebook; :meth:`to_pandas` gives a DataFrame.
    """

    def __init__(
        self, rows: List[Dict[str, Any]], cohorts: List[str], lang: str, assumptions: Sequence[Tuple[str, str]] = ()
    ) -> None:
        self._rows = rows
        self.cohorts = cohorts
        self.lang = lang
        #: The inputs behind the figures, (label, value) as the core writes them.
        self.assumptions: List[Tuple[str, str]] = list(assumptions)

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, str):
            for row in self._rows:
                if row["actor"] == index:
                    return row
            raise KeyError(index)
        return self._rows[index]

    def to_pandas(self) -> "pandas.DataFrame":
        """The summary as a DataFrame, one row per actor, the public sector and society; per
        cohort the break-even share as a number column ``break_even_share (<cohort>)``
        (Decimal, None for always/never and for the public sector) with its kind beside it in
        ``break_even_kind (<cohort>)`` (the core's label: "Minst", "Går alltid jämnt ut" ...)."""
        pd = _require("pandas", "pandas", "pandas", "Summary.to_pandas()")
        records = []
        for row in self._rows:
            record: Dict[str, Any] = {
                "actor": row["actor"],
                "label": row["label"],
                "total_gain": row["total_gain"],
                "total_investment": row["total_investment"],
                "npv": row["npv"],
                "payback_year": row["payback_year"],
                "benefit_cost_ratio": row["benefit_cost_ratio"],
            }
            kinds = labels(self.lang)["break_even_kinds"]
            for cohort in self.cohorts:
                entry = row["break_even"].get(cohort)
                record[f"break_even_share ({cohort})"] = entry["share"] if entry else None
                record[f"break_even_kind ({cohort})"] = kinds[entry["kind"]] if entry else None
            records.append(record)
        frame = pd.DataFrame.from_records(records)
        frame["payback_year"] = frame["payback_year"].astype("Int64")  # a year or <NA>
        return frame

    def __repr__(self) -> str:
        t = _text(self.lang)
        f = labels(self.lang)["fields"]
        header = [t["actor"], f["total_gain"], f["total_investment"], t["npv"], t["payback"], t["bcr"]]
        header += [f"{t['cohort']}: {c}" for c in self.cohorts]
        lines = [header]
        for row in self._rows:
            lines.append(
                [
                    row["label"],
                    format_kronor(row["total_gain"], self.lang),
                    format_kronor(row["total_investment"], self.lang),
                    format_kronor(row["npv"], self.lang),
                    "–" if row["payback_year"] is None else str(row["payback_year"]),
                    "–" if row["benefit_cost_ratio"] is None else format_ratio(row["benefit_cost_ratio"], self.lang),
                ]
                + [_break_even_text(row["break_even"][c], self.lang) if c in row["break_even"] else "" for c in self.cohorts]
            )
        widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
        table = "\n".join(
            "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(line, widths)))
            for line in lines
        )
        if not self.assumptions:
            return table
        return table + "\n\n" + _assumptions_text(self.assumptions, self.lang)

    def _repr_html_(self) -> str:
        t = _text(self.lang)
        f = labels(self.lang)["fields"]
        columns = [t["actor"], f["total_gain"], f["total_investment"], t["npv"], t["payback"], t["bcr"]]
        head = "".join(f"<th>{_html.escape(h)}</th>" for h in columns)
        head += "".join(f"<th>{_html.escape(t['cohort'])}: {_html.escape(c)}</th>" for c in self.cohorts)
        body = []
        for row in self._rows:
            cells = [
                f"<th style='text-align:left'>{_html.escape(row['label'])}</th>",
                _money_cell(row["total_gain"]),
                _money_cell(row["total_investment"]),
                _money_cell(row["npv"]),
                f"<td>{'–' if row['payback_year'] is None else row['payback_year']}</td>",
                f"<td>{'–' if row['benefit_cost_ratio'] is None else format_ratio(row['benefit_cost_ratio'], self.lang)}</td>",
            ]
            cells += [
                f"<td>{_html.escape(_break_even_text(row['break_even'][c], self.lang)) if c in row['break_even'] else ''}</td>"
                for c in self.cohorts
            ]
            body.append(f"<tr>{''.join(cells)}</tr>")
        table = f"<table class='samkalk-summary'><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        return table + _assumptions_html(self.assumptions, self.lang)


def _assumptions_text(assumptions: Sequence[Tuple[str, str]], lang: str) -> str:
    """The core's assumptions as the CLI table ends with them: a heading, then "label: value"."""
    lines = [labels(lang)["assumptions"]] + [f"  {label}: {value}" for label, value in assumptions]
    return "\n".join(lines)


def _assumptions_html(assumptions: Sequence[Tuple[str, str]], lang: str) -> str:
    """The core's assumptions as an HTML table under a heading; empty without assumptions."""
    if not assumptions:
        return ""
    rows = "".join(
        f"<tr><th style='text-align:left'>{_html.escape(label)}</th><td style='text-align:left'>{_html.escape(value)}</td></tr>"
        for label, value in assumptions
    )
    heading = _html.escape(labels(lang)["assumptions"])
    return f"<p><strong>{heading}</strong></p><table class='samkalk-assumptions'><tbody>{rows}</tbody></table>"


def _money_cell(amount: Decimal) -> str:
    style = "text-align:right;white-space:nowrap"
    if amount < 0:
        style += ";color:#b00020"
    return f"<td style='{style}'>{_html.escape(format_kronor(amount))}</td>"


class Result:
    """The result of :func:`calculate`: per actor and for society, year by year.

    - :meth:`to_dict`: MODEL.md's structure, money/shares/ratios as ``decimal.Decimal``
    - :meth:`to_json`: the result JSON, byte for byte what the command line writes
    - :meth:`to_pandas`: a tidy DataFrame (actor, year, gain, investment, net, cumulative_net)
    - :meth:`summary`: NPV, payback year, benefit-cost ratio and break-even per actor
    - :meth:`plot`: cumulative net per actor over the years (matplotlib)

    In a notebook a Result shows as a table (Swedish labels; :meth:`to_html` for English).
    """

    __slots__ = ("_native", "_dict", "_public")

    def __init__(self, native: "_samkalk.NativeResult") -> None:
        self._native = native
        self._dict: Optional[Dict[str, Any]] = None
        self._public: Optional[Dict[str, Any]] = None

    @property
    def years(self) -> List[int]:
        """The calendar years of the calculation."""
        return self._native.years

    def to_dict(self) -> Dict[str, Any]:
        """MODEL.md's result structure as a new dict.

        ``{"version", "years", "actors": {id: {...}}, "society": {...}, "cohorts": [...]}``;
        money is ``Decimal`` with two decimals (``Decimal('800000.00')``), break-even shares six
        decimals, benefit-cost ratios four; years and payback_year are ``int``; null is None.
        """
        return self._native.to_dict()

    def _data(self) -> Dict[str, Any]:
        if self._dict is None:
            self._dict = self._native.to_dict()
        return self._dict

    def to_json(self, *, pretty: bool = False) -> str:
        """The result JSON exactly as the core and the command line write it (compact; indented
        with ``pretty=True``)."""
        return self._native.to_json(pretty)

    def public_sector(self) -> Dict[str, Any]:
        """The public sector as a whole (municipality, Arbetsförmedlingen, Försäkringskassan,
        region and state): an actor's fields (``gain``, ..., ``npv``, ``payback_year``,
        ``benefit_cost_ratio``), derived by the core from the summed exact flows exactly as an
        actor's (docs/method.md). Not part of :meth:`to_dict` or :meth:`to_json`."""
        if self._public is None:
            self._public = self._native.public_sector()
        return dict(self._public)

    def _rows(self) -> List[Any]:
        d = self._data()
        return [(a, d["actors"][a]) for a in ACTORS] + [(PUBLIC_SECTOR, self.public_sector()), (_SOCIETY, d["society"])]

    def to_pandas(self, *, lang: Optional[str] = None, dtype: str = "decimal") -> "pandas.DataFrame":
        """A tidy DataFrame: one row per actor (seven, then society) and year.

        Columns: ``actor``, ``year``, ``gain``, ``investment``, ``net``, ``cumulative_net``.
        The rows of the seven actors come first, then ``public_sector`` (the five public actors
        as a whole: do not add it to the actors), then ``society``.
        ``actor`` holds the ids (``municipality`` ... ``society``), or the labels with
        ``lang="sv"`` (Kommunen ...) or ``lang="en"``. Money is exact ``Decimal`` by default;
        ``dtype="float"`` gives float64 columns for plotting and statistics. Needs pandas
        (``pip install pandas``).

        >>> frame = result.to_pandas()                          # doctest: +SKIP
        >>> frame.pivot(index="year", columns="actor", values="net")  # doctest: +SKIP
        """
        pd = _require("pandas", "pandas", "pandas", "Result.to_pandas()")
        if dtype not in ("decimal", "float"):
            raise ValueError(f'dtype must be "decimal" or "float", got {dtype!r}')
        labels = _who_labels(lang) if lang is not None else None
        years = self.years
        columns: Dict[str, List[Any]] = {"actor": [], "year": []}
        for key in _MONEY:
            columns[key] = []
        for actor, figures in self._rows():
            name = labels[actor] if labels else actor
            for i, year in enumerate(years):
                columns["actor"].append(name)
                columns["year"].append(year)
                for key in _MONEY:
                    columns[key].append(figures[key][i])
        frame = pd.DataFrame(columns)
        frame["year"] = frame["year"].astype("int64")
        if dtype == "float":
            for key in _MONEY:
                frame[key] = frame[key].astype("float64")
        return frame

    def summary(self, *, lang: str = "sv") -> Summary:
        """Per actor, the public sector and society: NPV, payback year, benefit-cost ratio and
        break-even share (the public sector has no break-even).

        Labels are Swedish by default (``lang="en"`` for English). The Summary shows as a
        table in a notebook and has ``to_pandas()``.
        """
        labels = _who_labels(lang)
        d = self._data()
        cohorts = [_cohort_label(c["name"], i, lang) for i, c in enumerate(d["cohorts"])]
        rows = []
        for actor, figures in self._rows():
            break_even = {}
            for label, cohort in zip(cohorts, d["cohorts"]):
                if actor in cohort["break_even"]:
                    break_even[label] = dict(cohort["break_even"][actor])
            rows.append(
                {
                    "actor": actor,
                    "label": labels[actor],
                    "total_gain": figures["total_gain"],
                    "total_investment": figures["total_investment"],
                    "npv": figures["npv"],
                    "payback_year": figures["payback_year"],
                    "benefit_cost_ratio": figures["benefit_cost_ratio"],
                    "break_even": break_even,
                }
            )
        return Summary(rows, cohorts, lang, self.assumptions(lang=lang))

    def assumptions(self, *, lang: str = "sv") -> List[Tuple[str, str]]:
        """The inputs behind the figures, as every report ends with them: (label, value)
        pairs written by the core (groups, costs and timing, shares, financing, tax, discount
        rate, horizon, price year, method version)."""
        return self._native.assumptions(lang)

    def to_html(self, *, lang: str = "sv") -> str:
        """The notebook table as HTML: net per year, cumulative net, NPV, payback year and
        benefit-cost ratio for each actor and society, then each cohort's break-even shares.
        Money is written like "1 234 567 kr"."""
        t = _text(lang)
        labels = _who_labels(lang)
        d = self._data()
        years = d["years"]
        head = f"<th style='text-align:left'>{_html.escape(t['actor'])}</th>"
        head += "".join(f"<th>{_html.escape(t['net'])} {y}</th>" for y in years)
        head += "".join(f"<th>{_html.escape(h)}</th>" for h in (t["cumulative"], t["npv"], t["payback"], t["bcr"]))
        body = []
        for actor, figures in self._rows():
            strong = actor == _SOCIETY
            cells = [f"<th style='text-align:left'>{_html.escape(labels[actor])}</th>"]
            cells += [_money_cell(x) for x in figures["net"]]
            cells.append(_money_cell(figures["cumulative_net"][-1]))
            cells.append(_money_cell(figures["npv"]))
            payback = figures["payback_year"]
            ratio = figures["benefit_cost_ratio"]
            cells.append(f"<td style='text-align:right'>{'–' if payback is None else payback}</td>")
            cells.append(f"<td style='text-align:right'>{'–' if ratio is None else _html.escape(format_ratio(ratio, lang))}</td>")
            style = " style='border-top:2px solid #444;font-weight:bold'" if strong else ""
            body.append(f"<tr{style}>{''.join(cells)}</tr>")
        span = f"{years[0]}–{years[-1]}" if years else ""
        out = [
            "<div class='samkalk-result'>",
            f"<p><strong>{_html.escape(t['title'])}</strong> {span}</p>",
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>",
        ]
        cohorts = [(_cohort_label(c["name"], i, lang), c) for i, c in enumerate(d["cohorts"]) if c["break_even"]]
        if cohorts:
            out.append(f"<p>{_html.escape(t['break_even'])}</p>")
            bhead = f"<th style='text-align:left'>{_html.escape(t['actor'])}</th>" + "".join(
                f"<th>{_html.escape(name)}</th>" for name, _ in cohorts
            )
            brows = []
            for actor in list(ACTORS) + [_SOCIETY]:
                cells = [f"<th style='text-align:left'>{_html.escape(labels[actor])}</th>"]
                cells += [
                    f"<td style='text-align:right'>{_html.escape(_break_even_text(c['break_even'][actor], lang))}</td>"
                    for _, c in cohorts
                ]
                brows.append(f"<tr>{''.join(cells)}</tr>")
            out.append(f"<table><thead><tr>{bhead}</tr></thead><tbody>{''.join(brows)}</tbody></table>")
        out.append(_assumptions_html(self.assumptions(lang=lang), lang))
        out.append("</div>")
        return "".join(out)

    def _repr_html_(self) -> str:
        return self.to_html()

    def plot(
        self,
        *,
        ax: Optional["Axes"] = None,
        lang: str = "sv",
        actors: Optional[Iterable[str]] = None,
        society: bool = True,
        public_sector: bool = True,
        title: Optional[str] = None,
    ) -> "Axes":
        """Cumulative net per actor over the years, with a line at zero (matplotlib).

        ``actors`` picks actor ids (default: every actor whose cumulative net is not zero in
        every year); ``society=False`` leaves out society's line, ``public_sector=False`` the
        public sector's (dashed). Draws on ``ax`` or on a new
        figure and returns the Axes. Needs matplotlib (``pip install matplotlib``).
        """
        _require("matplotlib", "matplotlib", "plot", "Result.plot()")
        t = _text(lang)
        if ax is None:
            plt = _require("matplotlib.pyplot", "matplotlib", "plot", "Result.plot()")
            _, ax = plt.subplots(figsize=(8, 4.5))
        ticker = _require("matplotlib.ticker", "matplotlib", "plot", "Result.plot()")
        labels = _who_labels(lang)
        d = self._data()
        years = d["years"]
        chosen = list(actors) if actors is not None else [a for a in ACTORS if any(x != 0 for x in d["actors"][a]["cumulative_net"])]
        for actor in chosen:
            if actor not in d["actors"]:
                raise ValueError(f"unknown actor {actor!r} (expected one of: {', '.join(ACTORS)})")
            values = [float(x) for x in d["actors"][actor]["cumulative_net"]]
            ax.plot(years, values, marker="o", label=labels[actor])
        if public_sector:
            values = [float(x) for x in self.public_sector()["cumulative_net"]]
            ax.plot(years, values, marker="o", color="black", linestyle="--", linewidth=2, label=labels[PUBLIC_SECTOR])
        if society:
            values = [float(x) for x in d["society"]["cumulative_net"]]
            ax.plot(years, values, marker="o", color="black", linewidth=2.5, label=labels[_SOCIETY])
        ax.axhline(0, color="grey", linewidth=1, zorder=0)
        ax.set_xticks(years)
        ax.set_xlabel(t["year"])
        ax.set_ylabel(t["axis"])
        ax.yaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _pos: f"{v:,.0f}".replace(",", " ")))
        if title is not None:
            ax.set_title(title)
        ax.legend(loc="best", fontsize="small")
        return ax

    def trace_rows(self) -> List[Dict[str, Any]]:
        """The effect trace (method version 2) as a list of dicts ``{cohort, year, state,
        participants}``: per cohort, year and state, the mean over the year's months of the
        persons the intervention has moved there (the origin shows the rest). ``participants``
        is a ``Decimal`` with six decimals, as the core writes it. It is the net effect against
        the counterfactual, not a head count of a real group."""
        return _trace_dicts(self._native.trace())

    def trace_frame(self, *, dtype: str = "decimal") -> "pandas.DataFrame":
        """The effect trace as a tidy DataFrame with columns ``cohort``, ``year``, ``state``,
        ``participants`` (``Decimal``; ``dtype="float"`` for float64). Needs pandas."""
        return _trace_frame(self._native.trace(), dtype)

    def plot_trace(
        self,
        *,
        cohort: Optional[str] = None,
        ax: Optional["Axes"] = None,
        lang: str = "sv",
        title: Optional[str] = None,
    ) -> "Axes":
        """A stacked area plot of the effect trace of one cohort (default: the first): persons
        per state and year. Draws on ``ax`` or on a new figure and returns the Axes. Needs
        matplotlib."""
        return _plot_trace(self._native.trace(), cohort=cohort, ax=ax, lang=lang, title=title)

    def to_csv(self, *, lang: str = "en") -> str:
        """The tidy CSV as the core (and ``samkalk calculate --format csv``) writes it.

        ``lang="en"`` (default): ``actor,year,gain,investment,net,cumulative_net`` with actor
        ids and decimal points, for programs. ``lang="sv"``: what Swedish Excel opens as a
        table: UTF-8 with a byte order mark, semicolons, decimal commas, Swedish headers and
        actor names, and the assumptions above the table. Write it with ``newline=""`` (the
        Swedish form has its own CRLF line ends) and ``encoding="utf-8"``.
        """
        return self._native.to_csv(lang)

    def to_excel_bytes(self, *, lang: str = "sv", date: Optional["datetime.date"] = None) -> bytes:
        """The calculation as an Excel workbook (.xlsx bytes), as the core writes it: sheets
        Sammanfattning, År för år, Tillstånd, Grupper and Antaganden (English names with
        ``lang="en"``), formulas with the engine's exact values cached. ``date`` (default:
        today) is stated as the day the workbook was written."""
        import datetime

        day = date if date is not None else datetime.date.today()
        return self._native.to_excel_bytes(lang, day.isoformat())

    def to_excel(self, path: Union[str, "os.PathLike[str]"], *, lang: str = "sv", date: Optional["datetime.date"] = None) -> None:
        """Writes :meth:`to_excel_bytes` to ``path`` (``kalkyl.xlsx``). Read it back, edited or
        not, with :func:`calculate_excel`."""
        data = self.to_excel_bytes(lang=lang, date=date)
        with open(path, "wb") as f:
            f.write(data)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Result) and self._native == other._native

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        d = self._data()
        years = d["years"]
        span = f"{years[0]}–{years[-1]}" if years else "no years"
        return f"<samkalk.Result {span}: society NPV {format_kronor(d['society']['npv'])}>"


def calculate(scenario: ScenarioInput) -> Result:
    """Calculate a scenario exactly, as MODEL.md defines it.

    ``scenario`` may be

    - a dict in MODEL.md's format; numbers may be ``Decimal``, ``int``, ``str`` or ``float``
      (a float is read through its shortest repr, so ``0.1`` is exactly 0.1; bools are not
      numbers and are rejected),
    - JSON text (a str starting with ``{``) or JSON bytes,
    - a path (str or ``pathlib.Path``) to a ``.json`` or ``.toml`` file,
    - a :class:`Scenario` (already validated: it is not read again).

    Returns a :class:`Result`. An invalid scenario raises :class:`ScenarioError` (a
    ``ValueError``) whose ``.errors`` lists every fault (``path``, ``code``, ``params``,
    ``message``, ``message_sv``, ``message_en``); any other
    unusable input (``calculate(42)``, an unreadable file) raises it too, at path ``""``.

    >>> import samkalk
    >>> result = samkalk.calculate({
    ...     "start_year": 2026,
    ...     "cohorts": [{"name": "AM2-grupp", "origin": "AM2", "participants": 20,
    ...                  "intervention": {"cost_per_participant": "40000", "duration_months": 6},
    ...                  "outcomes": [{"target": "work", "share": "0.6"}]}],
    ... })
    >>> result.to_dict()["society"]["investment"][0]
    Decimal('800000.00')
    >>> samkalk.calculate({"start_year": 2026, "discount_rate": True})
    Traceback (most recent call last):
    ...
    samkalk._errors.ScenarioError: invalid scenario: discount_rate: must be a number, got a boolean
    """
    return Result(_samkalk.calculate(scenario))


_COMPARED = ("total_gain", "total_investment", "total_net", "npv", "payback_year", "benefit_cost_ratio")


class Comparison(Sequence[Dict[str, Any]]):
    """Alternatives side by side, from the core (:func:`compare`).

    A sequence of dicts, one per row (the seven actors, ``public_sector``, ``society``) and
    alternative: ``who`` (the id), ``label``, ``alternative`` (its name), the six figures
    ``total_gain``, ``total_investment``, ``total_net``, ``npv`` (Decimal), ``payback_year``
    (int or None), ``benefit_cost_ratio`` (Decimal or None), and the same six as
    ``difference_<figure>`` to the first alternative (the first's own are zero). ``names``
    lists the alternatives. It prints as the core's table (``samkalk compare``); :meth:`table`
    takes the language, :meth:`to_pandas` gives a DataFrame, :meth:`plot` a bar chart.
    """

    def __init__(self, native: "_samkalk.NativeComparison", lang: str = "sv") -> None:
        self._native = native
        self.lang = lang
        d = native.to_dict()
        self.names: List[str] = list(d["alternatives"])
        who = _who_labels(lang)
        self._rows: List[Dict[str, Any]] = []
        for row in d["rows"]:
            for name, figures, difference in zip(self.names, row["alternatives"], row["differences"]):
                record: Dict[str, Any] = {"who": row["who"], "label": who[row["who"]], "alternative": name}
                record.update({key: figures[key] for key in _COMPARED})
                record.update({f"difference_{key}": difference[key] for key in _COMPARED})
                self._rows.append(record)

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index: Any) -> Any:
        return self._rows[index]

    def row(self, who: str, alternative: str) -> Dict[str, Any]:
        """The row of one actor (or ``public_sector``, ``society``) and alternative."""
        for r in self._rows:
            if r["who"] == who and r["alternative"] == alternative:
                return r
        raise KeyError((who, alternative))

    def table(self, lang: Optional[str] = None) -> str:
        """The core's readable table, as ``samkalk compare`` prints it (Swedish by default)."""
        return self._native.table(lang if lang is not None else self.lang)

    def to_json(self) -> str:
        """The comparison as the core's JSON, as ``samkalk compare --format json`` writes it."""
        return self._native.to_json()

    def to_csv(self) -> str:
        """The core's tidy CSV, as ``samkalk compare --format csv`` writes it."""
        return self._native.to_csv()

    def to_pandas(self, *, dtype: str = "decimal") -> "pandas.DataFrame":
        """The rows as a DataFrame (columns as the dicts' keys); money exact ``Decimal`` by
        default, ``dtype="float"`` for float64. Needs pandas."""
        pd = _require("pandas", "pandas", "pandas", "Comparison.to_pandas()")
        if dtype not in ("decimal", "float"):
            raise ValueError(f'dtype must be "decimal" or "float", got {dtype!r}')
        frame = pd.DataFrame.from_records(self._rows)
        for key in ("payback_year", "difference_payback_year"):
            frame[key] = frame[key].astype("Int64")
        if dtype == "float":
            for key in _COMPARED:
                if key != "payback_year":
                    for column in (key, f"difference_{key}"):
                        frame[column] = frame[column].astype("float64")
        return frame

    def plot(self, *, field: str = "npv", ax: Optional["Axes"] = None, title: Optional[str] = None) -> "Axes":
        """Bars of one figure (default ``npv``) per actor, public sector and society, one bar per
        alternative (matplotlib). Returns the Axes."""
        _require("matplotlib", "matplotlib", "plot", "Comparison.plot()")
        if field not in ("total_gain", "total_investment", "total_net", "npv"):
            raise ValueError(f"field must be one of total_gain, total_investment, total_net, npv; got {field!r}")
        if ax is None:
            plt = _require("matplotlib.pyplot", "matplotlib", "plot", "Comparison.plot()")
            _, ax = plt.subplots(figsize=(9, 4.5))
        ticker = _require("matplotlib.ticker", "matplotlib", "plot", "Comparison.plot()")
        whos = list(dict.fromkeys(r["who"] for r in self._rows))
        labels_by_id = {r["who"]: r["label"] for r in self._rows}
        width = 0.8 / max(len(self.names), 1)
        for i, name in enumerate(self.names):
            values = [float(self.row(w, name)[field]) for w in whos]
            ax.bar([k + i * width for k in range(len(whos))], values, width=width, label=name)
        ax.set_xticks([k + width * (len(self.names) - 1) / 2 for k in range(len(whos))])
        ax.set_xticklabels([labels_by_id[w] for w in whos], rotation=30, ha="right")
        ax.axhline(0, color="grey", linewidth=1, zorder=0)
        fields = labels(self.lang)["fields"]
        ax.set_ylabel(f"{fields[field]} ({_text(self.lang)['kr']})")
        ax.yaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _pos: format_kronor(Decimal(round(v)), self.lang)))
        if title is not None:
            ax.set_title(title)
        ax.legend(loc="best", fontsize="small")
        return ax

    def __repr__(self) -> str:
        return self.table()

    def _repr_html_(self) -> str:
        return f"<pre class='samkalk-comparison'>{_html.escape(self.table())}</pre>"


def compare(scenarios: Iterable[ScenarioInput], names: Optional[Sequence[str]] = None, *, lang: str = "sv") -> Comparison:
    """Compare alternatives side by side in the core: per actor, the public sector and society,
    each scenario's totals, NPV, payback year and benefit-cost ratio, and the differences to the
    first. ``names`` (default: each scenario's name, else ``"1"``, ``"2"`` ...) name the
    alternatives; ``lang`` the labels. A fault raises :class:`ScenarioError` at
    ``scenarios[i].<path>``.

    >>> a = {"start_year": 2026, "cohorts": [{"name": "A", "origin": "AM2", "participants": 20,
    ...      "intervention": {"cost_per_participant": "40000", "duration_months": 6},
    ...      "outcomes": [{"target": "work", "share": "0.6"}]}]}
    >>> b = {**a, "cohorts": [{**a["cohorts"][0], "participants": 40}]}
    >>> c = samkalk.compare([a, b], names=["20", "40"])
    >>> c.row("municipality", "40")["difference_total_investment"]
    Decimal('800000.00')
    """
    if lang not in ("sv", "en"):
        raise ValueError(f'lang must be "sv" or "en", got {lang!r}')
    chosen = None if names is None else [str(n) for n in names]
    return Comparison(_samkalk.compare(list(scenarios), chosen), lang)


def _trace_dicts(rows: List[Any]) -> List[Dict[str, Any]]:
    return [{"cohort": c, "year": y, "state": s, "participants": p} for c, y, s, p in rows]


def _trace_frame(rows: List[Any], dtype: str) -> "pandas.DataFrame":
    pd = _require("pandas", "pandas", "pandas", "the effect trace as a DataFrame")
    if dtype not in ("decimal", "float"):
        raise ValueError(f'dtype must be "decimal" or "float", got {dtype!r}')
    frame = pd.DataFrame(
        {
            "cohort": [r[0] for r in rows],
            "year": [r[1] for r in rows],
            "state": [r[2] for r in rows],
            "participants": [r[3] for r in rows],
        }
    )
    frame["year"] = frame["year"].astype("int64")
    if dtype == "float":
        frame["participants"] = frame["participants"].astype("float64")
    return frame


def _plot_trace(rows: List[Any], *, cohort: Optional[str], ax: Optional["Axes"], lang: str, title: Optional[str]) -> "Axes":
    _require("matplotlib", "matplotlib", "plot", "plot_trace()")
    t = _text(lang)
    names = list(dict.fromkeys(r[0] for r in rows))
    if not names:
        raise ValueError("the scenario has no cohorts: there is no trace to plot")
    chosen = names[0] if cohort is None else cohort
    if chosen not in names:
        raise ValueError(f"unknown cohort {chosen!r} (expected one of: {', '.join(names)})")
    mine = [r for r in rows if r[0] == chosen]
    years = list(dict.fromkeys(r[1] for r in mine))
    states = list(dict.fromkeys(r[2] for r in mine))
    values = {(r[1], r[2]): float(r[3]) for r in mine}
    if ax is None:
        plt = _require("matplotlib.pyplot", "matplotlib", "plot", "plot_trace()")
        _, ax = plt.subplots(figsize=(8, 4.5))
    ax.stackplot(years, [[values[(y, s)] for y in years] for s in states], labels=states)
    ax.set_xticks(years)
    ax.set_xlabel(t["year"])
    ax.set_ylabel(t["persons"])
    ax.set_title(title if title is not None else f"{t['trace_title']}: {chosen}")
    ax.legend(loc="best", fontsize="small")
    return ax


def trace(scenario: ScenarioInput, *, dtype: str = "decimal") -> "pandas.DataFrame":
    """The effect trace of a scenario (method version 2) as a tidy DataFrame: columns
    ``cohort``, ``year``, ``state``, ``participants``; the same as
    ``calculate(scenario).trace_frame()``. Needs pandas. An invalid scenario raises
    :class:`ScenarioError`."""
    return _trace_frame(_samkalk.trace(scenario), dtype)


def calculate_excel(workbook: Union[str, "os.PathLike[str]", bytes]) -> Result:
    """Calculate the scenario of a workbook samkalk wrote (a path to the .xlsx, or its bytes):
    its Grupper, Tillstånd and Antaganden sheets are read exactly, so inputs edited in Excel
    are recomputed. Faults raise :class:`ScenarioError` with the sheet and cell as the path
    (``Grupper!E2``)."""
    if isinstance(workbook, (bytes, bytearray)):
        data = bytes(workbook)
    else:
        try:
            with open(workbook, "rb") as f:
                data = f.read()
        except OSError as e:
            raise ScenarioError([{"path": "", "message": f"cannot read {os.fspath(workbook)}: {e.strerror}"}]) from None
    return Result(_samkalk.calculate_excel(data))


def calculate_many(scenarios: Iterable[ScenarioInput], *, threads: Optional[int] = None) -> List[Union[Result, ScenarioError]]:
    """Calculate many scenarios in one call, in Rust, with the GIL released.

    Each item is anything :func:`calculate` takes. Returns a list in input order holding, for
    each scenario, a :class:`Result`, or for an invalid one the :class:`ScenarioError` that
    :func:`calculate` would raise (returned, not raised). ``threads`` (default: the machine's
    cores) splits a large batch across threads; the results do not depend on it.

    >>> variants = [{"start_year": 2026, "discount_rate": rate} for rate in ("0", "0.035", "2")]
    >>> [type(r).__name__ for r in samkalk.calculate_many(variants)]
    ['Result', 'Result', 'ScenarioError']
    """
    return [r if isinstance(r, ScenarioError) else Result(r) for r in _samkalk.calculate_many(scenarios, threads=threads)]


#: Changes to a scenario's numbers: parameter path (as the analyses name them,
#: ``cohorts[0].outcomes[0].share``, ``discount_rate``) to value (Decimal, int, str or float).
Changes = Mapping[str, Any]


def calculate_variants(
    scenario: ScenarioInput, changes: Iterable[Changes], *, threads: Optional[int] = None
) -> List[Union[Result, ScenarioError]]:
    """Calculate variants of one scenario in one call, in Rust, with the GIL released.

    ``scenario`` is anything :func:`calculate` takes; it is read and validated once (an invalid
    one raises :class:`ScenarioError`). Each item of ``changes`` maps parameter paths (as the
    analyses name them: ``cohorts[0].outcomes[0].share``, ``states.AM2.flows[0].amount``,
    ``discount_rate``) to new values; the variant is the scenario with those numbers set and
    validated again, as :meth:`Scenario.with_values` makes it. Returns a list in the order of
    ``changes`` holding a :class:`Result`, or the :class:`ScenarioError` of a variant that is
    invalid (returned, not raised). Each result is exactly :func:`calculate`'s on the variant
    written out as a dict; this only skips reading the whole scenario again for each one, so
    a sweep or a grid of a few numbers runs about twice as fast as :func:`calculate_many` over
    the same variants as dicts (py/bench.py).

    >>> base = {"start_year": 2026, "cohorts": [{"name": "AM2-grupp", "origin": "AM2", "participants": 20,
    ...          "intervention": {"cost_per_participant": "40000", "duration_months": 6},
    ...          "outcomes": [{"target": "work", "share": "0.6"}]}]}
    >>> sweep = [{"cohorts[0].outcomes[0].share": share} for share in ("0.2", "0.4", "1.3")]
    >>> results = samkalk.calculate_variants(base, sweep)
    >>> [r.to_dict()["society"]["total_net"] for r in results[:2]]
    [Decimal('5747147.04'), Decimal('12294294.08')]
    >>> print(results[2].errors[0]["path"], results[2].errors[0]["message_sv"])
    cohorts[0].outcomes[0].share måste vara mellan 0 och 1 (0–100 %), fick 1,3 (130 %)
    >>> written = {**base, "cohorts": [{**base["cohorts"][0], "outcomes": [{"target": "work", "share": "0.4"}]}]}
    >>> results[1].to_json() == samkalk.calculate(written).to_json()
    True
    >>> samkalk.Scenario(base).with_values({"discount_rate": "0.035"}) == samkalk.Scenario({**base, "discount_rate": "0.035"})
    True
    """
    native = _samkalk.calculate_variants(scenario, changes, threads=threads)
    return [r if isinstance(r, ScenarioError) else Result(r) for r in native]


def validate(scenario: ScenarioInput) -> List[Dict[str, Any]]:
    """Every fault of a scenario as a list of dicts, as :class:`ScenarioError` ``.errors`` holds
    them (``path``, ``code``, ``params``, ``context``, ``message`` in English, ``message_sv``,
    ``message_en``); empty when valid.

    Takes anything :func:`calculate` takes and never raises for bad input.

    >>> [fault] = samkalk.validate({"start_year": 2026, "cohorts": [{"origin": "AM2", "participants": -1}]})
    >>> fault["path"], fault["code"], fault["params"]["max"]
    ('cohorts[0].participants', 'out_of_range', '10000000')
    >>> print(fault["message_en"]); print(fault["message_sv"])
    must be between 0 and 10000000, got -1
    måste vara mellan 0 och 10 000 000, fick -1
    >>> faults = samkalk.validate({"start_year": 2026, "horizon_years": 0, "cohorts": [{"origin": "AM9"}]})
    >>> sorted(fault["path"] for fault in faults)
    ['cohorts[0].origin', 'cohorts[0].participants', 'horizon_years']
    """
    return _samkalk.validate(scenario)


def warnings(scenario: ScenarioInput) -> List[Dict[str, Any]]:
    """Valid input that looks like a mistake, each as ``{"path", "code", "params", "message",
    "message_sv", "message_en"}`` like a fault (docs/method.md, "Warning codes"); ``[]`` when
    there is none or the scenario is invalid (:func:`validate` says why).

    >>> [w] = samkalk.warnings({"start_year": 2026, "tax": {"municipal_rate": "0.2074"}})
    >>> w["path"], w["code"], w["params"]["rate"]
    ('tax.municipal_rate', 'nominal_municipal_rate', '0.2074')
    """
    return _samkalk.warnings(scenario)


def defaults(price_year: Optional[int] = None) -> Dict[str, Any]:
    """The built-in parameter set, as the core holds it.

    With ``price_year`` (method version 2) the built-in states are restated to that year's
    prices by the prisbasbelopp ratio (docs/method.md, "Price years"); a year outside the
    index raises ``ValueError`` naming ``price_year``.

    ``{"price_year", "tax", "tax_sources", "states"}``: the default tax rates, each with its
    source and arithmetic, and the built-in states (AM1, AM2, AM3, work, subsidised_work,
    studies ...) with their yearly flows, each flow with ``source`` and ``note``. Numbers are
    ``Decimal``. Each state here pastes unchanged into a scenario's ``states`` (``note`` is
    informational like ``source``); to change one number of a built-in state, see
    :func:`state`.

    >>> d = samkalk.defaults()
    >>> sorted(d)
    ['price_year', 'states', 'tax', 'tax_sources']
    >>> type(d["tax"]["municipal_rate"]).__name__
    'Decimal'
    """
    return _samkalk.defaults(price_year)


def municipalities(year: Optional[int] = None) -> Dict[str, Any]:
    """Each municipality's income tax rates (Skatteverket, skattesatser), for the rules method.

    ``{"year", "source", "national", "municipalities": [{"code", "name", "municipal_rate",
    "regional_rate", "burial_fee"}]}``, rates as ``Decimal`` fractions.

    >>> m = samkalk.municipalities()
    >>> [x["name"] for x in m["municipalities"] if x["code"] == "2262"]
    ['Timrå']
    """
    return _samkalk.municipalities(year)


# Sensitivity and uncertainty analysis (docs/analysis.md); imported last, since it uses the
# helpers above.
from ._analysis import (  # noqa: E402
    AnalysisCancelled,
    AnalysisError,
    AnalysisInput,
    AnalysisResult,
    Progress,
    analyse,
    grid,
    monte_carlo,
    sweep,
    switching_value,
    tornado,
)
