"""A scenario state that starts from a built-in one (docs/method.md, "Changing a built-in state").

The builder only writes the scenario fragment ``{"extends", "flows", "earnings", ...}``; the
core resolves it when a scenario is read, and judges each step: a misspelt flow label or a
wrong value raises the core's :class:`ScenarioError` at once.
"""

from typing import Any, Dict, Optional

from . import _samkalk
from ._errors import ScenarioError


class StateChange(Dict[str, Any]):
    """A state that extends a built-in one: a dict, ready to put under a scenario's ``states``.

    Each ``with_*``/``without_*`` method returns a new, checked fragment and leaves this one
    as it is.

    >>> am3 = samkalk.state("AM3").with_flow("Försörjningsstöd", amount="138000")
    >>> dict(am3)
    {'extends': 'AM3', 'flows': {'Försörjningsstöd': {'amount': '138000'}}}
    >>> result = samkalk.calculate({"start_year": 2026, "states": {"AM3": am3}, "cohorts": [
    ...     {"origin": "AM3", "participants": 10, "outcomes": [{"target": "work", "share": "0.4"}]}]})
    """

    def with_flow(self, label: str, **fields: Any) -> "StateChange":
        """Changes the built-in flow ``label`` (the fields given replace the built-in ones), or
        adds a flow of that label (then ``amount`` is required)."""
        flows = dict(self.get("flows", {}))
        old = flows.get(label, {})
        flows[label] = {**({} if old.get("remove") else old), **fields}
        return self._with(flows=flows)

    def without_flow(self, label: str) -> "StateChange":
        """Removes the built-in flow ``label``."""
        return self._with(flows={**self.get("flows", {}), label: {"remove": True}})

    def with_earnings(self, **fields: Any) -> "StateChange":
        """Changes the earnings fields given (``monthly_wage``, ``employment_rate``,
        ``productivity``, ``source``, ``note``), or adds earnings to a state without."""
        old = self.get("earnings", {})
        return self._with(earnings={**({} if old.get("remove") else old), **fields})

    def without_earnings(self) -> "StateChange":
        """Removes the built-in state's earnings."""
        return self._with(earnings={"remove": True})

    def with_label(self, label: str) -> "StateChange":
        """Replaces the built-in state's label."""
        return self._with(label=label)

    def _with(self, **members: Any) -> "StateChange":
        return _checked(StateChange({**self, **members}))


def _checked(fragment: StateChange) -> StateChange:
    # The core judges the fragment as a state of a (version 2) scenario under its own id.
    errors = _samkalk.validate({"version": 2, "start_year": 2026, "states": {str(fragment.get("extends")): dict(fragment)}})
    if errors:
        raise ScenarioError(errors)
    return fragment


def state(extends: str, *, label: Optional[str] = None) -> StateChange:
    """A state that starts from the built-in state ``extends`` (``"AM1"`` ... ``"studies"``);
    change it with :meth:`StateChange.with_flow` and the other methods. A name that is not a
    built-in state raises :class:`ScenarioError` (code ``not_built_in``).

    >>> samkalk.state("AM3", label="AM3, kommunens belopp").without_flow("Specialiserad psykiatrisk vård")["flows"]
    {'Specialiserad psykiatrisk vård': {'remove': True}}
    """
    fragment = StateChange({"extends": extends})
    if label is not None:
        fragment["label"] = label
    return _checked(fragment)
