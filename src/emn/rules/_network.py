"""Rules over several NCPs together and over the whole network's sources."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from .._i18n import N_
from .._location import Location, format_location
from .._model import (
    Basis,
    Host,
    NationalContactPoint,
    Organisation,
    Participation,
    Scope,
    Status,
    When,
)
from .._network import Claim, Declaration, Network
from .._precedence import Reading, span
from ._composition import ART_5_1
from ._findings import Severity
from ._protocol import Context, Observation, observe, rule

_MIN, _MAX = datetime.date.min, datetime.date.max
_DAY = datetime.timedelta(days=1)


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


# -- time ------------------------------------------------------------------------------------


def _range(record: Any, today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The days a record may speak of: its interval, its observed time, or, undated, any day
    up to the day its source was read."""
    valid = record.valid
    if valid.dated:
        start, end = span(valid.start), span(valid.end)
        return (start[0] if start else _MIN, end[1] if end else today)
    observed = span(getattr(record, "observed", None))
    return observed if observed is not None else (_MIN, today)


def _overlap(
    a: tuple[datetime.date, datetime.date], b: tuple[datetime.date, datetime.date]
) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _boundaries(records: Iterable[Any], today: datetime.date) -> list[datetime.date]:
    """Every day on which what the records say may change, up to today."""
    days = {today}
    for record in records:
        for when in (record.valid.start, record.valid.end, getattr(record, "observed", None)):
            if when is not None:
                days.update(d for d in (when.earliest, when.latest, when.latest + _DAY) if d)
    return sorted(d for d in days if d <= today)


def _within(
    days: Sequence[datetime.date], window: tuple[datetime.date, datetime.date]
) -> list[datetime.date]:
    inside = [d for d in days if window[0] <= d <= window[1]]
    return inside or [max(window[0], min(window[1], days[-1]))]


# -- declared-count ----------------------------------------------------------------------------


def _listed(network: Network, source: str) -> list[NationalContactPoint]:
    """The NCP records that rest on ``source`` (their first source), former ones included."""
    return [n for n in (*network.ncps, *network.former_ncps) if n.sources[:1] == (source,)]


def _count_listed(network: Network, declaration: Declaration) -> tuple[int, str]:
    """How many of what ``declaration`` counts its source itself lists for the time it speaks
    of, and which of them it leaves out of its count."""
    subject, source = declaration.subject, declaration.source
    today = network.updated or datetime.date.today()
    window = _range(declaration, today)
    if subject == "ncps":
        return len(_listed(network, source)), ""
    if subject == "experts" and declaration.country is not None:
        code = declaration.country.code
        experts = [
            e
            for n in network.ncps
            if n.country.code == code
            and n.last_changed is not None
            # A composition holds from its last change: it speaks of the count's time only
            # if that time reaches it.
            and n.last_changed <= window[1]
            for e in n.experts or ()
            if e.source == source
        ]
        return len(experts), ""
    if subject == "observers":
        said = [
            p
            for p in network.participations
            if p.source == source and p.scope is Scope.NCP and _overlap(_range(p, today), window)
        ]
        members = {p.country.code for p in said if p.status is Status.MEMBER_STATE}
        observers = {p.country.code for p in said if p.status is Status.OBSERVER}
        outside = [
            n.country.code for n in _listed(network, source) if n.country.code not in members
        ]
        unnamed = [code for code in outside if code not in observers]
        return len(observers | set(outside)), ", ".join(unnamed)
    return 0, ""


# What a declaration counts, as a phrase for the messages.
_SUBJECTS = {
    "ncps": N_("the number of NCPs"),
    "observers": N_("the number of observers"),
    "experts": N_("the number of experts"),
    "member_states": N_("the number of member states"),
    "associated_members": N_("the number of associated members"),
    "staff": N_("the number of staff"),
    "members": N_("the number of members"),
}
# A claim's field, as a phrase for the messages.
_FIELDS = {
    "code": N_("the code"),
    "coordinating_entity": N_("the coordinating entity"),
    "in_force": N_("the date of entry into force"),
    "pilot_start": N_("the year the pilot phase began"),
    "grant_agreement_term": N_("the term of the grant agreements"),
    "ncp_meetings_per_year": N_("the number of NCP meetings a year"),
    "steering_board": N_("the Steering Board's make-up"),
    "service_providers": N_("the number of service providers"),
}


