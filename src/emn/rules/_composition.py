"""Rules about one NCP's composition (Decision 2008/381/EC, Art. 5)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from .._i18n import N_
from .._identity import person_key, within
from .._location import Location, format_location
from .._messages import NP_
from .._model import NationalContactPoint, Organisation, OrganisationKind, Role, Scope, Status
from .._precedence import Reading
from ._findings import Severity
from ._protocol import Context, Observation, observe, rule

ART_5_1 = "Decision 2008/381/EC, Art. 5(1)"
ART_5_2 = "Decision 2008/381/EC, Art. 5(2)"


@rule("min-experts", Severity.ERROR, "At least three experts", ART_5_2)
def min_experts(ncp: NationalContactPoint, context: Context) -> Iterator[Observation]:
    """An NCP whose composition is known has at least three experts."""
    if ncp.experts is not None and len(ncp.experts) < 3:
        yield observe(
            "experts",
            # English says both the same way; Slovenian, Polish and others do not.
            NP_(
                "the NCP has fewer than three experts (it has {count})",
                "the NCP has fewer than three experts (it has {count})",
            ),
            count=len(ncp.experts),
        )


@rule("one-coordinator", Severity.ERROR, "Exactly one national coordinator", ART_5_2)
def one_coordinator(ncp: NationalContactPoint, context: Context) -> Iterator[Observation]:
    """Exactly one expert has the role national_coordinator."""
    if ncp.experts is None:
        return
    coordinators = [e.name for e in ncp.experts if e.role is Role.NATIONAL_COORDINATOR]
    if not coordinators:
        yield observe("experts", "no expert is the national coordinator; exactly one must be")
    elif len(coordinators) > 1:
        yield observe(
            "experts",
            "more than one expert is the national coordinator ({names}); exactly one must be",
            names=", ".join(coordinators),
        )


@rule(
    "coordinator-affiliation",
    Severity.ERROR,
    "The coordinator works for the designated entity",
    ART_5_2,
)
def coordinator_affiliation(ncp: NationalContactPoint, context: Context) -> Iterator[Observation]:
    """The national coordinator is an official or employee of the designated entity, or of a
    unit of it (the Police within the Ministry of the Interior). Where no designated entity
    is known, it cannot be judged."""
    entity = ncp.coordinating_entity
    if entity is None:
        return
    for index, expert in enumerate(ncp.experts or ()):
        if expert.role is Role.NATIONAL_COORDINATOR and not within(expert.organisation, entity):
            yield observe(
                ("experts", index, "organisation"),
                "the national coordinator {name} comes from {organisation}, "
                "not from the designated entity {entity} or a unit of it",
                name=expert.name,
                organisation=expert.organisation.full_name,
                entity=entity.name,
            )


def _based_in(organisation: Organisation) -> str | None:
    return next((n.country.code for n in organisation.lineage if n.country is not None), None)


def _international(organisation: Organisation) -> bool:
    international = OrganisationKind.INTERNATIONAL_ORGANISATION
    return any(node.kind is international for node in organisation.lineage)


@rule(
    "expert-affiliation",
    Severity.WARNING,
    "Experts come from the country or an international body",
    ART_5_2,
)
def expert_affiliation(ncp: NationalContactPoint, context: Context) -> Iterator[Observation]:
    """The other experts come from the designated entity, from organisations based in the NCP's
    country, or from international organisations. An organisation whose country is not known
    cannot be judged and is passed over."""
    for index, expert in enumerate(ncp.experts or ()):
        if expert.role is Role.NATIONAL_COORDINATOR:
            continue
        organisation = expert.organisation
        based = _based_in(organisation)
        if (
            based is None
            or based == ncp.country.code
            or _international(organisation)
            or (
                ncp.coordinating_entity is not None
                and within(organisation, ncp.coordinating_entity)
            )
        ):
            continue
        yield observe(
            ("experts", index, "organisation"),
            "{name} comes from {organisation}, based in {based_country}: neither in {country} "
            "nor an international organisation",
            name=expert.name,
            organisation=organisation.full_name,
            based_country=based,
            country=ncp.country.code,
        )


# What people write where they do not know a name yet, in the library's languages, compared
# after case and whitespace folding: English; Slovenian ("ime in priimek": name and surname,
# "ni podatka": no data); Polish ("imię i nazwisko": name and surname, "b.d."/"brak danych": no
# data, "brak": none); and N.N., nomen nescio. A name with no letter at all (-, ?, ...) is one
# too, as are runs of x.
PLACEHOLDERS = frozenset(
    [
        "n/a",
        "n.a.",
        "tbd",
        "tba",
        "name",
        "name surname",
        "first name last name",
        "ime",
        "ime in priimek",
        "ni podatka",
        "imię",
        "imię i nazwisko",
        "b.d.",
        "brak",
        "brak danych",
        "nn",
        "n.n.",
    ]
)


def placeholder(name: str) -> bool:
    """Whether ``name`` is empty or a placeholder rather than a person's name.

    >>> placeholder("  "), placeholder("TBD"), placeholder("Imię i  nazwisko"), placeholder("?")
    (True, True, True, True)
    >>> placeholder("Nataša Potočnik"), placeholder("Ng")
    (False, False)
    """
    folded = person_key(name)
    return (
        folded in PLACEHOLDERS
        or not any(char.isalpha() for char in folded)
        or re.fullmatch("x{2,}", folded) is not None
    )


@rule("expert-name", Severity.ERROR, "Every expert has a name")
def expert_name(ncp: NationalContactPoint, context: Context) -> Iterator[Observation]:
    """Every expert's name is a person's name: not empty, not only spaces, and not a placeholder
    such as N/A, TBD, -, ?, xxx or "name" (in English, Slovenian or Polish)."""
    for index, expert in enumerate(ncp.experts or ()):
        if not expert.name.strip():
            yield observe(("experts", index, "name"), "the expert's name is empty")
        elif placeholder(expert.name):
            yield observe(
                ("experts", index, "name"),
                "'{name}' is a placeholder, not a person's name",
                name=expert.name,
            )


@rule("duplicate-expert", Severity.ERROR, "No person is listed twice")
def duplicate_expert(ncp: NationalContactPoint, context: Context) -> Iterator[Observation]:
    """No person is listed twice; names compare after Unicode NFC normalisation, case folding and
    whitespace folding, so ``Sandi Čurin`` and ``SANDI  C\u030curin`` are one person. Empty and
    placeholder names stand for no one (``expert-name`` reports them)."""
    first: dict[str, int] = {}
    for index, expert in enumerate(ncp.experts or ()):
        if placeholder(expert.name):
            continue
        key = person_key(expert.name)
        if key in first:
            yield observe(
                ("experts", index),
                "the person {name} is listed twice (first as {first})",
                name=expert.name,
                first=format_location(("experts", first[key])),
            )
        else:
            first[key] = index


@rule("deputy-not-coordinator", Severity.ERROR, "A deputy is not also the coordinator")
def deputy_not_coordinator(ncp: NationalContactPoint, context: Context) -> Iterator[Observation]:
    """A deputy coordinator is not also the national coordinator (placeholder names aside)."""
    experts = [e for e in ncp.experts or () if not placeholder(e.name)]
    coordinators = {person_key(e.name) for e in experts if e.role is Role.NATIONAL_COORDINATOR}
    for index, expert in enumerate(ncp.experts or ()):
        if (
            expert.role is Role.DEPUTY_COORDINATOR
            and not placeholder(expert.name)
            and person_key(expert.name) in coordinators
        ):
            yield observe(
                ("experts", index, "role"),
                "the person {name} is both the national coordinator and a deputy coordinator",
                name=expert.name,
            )


@rule(
    "participating-country",
    Severity.ERROR,
    "The country takes part in the EMN",
    f"{ART_5_1}; the Commission's members list",
)
def participating_country(ncp: NationalContactPoint, context: Context) -> Iterator[Observation]:
    """The NCP's country takes part in the EMN through an NCP on the reference network's day
    (today, for the latest network): Denmark has no NCP; the United Kingdom took part until it
    left the EU. Where no source in the reference network speaks of the country, the rule
    says so as info."""
    code = ncp.country.code
    reference = context.reference
    claims = [p for p in context.statuses(code) if p.scope is Scope.NCP]
    if reference.as_of is not None:
        # A network as of a day holds the records that may hold on it: the country takes part
        # if one of them says so, or the records leave the day undetermined.
        taking = [p for p in claims if p.status is not Status.NOT_PARTICIPATING]
        if not taking and ncp.country not in reference.undetermined:
            day = reference.as_of.isoformat()
            yield observe(
                "country", "{country} took no part in the EMN on {day}", country=code, day=day
            )
        return
    if not claims:
        yield observe(
            "country",
            "no source in the dataset says whether {country} takes part in the EMN",
            severity=Severity.INFO,
            country=code,
        )
        return
    absent = [p for p in claims if p.status is Status.NOT_PARTICIPATING]
    if len(absent) == len(claims):
        yield observe(
            "country",
            "{country} has no National Contact Point in the EMN ({sources})",
            country=code,
            sources=", ".join(dict.fromkeys(p.source for p in absent)),
        )
        return
    reading = Reading.of(reference)
    if reading.participation(code, reading.today)[0] != "out":
        return
    last = reading.last_day(code)
    if last is not None and last < reading.today:
        ended = [p for p in claims if p.valid.end is not None and p.valid.end.latest == last]
        yield observe(
            "country",
            "{country} took part in the EMN until {end} ({sources}), so it has no NCP now",
            country=code,
            end=last.isoformat(),
            sources=", ".join(dict.fromkeys(p.source for p in ended)),
        )
    else:
        day = reading.today.isoformat()
        yield observe(
            "country", "{country} took no part in the EMN on {day}", country=code, day=day
        )


@rule("composition-unknown", Severity.INFO, "The composition is published")
def composition_unknown(ncp: NationalContactPoint, context: Context) -> Iterator[Observation]:
    """The sources do not publish the experts of this NCP, so the composition rules cannot
    judge it."""
    if ncp.experts is None:
        yield observe("experts", "the sources do not publish the experts of this NCP")


_BODIES = {
    "coordinating_entity": N_("the coordinating entity"),
    "appointed_by": N_("the body that appointed the NCP"),
}


@rule("entity-country", Severity.ERROR, "The designated entity is in the NCP's country", ART_5_1)
def entity_country(ncp: NationalContactPoint, context: Context) -> Iterator[Observation]:
    """The coordinating entity, and the body that appointed the NCP, are not known to be based
    in another country than the NCP's: Slovenia's ministries cannot be Croatia's NCP. An
    organisation is based where it, or the body it is a unit of, says; one whose country is
    not known is not judged."""
    for field, subject in _BODIES.items():
        organisation = getattr(ncp, field)
        based = _based_in(organisation) if organisation is not None else None
        if based is not None and based != ncp.country.code:
            yield observe(
                field,
                "{subject} {organisation} is based in {based_country}, not in {country}",
                subject=subject,
                organisation=organisation.full_name,
                based_country=based,
                country=ncp.country.code,
            )


def _names_cited(organisation: Organisation, at: Location) -> Iterator[tuple[Location, str]]:
    for node in organisation.lineage:
        for index, name in enumerate(node.names):
            if name.source:
                yield (*at, "names", index, "source"), name.source
        at = (*at, "parent")


def _cited(ncp: NationalContactPoint) -> Iterator[tuple[Location, str]]:
    """Every source id the NCP cites, and where."""
    yield from ((("sources", index), source) for index, source in enumerate(ncp.sources))
    if ncp.coordinating_entity is not None:
        yield from _names_cited(ncp.coordinating_entity, ("coordinating_entity",))
    if ncp.appointed_by is not None:
        yield from _names_cited(ncp.appointed_by, ("appointed_by",))
    for index, expert in enumerate(ncp.experts or ()):
        if expert.source:
            yield ("experts", index, "source"), expert.source
        yield from _names_cited(expert.organisation, ("experts", index, "organisation"))
    for index, event in enumerate(ncp.history):
        yield ("history", index, "source"), event.source


@rule("unknown-source", Severity.WARNING, "Every source cited is defined")
def unknown_source(ncp: NationalContactPoint, context: Context) -> Iterator[Observation]:
    """Every source id an NCP cites (its own, its experts', its history's, its organisations'
    names') is defined: by the file validated (a data package's sources table) or by the
    dataset. A mistyped id would leave a fact with no source."""
    for location, source in _cited(ncp):
        if not context.knows_source(source):
            yield observe(
                location,
                "the source {source} is defined neither in what was validated nor in the dataset",
                source=source,
            )


#: The earliest day an NCP's date can be. Sources disagree on when the EMN's pilot phase
#: began: 2002 (the Commission's 2005 Green Paper, COM(2005)606; the Austrian NCP's history
#: page says 2002/2003) or 2003 (EMN Sweden, the Decision's recitals on the preparatory
#: action). The earlier is taken, so that no true date is refused.
NETWORK_BEGAN = datetime.date(2002, 1, 1)


@rule("date-range", Severity.ERROR, "Dates lie between the network's beginning and today")
def date_range(ncp: NationalContactPoint, context: Context) -> Iterator[Observation]:
    """The day the composition last changed, and each event of its history, lie neither after
    today nor before 2002, the earliest year the sources give for the beginning of the EMN's
    pilot phase (2002 or 2003, as sources disagree). A year or a month stands for all its days;
    ``by 2008`` for any day up to then, ``before 2008`` for any day before it."""
    today = datetime.date.today()
    dates: list[tuple[Location, str, datetime.date | None, datetime.date]] = []
    if ncp.last_changed is not None:
        day = ncp.last_changed
        dates.append((("last_changed",), day.isoformat(), day, day))
    for index, event in enumerate(ncp.history):
        if event.when is not None:
            when = event.when
            dates.append((("history", index, "when"), str(when), when.earliest, when.latest))
    for location, written, first, last in dates:
        if first is not None and first > today:
            yield observe(location, "the date {day} is after today", day=written)
        elif last < NETWORK_BEGAN:
            yield observe(
                location,
                "the date {day} is before 2002, when the EMN's pilot phase began",
                day=written,
            )


RULES = (
    min_experts,
    one_coordinator,
    coordinator_affiliation,
    expert_affiliation,
    expert_name,
    duplicate_expert,
    deputy_not_coordinator,
    entity_country,
    participating_country,
    unknown_source,
    date_range,
    composition_unknown,
)
