"""samkalk.ScenarioError: every fault of an invalid scenario, each at its path."""

from typing import Dict, Iterable, List, Mapping


class ScenarioError(ValueError):
    """A scenario that cannot be calculated.

    ``errors`` lists every fault as ``{"path": ..., "message": ...}``; ``path`` names the field
    as MODEL.md writes it (``cohorts[0].outcomes[1].share``, ``""`` for the whole scenario).

    >>> import samkalk
    >>> try:
    ...     samkalk.calculate({"start_year": 2026, "horizon_years": 0})
    ... except samkalk.ScenarioError as e:
    ...     print([fault["path"] for fault in e.errors])
    ['horizon_years']
    """

    errors: List[Dict[str, str]]

    def __init__(self, errors: Iterable[Mapping[str, str]]) -> None:
        self.errors = [{"path": str(e["path"]), "message": str(e["message"])} for e in errors]
        super().__init__(self._text())

    def _text(self) -> str:
        parts = [f"{e['path'] or '(scenario)'}: {e['message']}" for e in self.errors]
        return "invalid scenario: " + "; ".join(parts)

    @property
    def paths(self) -> List[str]:
        """The faults' paths, in order."""
        return [e["path"] for e in self.errors]

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.errors,))