@rule("declared-count", Severity.WARNING, "A source lists what it says it lists", scope="network")
def declared_count(network: Network, context: Context) -> Iterator[Observation]:
    """What a source says it lists agrees with what it lists for the time it speaks of: the
    Polish list says 32 NCPs and lists 33; the Slovenian text says ten experts and lists ten. A
    count the source does not itemise is not judged, nor is a network as of a day (it holds
    only some of what a source lists)."""
    if network.as_of is not None:
        return
    for index, declaration in enumerate(network.declarations):
        if declaration.count is None:
            continue
        listed, unnamed = _count_listed(network, declaration)
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


# -- source-conflict -----------------------------------------------------------------------------


def _claims(pairs: Iterable[tuple[str, str]]) -> str:
    """(value, source) pairs as the JSON that ``_messages`` renders: values first seen first."""
    by_value: dict[str, list[str]] = {}
    for value, source in pairs:
        sources = by_value.setdefault(value, [])
        if source not in sources:
            sources.append(source)
    return json.dumps(list(by_value.items()), ensure_ascii=False)


_MADE = {Basis.DERIVED: "maintainers' derivation", Basis.INFERRED: "maintainers' inference"}


def _cited(record: Any) -> str:
    """A record's source; for the maintainers' own records, how they made it."""
    made: str = _MADE.get(record.basis, record.source)
    return made


class _History:
    """What the headline says on a day: from the precedence rule over the whole network, or,
    for a network as of a day, the NCPs of that day as they stand."""

    def __init__(self, network: Network) -> None:
        self.dated = network.as_of is not None
        self.today = network.as_of or network.updated or datetime.date.today()
        self.reading = None if self.dated else Reading.of(network)
        ncps = (*network.ncps, *network.former_ncps)
        self.ncps = {n.country.code: n for n in ncps}
        self._status: dict[tuple[str, datetime.date], tuple[Status | None, bool]] = {}
        self._host: dict[tuple[str, datetime.date], tuple[Organisation | None, bool]] = {}

    def strongest(self, records: Iterable[Any], code: str) -> list[Any]:
        """The records, strongest first by the precedence rule (as given, in a dated network)."""
        if self.reading is None:
            return list(records)
        reading = self.reading
        return sorted(records, key=lambda r: reading.order(r, code))

    def days(self, records: Iterable[Any]) -> list[datetime.date]:
        return [self.today] if self.dated else _boundaries(records, self.today)

    def status(self, code: str, day: datetime.date) -> tuple[Status | None, bool]:
        """The headline status on ``day`` (None where the country is not in, or undecided),
        and whether that status rests on a source's own word."""
        if self.reading is None:
            ncp = self.ncps.get(code)
            return (None if ncp is None else ncp.status), True
        key = (code, day)
        if key not in self._status:
            decided, status, _ = self.reading.participation(code, day)
            self._status[key] = (status if decided == "in" else None, True)
        return self._status[key]

    def host(self, code: str, day: datetime.date) -> tuple[Organisation | None, bool]:
        """The headline host on ``day``, and whether it rests on a source's own word."""
        if self.reading is None:
            ncp = self.ncps.get(code)
            return (None if ncp is None else ncp.coordinating_entity), True
        key = (code, day)
        if key not in self._host:
            body, _, winners = self.reading.host(code, day, headline=day == self.today)
            stated = any(h.basis is Basis.STATED for h in winners)
            self._host[key] = (body, stated)
        return self._host[key]


