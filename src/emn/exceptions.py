"""The exceptions emn raises; all derive from :class:`EMNError` and a matching builtin.

Each carries what it is about as data (a location, a key, a file), not only as text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from ._location import Location, format_location, format_place, json_pointer

__all__ = [
    "DataFileError",
    "EMNError",
    "InvalidData",
    "NotFound",
    "Problem",
    "RuleError",
    "RuleViolation",
    "UnknownLocale",
    "UnreadableFile",
    "UnwritableFile",
]


class EMNError(Exception):
    """Base class of every exception emn raises on purpose.

    Where the reason can be said in other languages, :attr:`template` is its English message
    template and :attr:`values` fills it; ``emn.render(error, locale=...)`` says it so.
    """

    template: str | None = None
    values: tuple[tuple[str, str], ...] = ()
    #: Where the reason counts something: the template's plural, chosen by a ``count`` value.
    plural: str | None = None


if TYPE_CHECKING:
    from typing import Protocol

    from typing_extensions import Self

    # This module sits below every other, so it names what it carries by shape: an
    # emn.Country, an emn.rules.Report. (Defined here, for type checkers only, as creating
    # Protocol classes would slow `import emn`.)
    class _Country(Protocol):
        @property
        def code(self) -> str: ...

        def name(self, locale: object = None) -> str: ...

    class _Report(Protocol):
        @property
        def ok(self) -> bool: ...
        @property
        def errors(self) -> tuple[Any, ...]: ...
        @property
        def findings(self) -> tuple[Any, ...]: ...


class NotFound(EMNError, LookupError):
    """A lookup found nothing: :attr:`key` is what was looked up, :attr:`candidates` the
    closest countries (as :class:`emn.Country`), and the message says why."""

    def __init__(
        self,
        message: str,
        *,
        key: object = None,
        candidates: Iterable[_Country] = (),
        template: str | None = None,
        values: Iterable[tuple[str, str]] = (),
    ):
        super().__init__(message)
        self.key = key
        self.candidates: tuple[_Country, ...] = tuple(candidates)
        self.template = template
        self.values = tuple(values)

    def __str__(self) -> str:
        # LookupError would otherwise print the repr of a lone argument, quotes and all.
        return str(self.args[0]) if self.args else ""


class UnknownLocale(NotFound):
    """A locale that babel's CLDR data does not know; :attr:`locale` is what was given,
    :attr:`closest` the identifiers babel does know that come closest."""

    def __init__(
        self,
        message: str,
        *,
        locale: object,
        closest: Iterable[str] = (),
        template: str | None = None,
        values: Iterable[tuple[str, str]] = (),
    ) -> None:
        super().__init__(message, key=locale, template=template, values=values)
        self.locale = locale
        self.closest = tuple(closest)


class Problem(NamedTuple):
    """One thing wrong with some input: where (a :data:`location` tuple) and what; for a file,
    also where in it: ``line`` and ``column`` (from 1) in JSON or YAML, ``row`` (the header is
    row 1) and ``column`` (its name) in CSV or XLSX, and the ``file``.

    ``message`` is English; where emn words it, ``template`` and ``args`` say it again, and
    ``emn.render(problem, locale=...)`` says it in that language.

    >>> problem = Problem(("experts", 2, "role"), "'boss' is not a role")
    >>> str(problem), problem.pointer
    ("experts[2].role: 'boss' is not a role", '/experts/2/role')
    >>> in_a_table = Problem(("experts", 1, "role"), "'boss' is not a role", row=3, column="role")
    >>> str(in_a_table._replace(file="hr.csv"))
    "hr.csv:3: role: 'boss' is not a role"
    """

    location: Location
    message: str
    line: int | None = None
    column: int | str | None = None
    row: int | None = None
    file: str | None = None
    #: The English message template that ``message`` fills, for saying it in other languages
    #: (``emn.render(problem, locale=...)``); None where the message is all there is.
    template: str | None = None
    #: The template's arguments, as text: what the input said, and the few words of emn's own
    #: that ``emn._messages`` translates (``got``: "a list").
    args: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, location: Location, template: str, /, **args: object) -> Problem:
        """The problem that ``template`` (English, with ``{placeholders}``) says, filled from
        ``args``; ``_replace`` places it in a file.

        >>> problem = Problem.of(("experts", 2, "role"), "{value} is not a role", value="'boss'")
        >>> problem.message, problem.template, problem.args
        ("'boss' is not a role", '{value} is not a role', (('value', "'boss'"),))
        >>> str(problem._replace(row=3, column="role", file="hr.csv"))
        "hr.csv:3: role: 'boss' is not a role"
        """
        pairs = tuple((key, str(value)) for key, value in args.items())
        message = template.format_map(dict(pairs))
        return cls(location, message, template=template, args=pairs)

    @property
    def path(self) -> str:
        """The location as people read it, e.g. ``experts[2].role``."""
        return format_location(self.location)

    @property
    def pointer(self) -> str:
        """The location as a JSON Pointer, e.g. ``/experts/2/role``."""
        return json_pointer(self.location)

    @property
    def place(self) -> str:
        """Where, for people: ``hr.csv:3: role``, ``si.json:14:17: experts[2].role``, or the
        path alone."""
        return format_place(self.location, self.file, self.line, self.column, self.row)

    def __str__(self) -> str:
        place = self.place
        return f"{place}: {self.message}" if place else self.message


class InvalidData(EMNError, ValueError):
    """Input does not describe an emn object; :attr:`problems` lists every problem with its
    location.

    >>> err = InvalidData([Problem(("experts", 2, "role"), "'boss' is not a role")])
    >>> str(err)
    "experts[2].role: 'boss' is not a role"
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem] | str) -> None:
        self.problems = (Problem((), problems),) if isinstance(problems, str) else tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def at(self, *prefix: str | int) -> InvalidData:
        """The same problems, their locations placed under ``prefix``."""
        return InvalidData(p._replace(location=(*prefix, *p.location)) for p in self.problems)


