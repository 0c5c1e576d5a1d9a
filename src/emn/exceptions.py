"""The exceptions emn raises; all derive from :class:`EMNError` and a matching builtin."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["DataFileError", "EMNError", "InvalidData", "NotFound", "Problem", "UnknownLocale"]


class EMNError(Exception):
    """Base class of every exception emn raises on purpose."""


class NotFound(EMNError, LookupError):
    """A lookup found nothing; the message says why."""

    def __str__(self) -> str:
        # LookupError would otherwise print the repr of a lone argument, quotes and all.
        return str(self.args[0]) if self.args else ""


class UnknownLocale(NotFound):
    """A locale that babel's CLDR data does not know; the message names it."""


@attrs.frozen
class Problem:
    """One thing wrong with some input: where (a path such as ``experts[2].role``) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InvalidData(EMNError, ValueError):
    """Input does not describe an emn object; :attr:`problems` lists every problem with its path.

    >>> err = InvalidData([Problem("experts[2].role", "'boss' is not a role")])
    >>> str(err)
    "experts[2].role: 'boss' is not a role"
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem] | str) -> None:
        self.problems = (Problem("", problems),) if isinstance(problems, str) else tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def at(self, prefix: str) -> InvalidData:
        """The same problems, with their paths placed under ``prefix``."""
        return InvalidData(Problem(_join(prefix, p.path), p.message) for p in self.problems)


class DataFileError(EMNError, OSError):
    """A bundled data file is missing or cannot be read; the message names the file."""


def _join(prefix: str, path: str) -> str:
    if not prefix:
        return path
    if not path:
        return prefix
    return f"{prefix}{path}" if path.startswith("[") else f"{prefix}.{path}"
