"""The frozen domain classes: what the EMN is made of, as the sources describe it.

The model knows nothing of rules, the dataset or conversion. Its reprs are written by
:mod:`emn._render` and its lookups by name made by :mod:`emn._lookup`, both of which sit below
it and import no model class.
"""

from __future__ import annotations

import datetime as _dt

import attrs

from . import _validators as v
from ._countries import check_code, normalize_code
from ._country import Country
from ._lookup import find_ncp
from ._render import render
from ._vocabulary import OrganisationKind, Role, Status
from .exceptions import NotFound

__all__ = [
    "Article",
    "Claim",
    "Country",
    "Declaration",
    "Event",
    "Expert",
    "LegalAct",
    "Name",
    "NationalContactPoint",
    "Network",
    "Organisation",
    "OrganisationKind",
    "Participation",
    "Role",
    "Source",
    "Status",
]

_text = v.non_empty_text
_source_ids = v.items_of(str, "a source id")


def _optional_of(kind: type, what: str) -> v.optional:
    return v.optional(v.of_type((kind,), what))


@attrs.frozen
class Source:
    """A document that facts in the dataset come from: which, in what language, and when."""

    id: str = attrs.field(validator=_text)
    title: str = attrs.field(validator=_text)
    language: str = attrs.field(validator=v.language_tag)
    date: _dt.date | None = attrs.field(default=None, validator=v.optional(v.date))
    where: str | None = attrs.field(default=None, validator=v.optional(_text))
    note: str | None = attrs.field(default=None, validator=v.optional(_text))


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
        validator=v.items_of(Name, "a Name", "an organisation needs at least one name"),
    )
    kind: OrganisationKind | None = attrs.field(
        default=None, validator=v.optional(v.member_of(OrganisationKind))
    )
    parent: Organisation | None = attrs.field(
        default=None, validator=v.optional(v.of_own_class("an Organisation"))
    )
    country: Country | None = attrs.field(
        default=None, validator=_optional_of(Country, "a Country")
    )

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


@attrs.frozen
class Event:
    """Something that happened to an NCP, when (``2014-03-27``, ``2008``, ``../2008`` = by 2008)."""

    summary: str = attrs.field(validator=_text)
    source: str = attrs.field(validator=_text)
    when: str | None = attrs.field(default=None, validator=v.optional(v.when))
    quote: str | None = attrs.field(default=None, validator=v.optional(_text))
    #: The language of ``quote``, so that a reader of that language can be shown it.
    lang: str | None = attrs.field(default=None, validator=v.optional(v.language_tag))

    @property
    def date(self) -> _dt.date | None:
        """The day of the event, where the source gives one."""
        if self.when is None or len(self.when) != 10:
            return None
        return _dt.date.fromisoformat(self.when)


@attrs.frozen
class Participation:
    """One source's claim of a country's status in the EMN, and since when if it says."""

    country: Country = attrs.field(validator=v.of_type((Country,), "a Country"))
    status: Status = attrs.field(validator=v.member_of(Status))
    source: str = attrs.field(validator=_text)
    since: _dt.date | None = attrs.field(default=None, validator=v.optional(v.date))
    note: str | None = attrs.field(default=None, validator=v.optional(_text))


@attrs.frozen
class Declaration:
    """What a source says it counts (32 NCPs, ten experts), to compare with what it lists."""

    source: str = attrs.field(validator=_text)
    subject: str = attrs.field(validator=_text)
    count: int = attrs.field(validator=v.of_type((int,), "an integer"))
    quote: str = attrs.field(validator=_text)
    country: Country | None = attrs.field(
        default=None, validator=_optional_of(Country, "a Country")
    )


@attrs.frozen
class Claim:
    """One source's word on a fact that another source words differently, kept as written."""

    subject: str = attrs.field(validator=_text)
    value: str = attrs.field(validator=_text)
    source: str = attrs.field(validator=_text)
    date: _dt.date | None = attrs.field(default=None, validator=v.optional(v.date))
    quote: str | None = attrs.field(default=None, validator=v.optional(_text))


@attrs.frozen
class Article:
    """One provision of a legal act, numbered as cited (``5(2)``), with its text."""

    number: str = attrs.field(validator=_text)
    text: str = attrs.field(validator=_text)


@attrs.frozen
class LegalAct:
    """The legal basis of the network: Council Decision 2008/381/EC and what amended it."""

    reference: str = attrs.field(validator=_text)
    title: str = attrs.field(validator=_text)
    adopted: _dt.date = attrs.field(validator=v.date)
    in_force: _dt.date = attrs.field(validator=v.date)
    journal: str = attrs.field(validator=_text)
    source: str = attrs.field(validator=_text)
    amended_by: tuple[str, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=v.items_of(str, "a string")
    )
    articles: tuple[Article, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=v.items_of(Article, "an Article")
    )

    def article(self, number: str) -> Article:
        """The article numbered ``number`` (``"5(2)"``); :class:`NotFound` if the data lacks it."""
        for article in self.articles:
            if article.number == number:
                return article
        raise NotFound(f"{self.reference} has no Article {number} in the dataset", key=number)


