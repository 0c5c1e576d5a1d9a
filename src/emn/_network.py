"""The network as a whole: its legal basis, what sources say of the whole network (counts,
claims, facts), and the :class:`Network` that holds every NCP.

Apart from :mod:`emn._model` because a first ``emn.ncp("SI")`` needs none of them: the classes
here are built when the whole network is first asked for.
"""

from __future__ import annotations

import datetime as _dt

import attrs

from . import _validators as v
from ._countries import check_code, normalize_code
from ._i18n import N_
from ._model import (
    Basis,
    Certainty,
    Country,
    Derivation,
    Event,
    Member,
    NationalContactPoint,
    Participation,
    Source,
    Validity,
    When,
    _basis,
    _certainty,
    _derived_from,
    _id,
    _observed,
    _optional,
    _optional_text,
    _shown,
    _source_ids,
    _text,
    _tuple_of,
    _valid,
)
from .exceptions import NotFound

__all__ = ["Article", "Claim", "Declaration", "Fact", "LegalAct", "Network", "RelatedAct"]


@attrs.frozen
class Declaration:
    """What a source says it counts (32 NCPs, ten experts), and the time it speaks of."""

    source: str = attrs.field(validator=_text)
    subject: str = attrs.field(validator=_text)
    count: int | None = attrs.field(validator=v.optional(v.of_type((int,), "an integer")))
    quote: str | None = attrs.field(default=None, validator=v.optional(_text))
    country: Country | None = _optional(Country, "a Country", kw_only=False)
    id: str | None = _id()
    valid: Validity = _valid()
    #: What the count covers, as the source names it (``NO``, ``participating Member States``).
    includes: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=v.as_tuple, validator=v.items_of(str, "a string")
    )
    #: The least and the most, where the source gives a range instead of a count.
    count_range: tuple[int, ...] | None = attrs.field(
        default=None,
        kw_only=True,
        converter=v.as_optional_tuple,
        validator=v.optional(v.items_of(int, "an integer")),
    )
    summary: str | None = _optional_text()
    basis: Basis = _basis()
    certainty: Certainty | None = _certainty()
    note: str | None = _optional_text()


@attrs.frozen
class Claim:
    """One source's word on a fact that another source may word differently, kept as written.

    ``subject`` is ``CC.field`` for a country (``GR.code``) or ``network.field``; where the value
    names a body, it is the dataset's id of that organisation.
    """

    subject: str = attrs.field(validator=_text)
    value: str = attrs.field(validator=_text)
    source: str = attrs.field(validator=_text)
    quote: str | None = _optional_text()
    id: str | None = _id()
    valid: Validity = _valid()
    observed: When | None = _observed()
    summary: str | None = _optional_text()
    basis: Basis = _basis()
    certainty: Certainty | None = _certainty()
    derived_from: tuple[Derivation, ...] = _derived_from()
    note: str | None = _optional_text()


@attrs.frozen
class Fact:
    """A statement a seed makes about NCPs in general or one NCP, quoted and glossed."""

    source: str = attrs.field(validator=_text)
    summary: str = attrs.field(validator=_text)
    quote: str | None = _optional_text()
    id: str | None = _id()
    #: The provision the statement rests on or restates (``Decision 2008/381/EC, Art. 5(2)``).
    reference: str | None = _optional_text()
    country: Country | None = _optional(Country, "a Country")
    note: str | None = _optional_text()


@attrs.frozen
class Article:
    """One provision of a legal act, numbered as cited (``5(2)``), in the maintainers' summary.

    No legal text is copied; ``seed_wording`` names the :class:`Fact` that quotes a shipped
    seed's own wording of the provision, where there is one.
    """

    number: str = attrs.field(validator=_text)
    summary: str = attrs.field(validator=_text)
    reference: str | None = _optional_text()
    source: str | None = _optional_text()
    seed_wording: str | None = _optional_text()
    note: str | None = _optional_text()


_articles = v.items_of(Article, "an Article")


@attrs.frozen
class RelatedAct:
    """An act that amends, applies or proposes the network's legal basis."""

    reference: str = attrs.field(validator=_text)
    summary: str | None = _optional_text()
    adopted: _dt.date | None = attrs.field(default=None, kw_only=True, validator=v.optional(v.date))
    journal: str | None = _optional_text()
    sources: tuple[str, ...] = attrs.field(
        default=(), kw_only=True, converter=v.as_tuple, validator=_source_ids
    )
    articles: tuple[Article, ...] = attrs.field(
        default=(), kw_only=True, converter=v.as_tuple, validator=_articles
    )


