"""The frozen domain classes: what the EMN is made of, as the sources describe it.

The model knows nothing of rules, the dataset or conversion. Its reprs are written by
:mod:`emn._render` and its lookups by name made by :mod:`emn._lookup`, both of which sit below
it and import no model class; both are imported when first used, so that building the classes
(and a cold ``emn.ncp("SI")``) does not wait for them.

Every record of the dataset (a host, a participation, a count, a claim, an event) names the
source it rests on, says whether that source states it or the maintainers derived or inferred
it (:class:`Basis`), and may carry the time it speaks of: a :class:`Validity` from one
:class:`When` to another, or, for a present-tense statement, the time it was ``observed``.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Literal

import attrs

from . import _validators as v
from ._country import Country
from ._i18n import N_
from ._vocabulary import (
    Basis,
    Certainty,
    Grouping,
    MemberRole,
    OrganisationKind,
    Relation,
    Role,
    Scope,
    SourceKind,
    Status,
)
from ._when import When
from .exceptions import InvalidData

__all__ = [
    "Basis",
    "Certainty",
    "Country",
    "Derivation",
    "Event",
    "Expert",
    "Grouping",
    "Host",
    "Member",
    "MemberOrganisations",
    "MemberRole",
    "Name",
    "NationalContactPoint",
    "Organisation",
    "OrganisationKind",
    "Participation",
    "Relation",
    "Role",
    "Scope",
    "Source",
    "SourceKind",
    "Status",
    "Validity",
    "When",
]


def _shown(obj: object, format: Literal["text", "html"]) -> str:
    """:func:`emn.render`, imported on first use."""
    from ._render import render

    shown: str = render(obj, format)
    return shown


_text = v.non_empty_text
_source_ids = v.items_of(str, "a source id")


def _optional_of(kind: type, what: str) -> v.optional:
    return v.optional(v.of_type((kind,), what))


def _optional(kind: type, what: str, *, kw_only: bool = True) -> Any:
    """A field that holds a ``kind`` (``what`` names one in messages) or None, by default."""
    return attrs.field(default=None, kw_only=kw_only, validator=_optional_of(kind, what))


# -- time ----------------------------------------------------------------------------------------


def _as_when(value: Any, name: str) -> Any:
    """A W string (``"2013"``, ``"before 2008"``) as a :class:`When`, a bad one an
    :class:`~emn.InvalidData` located at the field ``name``; anything else as it is."""
    if not isinstance(value, str):
        return value
    try:
        return When(value)
    except InvalidData as err:
        raise InvalidData([p._replace(location=(name,)) for p in err.problems]) from None


# Converters, one per field name, so that a bad date is located at the field that holds it.
def _start(value: Any) -> Any:
    return _as_when(value, "start")


def _end(value: Any) -> Any:
    return _as_when(value, "end")


def _when(value: Any) -> Any:
    return _as_when(value, "when")


def _date(value: Any) -> Any:
    return _as_when(value, "date")


def _observed_when(value: Any) -> Any:
    return _as_when(value, "observed")


_optional_when = v.optional(v.of_type((When,), "a When"))


@attrs.frozen
class Derivation:
    """What a derived or inferred record rests on: a legal act, a dated fact, a record."""

    reference: str = attrs.field(validator=_text)
    source: str | None = attrs.field(default=None, validator=v.optional(_text))
    record: str | None = attrs.field(default=None, validator=v.optional(_text))


_derivations = v.items_of(Derivation, "a Derivation")


@attrs.frozen
class Validity:
    """The time a record speaks of: from ``start`` until ``end``. A missing end means the record
    holds until a later one supersedes it; a missing start, that the source gives none.

    ``basis`` and ``derived_from`` say where a bound is not the source's own (a body cannot
    host an NCP after it ceased to exist).

    >>> Validity("2013", "2015-03").end.latest
    datetime.date(2015, 3, 31)
    """

    start: When | None = attrs.field(default=None, converter=_start, validator=_optional_when)
    end: When | None = attrs.field(default=None, converter=_end, validator=_optional_when)
    basis: Basis | None = attrs.field(default=None, validator=v.optional(v.member_of(Basis)))
    note: str | None = attrs.field(default=None, validator=v.optional(_text))
    derived_from: tuple[Derivation, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=_derivations
    )

    @property
    def dated(self) -> bool:
        """True if either end is given."""
        return self.start is not None or self.end is not None


# Fields every kind of record shares, keyword-only so that the older positional fields keep
# their places.
def _id() -> Any:
    return attrs.field(default=None, kw_only=True, validator=v.optional(_text))


def _valid() -> Any:
    return attrs.field(
        factory=Validity, kw_only=True, validator=v.of_type((Validity,), "a Validity")
    )


def _observed() -> Any:
    return attrs.field(
        default=None, kw_only=True, converter=_observed_when, validator=_optional_when
    )


def _optional_text() -> Any:
    return attrs.field(default=None, kw_only=True, validator=v.optional(_text))


def _basis() -> Any:
    return attrs.field(default=Basis.STATED, kw_only=True, validator=v.member_of(Basis))


def _certainty() -> Any:
    return attrs.field(default=None, kw_only=True, validator=v.optional(v.member_of(Certainty)))


def _derived_from() -> Any:
    return attrs.field(default=(), kw_only=True, converter=v.as_tuple, validator=_derivations)


# -- sources and bodies ------------------------------------------------------------------------


@attrs.frozen
class Source:
    """A document that facts in the dataset come from: what it is, where, and how far it counts.

    ``title`` is given only where the source bears one; ``label`` describes it in the
    maintainers' words. ``tier`` ranks it for the precedence rule (1 the Commission's and the
    EU's own pages and acts, 2 an NCP's or its government's, 3 other national EMN pages, 4
    secondary sites and copies); a source whose ``home`` is a country counts as tier 2 for what
    it says about that country. ``date`` is the source's own date where it shows one, ``read``
    the day the maintainers read it.
    """

    id: str = attrs.field(validator=_text)
    title: str | None = attrs.field(validator=v.optional(_text))
    language: str = attrs.field(validator=v.language_tag)
    kind: SourceKind = attrs.field(
        default=SourceKind.PAGE, kw_only=True, validator=v.member_of(SourceKind)
    )
    tier: int | None = attrs.field(
        default=None, kw_only=True, validator=v.optional(v.of_type((int,), "an integer"))
    )
    home: Country | None = _optional(Country, "a Country")
    label: str | None = _optional_text()
    url: str | None = _optional_text()
    date: When | None = attrs.field(
        default=None, kw_only=True, converter=_date, validator=_optional_when
    )
    read: _dt.date | None = attrs.field(default=None, kw_only=True, validator=v.optional(v.date))
    file: str | None = _optional_text()
    copy_of: str | None = _optional_text()
    also_at: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=v.as_tuple, validator=v.items_of(str, "a string")
    )
    note: str | None = _optional_text()

    @property
    def name(self) -> str:
        """The title the source bears, else the maintainers' label, else its id."""
        return self.title or self.label or self.id

    def tier_for(self, code: str | None) -> int | None:
        """The source's tier for what it says about the country ``code``: 2 at most at home.

        >>> import emn
        >>> polish = emn.network().source("pl-kpk-list")
        >>> polish.tier_for("PL"), polish.tier_for("SI")
        (2, 3)
        """
        if self.tier is not None and self.home is not None and self.home.code == code:
            return min(self.tier, 2)
        return self.tier


