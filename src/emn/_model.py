"""The frozen domain classes: what the EMN is made of, as the sources describe it."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from typing import Any

import attrs

from ._countries import ISO_CODES, check_code, country_name, english_name, normalize_code
from ._i18n import LABELS, N_, Labelled
from ._names import codes_for, fold, names_for
from .exceptions import InvalidData, NotFound, Problem

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


class Role(Labelled):
    """The part an expert plays in a National Contact Point (Decision 2008/381/EC, Art. 5(2))."""

    NATIONAL_COORDINATOR = "national_coordinator"
    DEPUTY_COORDINATOR = "deputy_coordinator"
    MEMBER = "member"


class Status(Labelled):
    """How a country takes part in the EMN, as one source puts it."""

    MEMBER_STATE = "member_state"
    OBSERVER = "observer"
    ASSOCIATED_MEMBER = "associated_member"
    NOT_PARTICIPATING = "not_participating"


class OrganisationKind(Labelled):
    """What sort of body an organisation is; classified by the maintainers from its name."""

    GOVERNMENT = "government"
    MINISTRY = "ministry"
    POLICE = "police"
    PUBLIC_AGENCY = "public_agency"
    RESEARCH = "research"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    NGO = "ngo"
    OTHER = "other"


LABELS.update(
    {
        Role.NATIONAL_COORDINATOR: N_("national coordinator"),
        Role.DEPUTY_COORDINATOR: N_("deputy coordinator"),
        Role.MEMBER: N_("member"),
        Status.MEMBER_STATE: N_("member state"),
        Status.OBSERVER: N_("observer"),
        Status.ASSOCIATED_MEMBER: N_("associated member"),
        Status.NOT_PARTICIPATING: N_("not participating"),
        OrganisationKind.GOVERNMENT: N_("government"),
        OrganisationKind.MINISTRY: N_("ministry"),
        OrganisationKind.POLICE: N_("police"),
        OrganisationKind.PUBLIC_AGENCY: N_("public agency"),
        OrganisationKind.RESEARCH: N_("research institute or university"),
        OrganisationKind.INTERNATIONAL_ORGANISATION: N_("international organisation"),
        OrganisationKind.NGO: N_("non-governmental organisation"),
        OrganisationKind.OTHER: N_("other"),
    }
)


# -- validators: type facts only; domain facts are the rules' business ----------------------


def _fail(attribute: attrs.Attribute[Any], message: str) -> InvalidData:
    return InvalidData([Problem(attribute.name, message)])


def _of_type(kind: type | tuple[type, ...], what: str) -> Callable[[Any, Any, Any], None]:
    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if not isinstance(value, kind) or (isinstance(value, bool) and bool not in kinds):
            raise _fail(attribute, f"expected {what}, got {type(value).__name__}")

    return check


def _optional(check: Callable[[Any, Any, Any], None]) -> Callable[[Any, Any, Any], None]:
    def optional(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            check(instance, attribute, value)

    return optional


def _text(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        raise _fail(attribute, f"expected a string, got {type(value).__name__}")
    if not value.strip():
        raise _fail(attribute, "must not be empty")


def _items(kind: type, what: str) -> Callable[[Any, Any, Any], None]:
    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise _fail(attribute, f"expected a list of items, got {type(value).__name__}")
        for index, item in enumerate(value):
            if not isinstance(item, kind):
                message = f"expected {what}, got {type(item).__name__}"
                raise InvalidData([Problem(f"{attribute.name}[{index}]", message)])

    return check


def _as_tuple(value: Iterable[Any]) -> Any:
    # Strings and mappings are iterable but never a list of items; leave them to the validator.
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes, Mapping)):
        return tuple(value)
    return value


def _as_optional_tuple(value: Iterable[Any] | None) -> Any:
    return None if value is None else _as_tuple(value)


def _enum(kind: type[Enum]) -> Callable[[Any, Any, Any], None]:
    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, kind):
            allowed = ", ".join(str(member.value) for member in kind)
            raise _fail(attribute, f"{value!r} is not one of {allowed}")

    return check


_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_WHEN = re.compile(r"^(\.\./)?\d{4}(-\d{2}(-\d{2})?)?$")


def _lang(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not _LANG.match(value):
        raise _fail(attribute, f"{value!r} is not a language tag such as 'sl', 'pl' or 'und'")


def _when(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not _WHEN.match(value):
        raise _fail(attribute, f"{value!r} is not a date such as '2014-03-27', '2008' or '../2008'")


_date = _of_type(_dt.date, "a date")
_source_ids = _items(str, "a source id")


# -- the classes ------------------------------------------------------------------------------


@attrs.frozen
class Source:
    """A document that facts in the dataset come from: which, in what language, and when."""

    id: str = attrs.field(validator=_text)
    title: str = attrs.field(validator=_text)
    language: str = attrs.field(validator=_lang)
    date: _dt.date | None = attrs.field(default=None, validator=_optional(_date))
    where: str | None = attrs.field(default=None, validator=_optional(_text))
    note: str | None = attrs.field(default=None, validator=_optional(_text))


def _code(value: Any) -> Any:
    return normalize_code(value) if isinstance(value, str) else value


def _iso(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        raise _fail(attribute, f"expected a country code, got {type(value).__name__}")
    try:
        check_code(value)
    except InvalidData as err:
        raise err.at(attribute.name) from None


@attrs.frozen
class Country:
    """A country by its ISO 3166-1 alpha-2 code; the EU's ``EL`` and ``UK`` are accepted too.

    >>> Country("el")
    Country(code='GR')
    >>> Country("SI").name("sl")
    'Slovenija'
    """

    code: str = attrs.field(converter=_code, validator=_iso)

    def name(self, locale: object = None) -> str:
        """The country's name in ``locale`` (``"sl"``, ``"pl-PL"``, a Locale); else English."""
        return country_name(self.code, locale)

    def __str__(self) -> str:
        return self.code


