"""Time and precedence: what the records say on a day, and which record a headline follows.

A record speaks of a stretch of time (:class:`~emn.model.Validity`, each end a
:class:`~emn.model.When` that may itself be a range of days), of the one time it was
``observed`` (a present-tense statement, a "snapshot"), or of no stated time at all (an undated
statement, made some time before the source was read). On a day, a record **certainly holds**
when its start's last possible day and its end's first possible day enclose that day; it **may
hold** when the day lies between its start's first and its end's last possible day; a snapshot
holds only on its observed day. Undated statements feed the headline of today but never place
anything on a past day.

When records disagree, the headline value follows the **precedence rule**: a stated record
ranks by its source's tier (1 the Commission's and the EU's own pages and acts; 2 the NCP's or
its government's own, that is any source whose ``home`` is the country; 3 other national EMN
pages; 4 secondary sites and copies), then come the maintainers' derived records, then their
inferences. Within a rank, later before earlier. What remains tied is disputed, never settled by
the order of the file. ``docs/dataset.md`` explains it with examples.
"""

from __future__ import annotations

import datetime
import weakref
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from ._model import (
    Basis,
    Host,
    Organisation,
    Participation,
    Relation,
    Scope,
    Source,
    Status,
    Validity,
    When,
)

if TYPE_CHECKING:
    from ._network import Network

__all__ = [
    "HEADLINE_RELATIONS",
    "Decision",
    "Reading",
    "Standing",
    "known_by",
    "may_hold",
    "span",
    "standing",
]

#: On a day, a record certainly holds (``in``), cannot hold (``out``), may hold (``maybe``), or
#: is an undated statement that says nothing of the day (``silent``).
Standing: TypeAlias = Literal["in", "out", "maybe", "silent"]
#: Whether a country took part on a day, as the records decide it.
Decision: TypeAlias = Literal["in", "out", "undetermined"]

#: The relations a headline host may rest on; a body that only operates the NCP's work under
#: another's coordination (IDOS, CNR in Italy) stays visible but is never the headline.
HEADLINE_RELATIONS = frozenset(
    {Relation.DESIGNATED, Relation.IS, Relation.HOSTS, Relation.COORDINATES}
)

_MIN, _MAX = datetime.date.min, datetime.date.max
# Ranks after the four tiers: a stated record whose source has no tier, then the maintainers'.
_UNRANKED, _DERIVED, _INFERRED = 5, 6, 7

Dated: TypeAlias = Any  # a record with ``valid`` and, perhaps, ``observed``