def _in_conflict(
    history: _History,
    record: Any,
    days: Sequence[datetime.date],
    headline: Callable[[str, datetime.date], tuple[Any, bool]],
    agrees: Callable[[Any, Any], bool],
) -> bool:
    """True if the headline says something else at a time both may hold, resting on a source's
    own word, and at no time in the record's range says what the record says."""
    differs = False
    for day in _within(days, _range(record, history.today)):
        value, stated = headline(record.country.code, day)
        if value is None:
            continue
        if agrees(value, record):
            return False
        differs = differs or stated
    return differs


def _same_status(status: Status, record: Participation) -> bool:
    return status is record.status


def _same_line(body: Organisation, record: Host) -> bool:
    return _on_one_line(body, record.organisation)


def _status_conflicts(network: Network, history: _History) -> Iterator[Observation]:
    where = {id(p): index for index, p in enumerate(network.participations)}
    by_country: dict[str, list[Participation]] = {}
    for p in network.participations:
        by_country.setdefault(p.country.code, []).append(p)
    for code, records in by_country.items():
        labelled = [p for p in records if p.status is not Status.PARTICIPANT]
        through_ncp = [p for p in labelled if p.scope is Scope.NCP]
        days = history.days(records)
        found = [
            p
            for p in through_ncp
            if p.basis is Basis.STATED
            and p.status is not Status.NOT_PARTICIPATING
            and _in_conflict(history, p, days, history.status, _same_status)
        ]
        ncp = history.ncps.get(code)
        if ncp is not None and "status" in ncp.disputed:
            found = [p for p in through_ncp if p.status is not Status.NOT_PARTICIPATING]
        if found:
            headline = (
                []
                if ncp is None or ncp.status is None
                else [
                    (ncp.status.value, _cited(p))
                    for p in history.strongest(through_ncp, code)
                    if p.status is ncp.status
                ]
            )
            yield observe(
                ("participations", where[id(found[0])]),
                N_("sources disagree on the status of {country}: {claims}"),
                country=code,
                claims=_claims([*headline, *((p.status.value, _cited(p)) for p in found)]),
                kind="status",
            )
        # Other scopes have no headline: their records disagree only among themselves.
        for scope in (Scope.STEERING_BOARD, Scope.NETWORK, Scope.UNSPECIFIED):
            group = [p for p in labelled if p.scope is scope]
            if _disagreeing(group, history.today, lambda p: p.status.value):
                yield observe(
                    ("participations", where[id(group[0])]),
                    N_("sources disagree on the status of {country} {scope}: {claims}"),
                    country=code,
                    scope=scope.word,
                    claims=_claims((p.status.value, _cited(p)) for p in group),
                    kind="status",
                )
        if not history.dated:
            starts = [
                p
                for p in records
                if p.scope is Scope.NCP
                and p.status is not Status.NOT_PARTICIPATING
                and p.valid.start is not None
            ]
            starts = history.strongest(starts, code)
            if _dates_disagree(p.valid.start for p in starts):
                yield observe(
                    ("participations", where[id(starts[0])]),
                    N_("sources disagree on when {country} joined: {claims}"),
                    country=code,
                    claims=_claims((str(p.valid.start), _cited(p)) for p in starts),
                    kind="when",
                )


def _disagreeing(records: Sequence[Any], today: datetime.date, value: Callable[[Any], str]) -> bool:
    """True if two records give different values for times that may overlap."""
    return any(
        value(a) != value(b) and _overlap(_range(a, today), _range(b, today))
        for i, a in enumerate(records)
        for b in records[i + 1 :]
    )


def _dates_disagree(whens: Iterable[When | None]) -> bool:
    """True if two of the dates cannot denote the same day."""
    ranges = [span(w) for w in whens if w is not None]
    return any(not _overlap(a, b) for i, a in enumerate(ranges) if a for b in ranges[i + 1 :] if b)


def _host_location(network: Network, code: str, host: Host) -> Location:
    for field in ("ncps", "former_ncps"):
        for index, ncp in enumerate(getattr(network, field)):
            if ncp.country.code == code:
                return (field, index, "hosts", ncp.hosts.index(host))
    return ()


