"""samkalk.ScenarioError: every fault of an invalid scenario, each at its path."""

from typing import Any, Dict, Iterable, List, Mapping


class ScenarioError(ValueError):
    """A scenario that cannot be calculated.

    ``errors`` lists every fault as a dict: ``path`` names the field as MODEL.md writes it
    (``cohorts[0].outcomes[1].share``, ``""`` for the whole scenario); ``code`` is the stable
    fault code (``out_of_range``; docs/method.md, "Fault codes"); ``params`` the values the
    message needs (decimals as text); ``context`` what the fault happened within (usually
    ``[]``); ``message`` the English text, ``message_sv`` and ``message_en`` the core's message
    in Swedish and English. ``str(error)`` is English; :meth:`messages` gives either language.

    >>> import samkalk
    >>> try:
    ...     samkalk.calculate({"start_year": 2026, "horizon_years": 0})
    ... except samkalk.ScenarioError as e:
    ...     print([fault["path"] for fault in e.errors])
    ['horizon_years']
    >>> try:
    ...     samkalk.calculate({"start_year": 2026, "horizon_years": 0})
    ... except samkalk.ScenarioError as e:
    ...     print(e.errors[0]["code"], e.errors[0]["params"]["min"], e.messages(lang="sv"))
    out_of_range 1 ['måste vara mellan 1 och 60, fick 0']
    """

    errors: List[Dict[str, Any]]

    def __init__(self, errors: Iterable[Mapping[str, Any]]) -> None:
        self.errors = [_fault(e) for e in errors]
        super().__init__(self._text())

    def messages(self, lang: str = "en") -> List[str]:
        """Each fault's message, in order, in ``lang``: ``"sv"`` (svenska) or ``"en"``."""
        if lang not in ("sv", "en"):
            raise ValueError(f'lang must be "sv" or "en", got {lang!r}')
        return [str(e.get(f"message_{lang}", e["message"])) for e in self.errors]

    def _text(self) -> str:
        parts = [f"{e['path'] or '(scenario)'}: {e['message']}" for e in self.errors]
        return "invalid scenario: " + "; ".join(parts)

    @property
    def paths(self) -> List[str]:
        """The faults' paths, in order."""
        return [e["path"] for e in self.errors]

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.errors,))


def _fault(e: Mapping[str, Any]) -> Dict[str, Any]:
    """A fault dict with at least path and message (as the core gives it, or just those two)."""
    fault = dict(e)
    fault["path"] = str(e["path"])
    fault["message"] = str(e["message"])
    return fault


class InputError(ValueError):
    """Typed text that is not the number asked for (the core's ``samkalk::present::InputError``).

    ``code`` is stable (``missing``, ``not_a_number``, ``ambiguous_separator``,
    ``too_many_decimals``, ``not_a_whole_number``, ``too_large``); ``message_sv`` and
    ``message_en`` are the core's messages; ``str(e)`` is the Swedish one.

    >>> import samkalk
    >>> try:
    ...     samkalk.parse_amount("")
    ... except samkalk.InputError as e:
    ...     print(e.code, e.message_sv)
    missing Fyll i ett värde.
    """

    code: str
    message_sv: str
    message_en: str

    def __init__(self, code: str, message_sv: str, message_en: str) -> None:
        self.code = code
        self.message_sv = message_sv
        self.message_en = message_en
        super().__init__(message_sv)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.code, self.message_sv, self.message_en))


class AnalysisError(ScenarioError):
    """An analysis request that cannot be run on its scenario (a :class:`ScenarioError`).

    ``errors`` lists every fault as :class:`ScenarioError` does; ``path`` is in the
    request (``sweep.values[2]``, ``monte_carlo.parameters[0].distribution.high``) and the
    message starts with the scenario path concerned when there is one
    (``cohorts[0].outcomes[0].share: must be between 0 and 1, got 1.5``). Faults of the
    scenario itself raise a plain :class:`ScenarioError`.

    >>> scenario = {"start_year": 2026, "cohorts": [{"origin": "AM2", "participants": 10,
    ...     "intervention": {"cost_per_participant": 40000, "duration_months": 6},
    ...     "outcomes": [{"target": "work", "share": "0.5"}]}]}
    >>> try:
    ...     samkalk.sweep(scenario, "cohorts[0].outcomes[0].share", ["0.5", "1.5"])
    ... except samkalk.AnalysisError as e:
    ...     print(e.errors[0]["path"], e.errors[0]["code"], e.errors[0]["message"])
    sweep.values[1] out_of_range cohorts[0].outcomes[0].share: must be between 0 and 1, got 1.5
    """

    def _text(self) -> str:
        parts = [f"{e['path'] or '(analysis)'}: {e['message']}" for e in self.errors]
        return "invalid analysis: " + "; ".join(parts)


class AnalysisCancelled(Exception):
    """An analysis stopped because its progress callback returned ``False``.

    (Ctrl-C stops a run with ``KeyboardInterrupt``, and an exception raised by the callback
    stops it with that exception.)
    """
