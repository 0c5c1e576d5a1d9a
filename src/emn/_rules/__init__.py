"""Consistency rules: a registry of small named checks, and the reports they make."""

from ._engine import (
    Context,
    Finding,
    Observation,
    Report,
    Rule,
    RuleLike,
    RuleViolation,
    Severity,
    check,
    observe,
    rule,
    rules,
    validate,
)

__all__ = [
    "Context",
    "Finding",
    "Observation",
    "Report",
    "Rule",
    "RuleLike",
    "RuleViolation",
    "Severity",
    "check",
    "observe",
    "rule",
    "rules",
    "validate",
]