def _on_one_line(a: Organisation, b: Organisation) -> bool:
    return a in b.lineage or b in a.lineage


def _host_conflicts(network: Network, history: _History) -> Iterator[Observation]:
    from .._precedence import HEADLINE_RELATIONS

    for code, ncp in history.ncps.items():
        records = [h for h in ncp.hosts if h.relation in HEADLINE_RELATIONS]
        days = history.days(records)
        found = [
            h
            for h in records
            if h.basis is Basis.STATED and _in_conflict(history, h, days, history.host, _same_line)
        ]
        disputed = "coordinating_entity" in ncp.disputed
        if disputed:
            found = records
        if found:
            entity = ncp.coordinating_entity
            headline = (
                []
                if entity is None
                else [
                    (entity.name, _cited(h)) for h in records if entity.is_part_of(h.organisation)
                ]
            )
            yield observe(
                _host_location(network, code, found[0]),
                N_("sources disagree on {field} of {country}: {claims}"),
                field=N_("the coordinating entity"),
                country=code,
                claims=_claims([*headline, *((h.organisation.name, _cited(h)) for h in found)]),
                kind="text",
            )
        if history.dated:
            continue
        for body, group in _by_body(ncp.hosts):
            for template, bound in _BOUNDS:
                # A bound the maintainers added (a body cannot outlast itself) is no source's.
                dated = [h for h in group if bound(h) is not None and h.valid.basis is None]
                if _dates_disagree(bound(h) for h in dated):
                    yield observe(
                        _host_location(network, code, dated[0]),
                        template,
                        organisation=body.name,
                        country=code,
                        claims=_claims((str(bound(h)), _cited(h)) for h in dated),
                        kind="when",
                    )


def _start(host: Host) -> When | None:
    return host.valid.start


def _end(host: Host) -> When | None:
    return host.valid.end


_BOUNDS: tuple[tuple[str, Callable[[Host], When | None]], ...] = (
    (
        N_("sources disagree on when {organisation} began to host the NCP of {country}: {claims}"),
        _start,
    ),
    (
        N_(
            "sources disagree on when {organisation} stopped hosting the NCP of {country}: {claims}"
        ),
        _end,
    ),
)


def _by_body(hosts: Sequence[Host]) -> Iterator[tuple[Organisation, list[Host]]]:
    """Dated host records of one body, in stints: records whose times may overlap belong to
    one stint (Croatia's Ministry hosted twice: its two stints never disagree)."""
    today = datetime.date.max
    bodies: dict[Organisation, list[Host]] = {}
    for host in hosts:
        if host.valid.dated and host.basis is Basis.STATED:
            bodies.setdefault(host.organisation, []).append(host)
    for body, records in bodies.items():
        stints: list[list[Host]] = []
        for host in sorted(records, key=lambda h: _range(h, today)):
            if stints and any(_overlap(_range(h, today), _range(host, today)) for h in stints[-1]):
                stints[-1].append(host)
            else:
                stints.append([host])
        for stint in stints:
            yield body, stint


def _claim_conflicts(network: Network, history: _History) -> Iterator[Observation]:
    subjects: dict[str, list[tuple[int, Claim]]] = {}
    for index, claim in enumerate(network.claims):
        subjects.setdefault(claim.subject, []).append((index, claim))
    for subject, indexed in subjects.items():
        claims = [c for _, c in indexed]
        if not _disagreeing(claims, history.today, lambda c: c.value):
            continue
        head, _, field = subject.partition(".")
        phrase = _FIELDS.get(field, field.replace("_", " "))
        values = _claims((c.value, _cited(c)) for c in claims)
        if head in ("network", "legal_basis"):
            yield observe(
                ("claims", indexed[0][0]),
                N_("sources disagree about the network on {field}: {claims}"),
                field=phrase,
                claims=values,
                kind="text",
            )
        else:
            yield observe(
                ("claims", indexed[0][0]),
                N_("sources disagree on {field} of {country}: {claims}"),
                country=head,
                field=phrase,
                claims=values,
                kind="text",
            )