@attrs.frozen
class Name:
    """One name of an organisation, tagged with its language (``und`` when unknown)."""

    text: str = attrs.field(validator=_text)
    lang: str = attrs.field(default="und", validator=_lang)
    source: str | None = attrs.field(default=None, validator=_optional(_text))


@attrs.frozen
class Organisation:
    """A body experts come from or that coordinates an NCP; it may be a unit of a parent.

    >>> police = Organisation([Name("Policija", "sl")], parent=Organisation([Name("MNZ", "sl")]))
    >>> police.full_name
    'MNZ, Policija'
    """

    names: tuple[Name, ...] = attrs.field(converter=_as_tuple, validator=_items(Name, "a Name"))
    kind: OrganisationKind | None = attrs.field(
        default=None, validator=_optional(_enum(OrganisationKind))
    )
    parent: Organisation | None = attrs.field(default=None)
    country: Country | None = attrs.field(
        default=None, validator=_optional(_of_type(Country, "a Country"))
    )

    @names.validator
    def _names(self, attribute: attrs.Attribute[Any], value: tuple[Name, ...]) -> None:
        if not isinstance(value, tuple) or not value:
            raise _fail(attribute, "an organisation needs at least one name")

    @parent.validator
    def _parent(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and not isinstance(value, Organisation):
            raise _fail(attribute, f"expected an Organisation, got {type(value).__name__}")

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

    name: str = attrs.field(validator=_of_type(str, "a string"))
    organisation: Organisation = attrs.field(validator=_of_type(Organisation, "an Organisation"))
    role: Role = attrs.field(validator=_enum(Role))
    source: str | None = attrs.field(default=None, validator=_optional(_text))


@attrs.frozen
class Event:
    """Something that happened to an NCP, when (``2014-03-27``, ``2008``, ``../2008`` = by 2008)."""

    summary: str = attrs.field(validator=_text)
    source: str = attrs.field(validator=_text)
    when: str | None = attrs.field(default=None, validator=_optional(_when))
    quote: str | None = attrs.field(default=None, validator=_optional(_text))

    @property
    def date(self) -> _dt.date | None:
        """The day of the event, where the source gives one."""
        if self.when is None or len(self.when) != 10:
            return None
        return _dt.date.fromisoformat(self.when)


@attrs.frozen
class Participation:
    """One source's claim of a country's status in the EMN, and since when if it says."""

    country: Country = attrs.field(validator=_of_type(Country, "a Country"))
    status: Status = attrs.field(validator=_enum(Status))
    source: str = attrs.field(validator=_text)
    since: _dt.date | None = attrs.field(default=None, validator=_optional(_date))
    note: str | None = attrs.field(default=None, validator=_optional(_text))


@attrs.frozen
class Declaration:
    """What a source says it counts (32 NCPs, ten experts), to compare with what it lists."""

    source: str = attrs.field(validator=_text)
    subject: str = attrs.field(validator=_text)
    count: int = attrs.field(validator=_of_type(int, "an integer"))
    quote: str = attrs.field(validator=_text)
    country: Country | None = attrs.field(
        default=None, validator=_optional(_of_type(Country, "a Country"))
    )


@attrs.frozen
class Claim:
    """One source's word on a fact that another source words differently, kept as written."""

    subject: str = attrs.field(validator=_text)
    value: str = attrs.field(validator=_text)
    source: str = attrs.field(validator=_text)
    date: _dt.date | None = attrs.field(default=None, validator=_optional(_date))
    quote: str | None = attrs.field(default=None, validator=_optional(_text))


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
    adopted: _dt.date = attrs.field(validator=_date)
    in_force: _dt.date = attrs.field(validator=_date)
    journal: str = attrs.field(validator=_text)
    source: str = attrs.field(validator=_text)
    amended_by: tuple[str, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items(str, "a string")
    )
    articles: tuple[Article, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items(Article, "an Article")
    )

    def article(self, number: str) -> Article:
        """The article numbered ``number`` (``"5(2)"``); :class:`NotFound` if the data lacks it."""
        for article in self.articles:
            if article.number == number:
                return article
        raise NotFound(f"{self.reference} has no Article {number} in the dataset")


def _experts(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _items(Expert, "an Expert")(_, attribute, value)


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

    country: Country = attrs.field(validator=_of_type(Country, "a Country"))
    coordinating_entity: Organisation = attrs.field(
        validator=_of_type(Organisation, "an Organisation")
    )
    status: Status | None = attrs.field(default=None, validator=_optional(_enum(Status)))
    experts: tuple[Expert, ...] | None = attrs.field(
        default=None, converter=_as_optional_tuple, validator=_experts
    )
    appointed_by: Organisation | None = attrs.field(
        default=None, validator=_optional(_of_type(Organisation, "an Organisation"))
    )
    last_changed: _dt.date | None = attrs.field(default=None, validator=_optional(_date))
    history: tuple[Event, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items(Event, "an Event")
    )
    sources: tuple[str, ...] = attrs.field(default=(), converter=_as_tuple, validator=_source_ids)
    listed_as: str | None = attrs.field(default=None, validator=_optional(_text))

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
        from ._html import ncp_html

        return ncp_html(self)

    def __repr__(self) -> str:
        experts = "unknown" if self.experts is None else len(self.experts)
        return (
            f"NationalContactPoint(country={self.country.code!r}, "
            f"coordinating_entity={self.coordinating_entity.name!r}, experts={experts})"
        )


@attrs.frozen(repr=False)
class Network:
    """The European Migration Network: legal basis, participating countries, NCPs and sources."""

    legal_basis: LegalAct = attrs.field(validator=_of_type(LegalAct, "a LegalAct"))
    ncps: tuple[NationalContactPoint, ...] = attrs.field(
        converter=_as_tuple, validator=_items(NationalContactPoint, "a NationalContactPoint")
    )
    participations: tuple[Participation, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items(Participation, "a Participation")
    )
    declarations: tuple[Declaration, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items(Declaration, "a Declaration")
    )
    claims: tuple[Claim, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items(Claim, "a Claim")
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items(Source, "a Source")
    )
    #: The day this network describes; None for the latest known state.
    as_of: _dt.date | None = attrs.field(default=None, validator=_optional(_date))
    #: Countries the dataset cannot place on ``as_of``: no dated record says whether their NCP
    #: was in place that day, or the dated records disagree.
    undetermined: tuple[Country, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items(Country, "a Country")
    )

    def ncp(self, key: str) -> NationalContactPoint:
        """The NCP of a country given by code (any case; ``EL``/``GR`` alike) or by name in any
        language CLDR knows, or as a source writes it (``Słowenia``, ``Slowenien``, ``slovenie``).

        Raises :class:`NotFound` saying why: not a country, no part in the EMN, no NCP known,
        or a name that fits several countries (with the closest candidates).
        """
        code = self._code(key)
        for ncp in self.ncps:
            if ncp.country.code == code:
                return ncp
        raise NotFound(self._why_no_ncp(code))

    def _code(self, key: object) -> str:
        if not isinstance(key, str):
            raise NotFound(f"{key!r} is neither a country code nor a country name")
        text = key.strip()
        if len(text) == 2 and text.isascii() and text.isalpha():
            return normalize_code(text)
        folded = fold(text)
        codes = set(codes_for(text))
        codes.update(
            n.country.code
            for n in self.ncps
            if n.listed_as and fold(n.listed_as.rsplit("(", 1)[0]) == folded
        )
        if len(codes) == 1:
            return codes.pop()
        if codes:
            fits = ", ".join(f"{english_name(c)} ({c})" for c in sorted(codes))
            raise NotFound(f"{key!r} fits more than one country: {fits}")
        raise NotFound(f"{key!r} names no country{self._closest(folded)}")

    def _closest(self, folded: str) -> str:
        import difflib

        known = frozenset(
            [n.country.code for n in self.ncps] + [p.country.code for p in self.participations]
        )
        names = names_for(known)
        close = difflib.get_close_matches(folded, names, n=8, cutoff=0.7)
        codes = list(dict.fromkeys(c for name in close for c in codes_for(name) if c in known))
        if not codes:
            return ""
        return "; closest: " + ", ".join(f"{english_name(c)} ({c})" for c in codes[:5])

    def _why_no_ncp(self, key: str) -> str:
        if key not in ISO_CODES:
            return f"{key!r} is not an ISO 3166-1 alpha-2 country code"
        country = f"{english_name(key)} ({key})"
        if self.as_of is not None:
            day = self.as_of.isoformat()
            if Country(key) in self.undetermined:
                return f"the dataset cannot say whether {country} had an NCP in place on {day}"
            later = sorted(
                p.since for p in self.participations if p.country.code == key and p.since
            )
            if later and later[0] > self.as_of:
                return f"{country} joined the EMN on {later[0].isoformat()}, after {day}"
        claims = [p for p in self.participations if p.country.code == key]
        absent = [p for p in claims if p.status is Status.NOT_PARTICIPATING]
        if absent:
            note = "; ".join(dict.fromkeys(p.note for p in absent if p.note))
            cited = ", ".join(p.source for p in absent)
            detail = f": {note}" if note else ""
            return (
                f"{country} takes no part in the EMN and has no National Contact Point"
                f"{detail} (sources: {cited})"
            )
        if claims:
            status = claims[-1].status.value.replace("_", " ")
            return (
                f"{country} takes part in the EMN ({status}), "
                "but no source names its National Contact Point"
            )
        return f"the dataset knows no National Contact Point for {country}"

    def source(self, id: str) -> Source:
        """The source with this id; :class:`NotFound` if the dataset has none."""
        for source in self.sources:
            if source.id == id:
                return source
        raise NotFound(f"no source with id {id!r}")

    def statuses(self, code: str) -> tuple[Participation, ...]:
        """Every source's claim about how the country with this code takes part."""
        key = normalize_code(code)
        return tuple(p for p in self.participations if p.country.code == key)

    def _repr_html_(self) -> str:
        from ._html import network_html

        return network_html(self)

    def __repr__(self) -> str:
        day = "" if self.as_of is None else f", as_of={self.as_of.isoformat()!r}"
        return (
            f"Network(legal_basis={self.legal_basis.reference!r}, "
            f"ncps={len(self.ncps)}, sources={len(self.sources)}{day})"
        )