@attrs.frozen
class Name:
    """One name of an organisation, tagged with its language (``und`` when unknown)."""

    text: str = attrs.field(validator=_text)
    lang: str = attrs.field(default="und", validator=v.language_tag)
    source: str | None = attrs.field(default=None, validator=v.optional(_text))


@attrs.frozen
class Organisation:
    """A body experts come from or that coordinates an NCP; it may be a unit of a parent.

    >>> police = Organisation([Name("Policija", "sl")], parent=Organisation([Name("MNZ", "sl")]))
    >>> police.full_name
    'MNZ, Policija'
    """

    names: tuple[Name, ...] = attrs.field(
        converter=v.as_tuple,
        validator=v.items_of(Name, "a Name", N_("an organisation needs at least one name")),
    )
    kind: OrganisationKind | None = attrs.field(
        default=None, validator=v.optional(v.member_of(OrganisationKind))
    )
    parent: Organisation | None = attrs.field(
        default=None, validator=v.optional(v.of_own_class("an Organisation"))
    )
    country: Country | None = _optional(Country, "a Country", kw_only=False)
    #: What the body is, in the maintainers' English, where its names do not say.
    label: str | None = _optional_text()
    note: str | None = _optional_text()

    @property
    def name(self) -> str:
        """The organisation's first name, as its source writes it."""
        return self.names[0].text

    def name_in(self, lang: str) -> str | None:
        """The organisation's name in the language ``lang``, or None if no source gives one."""
        return next((n.text for n in self.names if n.lang == lang), None)

    @property
    def lineage(self) -> tuple[Organisation, ...]:
        """This organisation, then the one it is a unit of, and so on up.

        >>> import emn
        >>> [o.name for o in emn.ncp("SI").experts[6].organisation.lineage]
        ['Policija', 'Ministry of the Interior']
        """
        chain = [self]
        while chain[-1].parent is not None:
            chain.append(chain[-1].parent)
        return tuple(chain)

    @property
    def all_names(self) -> str:
        """Every name, joined with `` / `` as the Polish list joins Belgium's two."""
        return " / ".join(name.text for name in self.names)

    @property
    def full_name(self) -> str:
        """The name preceded by its parents', in the same language where they have it."""
        return self.full_name_in(self.names[0].lang)

    def full_name_in(self, lang: str) -> str:
        """The name in ``lang`` (else the first name), preceded by its parents' names.

        >>> import emn
        >>> emn.ncp("SI").experts[6].organisation.full_name_in("sl")
        'Ministrstvo za notranje zadeve, Policija'
        """
        return ", ".join(node.name_in(lang) or node.name for node in reversed(self.lineage))

    def is_part_of(self, other: Organisation) -> bool:
        """True if this organisation is ``other`` or one of its units (at any depth)."""
        return other in self.lineage


