"""samkalk: an exact socioeconomic investment calculation (socioekonomisk investeringskalkyl)."""

import datetime
import os
from decimal import Decimal
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union, overload

import pandas  # type: ignore[import-untyped, import-not-found, unused-ignore]
from matplotlib.axes import Axes

from . import _samkalk
from ._errors import ScenarioError as ScenarioError
from ._samkalk import Scenario as Scenario
from ._errors import AnalysisError as AnalysisError, AnalysisCancelled as AnalysisCancelled
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
    "ScenarioInput",
    "Summary",
    "actor_labels",
    "analyse",
    "calculate",
    "calculate_excel",
    "calculate_many",
    "defaults",
    "format_kronor",
    "grid",
    "monte_carlo",
    "sweep",
    "switching_value",
    "tornado",
    "validate",
    "__version__",
]

ScenarioInput = Union[Mapping[str, Any], str, os.PathLike[str], bytes, Scenario]
ACTORS: Tuple[str, ...]

def actor_labels(lang: str = "sv") -> Dict[str, str]: ...
def format_kronor(amount: Union[Decimal, int, float, str]) -> str: ...

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
    def to_csv(self, *, lang: str = "en") -> str: ...
    def to_excel_bytes(self, *, lang: str = "sv", date: Optional[datetime.date] = None) -> bytes: ...
    def to_excel(self, path: Union[str, os.PathLike[str]], *, lang: str = "sv", date: Optional[datetime.date] = None) -> None: ...
    def __eq__(self, other: object) -> bool: ...

def calculate(scenario: ScenarioInput) -> Result: ...
def calculate_excel(workbook: Union[str, os.PathLike[str], bytes]) -> Result: ...
def calculate_many(scenarios: Iterable[ScenarioInput], *, threads: Optional[int] = None) -> List[Union[Result, ScenarioError]]: ...
def validate(scenario: ScenarioInput) -> List[Dict[str, str]]: ...
def defaults() -> Dict[str, Any]: ...