@attrs.frozen(repr=False)
class NationalContactPoint:
    """A country's National Contact Point: its designated entity, experts and history.

    ``experts`` is None where the sources do not publish the composition: unknown, not empty.

    >>> import emn
    >>> emn.ncp("SI").coordinator.name
    'Nataša Potočnik'
    >>> emn.ncp("DE").experts is None
    True
    """

    country: Country = attrs.field(validator=v.of_type((Country,), "a Country"))
    coordinating_entity: Organisation = attrs.field(
        validator=v.of_type((Organisation,), "an Organisation")
    )
    status: Status | None = attrs.field(default=None, validator=v.optional(v.member_of(Status)))
    experts: tuple[Expert, ...] | None = attrs.field(
        default=None,
        converter=v.as_optional_tuple,
        validator=v.optional(v.items_of(Expert, "an Expert")),
    )
    appointed_by: Organisation | None = attrs.field(
        default=None, validator=_optional_of(Organisation, "an Organisation")
    )
    last_changed: _dt.date | None = attrs.field(default=None, validator=v.optional(v.date))
    history: tuple[Event, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=v.items_of(Event, "an Event")
    )
    sources: tuple[str, ...] = attrs.field(default=(), converter=v.as_tuple, validator=_source_ids)
    listed_as: str | None = attrs.field(default=None, validator=v.optional(_text))

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
        return render(self, "html")

    def __str__(self) -> str:
        return render(self, "text")

    def __repr__(self) -> str:
        experts = "unknown" if self.experts is None else len(self.experts)
        return (
            f"NationalContactPoint(country={self.country.code!r}, "
            f"coordinating_entity={self.coordinating_entity.name!r}, experts={experts})"
        )


@attrs.frozen(repr=False)
class Network:
    """The European Migration Network: legal basis, participating countries, NCPs and sources."""

    legal_basis: LegalAct = attrs.field(validator=v.of_type((LegalAct,), "a LegalAct"))
    ncps: tuple[NationalContactPoint, ...] = attrs.field(
        converter=v.as_tuple, validator=v.items_of(NationalContactPoint, "a NationalContactPoint")
    )
    participations: tuple[Participation, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=v.items_of(Participation, "a Participation")
    )
    declarations: tuple[Declaration, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=v.items_of(Declaration, "a Declaration")
    )
    claims: tuple[Claim, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=v.items_of(Claim, "a Claim")
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=v.items_of(Source, "a Source")
    )
    #: The day this network describes; None for the latest known state.
    as_of: _dt.date | None = attrs.field(default=None, validator=v.optional(v.date))
    #: Countries the dataset cannot place on ``as_of``: no dated record says whether their NCP
    #: was in place that day, or the dated records disagree.
    undetermined: tuple[Country, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=v.items_of(Country, "a Country")
    )

    def ncp(self, key: str) -> NationalContactPoint:
        """The NCP of a country given by code (any case; ``EL``/``GR`` alike) or by name in any
        language CLDR knows, or as a source writes it (``Słowenia``, ``Slowenien``, ``slovenie``).

        Raises :class:`emn.NotFound` saying why: not a country, no part in the EMN, no NCP
        known, or a name that fits several countries (:attr:`~emn.NotFound.candidates`).
        """
        found: NationalContactPoint = find_ncp(self, key)
        return found

    def source(self, id: str) -> Source:
        """The source with this id; :class:`NotFound` if the dataset has none."""
        for source in self.sources:
            if source.id == id:
                return source
        raise NotFound(f"no source with id {id!r}", key=id)

    def statuses(self, code: str) -> tuple[Participation, ...]:
        """Every source's claim about how the country with this code takes part."""
        if not isinstance(code, str):
            raise TypeError(f"statuses: code must be a string, not {type(code).__name__}")
        key = normalize_code(code)
        check_code(key, code)
        return tuple(p for p in self.participations if p.country.code == key)

    def _repr_html_(self) -> str:
        return render(self, "html")

    def __str__(self) -> str:
        return render(self, "text")

    def __repr__(self) -> str:
        day = "" if self.as_of is None else f", as_of={self.as_of.isoformat()!r}"
        return (
            f"Network(legal_basis={self.legal_basis.reference!r}, "
            f"ncps={len(self.ncps)}, sources={len(self.sources)}{day})"
        )
