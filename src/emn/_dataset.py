"""The bundled dataset: read from ``emn/data/emn.json`` on first use, once, under a lock.

Every record is built with the model's own constructors; the headline of each NCP (its status
and the body that hosts it) follows the precedence rule of :mod:`emn._precedence`, never the
order of the file.
"""

from __future__ import annotations

import contextlib
import datetime
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from ._countries import normalize_code
from ._i18n import N_
from ._model import (
    Basis,
    Certainty,
    Country,
    Derivation,
    Event,
    Expert,
    Grouping,
    Host,
    Member,
    MemberOrganisations,
    MemberRole,
    Name,
    NationalContactPoint,
    Organisation,
    OrganisationKind,
    Participation,
    Relation,
    Role,
    Scope,
    Source,
    SourceKind,
    Status,
    Validity,
    When,
)
from ._precedence import Reading
from .exceptions import DataFileError, EMNError, InvalidData, NotFound, Problem

if TYPE_CHECKING:
    from ._network import Article, LegalAct, Network, RelatedAct

__all__ = ["SCHEMA_VERSION", "ncp", "ncps", "network"]

SCHEMA_VERSION = 2
_FILE = "emn.json"
_PATH = f"emn/data/{_FILE}"
_lock = threading.RLock()
_network: Network | None = None
_data: _Data | None = None


def network(as_of: datetime.date | None = None) -> Network:
    """The whole network as the bundled dataset knows it: legal basis, statuses, NCPs, sources.

    With ``as_of``, the network on that day: the NCPs that took part then, each with the status
    and host the dated records give for that day, and the participations, hosts, declarations
    and claims that may hold then; ``undetermined`` names the countries the records cannot
    place on that day.

    >>> import emn, datetime
    >>> emn.network().legal_basis.reference
    'Council Decision 2008/381/EC'
    >>> emn.network().updated
    datetime.date(2026, 11, 25)
    >>> then = emn.network(as_of=datetime.date(2015, 6, 1))
    >>> len(then.ncps), then.ncp("GB").status.value, then.ncp("NO").status.value
    (28, 'member_state', 'observer')
    """
    global _network
    if _network is None:
        with _lock:
            if _network is None:
                _network = _load()
    if as_of is None:
        return _network
    if not isinstance(as_of, datetime.date) or isinstance(as_of, datetime.datetime):
        template = N_("as_of: expected a date, got {got}")
        raise InvalidData([Problem.of((), template, got=type(as_of).__name__)])
    from ._asof import snapshot

    return snapshot(_network, as_of)


def ncps() -> tuple[NationalContactPoint, ...]:
    """Every NCP that takes part today as the dataset knows it, sorted by country code.

    >>> import emn
    >>> len(emn.ncps()), emn.ncps()[0].country.code
    (34, 'AM')
    """
    return network().ncps


def ncp(code: str) -> NationalContactPoint:
    """The NCP of the country with this code, case-insensitive; ``EL`` and ``GR`` both give Greece.

    Raises :class:`emn.NotFound` with the reason when there is none (Denmark has no NCP; the
    United Kingdom took part until it left the EU).

    >>> import emn
    >>> emn.ncp("el").coordinating_entity.name
    'Directorate for European and International Cooperation'
    """
    data = _data
    if data is not None and isinstance(code, str):
        found = data.answered.get(code)
        if found is not None:
            return found
    if _network is None:
        # Before the whole network is needed, the NCP asked for is built alone (the whole
        # network, built later, holds that very object).
        found = _alone(code)
        if found is not None:
            return found
    return network().ncp(code)


def _alone(key: object) -> NationalContactPoint | None:
    """The NCP of the country ``key`` names, built from its own records; None where only the
    whole network can answer (no such NCP, one that no longer takes part, a name that fits
    several countries: the network says why)."""
    if not isinstance(key, str):
        return None
    text = key.strip()
    with _lock, _broken():
        data = _dataset()
        if len(text) == 2 and text.isascii() and text.isalpha():
            found = data.present_ncp(normalize_code(text))
        else:
            from ._lookup import code_of

            try:
                found = data.present_ncp(code_of(key, data.labels))
            except NotFound:
                return None
        if found is not None and len(data.answered) < 4096:
            data.answered[key] = found
        return found