def _totals(network: Network, today: datetime.date) -> list[tuple[int, Declaration, int]]:
    """Each source's count of the network's NCPs: its ``ncps`` count, or its ``member_states``
    count with the associated members or observers it counts in the same breath (Norway where
    it names it among those it includes)."""
    by_source: dict[str, dict[str, tuple[int, Declaration]]] = {}
    for index, d in enumerate(network.declarations):
        if d.country is None and d.count is not None:
            by_source.setdefault(d.source, {})[d.subject] = (index, d)
    totals = []
    for subjects in by_source.values():
        if "ncps" in subjects:
            index, record = subjects["ncps"]
            total = record.count or 0
        elif "member_states" in subjects:
            index, record = subjects["member_states"]
            extra = subjects.get("associated_members") or subjects.get("observers")
            added = extra[1].count or 0 if extra else int("NO" in record.includes)
            total = (record.count or 0) + added
        else:
            continue
        totals.append((index, record, total))
    return totals


def _count_conflicts(network: Network, history: _History) -> Iterator[Observation]:
    today = history.today
    totals = _totals(network, today)
    groups = _groups(
        totals, lambda a, b: a[2] != b[2] and _overlap(_range(a[1], today), _range(b[1], today))
    )
    for group in groups:
        start = max(_range(d, today)[0] for _, d, _ in group)
        end = min(_range(d, today)[1] for _, d, _ in group)
        yield observe(
            ("declarations", min(index for index, _, _ in group)),
            N_("sources disagree on {subject} between {start} and {end}: {claims}")
            if start <= end
            else N_("sources disagree on {subject} at times that overlap: {claims}"),
            subject=_SUBJECTS["ncps"],
            start=start.isoformat(),
            end=end.isoformat(),
            claims=_claims(
                (str(total), d.source) for _, d, total in sorted(group, key=lambda t: -t[2])
            ),
            kind="number",
        )
    per_country: dict[tuple[str, str], list[tuple[int, Declaration, int]]] = {}
    for index, d in enumerate(network.declarations):
        if d.country is not None and d.count is not None:
            per_country.setdefault((d.subject, d.country.code), []).append((index, d, d.count))
    for (subject, code), items in per_country.items():
        for group in _groups(
            items,
            lambda a, b: a[2] != b[2] and _overlap(_range(a[1], today), _range(b[1], today)),
        ):
            yield observe(
                ("declarations", min(index for index, _, _ in group)),
                N_("sources disagree on {subject} of {country}: {claims}"),
                subject=_SUBJECTS.get(subject, subject),
                country=code,
                claims=_claims((str(total), d.source) for _, d, total in group),
                kind="number",
            )


def _groups(items: Sequence[Any], linked: Callable[[Any, Any], bool]) -> list[list[Any]]:
    """The items that disagree with one another, in connected groups."""
    groups: list[list[Any]] = []
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if not linked(a, b):
                continue
            joined = [g for g in groups if any(x is a or x is b for x in g)]
            merged = [x for g in joined for x in g]
            merged += [x for x in (a, b) if not any(x is y for y in merged)]
            groups = [g for g in groups if not any(g is j for j in joined)] + [merged]
    return [sorted(g, key=lambda t: t[0]) for g in groups]


@rule("source-conflict", Severity.INFO, "Sources agree", scope="network")
def source_conflict(network: Network, context: Context) -> Iterator[Observation]:
    """Sources disagree on a fact at a time both may speak of: a country's status (Norway:
    observer or associated member), when it joined, its host, when a host began or ended, a
    code (Greece: GR or EL), or a count. Each record is compared with the headline the
    precedence rule gives for that time; statuses of different scopes never conflict
    (Denmark has no NCP and observed the Steering Board), and counts are compared only when
    they speak of the same time."""
    history = _History(network)
    yield from _status_conflicts(network, history)
    yield from _host_conflicts(network, history)
    yield from _claim_conflicts(network, history)
    yield from _count_conflicts(network, history)


RULES = (one_ncp_per_country, declared_count, source_conflict)
