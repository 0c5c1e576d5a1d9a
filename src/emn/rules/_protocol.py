"""What a rule author needs: the rule protocol, the decorator, observations and the context."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, Protocol

import attrs

from .._i18n import N_
from .._location import Location, as_location
from .._validators import as_tuple, member_of
from ..exceptions import InvalidData, Problem
from ._findings import Severity

if TYPE_CHECKING:
    from .._model import Participation
    from .._network import Network

__all__ = ["Context", "Observation", "Rule", "RuleLike", "Scope", "observe", "rule"]

Scope = Literal["ncp", "ncps", "network"]
_SCOPES = ("ncp", "ncps", "network")


def _args(value: Iterable[tuple[str, object]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(k), str(v)) for k, v in value)


@attrs.frozen
class Observation:
    """What a rule yields: where (a location relative to what it checked) and what, as an
    English message template whose ``{placeholders}`` are filled from ``args``.

    A ``country`` argument (an ISO code) is shown as the country's name and code.
    """

    location: Location = attrs.field(converter=as_location)
    message: str
    args: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_args)
    severity: Severity | None = None
    #: The plural of ``message``, where it counts something: the ``count`` argument chooses.
    plural: str | None = None


def observe(
    location: Location | str,
    message: str | tuple[str, str],
    *,
    severity: Severity | None = None,
    **args: object,
) -> Observation:
    """An :class:`Observation` with its arguments given as keywords; a message that counts
    something is a (singular, plural) pair, marked with ``NP_``, and a ``count`` argument.

    >>> observe(("experts", 2), "{name} is listed twice", name="Ana").location
    ('experts', 2)
    """
    if isinstance(message, tuple):
        singular, plural = message
        return Observation(location, singular, tuple(args.items()), severity, plural)
    return Observation(location, message, tuple(args.items()), severity)


#: What a rule's check yields: observations, or ``(location, message)`` pairs.
Yielded = Observation | tuple[Location | str, str]


class RuleLike(Protocol):
    """What the runner needs of a rule; :class:`Rule` is one, and so is any small class like it."""

    @property
    def id(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def title(self) -> str: ...
    @property
    def reference(self) -> str | None: ...
    @property
    def scope(self) -> Scope: ...

    def check(self, subject: Any, context: Context) -> Iterable[Yielded]: ...


_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*", re.ASCII)


def _kebab(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        template = N_("{value} is not a rule id such as 'min-experts'")
        raise InvalidData([Problem.of((attribute.name,), template, value=repr(value))])


def _scope(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in _SCOPES:
        template = N_("{value} is not one of {allowed}")
        problem = Problem.of(
            (attribute.name,), template, value=repr(value), allowed=", ".join(_SCOPES)
        )
        raise InvalidData([problem])


@attrs.frozen
class Rule:
    """A named consistency check: id, severity, title, legal reference and the function that checks.

    ``scope`` says what the function receives: one NCP (``"ncp"``), every NCP validated together
    (``"ncps"``, a sequence), or the whole :class:`emn.Network` (``"network"``).
    """

    id: str = attrs.field(validator=_kebab)
    severity: Severity = attrs.field(validator=member_of(Severity))
    title: str
    function: Callable[[Any, Context], Iterable[Yielded]] = attrs.field(eq=False, repr=False)
    reference: str | None = None
    description: str = ""
    scope: Scope = attrs.field(default="ncp", validator=_scope)

    def check(self, subject: Any, context: Context) -> Iterable[Yielded]:
        """Run the rule on ``subject``; it yields observations and never raises on bad data."""
        return self.function(subject, context)

    def label(self, locale: object = None) -> str:
        """The rule's title in ``locale``.

        >>> import emn
        >>> emn.rules()[0].label("sl")
        'Vsaj trije strokovnjaki'
        """
        from .._i18n import gettext

        return gettext(self.title, locale)


def rule(
    id: str,
    severity: Severity,
    title: str,
    reference: str | None = None,
    scope: Scope = "ncp",
) -> Callable[[Callable[[Any, Context], Iterable[Yielded]]], Rule]:
    """Make a plain function into a :class:`Rule`; its docstring becomes the description.

    >>> import emn
    >>> from emn.rules import Severity
    >>> @emn.rule("has-deputy", Severity.WARNING, "An NCP names a deputy coordinator")
    ... def has_deputy(ncp, context):
    ...     if ncp.deputies == ():
    ...         yield "experts", "no expert is a deputy coordinator"
    >>> emn.validate(emn.ncp("SI"), extra=[has_deputy], select=["has-deputy"]).findings
    ()
    """

    def make(function: Callable[[Any, Context], Iterable[Yielded]]) -> Rule:
        doc = " ".join((function.__doc__ or "").split())
        return Rule(id, severity, title, function, reference, doc, scope)

    return make


def _ids(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _index(reference: Network) -> Mapping[str, tuple[Participation, ...]]:
    found: dict[str, list[Participation]] = {}
    for p in reference.participations:
        found.setdefault(p.country.code, []).append(p)
    return MappingProxyType({code: tuple(claims) for code, claims in found.items()})


@attrs.frozen
class Context:
    """What rules may consult besides their subject: the reference network and where things are.

    ``reference`` is the network whose participations say which countries take part and whose
    sources are known (the bundled one unless the caller gives another); ``locations`` locate
    each NCP validated in what was validated (``("ncps", 3)`` in a network, ``(3,)`` in a list,
    ``()`` alone).
    """

    reference: Network
    locations: tuple[Location, ...] = attrs.field(default=(), converter=as_tuple)
    #: Source ids that what was validated defines itself (a data package's sources table).
    defined_sources: frozenset[str] = attrs.field(default=frozenset(), converter=_ids)
    index: Mapping[str, tuple[Participation, ...]] = attrs.field(init=False, repr=False, eq=False)
    _sources: frozenset[str] = attrs.field(init=False, repr=False, eq=False)

    @index.default
    def _index_default(self) -> Mapping[str, tuple[Participation, ...]]:
        return _index(self.reference)

    @_sources.default
    def _sources_default(self) -> frozenset[str]:
        return frozenset(s.id for s in self.reference.sources) | self.defined_sources

    def knows_source(self, id: str) -> bool:
        """Whether the reference network, or what was validated, defines the source ``id``."""
        return id in self._sources

    def statuses(self, code: str) -> tuple[Participation, ...]:
        """Every claim in the reference network about how the country ``code`` takes part."""
        return self.index.get(code, ())

    def location(self, index: int) -> Location:
        """Where the ``index``-th NCP validated is, e.g. ``("ncps", 3)`` or ``(0,)``."""
        return self.locations[index]
