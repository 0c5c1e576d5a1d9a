"""Consistency rules: what a rule author needs, the findings rules make, and running them.

Calling the module itself lists the built-in rules, so ``emn.rules()`` works as it reads:

>>> import emn
>>> len(emn.rules()) > 0
True
>>> from emn.rules import Context, Observation, Rule, observe
"""

from __future__ import annotations

import sys
import types

from ._findings import Finding, Report, Severity
from ._protocol import Context, Observation, Rule, RuleLike, Scope, observe, rule
from ._runner import check, registered, validate

__all__ = [
    "Context",
    "Finding",
    "Observation",
    "Report",
    "Rule",
    "RuleLike",
    "Scope",
    "Severity",
    "check",
    "observe",
    "registered",
    "rule",
    "validate",
]


class _CallableModule(types.ModuleType):
    """This module, callable: ``emn.rules()`` is :func:`registered`."""

    def __call__(self) -> tuple[Rule, ...]:
        return registered()


sys.modules[__name__].__class__ = _CallableModule
