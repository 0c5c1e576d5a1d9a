"""The network on a given day: who took part, in what status, hosted by whom, on what records.

Read under the precedence rule of :mod:`emn._precedence` from the whole network's records:
undated statements place nothing on a past day, and a host without a date stays undetermined
(participation may be derived from a legal act; a host never is).
"""

from __future__ import annotations

import datetime

import attrs

from ._model import Country, NationalContactPoint
from ._network import Network
from ._precedence import Reading, known_by, may_hold

__all__ = ["snapshot"]


def _as_it_was(
    reading: Reading, ncp: NationalContactPoint, day: datetime.date
) -> NationalContactPoint:
    code = ncp.country.code
    _, status, status_disputed = reading.participation(code, day)
    entity, entity_disputed, _ = reading.host(code, day)
    disputed = tuple(
        field
        for field, flag in (("status", status_disputed), ("coordinating_entity", entity_disputed))
        if flag
    )
    # The published composition holds from the day its source says it last changed.
    experts = ncp.experts if ncp.last_changed is not None and ncp.last_changed <= day else None
    return attrs.evolve(
        ncp,
        coordinating_entity=entity,
        status=status,
        experts=experts,
        last_changed=ncp.last_changed if experts is not None else None,
        history=tuple(e for e in ncp.history if e.when is not None and _happened_by(e, day)),
        hosts=tuple(h for h in ncp.hosts if may_hold(h, day)),
        participations=tuple(p for p in ncp.participations if may_hold(p, day)),
        people=tuple(p for p in ncp.people if known_by(p, day)),
        member_organisations=tuple(m for m in ncp.member_organisations if may_hold(m, day)),
        disputed=disputed,
        as_of=day,
    )


def _happened_by(event: object, day: datetime.date) -> bool:
    """True if a dated event may have happened on or before ``day``."""
    when = getattr(event, "when", None)
    return when is not None and (when.earliest or datetime.date.min) <= day


def snapshot(network: Network, day: datetime.date) -> Network:
    """``network`` (the whole one, not one as of a day) as its records describe it on ``day``.

    An NCP is in the network when the records, under the precedence rule, place its country
    in the EMN on that day; its status and host are those of that day (None where no dated
    record settles them). A country the records cannot place is listed in ``undetermined``;
    an NCP whose country had left by then, in ``former_ncps``. Participations, declarations
    and claims are those that may hold on that day.
    """
    reading = Reading.of(network)
    present: list[NationalContactPoint] = []
    former: list[NationalContactPoint] = []
    undetermined: list[Country] = []
    records = {n.country.code: n for n in (*network.ncps, *network.former_ncps)}
    for code in sorted(records):
        decided, _, _ = reading.participation(code, day)
        if decided == "in":
            present.append(_as_it_was(reading, records[code], day))
        elif decided == "undetermined":
            undetermined.append(records[code].country)
        else:
            last = reading.last_day(code)
            if last is not None and last < day:
                former.append(records[code])
    for code in sorted(reading.participations):
        # A country that takes part, but for which no source names an NCP.
        if code not in records and reading.participation(code, day)[0] != "out":
            undetermined.append(Country(code))
    return attrs.evolve(
        network,
        ncps=tuple(present),
        former_ncps=tuple(former),
        participations=tuple(p for p in network.participations if may_hold(p, day)),
        declarations=tuple(d for d in network.declarations if may_hold(d, day)),
        claims=tuple(c for c in network.claims if may_hold(c, day)),
        events=tuple(e for e in network.events if _happened_by(e, day)),
        people=tuple(p for p in network.people if known_by(p, day)),
        as_of=day,
        undetermined=tuple(sorted(undetermined, key=lambda c: c.code)),
    )