def _dataset() -> _Data:
    """The data file, read once; its records are built as they are asked for."""
    global _data
    if _data is None:
        with _lock:
            if _data is None:
                raw = _read()
                with _broken():
                    _data = _Data(raw)
    return _data


def _load() -> Network:
    with _lock:
        data = _dataset()
        with _broken():
            return data.network()


@contextlib.contextmanager
def _broken() -> Iterator[None]:
    """Any error in the data file's records as a :class:`DataFileError` naming the file."""
    try:
        yield
    except EMNError as err:
        raise DataFileError(f"the bundled data file {_PATH} is broken: {err}", file=_PATH) from None
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        problem = f"missing {err}" if isinstance(err, KeyError) else str(err)
        raise DataFileError(
            f"the bundled data file {_PATH} is broken: {problem}", file=_PATH
        ) from None


def _read() -> Any:
    import json

    from ._resources import read_data

    content = read_data(_FILE, "data file")
    try:
        return json.loads(content.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise DataFileError(
            f"the bundled data file {_PATH} is not UTF-8: {err}", file=_PATH
        ) from None
    except json.JSONDecodeError as err:
        raise DataFileError(
            f"the bundled data file {_PATH} is not valid JSON: {err.msg} at line {err.lineno}",
            file=_PATH,
        ) from None


def _when(value: str | None) -> When | None:
    return None if value is None else When(value)


def _date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


def _country(value: str | None) -> Country | None:
    return None if value is None else Country(value)


def _derivations(items: Iterable[Mapping[str, Any]]) -> tuple[Derivation, ...]:
    return tuple(Derivation(**item) for item in items)


def _validity(record: Mapping[str, Any]) -> Validity:
    fields = dict(record)
    return Validity(
        start=_when(fields.pop("from")),
        end=_when(fields.pop("until")),
        basis=Basis(fields.pop("basis")) if "basis" in fields else None,
        derived_from=_derivations(fields.pop("derived_from", ())),
        **fields,
    )


class _Records:
    """Turns the file's records into model objects; every field goes through a named step, so
    that a field the model does not know is an error, never silently dropped."""

    def __init__(self, organisation: Callable[[str], Organisation]) -> None:
        def optional(key: str | None) -> Organisation | None:
            return None if key is None else organisation(key)

        self.steps: dict[str, tuple[str, Callable[[Any], Any]]] = {
            "country": ("country", _country),
            "valid": ("valid", _validity),
            "observed": ("observed", _when),
            "when": ("when", _when),
            "basis": ("basis", Basis),
            "certainty": ("certainty", Certainty),
            "derived_from": ("derived_from", _derivations),
            "organisation": ("organisation", optional),
            "organisations": ("organisations", lambda keys: tuple(organisation(k) for k in keys)),
            "status": ("status", Status),
            "scope": ("scope", Scope),
            "relation": ("relation", Relation),
            "range": ("count_range", tuple),
            "includes": ("includes", tuple),
        }

    def build(self, cls: Callable[..., Any], record: Mapping[str, Any], **more: Any) -> Any:
        fields: dict[str, Any] = {}
        for key, value in record.items():
            name, step = self.steps.get(key, (key, lambda x: x))
            fields[name] = step(value)
        return cls(**fields, **more)


# The file's lists of records that belong to one country, each with the NCP's field for them.
_OWN = ("hosts", "participations", "events", "members", "member_organisations")


class _Data:
    """The data file's records, each built into a model object once, when first needed: one
    country's NCP needs only its own records and the sources they cite; the whole network
    needs them all and reuses what is built.

    Built with the classes' own constructors (their validators check every type): the bundled
    data needs no cattrs, which loads only when someone (de)serialises.
    """

    def __init__(self, raw: Mapping[str, Any]) -> None:
        if raw.get("schema_version") != SCHEMA_VERSION:
            found = raw.get("schema_version")
            template = N_("schema_version is {found}; this emn reads version {version}")
            problem = Problem.of((), template, found=repr(found), version=SCHEMA_VERSION)
            raise InvalidData([problem])
        self.raw = raw
        self.updated = _date(raw["updated"])
        self._source_records = {r["id"]: r for r in raw["sources"]}
        _check_sources(set(self._source_records), raw)
        self._sources: dict[str, Source] = {}
        self._organisations: dict[str, Organisation] = {}
        self._records = _Records(self.organisation)
        # Built records by the identity of their raw dict, which lives as long as this object.
        self._made: dict[int, Any] = {}
        self._own: dict[str, dict[str, list[Mapping[str, Any]]]] = {}
        for group in _OWN:
            for record in raw[group]:
                if record.get("country") is not None:
                    code = normalize_code(record["country"])
                    self._own.setdefault(code, {}).setdefault(group, []).append(record)
        self._ncp_records = {normalize_code(r["country"]): r for r in raw["ncps"]}
        self._labels: dict[str, str] | None = None
        self._compositions = {c["country"]: c for c in raw["compositions"]}
        # Each country's NCP, and whether it takes part today.
        self._ncps: dict[str, tuple[NationalContactPoint, bool]] = {}
        #: What emn.ncp() was asked (a code, a name) and answered: a warm lookup is a dict's.
        self.answered: dict[str, NationalContactPoint] = {}

    @property
    def labels(self) -> dict[str, str]:
        """The sources' own labels of the listed countries, for lookups by name."""
        if self._labels is None:
            from ._lookup import labels

            listed = self._ncp_records.items()
            self._labels = labels((r["listed_as"], code) for code, r in listed if r["listed_as"])
        return self._labels

    def source(self, id: str) -> Source:
        if id not in self._sources:
            self._sources[id] = _source(self._source_records[id])
        return self._sources[id]

    def organisation(self, key: str, seen: tuple[str, ...] = ()) -> Organisation:
        """The organisation with this id, its parents built before it."""
        if key in self._organisations:
            return self._organisations[key]
        if key in seen:
            template = N_("the organisation {key} is its own parent")
            raise InvalidData([Problem.of((), template, key=repr(key))])
        record = dict(self.raw["organisations"][key])
        parent = record.pop("parent", None)
        kind = record.pop("kind", None)
        built = self._organisations[key] = Organisation(
            names=tuple(Name(**n) for n in record.pop("names")),
            kind=OrganisationKind(kind) if kind else None,
            parent=self.organisation(parent, (*seen, key)) if parent else None,
            country=_country(record.pop("country", None)),
            **record,
        )
        return built

    def record(self, group: str, raw: Mapping[str, Any]) -> Any:
        """The model object of one record of the file's list ``group``."""
        made = self._made.get(id(raw))
        if made is None:
            made = self._made[id(raw)] = self._build(group, raw)
        return made

    def _build(self, group: str, raw: Mapping[str, Any]) -> Any:
        build = self._records.build
        if group == "events":
            quoted = "quote" in raw
            return build(
                Event, raw, lang=self._source_records[raw["source"]]["language"] if quoted else None
            )
        if group == "members":
            return build(Member, {**raw, "role": MemberRole(raw["role"])})
        if group == "member_organisations":
            return build(MemberOrganisations, {**raw, "role": Grouping(raw["role"])})
        if group == "hosts":
            return build(Host, raw)
        if group == "participations":
            return build(Participation, raw)
        # The network-level classes load with the whole network: a first ncp() needs none.
        from ._network import Claim, Declaration, Fact

        kind = {"declarations": Declaration, "claims": Claim, "facts": Fact}[group]
        return build(kind, raw)

    def _records_of(self, group: str, code: str | None = None) -> list[Any]:
        raws = self.raw[group] if code is None else self._own.get(code, {}).get(group, ())
        return [self.record(group, r) for r in raws]

    def present_ncp(self, code: str) -> NationalContactPoint | None:
        """The NCP of the country ``code`` if it takes part today; None if it has none or
        took part only in the past."""
        if code not in self._ncp_records:
            return None
        built, present = self._ncp(code)
        return built if present else None

    def _ncp(self, code: str, reading: Reading | None = None) -> tuple[NationalContactPoint, bool]:
        if code in self._ncps:
            return self._ncps[code]
        hosts = self._records_of("hosts", code)
        participations = self._records_of("participations", code)
        if reading is None:
            # A country's headline is read from its own records and the sources they cite.
            cited = dict.fromkeys(r.source for r in (*hosts, *participations))
            reading = Reading([self.source(s) for s in cited], participations, hosts, self.updated)
        record = self._ncp_records[code]
        country = Country(record["country"])
        updated = self.updated
        decided, status, status_disputed = reading.participation(code, updated)
        day = updated
        if decided == "out":
            day = reading.last_day(code) or updated
        entity, entity_disputed, _ = reading.host(code, day, headline=True)
        history = tuple(sorted(self._records_of("events", code), key=_chronological))
        ncp_hosts = tuple(sorted(hosts, key=_chronological))
        people = tuple(sorted(self._records_of("members", code), key=_chronological))
        bodies = tuple(sorted(self._records_of("member_organisations", code), key=_chronological))
        experts = appointed_by = last_changed = None
        cited_by_ncp = [record["source"]]
        composition = self._compositions.get(code)
        if composition is not None:
            experts = tuple(
                Expert(
                    name=e["name"],
                    organisation=self.organisation(e["organisation"]),
                    role=Role(e["role"]),
                    source=composition["source"],
                )
                for e in composition["experts"]
            )
            appointed_by = self.organisation(composition["appointed_by"])
            last_changed = _date(composition["last_changed"])
            cited_by_ncp.append(composition["source"])
        for records_of_ncp in (ncp_hosts, participations, history, people, bodies):
            cited_by_ncp.extend(item.source for item in records_of_ncp)
        disputed = tuple(
            field
            for field, flag in (
                ("status", status_disputed),
                ("coordinating_entity", entity_disputed),
            )
            if flag
        )
        if decided == "out":
            # A former NCP is described as it was on its last day (the United Kingdom's on
            # 2020-01-31), so that a network as of an earlier day can show it.
            _, status, status_disputed = reading.participation(code, day)
        built = NationalContactPoint(
            country=country,
            coordinating_entity=entity,
            status=status,
            experts=experts,
            appointed_by=appointed_by,
            last_changed=last_changed,
            history=history,
            sources=tuple(dict.fromkeys(cited_by_ncp)),
            listed_as=record["listed_as"],
            hosts=ncp_hosts,
            participations=tuple(participations),
            people=people,
            member_organisations=bodies,
            disputed=disputed,
        )
        self._ncps[code] = (built, decided != "out")
        return self._ncps[code]

    def network(self) -> Network:
        from ._network import Network

        raw = self.raw
        for key in raw["organisations"]:
            self.organisation(key)  # every one, so that a broken one is found now
        sources = tuple(self.source(r["id"]) for r in raw["sources"])
        participations = self._records_of("participations")
        events = self._records_of("events")
        people = self._records_of("members")
        # The network holds no member bodies of its own; every one is built so that a broken
        # one is found now, as every organisation above.
        self._records_of("member_organisations")
        reading = Reading(sources, participations, self._records_of("hosts"), self.updated)
        listed = {record["country"] for record in raw["ncps"]}
        present: list[NationalContactPoint] = []
        former: list[NationalContactPoint] = []
        for record in raw["ncps"]:
            built, here = self._ncp(normalize_code(record["country"]), reading)
            (present if here else former).append(built)
        undetermined = [
            Country(code)
            for code in sorted(reading.participations)
            if code not in listed and reading.participation(code, self.updated)[0] == "undetermined"
        ]
        return Network(
            legal_basis=_legal_act(raw["legal_basis"]),
            ncps=tuple(sorted(present, key=lambda n: n.country.code)),
            participations=tuple(participations),
            declarations=tuple(self._records_of("declarations")),
            claims=tuple(self._records_of("claims")),
            sources=sources,
            undetermined=tuple(undetermined),
            updated=self.updated,
            former_ncps=tuple(sorted(former, key=lambda n: n.country.code)),
            events=tuple(
                sorted(
                    (e for e in events if e.country is None or e.country.code not in listed),
                    key=_chronological,
                )
            ),
            people=tuple(p for p in people if p.country is None or p.country.code not in listed),
            facts=tuple(self._records_of("facts")),
        )


def _chronological(record: Any) -> tuple[bool, datetime.date, datetime.date]:
    """Dated records first, earliest first (``before 2008`` before ``2008``), undated last; a
    present-tense statement sorts at the time it was observed, a record with only an end at
    its end."""
    if isinstance(record, Event):
        when = record.when
    else:
        when = record.valid.start or record.observed
        if when is None and record.valid.end is not None:
            return (False, datetime.date.min, record.valid.end.latest)
    if when is None:
        return (True, datetime.date.max, datetime.date.max)
    return (False, when.earliest or datetime.date.min, when.latest)


def _check_sources(known: set[str], raw: Mapping[str, Any]) -> None:
    """Every source id a record cites names a source of the dataset."""
    groups = (*_OWN, "declarations", "claims", "facts")
    records = [r for group in groups for r in raw[group]]
    cited: list[tuple[str, str]] = [(r["source"], r.get("id") or "?") for r in records]
    cited += [(n["source"], f"ncps {n['id']}") for n in raw["ncps"]]
    cited += [(c["source"], f"compositions {c['id']}") for c in raw["compositions"]]
    for key, organisation in raw["organisations"].items():
        cited += [(name["source"], f"organisations {key}") for name in organisation["names"]]
    act = raw["legal_basis"]
    cited += [(s, "legal_basis") for s in act["sources"]]
    cited += [(a["source"], "legal_basis.articles") for a in act["articles"] if "source" in a]
    for group in ("amended_by", "related_acts"):
        cited += [(s, f"legal_basis.{group}") for related in act[group] for s in related["sources"]]
    for derivation in (d for r in records for d in r.get("derived_from", ())):
        if derivation.get("source") is not None:
            cited.append((derivation["source"], "derived_from"))
    unknown = [(source, where) for source, where in cited if source not in known]
    if unknown:
        source, where = unknown[0]
        template = N_("{where} cites the source {source}, which the dataset does not have")
        raise InvalidData([Problem.of((), template, where=where, source=repr(source))])


def _source(record: Mapping[str, Any]) -> Source:
    fields = dict(record)
    return Source(
        id=fields.pop("id"),
        title=fields.pop("title"),
        language=fields.pop("language"),
        kind=SourceKind(fields.pop("kind")),
        home=_country(fields.pop("home")),
        date=_when(fields.pop("date")),
        read=_date(fields.pop("read")),
        also_at=tuple(fields.pop("also_at", ())),
        **fields,
    )


def _articles(items: Iterable[Mapping[str, Any]]) -> tuple[Article, ...]:
    from ._network import Article

    return tuple(Article(**item) for item in items)


def _related(record: Mapping[str, Any]) -> RelatedAct:
    from ._network import RelatedAct

    fields = dict(record)
    adopted = fields.pop("adopted", None)
    return RelatedAct(
        adopted=None if adopted is None else _date(adopted),
        sources=tuple(fields.pop("sources", ())) or (fields.pop("source"),),
        articles=_articles(fields.pop("articles", ())),
        **fields,
    )


def _legal_act(record: Mapping[str, Any]) -> LegalAct:
    from ._network import LegalAct

    fields = dict(record)
    return LegalAct(
        adopted=_date(fields.pop("adopted")),
        in_force=_date(fields.pop("in_force")),
        sources=tuple(fields.pop("sources")),
        amended_by=tuple(_related(r) for r in fields.pop("amended_by")),
        related_acts=tuple(_related(r) for r in fields.pop("related_acts")),
        proposal=_related(fields.pop("proposal")),
        articles=_articles(fields.pop("articles")),
        **fields,
    )