def span(when: When | None) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day ``when`` may denote (unbounded in the past for ``before``/``by``)."""
    if when is None:
        return None
    return (when.earliest or _MIN, when.latest)


def _observed(record: Dated) -> When | None:
    observed: When | None = getattr(record, "observed", None)
    return observed


def standing(valid: Validity, observed: When | None, day: datetime.date) -> Standing:
    """Whether a record with this validity (and observed time) holds on ``day``."""
    start, end = valid.start, valid.end
    if start is None and end is None:
        if observed is not None and observed.day == day:
            return "in"
        return "silent"
    low_start, high_start = (start.earliest or _MIN, start.latest) if start else (_MIN, _MIN)
    low_end, high_end = (end.earliest or _MIN, end.latest) if end else (_MAX, _MAX)
    if day < low_start or day > high_end:
        return "out"
    if start is not None and high_start <= day <= low_end:
        return "in"
    return "maybe"


def may_hold(record: Dated, day: datetime.date) -> bool:
    """True if a dated record may hold on ``day``, or a snapshot was observed in a range of days
    that includes it; an undated statement places nothing on a day."""
    valid: Validity = record.valid
    if valid.dated:
        return standing(valid, None, day) != "out"
    observed = span(_observed(record))
    return observed is not None and observed[0] <= day <= observed[1]


def known_by(record: Dated, day: datetime.date) -> bool:
    """True if a record may speak of ``day`` or of a time before it: a person named in 2021 is
    still the latest word on a later day."""
    valid: Validity = record.valid
    if valid.dated:
        first = span(valid.start)
        return first is None or first[0] <= day
    observed = span(_observed(record))
    return observed is not None and observed[0] <= day


def _on_one_line(a: Organisation, b: Organisation) -> bool:
    return a in b.lineage or b in a.lineage


# Readings of the networks read last, newest first (see Reading.of).
_recent: list[tuple[weakref.ref[Network], Reading]] = []


def _deepest(organisations: Iterable[Organisation]) -> Organisation | None:
    """The most specific of bodies on one line of parents (a unit agrees with its ministry)."""
    bodies = list(dict.fromkeys(organisations))
    for body in bodies:
        if all(other in body.lineage for other in bodies):
            return body
    return None


class Reading:
    """The records of a network, read under the precedence rule.

    Build it from the whole network (not from one as of a day, whose records are already
    filtered): ``Reading.of(emn.network())``.
    """

    def __init__(
        self,
        sources: Iterable[Source],
        participations: Iterable[Participation],
        hosts: Iterable[Host],
        today: datetime.date,
    ) -> None:
        self.sources = {source.id: source for source in sources}
        self.today = today
        self.participations: dict[str, list[Participation]] = {}
        for p in participations:
            self.participations.setdefault(p.country.code, []).append(p)
        self.hosts: dict[str, list[Host]] = {}
        for host in hosts:
            self.hosts.setdefault(host.country.code, []).append(host)
        # Ranks and recency, by record (the records live as long as this reading).
        self._orders: dict[tuple[int, str], tuple[int, int]] = {}
        self._records: dict[tuple[str, Scope | None], list[Participation]] = {}

    @classmethod
    def of(cls, network: Network) -> Reading:
        """The reading of a whole network; today is the day its sources were last read.

        The last few readings are kept, by the identity of their (frozen) network: a rule
        run over every NCP of a network reads the same records each time.
        """
        for known, reading in _recent:
            if known() is network:
                return reading
        ncps = (*network.ncps, *network.former_ncps)
        reading = cls(
            network.sources,
            network.participations,
            (host for ncp in ncps for host in ncp.hosts),
            network.updated or datetime.date.today(),
        )
        _recent[:] = [(weakref.ref(network), reading), *_recent[:3]]
        return reading

    # -- ranks ---------------------------------------------------------------------------------

    def rank(self, record: Dated, code: str) -> int:
        """1-4 for a stated record (its source's tier, 2 at home), 6 derived, 7 inferred; lower
        is stronger."""
        if record.basis is Basis.DERIVED:
            return _DERIVED
        if record.basis is Basis.INFERRED:
            return _INFERRED
        source = self.sources.get(record.source)
        tier = None if source is None else source.tier_for(code)
        return _UNRANKED if tier is None else tier

    def later(self, record: Dated) -> datetime.date:
        """How recent a record is: its start, else its observed time, else its source's date."""
        source = self.sources.get(record.source)
        for when in (record.valid.start, _observed(record), source.date if source else None):
            if when is not None:
                return when.latest if when.earliest is None else when.earliest
        return _MIN

    def order(self, record: Dated, code: str) -> tuple[int, int]:
        """A sort key: the strongest record first, then the latest."""
        key = (id(record), code)
        found = self._orders.get(key)
        if found is None:
            found = self._orders[key] = (self.rank(record, code), -self.later(record).toordinal())
        return found

    # -- taking part ---------------------------------------------------------------------------

    def records(self, code: str, scope: Scope | None = Scope.NCP) -> list[Participation]:
        """The country's participation records in ``scope`` (None: every scope)."""
        key = (code, scope)
        if key not in self._records:
            found = self.participations.get(code, [])
            self._records[key] = [p for p in found if scope is None or p.scope is scope]
        return self._records[key]

    def participation(self, code: str, day: datetime.date) -> tuple[Decision, Status | None, bool]:
        """Whether the country took part through an NCP on ``day``, its status, and whether
        that status is disputed (records of one rank and time give different words).

        Records that only may hold, and undated ones, say nothing definite; the strongest rank
        with a definite answer decides, and a rank answering both ways leaves the day
        undetermined. The status is the word of the strongest record not ruled out that day
        (a snapshot only on its observed time) that gives one; ``participant`` gives none.
        """
        records = self.records(code)
        if not records:
            return "out", None, False
        taking = [p for p in records if p.status is not Status.NOT_PARTICIPATING]
        if not taking:
            return "out", Status.NOT_PARTICIPATING, False
        decided = self._decide(taking, code, day)
        if decided != "in":
            return decided, None, False
        status, disputed = self._label(taking, code, day)
        return decided, status, disputed

    def _decide(self, records: Sequence[Participation], code: str, day: datetime.date) -> Decision:
        groups: dict[int, set[Standing]] = {}
        for record in records:
            groups.setdefault(self.order(record, code)[0], set()).add(
                standing(record.valid, record.observed, day)
            )
        for rank in sorted(groups):
            states = groups[rank]
            if "in" in states and "out" in states:
                return "undetermined"
            if "in" in states:
                return "in"
            if "out" in states:
                return "out"
        return "undetermined"

    def _label(
        self, records: Sequence[Participation], code: str, day: datetime.date
    ) -> tuple[Status | None, bool]:
        def fits(record: Participation) -> bool:
            observed = span(record.observed)
            return standing(record.valid, record.observed, day) != "out" and (
                observed is None or observed[0] <= day <= observed[1]
            )

        labelled = sorted(
            (p for p in records if p.status is not Status.PARTICIPANT and fits(p)),
            key=lambda p: self.order(p, code),
        )
        if not labelled:
            return Status.PARTICIPANT, False
        first = self.order(labelled[0], code)
        words = {p.status for p in labelled if self.order(p, code) == first}
        if len(words) > 1:
            return None, True
        return labelled[0].status, False

    def last_day(self, code: str) -> datetime.date | None:
        """The last day the country's records let it take part through an NCP, where they end."""
        ends = [
            p.valid.end.latest
            for p in self.records(code)
            if p.status is not Status.NOT_PARTICIPATING and p.valid.end is not None
        ]
        return max(ends) if ends else None

    # -- the host ------------------------------------------------------------------------------

    def host_records(self, code: str) -> list[Host]:
        """The country's host records that a headline may rest on."""
        return [h for h in self.hosts.get(code, []) if h.relation in HEADLINE_RELATIONS]

    def host_standing(self, host: Host, others: Sequence[Host], day: datetime.date) -> Standing:
        """A host record rules its body in for its time and rules nothing out. An open end
        closes where a record of equal or stronger rank for another body (not a unit or parent
        of this one) certainly starts later: later before earlier."""
        state = standing(host.valid, host.observed, day)
        start = span(host.valid.start)
        if state != "in" or host.valid.end is not None or start is None:
            return state
        code = host.country.code
        for other in others:
            began = span(other.valid.start)
            if (
                began is not None
                and began[0] > start[1]
                and began[1] <= day
                and self.rank(other, code) <= self.rank(host, code)
                and not _on_one_line(other.organisation, host.organisation)
            ):
                return "out"
        return state

    def host(
        self, code: str, day: datetime.date, *, headline: bool = False
    ) -> tuple[Organisation | None, bool, tuple[Host, ...]]:
        """The body hosting the country's NCP on ``day``, whether the records dispute it, and
        the records it rests on.

        On a past day only records that certainly hold count (a host without a date stays
        undetermined); for the ``headline`` every record that may hold counts, undated ones
        included. The strongest rank wins; bodies on one line of parents agree and the most
        specific is shown; otherwise the latest record; a remaining tie is disputed.
        """
        records = self.host_records(code)
        wanted: set[Standing] = {"in", "maybe", "silent"} if headline else {"in"}
        live = [h for h in records if self.host_standing(h, records, day) in wanted]
        if not live:
            return None, False, ()
        live.sort(key=lambda h: self.order(h, code))
        best = self.rank(live[0], code)
        top = [h for h in live if self.rank(h, code) == best]
        body = _deepest(h.organisation for h in top)
        if body is None:
            latest = self.later(top[0])
            top = [h for h in top if self.later(h) == latest]
            body = _deepest(h.organisation for h in top)
        if body is None:
            return None, True, tuple(top)
        return body, False, tuple(h for h in top if body.is_part_of(h.organisation))

    def dated_host(self, code: str) -> Host | None:
        """The strongest host record with a start date that may hold today, if any."""
        dated = [
            h
            for h in self.host_records(code)
            if h.valid.start is not None
            and standing(h.valid, h.observed, self.today) in ("in", "maybe")
        ]
        return min(dated, key=lambda h: self.order(h, code)) if dated else None