@attrs.frozen
class Expert:
    """A person in a National Contact Point, with the organisation they come from and their role."""

    name: str = attrs.field(validator=v.of_type((str,), "a string"))
    organisation: Organisation = attrs.field(
        validator=v.of_type((Organisation,), "an Organisation")
    )
    role: Role = attrs.field(validator=v.member_of(Role))
    source: str | None = attrs.field(default=None, validator=v.optional(_text))


# -- records ---------------------------------------------------------------------------------


@attrs.frozen
class Event:
    """Something that happened, when (``2014-03-27``, ``2008``, ``before 2008``, ``by 2003``).

    ``summary`` is the maintainers' English; ``quote``, where given, the words of a shipped
    seed in ``lang``.
    """

    summary: str = attrs.field(validator=_text)
    source: str = attrs.field(validator=_text)
    when: When | None = attrs.field(default=None, converter=_when, validator=_optional_when)
    quote: str | None = attrs.field(default=None, validator=v.optional(_text))
    #: The language of ``quote``, so that a reader of that language can be shown it.
    lang: str | None = attrs.field(default=None, validator=v.optional(v.language_tag))
    id: str | None = _id()
    country: Country | None = _optional(Country, "a Country")
    organisation: Organisation | None = _optional(Organisation, "an Organisation")
    basis: Basis = _basis()
    certainty: Certainty | None = _certainty()
    note: str | None = _optional_text()

    @property
    def date(self) -> _dt.date | None:
        """The day of the event, where the source gives one."""
        return None if self.when is None else self.when.day