_acts = v.items_of(RelatedAct, "a RelatedAct")


@attrs.frozen
class LegalAct:
    """The legal basis of the network: Council Decision 2008/381/EC and what amended it."""

    reference: str = attrs.field(validator=_text)
    title: str = attrs.field(validator=_text)
    adopted: _dt.date = attrs.field(validator=v.date)
    in_force: _dt.date = attrs.field(validator=v.date)
    journal: str = attrs.field(validator=_text)
    sources: tuple[str, ...] = attrs.field(
        converter=v.as_tuple, validator=v.items_of(str, "a source id", N_("at least one source"))
    )
    amended_by: tuple[RelatedAct, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=_acts
    )
    articles: tuple[Article, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=_articles
    )
    related_acts: tuple[RelatedAct, ...] = attrs.field(
        default=(), kw_only=True, converter=v.as_tuple, validator=_acts
    )
    proposal: RelatedAct | None = _optional(RelatedAct, "a RelatedAct")

    @property
    def source(self) -> str:
        """The first source the act's record rests on."""
        return self.sources[0]

    def article(self, number: str) -> Article:
        """The article numbered ``number`` (``"5(2)"``); :class:`NotFound` if the data lacks it."""
        for article in self.articles:
            if article.number == number:
                return article
        template = N_("{act} has no Article {number} in the dataset")
        values = {"act": self.reference, "number": str(number)}
        raise NotFound(
            template.format_map(values), key=number, template=template, values=values.items()
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
    #: Countries the dataset cannot place on ``as_of`` (or today): no dated record says whether
    #: they took part that day, or the records of equal rank disagree.
    undetermined: tuple[Country, ...] = attrs.field(
        default=(), converter=v.as_tuple, validator=v.items_of(Country, "a Country")
    )
    #: The day the maintainers last read the sources.
    updated: _dt.date | None = attrs.field(default=None, kw_only=True, validator=v.optional(v.date))
    #: NCPs that took part before this network's day and no longer do (the United Kingdom's).
    former_ncps: tuple[NationalContactPoint, ...] = _tuple_of(
        NationalContactPoint, "a NationalContactPoint"
    )
    #: Events of the network as a whole, and of countries without an NCP record.
    events: tuple[Event, ...] = _tuple_of(Event, "an Event")
    #: People named in a role of the network as a whole (the EMN Chair).
    people: tuple[Member, ...] = _tuple_of(Member, "a Member")
    #: What the seeds say about NCPs in general, quoted and glossed.
    facts: tuple[Fact, ...] = _tuple_of(Fact, "a Fact")

    def ncp(self, key: str) -> NationalContactPoint:
        """The NCP of a country given by code (any case; ``EL``/``GR`` alike) or by name in any
        language CLDR knows, or as a source writes it (``Słowenia``, ``Slowenien``, ``slovenie``).

        Raises :class:`emn.NotFound` saying why: not a country, no part in the EMN (or no longer:
        the United Kingdom), no NCP known, or a name that fits several countries
        (:attr:`~emn.NotFound.candidates`).
        """
        from ._lookup import find_ncp

        found: NationalContactPoint = find_ncp(self, key)
        return found

    def source(self, id: str) -> Source:
        """The source with this id; :class:`NotFound` if the dataset has none."""
        for source in self.sources:
            if source.id == id:
                return source
        template = N_("no source with id {id}")
        values = {"id": repr(id)}
        raise NotFound(
            template.format_map(values), key=id, template=template, values=values.items()
        )

    def statuses(self, code: str) -> tuple[Participation, ...]:
        """Every source's word on how the country with this code takes part; in a network as of
        a day, the records that may hold on that day."""
        if not isinstance(code, str):
            raise TypeError(f"statuses: code must be a string, not {type(code).__name__}")
        key = normalize_code(code)
        check_code(key, code)
        return tuple(p for p in self.participations if p.country.code == key)

    def _repr_html_(self) -> str:
        return _shown(self, "html")

    def __str__(self) -> str:
        return _shown(self, "text")

    def __repr__(self) -> str:
        day = "" if self.as_of is None else f", as_of={self.as_of.isoformat()!r}"
        return (
            f"Network(legal_basis={self.legal_basis.reference!r}, "
            f"ncps={len(self.ncps)}, sources={len(self.sources)}{day})"
        )
