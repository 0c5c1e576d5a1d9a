"""The network on a given day, from the dated records only: nothing undated is guessed."""

from __future__ import annotations

import datetime

import attrs

from ._model import Country, Event, NationalContactPoint, Network, Participation, Status

__all__ = ["snapshot"]


def _certain_from(event: Event) -> datetime.date | None:
    """The first day on which the event has surely happened: its day, or the next 1 January."""
    if event.when is None or event.when.startswith(".."):
        return None
    if event.date is not None:
        return event.date
    return datetime.date(int(event.when[:4]) + 1, 1, 1)


def _possible_from(event: Event) -> datetime.date | None:
    """The first day on which the event may have happened."""
    if event.when is None or event.when.startswith(".."):
        return None
    parts = [int(p) for p in event.when.split("-")]
    return datetime.date(
        parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1
    )


def _joins(network: Network, code: str) -> list[Participation]:
    return [
        p
        for p in network.participations
        if p.country.code == code
        and p.since is not None
        and p.status is not Status.NOT_PARTICIPATING
    ]


def _in_place(network: Network, ncp: NationalContactPoint, day: datetime.date) -> bool | None:
    """True or False where the dated records settle it, None where they cannot or disagree."""
    joins = sorted(p.since for p in _joins(network, ncp.country.code) if p.since)
    if joins:
        if day >= joins[-1]:
            return True
        if day < joins[0]:
            return False
        return None  # the sources give different days and this one lies between them
    certain = [d for d in map(_certain_from, ncp.history) if d is not None]
    if certain and day >= min(certain):
        return True
    return None


def _as_it_was(
    network: Network, ncp: NationalContactPoint, day: datetime.date
) -> NationalContactPoint:
    history = tuple(e for e in ncp.history if (_possible_from(e) or datetime.date.max) <= day)
    claims = sorted(
        (
            p
            for p in network.participations
            if p.country.code == ncp.country.code and p.since and p.since <= day
        ),
        key=lambda p: p.since or day,
    )
    # The published composition holds from the day its source says it last changed.
    experts = ncp.experts if ncp.last_changed is not None and ncp.last_changed <= day else None
    return attrs.evolve(
        ncp,
        status=claims[-1].status if claims else None,
        experts=experts,
        history=history,
        last_changed=ncp.last_changed if experts is not None else None,
    )


def snapshot(network: Network, day: datetime.date) -> Network:
    """``network`` as its dated records describe it on ``day``.

    An NCP is in place when a dated record shows it (a joining date, a dated event in its
    history) on or before that day; where no dated record says so, or the records disagree,
    its country is listed in ``undetermined`` instead.
    """
    present = []
    undetermined = []
    for ncp in network.ncps:
        known = _in_place(network, ncp, day)
        if known:
            present.append(_as_it_was(network, ncp, day))
        elif known is None:
            undetermined.append(ncp.country)
    listed = {n.country.code for n in network.ncps}
    for code in dict.fromkeys(p.country.code for p in network.participations):
        if code in listed:
            continue
        joins = sorted(p.since for p in _joins(network, code) if p.since)
        if joins and day >= joins[0]:
            undetermined.append(Country(code))  # it takes part, but no source names its NCP
    # Every claim stays, dated or not: each NCP's status is resolved for the day above.
    return attrs.evolve(
        network,
        ncps=tuple(present),
        as_of=day,
        undetermined=tuple(undetermined),
    )
