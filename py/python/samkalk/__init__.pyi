"""samkalk: an exact socioeconomic investment calculation (socioekonomisk investeringskalkyl)."""

import datetime
import os
from decimal import Decimal
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union, overload

import pandas  # type: ignore[import-untyped, import-not-found, unused-ignore]
from matplotlib.axes import Axes
from typing_extensions import TypeAlias

from . import _samkalk
from ._analysis import (
    AnalysisInput as AnalysisInput,
    AnalysisResult as AnalysisResult,
    Progress as Progress,
    analyse as analyse,
    grid as grid,
    monte_carlo as monte_carlo,
    sweep as sweep,
    switching_value as switching_value,
    tornado as tornado,
)
from ._errors import (
    AnalysisCancelled as AnalysisCancelled,
    AnalysisError as AnalysisError,
    InputError as InputError,
    ScenarioError as ScenarioError,
)
from ._samkalk import Scenario as Scenario
from ._state import StateChange as StateChange, state as state

__version__: str
__all__ = [
    "ACTORS",
    "AnalysisCancelled",
    "AnalysisError",
    "AnalysisInput",
    "AnalysisResult",
    "Progress",
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

ScenarioInput: TypeAlias = Union[Mapping[str, Any], str, os.PathLike[str], bytes, Scenario]
ACTORS: Tuple[str, ...]

def actor_labels(lang: str = "sv") -> Dict[str, str]: ...
def format_kronor(amount: Union[Decimal, float, str], lang: str = "sv") -> str: ...
def format_kronor_ore(amount: Union[Decimal, float, str], lang: str = "sv") -> str: ...
def format_percent(share: Union[Decimal, float, str], lang: str = "sv") -> str: ...
def format_ratio(ratio: Union[Decimal, float, str], lang: str = "sv") -> str: ...
def format_rounded_amount(amount: Union[Decimal, float, str], lang: str = "sv") -> str: ...
def parse_amount(text: str) -> Decimal: ...
def parse_percent(text: str) -> Decimal: ...
def parse_whole(text: str) -> int: ...
def labels(lang: str = "sv") -> Dict[str, Any]: ...
def standard_analysis(scenario: ScenarioInput, lang: str = "sv") -> Dict[str, Any]: ...

class Summary(Sequence[Dict[str, Any]]):
    cohorts: List[str]
    lang: str
    def __init__(self, rows: List[Dict[str, Any]], cohorts: List[str], lang: str) -> None: ...
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: int) -> Dict[str, Any]: ...
    @overload
    def __getitem__(self, index: str) -> Dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> List[Dict[str, Any]]: ...
    def to_pandas(self) -> pandas.DataFrame: ...
    def _repr_html_(self) -> str: ...

class Result:
    def __init__(self, native: _samkalk.NativeResult) -> None: ...
    @property
    def years(self) -> List[int]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self, *, pretty: bool = False) -> str: ...
    def to_pandas(self, *, lang: Optional[str] = None, dtype: str = "decimal") -> pandas.DataFrame: ...
    def summary(self, *, lang: str = "sv") -> Summary: ...
    def to_html(self, *, lang: str = "sv") -> str: ...
    def _repr_html_(self) -> str: ...
    def plot(
        self,
        *,
        ax: Optional[Axes] = None,
        lang: str = "sv",
        actors: Optional[Iterable[str]] = None,
        society: bool = True,
        title: Optional[str] = None,
    ) -> Axes: ...
    def trace_rows(self) -> List[Dict[str, Any]]: ...
    def trace_frame(self, *, dtype: str = "decimal") -> pandas.DataFrame: ...
    def plot_trace(
        self,
        *,
        cohort: Optional[str] = None,
        ax: Optional[Axes] = None,
        lang: str = "sv",
        title: Optional[str] = None,
    ) -> Axes: ...
    def to_csv(self, *, lang: str = "en") -> str: ...
    def to_excel_bytes(self, *, lang: str = "sv", date: Optional[datetime.date] = None) -> bytes: ...
    def to_excel(self, path: Union[str, os.PathLike[str]], *, lang: str = "sv", date: Optional[datetime.date] = None) -> None: ...
    def __eq__(self, other: object) -> bool: ...

def calculate(scenario: ScenarioInput) -> Result: ...
def calculate_excel(workbook: Union[str, os.PathLike[str], bytes]) -> Result: ...
def trace(scenario: ScenarioInput, *, dtype: str = "decimal") -> pandas.DataFrame: ...
def calculate_many(scenarios: Iterable[ScenarioInput], *, threads: Optional[int] = None) -> List[Union[Result, ScenarioError]]: ...
def validate(scenario: ScenarioInput) -> List[Dict[str, Any]]: ...
def warnings(scenario: ScenarioInput) -> List[Dict[str, Any]]: ...
def defaults(price_year: Optional[int] = None) -> Dict[str, Any]: ...
def municipalities(year: Optional[int] = None) -> Dict[str, Any]: ...