@attrs.frozen
class Host:
    """One source's word on the body that is, hosts or coordinates a country's NCP, and when.

    The NCP's :attr:`~NationalContactPoint.coordinating_entity` is chosen among these records by
    the precedence rule; every record stays.
    """

    country: Country = attrs.field(validator=v.of_type((Country,), "a Country"))
    organisation: Organisation = attrs.field(
        validator=v.of_type((Organisation,), "an Organisation")
    )
    relation: Relation = attrs.field(validator=v.member_of(Relation))
    source: str = attrs.field(validator=_text)
    id: str | None = _id()
    valid: Validity = _valid()
    #: The time a present-tense statement speaks of (the page's date), where it gives no start.
    observed: When | None = _observed()
    summary: str | None = _optional_text()
    quote: str | None = _optional_text()
    basis: Basis = _basis()
    certainty: Certainty | None = _certainty()
    derived_from: tuple[Derivation, ...] = _derived_from()
    note: str | None = _optional_text()


@attrs.frozen
class Participation:
    """One source's word on how a country takes part in the EMN, where, and when."""

    country: Country = attrs.field(validator=v.of_type((Country,), "a Country"))
    status: Status = attrs.field(validator=v.member_of(Status))
    source: str = attrs.field(validator=_text)
    scope: Scope = attrs.field(default=Scope.NCP, kw_only=True, validator=v.member_of(Scope))
    id: str | None = _id()
    valid: Validity = _valid()
    observed: When | None = _observed()
    summary: str | None = _optional_text()
    quote: str | None = _optional_text()
    basis: Basis = _basis()
    certainty: Certainty | None = _certainty()
    derived_from: tuple[Derivation, ...] = _derived_from()
    note: str | None = _optional_text()

    @property
    def since(self) -> _dt.date | None:
        """The day the source says the country began to take part, where it gives a day."""
        return None if self.valid.start is None else self.valid.start.day


@attrs.frozen
class Member:
    """A person a source names in an EMN role, outside a full published composition."""

    name: str = attrs.field(validator=_text)
    role: MemberRole = attrs.field(validator=v.member_of(MemberRole))
    source: str = attrs.field(validator=_text)
    id: str | None = _id()
    country: Country | None = _optional(Country, "a Country")
    organisation: Organisation | None = _optional(Organisation, "an Organisation")
    valid: Validity = _valid()
    observed: When | None = _observed()
    summary: str | None = _optional_text()
    basis: Basis = _basis()
    note: str | None = _optional_text()


@attrs.frozen
class MemberOrganisations:
    """The bodies a source names as making up an NCP, its partners or its national network."""

    role: Grouping = attrs.field(validator=v.member_of(Grouping))
    organisations: tuple[Organisation, ...] = attrs.field(
        converter=v.as_tuple, validator=v.items_of(Organisation, "an Organisation")
    )
    source: str = attrs.field(validator=_text)
    id: str | None = _id()
    country: Country | None = _optional(Country, "a Country")
    valid: Validity = _valid()
    observed: When | None = _observed()
    summary: str | None = _optional_text()
    basis: Basis = _basis()
    note: str | None = _optional_text()


# -- the legal basis ---------------------------------------------------------------------------


# -- NCPs and the network ---------------------------------------------------------------------


def _tuple_of(kind: type, what: str) -> Any:
    return attrs.field(
        default=(), kw_only=True, converter=v.as_tuple, validator=v.items_of(kind, what)
    )


#: The fields of an NCP whose headline value the precedence rule may leave disputed.
DISPUTABLE = ("status", "coordinating_entity")