class DataFileError(EMNError, OSError):
    """A file shipped with emn is missing or damaged; :attr:`file` names it."""

    def __init__(self, message: str, *, file: str) -> None:
        super().__init__(message)
        self.file = file

    def __str__(self) -> str:
        return str(self.args[0])


class _CallersFile(EMNError, OSError):
    """A file or directory the caller named, and what is wrong with it: :attr:`reason`, in
    English; where it can be said in other languages, :attr:`template` and :attr:`values` say
    it (``emn.render(error, locale=...)`` puts the path in front)."""

    def __init__(
        self,
        path: str,
        reason: str,
        *,
        template: str | None = None,
        values: Iterable[tuple[str, str]] = (),
        plural: str | None = None,
    ) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.template = template
        self.values = tuple(values)
        self.plural = plural

    @classmethod
    def of(cls, path: str, template: str, plural: str | None = None, **values: object) -> Self:
        """The error whose reason ``template`` (English, with ``{placeholders}``) says, filled
        from ``values``; with ``plural``, a ``count`` value chooses between the two as English
        does."""
        pairs = tuple((key, str(value)) for key, value in values.items())
        chosen = plural if plural is not None and str(values.get("count")) != "1" else template
        reason = chosen.format_map(dict(pairs))
        return cls(path, reason, template=template, values=pairs, plural=plural)

    def __str__(self) -> str:
        # OSError would otherwise print its arguments as a tuple.
        return str(self.args[0])


class UnreadableFile(_CallersFile):
    """A file the caller named cannot be read or parsed; :attr:`path` names it."""


class UnwritableFile(_CallersFile):
    """A file or directory the caller named cannot be written as asked; :attr:`path` names it
    (nothing is overwritten without being asked)."""


class RuleError(EMNError, RuntimeError):
    """A rule raised instead of yielding findings: a bug in the rule, named by :attr:`rule`;
    the rule's own exception is the ``__cause__``."""

    def __init__(self, rule: str, error: BaseException) -> None:
        super().__init__(f"the rule {rule!r} failed: {type(error).__name__}: {error}")
        self.rule = rule


class RuleViolation(EMNError, ValueError):
    """Raised by :func:`emn.check` when a report has errors; :attr:`report` holds every finding."""

    def __init__(self, report: _Report) -> None:
        self.report = report
        count = len(report.errors)
        lines = [f"{count} error{'s' if count != 1 else ''}:", *(str(f) for f in report.errors)]
        super().__init__("\n".join(lines))
