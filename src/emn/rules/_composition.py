"""Rules about one NCP's composition (Decision 2008/381/EC, Art. 5)."""

from __future__ import annotations

from collections.abc import Iterator

from .._identity import person_key, within
from .._location import format_location
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
            "the NCP has fewer than three experts (it has {count})",
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


@rule("duplicate-expert", Severity.ERROR, "No person is listed twice")
def duplicate_expert(ncp: NationalContactPoint, context: Context) -> Iterator[Observation]:
    """No person is listed twice; names compare after Unicode NFC normalisation, case folding and
    whitespace folding, so ``Sandi Čurin`` and ``SANDI  C\u030curin`` are one person."""
    first: dict[str, int] = {}
    for index, expert in enumerate(ncp.experts or ()):
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
    """A deputy coordinator is not also the national coordinator."""
    experts = ncp.experts or ()
    coordinators = {person_key(e.name) for e in experts if e.role is Role.NATIONAL_COORDINATOR}
    for index, expert in enumerate(experts):
        if expert.role is Role.DEPUTY_COORDINATOR and person_key(expert.name) in coordinators:
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


RULES = (
    min_experts,
    one_coordinator,
    coordinator_affiliation,
    expert_affiliation,
    duplicate_expert,
    deputy_not_coordinator,
    participating_country,
    composition_unknown,
)