@attrs.frozen(repr=False)
class NationalContactPoint:
    """A country's National Contact Point: its designated entity, experts and history.

    ``experts`` is None where the sources do not publish the composition: unknown, not empty.
    ``coordinating_entity`` and ``status`` are the headline values that the precedence rule
    chooses among the records in ``hosts`` and ``participations`` (the Commission's pages
    first, then the NCP's own, …; see ``docs/dataset.md``); None where no record names one, no
    dated record places one on the day (``as_of``), or the records are disputed
    (``disputed`` names the field).

    >>> import emn
    >>> emn.ncp("SI").coordinator.name
    'Nataša Potočnik'
    >>> emn.ncp("DE").experts is None
    True
    """

    country: Country = attrs.field(validator=v.of_type((Country,), "a Country"))
    coordinating_entity: Organisation | None = attrs.field(
        validator=_optional_of(Organisation, "an Organisation")
    )
    status: Status | None = attrs.field(default=None, validator=v.optional(v.member_of(Status)))
    experts: tuple[Expert, ...] | None = attrs.field(
        default=None,
        converter=v.as_optional_tuple,
        validator=v.optional(v.items_of(Expert, "an Expert")),
    )
    appointed_by: Organisation | None = _optional(Organisation, "an Organisation", kw_only=False)
    last_changed: _dt.date | None = attrs.field(default=None, validator=v.optional(v.date))
    history: tuple[Event, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=v.items_of(Event, "an Event")
    )
    sources: tuple[str, ...] = attrs.field(default=(), converter=v.as_tuple, validator=_source_ids)
    listed_as: str | None = attrs.field(default=None, validator=v.optional(_text))
    #: Every source's word on the body that is or hosts the NCP, dated where the source dates it.
    hosts: tuple[Host, ...] = _tuple_of(Host, "a Host")
    #: Every source's word on how the country takes part.
    participations: tuple[Participation, ...] = _tuple_of(Participation, "a Participation")
    #: People the sources name in an EMN role outside a full composition.
    people: tuple[Member, ...] = _tuple_of(Member, "a Member")
    #: Bodies the sources name as the NCP's members, partners or national network.
    member_organisations: tuple[MemberOrganisations, ...] = _tuple_of(
        MemberOrganisations, "a MemberOrganisations"
    )
    #: The fields whose headline the records leave undecided: sources of equal rank and time
    #: disagree, so no value is shown and every claim stays.
    disputed: tuple[str, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=v.as_tuple,
        validator=v.items_among(DISPUTABLE, "a field name"),
    )
    #: The day this NCP is described on, in a network as of a day; None for the latest state.
    as_of: _dt.date | None = attrs.field(default=None, kw_only=True, validator=v.optional(v.date))

    def _with_role(self, role: Role) -> tuple[Expert, ...] | None:
        if self.experts is None:
            return None
        return tuple(e for e in self.experts if e.role is role)

    @property
    def coordinator(self) -> Expert | None:
        """The national coordinator; None when the composition is unpublished or names none."""
        found = self._with_role(Role.NATIONAL_COORDINATOR)
        return found[0] if found else None

    @property
    def deputies(self) -> tuple[Expert, ...] | None:
        """The deputy coordinators; None when the composition is not published."""
        return self._with_role(Role.DEPUTY_COORDINATOR)

    @property
    def members(self) -> tuple[Expert, ...] | None:
        """The experts who are neither coordinator nor deputy; None when not published."""
        return self._with_role(Role.MEMBER)

    @property
    def organisations(self) -> tuple[Organisation, ...] | None:
        """The organisations the experts come from, in order of first appearance."""
        if self.experts is None:
            return None
        return tuple(dict.fromkeys(e.organisation for e in self.experts))

    def _repr_html_(self) -> str:
        return _shown(self, "html")

    def __str__(self) -> str:
        return _shown(self, "text")

    def __repr__(self) -> str:
        experts = "unknown" if self.experts is None else len(self.experts)
        entity = None if self.coordinating_entity is None else self.coordinating_entity.name
        day = "" if self.as_of is None else f", as_of={self.as_of.isoformat()!r}"
        return (
            f"NationalContactPoint(country={self.country.code!r}, "
            f"coordinating_entity={entity!r}, experts={experts}{day})"
        )
