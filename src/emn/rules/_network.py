"""Rules over several NCPs together and over the whole network's sources."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from .._i18n import N_
from .._location import format_location
from .._model import NationalContactPoint, Network, Status
from ._composition import ART_5_1
from ._findings import Severity
from ._protocol import Context, Observation, observe, rule


@rule("one-ncp-per-country", Severity.ERROR, "One NCP per country", ART_5_1, scope="ncps")
def one_ncp_per_country(
    ncps: Sequence[NationalContactPoint], context: Context
) -> Iterator[Observation]:
    """A network has at most one NCP per country."""
    first: dict[str, int] = {}
    for index, ncp in enumerate(ncps):
        code = ncp.country.code
        if code in first:
            where = format_location(context.location(first[code])) or "the first NCP"
            yield observe(
                (*context.location(index), "country"),
                "a second NCP for {country} (the first is {first})",
                country=code,
                first=where,
            )
        else:
            first[code] = index


def _listed(network: Network, source: str) -> list[NationalContactPoint]:
    """The NCP records that rest on ``source`` (their first source)."""
    return [n for n in network.ncps if n.sources[:1] == (source,)]


def _count_listed(
    network: Network, subject: str, source: str, country: str | None
) -> tuple[int, str]:
    """How many ``subject`` the source itself lists, and which ones it leaves out of a count."""
    if subject == "ncps":
        return len(_listed(network, source)), ""
    if subject == "experts" and country is not None:
        experts = [
            e
            for n in network.ncps
            if n.country.code == country
            for e in n.experts or ()
            if e.source == source
        ]
        return len(experts), ""
    if subject == "observers":
        members = {
            p.country.code
            for p in network.participations
            if p.source == source and p.status is Status.MEMBER_STATE
        }
        observers = {
            p.country.code
            for p in network.participations
            if p.source == source and p.status is Status.OBSERVER
        }
        outside = [
            n.country.code for n in _listed(network, source) if n.country.code not in members
        ]
        unnamed = [code for code in outside if code not in observers]
        return len(outside), ", ".join(unnamed)
    return 0, ""


# What a declaration counts, as a phrase for the messages.
_SUBJECTS = {
    "ncps": N_("the number of NCPs"),
    "observers": N_("the number of observers"),
    "experts": N_("the number of experts"),
    "member_states": N_("the number of member states"),
    "associated_members": N_("the number of associated members"),
}
_FIELDS = {"code": N_("the code"), "coordinating_entity": N_("the coordinating entity")}


@rule("declared-count", Severity.WARNING, "A source lists what it says it lists", scope="network")
def declared_count(network: Network, context: Context) -> Iterator[Observation]:
    """What a source says it lists agrees with what it lists: the Polish list says 32 NCPs and
    lists 33; the Slovenian text says ten experts and lists ten. A count the source does not
    itemise is not judged, nor is a network as of a day (it holds only some of what a source
    lists)."""
    if network.as_of is not None:
        return
    for index, declaration in enumerate(network.declarations):
        country = declaration.country.code if declaration.country else None
        listed, unnamed = _count_listed(network, declaration.subject, declaration.source, country)
        if listed == 0 or listed == declaration.count:
            continue
        template = (
            N_("{source} says {subject} is {declared} but lists {listed} (not counted: {unnamed})")
            if unnamed
            else N_("{source} says {subject} is {declared} but lists {listed}")
        )
        yield observe(
            ("declarations", index),
            template,
            source=declaration.source,
            subject=_SUBJECTS.get(declaration.subject, declaration.subject),
            declared=declaration.count,
            listed=listed,
            unnamed=unnamed,
        )


def _claims(pairs: Sequence[tuple[str, str]]) -> str:
    """(value, source) pairs as the JSON that ``_messages`` renders: values first seen first."""
    by_value: dict[str, list[str]] = {}
    for value, source in pairs:
        by_value.setdefault(value, []).append(source)
    return json.dumps(list(by_value.items()), ensure_ascii=False)


def _disagree(pairs: Sequence[tuple[str, str]]) -> bool:
    return len({value for value, _ in pairs}) > 1


@rule("source-conflict", Severity.INFO, "Sources agree", scope="network")
def source_conflict(network: Network, context: Context) -> Iterator[Observation]:
    """Two sources disagree on a fact: a country's status (Norway: observer or associated
    member), the date it joined, a code (Greece: GR or EL), a host institution, or a count."""
    first_claim: dict[str, int] = {}
    statuses: dict[str, list[tuple[str, str]]] = {}
    joined: dict[str, list[tuple[str, str]]] = {}
    for index, p in enumerate(network.participations):
        code = p.country.code
        first_claim.setdefault(code, index)
        if p.since is None:
            statuses.setdefault(code, []).append((p.status.value, p.source))
        else:
            joined.setdefault(code, []).append((p.since.isoformat(), p.source))
    checks = (
        (statuses, N_("sources disagree on the status of {country}: {claims}"), "status"),
        (joined, N_("sources disagree on when {country} joined: {claims}"), "date"),
    )
    for groups, template, kind in checks:
        for code, pairs in groups.items():
            if _disagree(pairs):
                yield observe(
                    ("participations", first_claim[code]),
                    template,
                    country=code,
                    claims=_claims(pairs),
                    kind=kind,
                )
    subjects: dict[str, list[tuple[str, str]]] = {}
    first_index: dict[str, int] = {}
    for index, claim in enumerate(network.claims):
        subjects.setdefault(claim.subject, []).append((claim.value, claim.source))
        first_index.setdefault(claim.subject, index)
    for subject, pairs in subjects.items():
        if _disagree(pairs):
            code, _, field = subject.partition(".")
            yield observe(
                ("claims", first_index[subject]),
                "sources disagree on {field} of {country}: {claims}",
                country=code,
                field=_FIELDS.get(field, field),
                claims=_claims(pairs),
                kind="text",
            )
    counts: dict[tuple[str, str | None], list[tuple[str, str]]] = {}
    first_declaration: dict[tuple[str, str | None], int] = {}
    for index, d in enumerate(network.declarations):
        key = (d.subject, d.country.code if d.country else None)
        counts.setdefault(key, []).append((str(d.count), d.source))
        first_declaration.setdefault(key, index)
    for key, pairs in counts.items():
        if _disagree(pairs):
            yield observe(
                ("declarations", first_declaration[key]),
                "sources disagree on {subject}: {claims}",
                subject=_SUBJECTS.get(key[0], key[0]),
                claims=_claims(pairs),
                kind="number",
            )


RULES = (one_ncp_per_country, declared_count, source_conflict)
