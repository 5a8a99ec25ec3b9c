import os
from decimal import Decimal
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Tuple, Union

import pandas  # type: ignore[import-untyped, import-not-found, unused-ignore]
from matplotlib.axes import Axes
from typing_extensions import TypeAlias

from . import ScenarioInput, _samkalk
from ._errors import AnalysisCancelled as AnalysisCancelled, AnalysisError as AnalysisError

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

AnalysisInput: TypeAlias = Union[Mapping[str, Any], str, os.PathLike[str], bytes]
Progress: TypeAlias = Union[None, bool, Callable[[int, int], Any]]
_Number: TypeAlias = Union[Decimal, int, float, str]

def analyse(
    scenario: ScenarioInput, analysis: AnalysisInput, *, progress: Progress = None, threads: Optional[int] = None
) -> AnalysisResult: ...
def sweep(
    scenario: ScenarioInput, parameter: str, values: Iterable[_Number], *, progress: Progress = None, threads: Optional[int] = None
) -> AnalysisResult: ...
def grid(
    scenario: ScenarioInput,
    first: Tuple[str, Iterable[_Number]],
    second: Tuple[str, Iterable[_Number]],
    *,
    progress: Progress = None,
    threads: Optional[int] = None,
) -> AnalysisResult: ...
def tornado(
    scenario: ScenarioInput,
    parameters: Union[Iterable[Any], Mapping[str, Tuple[Any, Any]]],
    *,
    progress: Progress = None,
    threads: Optional[int] = None,
) -> AnalysisResult: ...
def switching_value(
    scenario: ScenarioInput,
    parameter: str,
    actor: str = "municipality",
    *,
    low: Optional[_Number] = None,
    high: Optional[_Number] = None,
    progress: Progress = None,
) -> AnalysisResult: ...
def monte_carlo(
    scenario: ScenarioInput,
    parameters: Union[Iterable[Any], Mapping[str, Mapping[str, Any]]],
    *,
    draws: int = 10000,
    seed: int = 42,
    keep_draws: bool = False,
    progress: Progress = None,
    threads: Optional[int] = None,
) -> AnalysisResult: ...

class AnalysisResult:
    def __init__(self, native: _samkalk.NativeAnalysis) -> None: ...
    @property
    def sections(self) -> List[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self, *, pretty: bool = False) -> str: ...
    def names(self, lang: str = "sv") -> Dict[str, Any]: ...
    def parameter_label(self, path: str, lang: str = "sv") -> str: ...
    def report(self, lang: str = "sv") -> str: ...
    def __eq__(self, other: object) -> bool: ...
    def base_frame(self, *, lang: Optional[str] = None, dtype: str = "decimal") -> pandas.DataFrame: ...
    def sweep_frame(self, *, lang: Optional[str] = None, dtype: str = "decimal") -> pandas.DataFrame: ...
    def grid_frame(self, *, lang: Optional[str] = None, dtype: str = "decimal") -> pandas.DataFrame: ...
    def tornado_frame(self, *, actor: Optional[str] = None, lang: Optional[str] = None, dtype: str = "decimal") -> pandas.DataFrame: ...
    def switching_frame(self, *, lang: Optional[str] = None) -> pandas.DataFrame: ...
    def monte_carlo_frame(self, *, lang: Optional[str] = None, dtype: str = "decimal") -> pandas.DataFrame: ...
    def draws_frame(self, *, lang: Optional[str] = None, dtype: str = "decimal") -> pandas.DataFrame: ...
    def plot_tornado(self, actor: str = "society", *, ax: Optional[Axes] = None, lang: str = "sv", title: Optional[str] = None) -> Axes: ...
    def plot_histogram(
        self,
        actors: Optional[Iterable[str]] = None,
        *,
        ax: Optional[Axes] = None,
        bins: int = 50,
        lang: str = "sv",
        title: Optional[str] = None,
    ) -> Axes: ...
    def plot_sweep(self, *, actors: Optional[Iterable[str]] = None, ax: Optional[Axes] = None, lang: str = "sv") -> Axes: ...
    def to_html(self, *, lang: str = "sv") -> str: ...
    def _repr_html_(self) -> str: ...
