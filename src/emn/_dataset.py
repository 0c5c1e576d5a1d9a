"""The bundled dataset: read from ``emn/data/emn.json`` on first use, once, under a lock.

Every record is built with the model's own constructors; the headline of each NCP (its status
and the body that hosts it) follows the precedence rule of :mod:`emn._precedence`, never the
order of the file.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ._i18n import N_
from ._model import (
    Article,
    Basis,
    Certainty,
    Claim,
    Country,
    Declaration,
    Derivation,
    Event,
    Expert,
    Fact,
    Grouping,
    Host,
    LegalAct,
    Member,
    MemberOrganisations,
    MemberRole,
    Name,
    NationalContactPoint,
    Network,
    Organisation,
    OrganisationKind,
    Participation,
    RelatedAct,
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
from .exceptions import DataFileError, EMNError, InvalidData, Problem

__all__ = ["SCHEMA_VERSION", "ncp", "ncps", "network"]

SCHEMA_VERSION = 2
_FILE = "emn.json"
_PATH = f"emn/data/{_FILE}"
_lock = threading.Lock()
_network: Network | None = None


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
    return network().ncp(code)


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


def _load() -> Network:
    raw = _read()
    try:
        return _build(raw)
    except EMNError as err:
        raise DataFileError(f"the bundled data file {_PATH} is broken: {err}", file=_PATH) from None
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        problem = f"missing {err}" if isinstance(err, KeyError) else str(err)
        raise DataFileError(
            f"the bundled data file {_PATH} is broken: {problem}", file=_PATH
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

    def __init__(self, organisations: Mapping[str, Organisation]) -> None:
        def organisation(key: str | None) -> Organisation | None:
            return None if key is None else organisations[key]

        self.steps: dict[str, tuple[str, Callable[[Any], Any]]] = {
            "country": ("country", _country),
            "valid": ("valid", _validity),
            "observed": ("observed", _when),
            "when": ("when", _when),
            "basis": ("basis", Basis),
            "certainty": ("certainty", Certainty),
            "derived_from": ("derived_from", _derivations),
            "organisation": ("organisation", organisation),
            "organisations": ("organisations", lambda keys: tuple(organisations[k] for k in keys)),
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


def _build(raw: Mapping[str, Any]) -> Network:
    # Built with the classes' own constructors (their validators check every type): the
    # bundled data needs no cattrs, which loads only when someone (de)serialises.
    if raw.get("schema_version") != SCHEMA_VERSION:
        found = raw.get("schema_version")
        template = N_("schema_version is {found}; this emn reads version {version}")
        problem = Problem.of((), template, found=repr(found), version=SCHEMA_VERSION)
        raise InvalidData([problem])
    updated = _date(raw["updated"])
    sources = tuple(_source(s) for s in raw["sources"])
    languages = {s.id: s.language for s in sources}
    organisations = _organisations(raw["organisations"])
    records = _Records(organisations)

    hosts = [records.build(Host, r) for r in raw["hosts"]]
    participations = [records.build(Participation, r) for r in raw["participations"]]
    events = [
        records.build(Event, r, lang=languages[r["source"]] if "quote" in r else None)
        for r in raw["events"]
    ]
    people = [records.build(Member, r | {"role": MemberRole(r["role"])}) for r in raw["members"]]
    bodies = [
        records.build(MemberOrganisations, r | {"role": Grouping(r["role"])})
        for r in raw["member_organisations"]
    ]
    declarations = [records.build(Declaration, r) for r in raw["declarations"]]
    claims = [records.build(Claim, r) for r in raw["claims"]]
    facts = [records.build(Fact, r) for r in raw["facts"]]
    compositions = {c["country"]: c for c in raw["compositions"]}
    _check_sources(
        {s.id for s in sources},
        raw,
        (*hosts, *participations, *events, *people, *bodies, *declarations, *claims, *facts),
    )

    reading = Reading(sources, participations, hosts, updated)
    of_country: dict[str, dict[str, list[Any]]] = {}
    for name, group in (
        ("events", events),
        ("hosts", hosts),
        ("participations", participations),
        ("people", people),
        ("bodies", bodies),
    ):
        for item in group:
            if item.country is not None:
                of_country.setdefault(item.country.code, {}).setdefault(name, []).append(item)
    listed = {record["country"] for record in raw["ncps"]}
    present: list[NationalContactPoint] = []
    former: list[NationalContactPoint] = []
    for record in raw["ncps"]:
        country = Country(record["country"])
        code = country.code
        decided, status, status_disputed = reading.participation(code, updated)
        day = updated
        if decided == "out":
            day = reading.last_day(code) or updated
        entity, entity_disputed, _ = reading.host(code, day, headline=True)
        history = tuple(sorted(of_country.get(code, {}).get("events", ()), key=_chronological))
        ncp_hosts = tuple(sorted(of_country.get(code, {}).get("hosts", ()), key=_chronological))
        ncp_participations = tuple(of_country.get(code, {}).get("participations", ()))
        ncp_people = tuple(sorted(of_country.get(code, {}).get("people", ()), key=_chronological))
        ncp_bodies = tuple(sorted(of_country.get(code, {}).get("bodies", ()), key=_chronological))
        experts = appointed_by = last_changed = None
        cited = [record["source"]]
        composition = compositions.get(code)
        if composition is not None:
            experts = tuple(
                Expert(
                    name=e["name"],
                    organisation=organisations[e["organisation"]],
                    role=Role(e["role"]),
                    source=composition["source"],
                )
                for e in composition["experts"]
            )
            appointed_by = organisations[composition["appointed_by"]]
            last_changed = _date(composition["last_changed"])
            cited.append(composition["source"])
        for records_of_ncp in (ncp_hosts, ncp_participations, history, ncp_people, ncp_bodies):
            cited.extend(item.source for item in records_of_ncp)
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
            sources=tuple(dict.fromkeys(cited)),
            listed_as=record["listed_as"],
            hosts=ncp_hosts,
            participations=ncp_participations,
            people=ncp_people,
            member_organisations=ncp_bodies,
            disputed=disputed,
        )
        (former if decided == "out" else present).append(built)

    undetermined = [
        Country(code)
        for code in sorted(reading.participations)
        if code not in listed and reading.participation(code, updated)[0] == "undetermined"
    ]
    return Network(
        legal_basis=_legal_act(raw["legal_basis"]),
        ncps=tuple(sorted(present, key=lambda n: n.country.code)),
        participations=tuple(participations),
        declarations=tuple(declarations),
        claims=tuple(claims),
        sources=sources,
        undetermined=tuple(undetermined),
        updated=updated,
        former_ncps=tuple(sorted(former, key=lambda n: n.country.code)),
        events=tuple(
            sorted(
                (e for e in events if e.country is None or e.country.code not in listed),
                key=_chronological,
            )
        ),
        people=tuple(p for p in people if p.country is None or p.country.code not in listed),
        facts=tuple(facts),
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


def _check_sources(known: set[str], raw: Mapping[str, Any], records: Iterable[Any]) -> None:
    """Every source id a record cites names a source of the dataset."""
    cited: list[tuple[str, str]] = [(r.source, r.id or "?") for r in records]
    cited += [(n["source"], f"ncps {n['id']}") for n in raw["ncps"]]
    cited += [(c["source"], f"compositions {c['id']}") for c in raw["compositions"]]
    for key, organisation in raw["organisations"].items():
        cited += [(name["source"], f"organisations {key}") for name in organisation["names"]]
    act = raw["legal_basis"]
    cited += [(s, "legal_basis") for s in act["sources"]]
    cited += [(a["source"], "legal_basis.articles") for a in act["articles"] if "source" in a]
    for group in ("amended_by", "related_acts"):
        cited += [(s, f"legal_basis.{group}") for related in act[group] for s in related["sources"]]
    for derivation in (d for r in records for d in getattr(r, "derived_from", ())):
        if derivation.source is not None:
            cited.append((derivation.source, "derived_from"))
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
    return tuple(Article(**item) for item in items)


def _related(record: Mapping[str, Any]) -> RelatedAct:
    fields = dict(record)
    adopted = fields.pop("adopted", None)
    return RelatedAct(
        adopted=None if adopted is None else _date(adopted),
        sources=tuple(fields.pop("sources", ())) or (fields.pop("source"),),
        articles=_articles(fields.pop("articles", ())),
        **fields,
    )


def _legal_act(record: Mapping[str, Any]) -> LegalAct:
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


def _organisations(raw: Mapping[str, Mapping[str, Any]]) -> dict[str, Organisation]:
    """Organisations by id, each built once, parents before their units."""
    built: dict[str, Organisation] = {}

    def build(key: str, seen: tuple[str, ...] = ()) -> Organisation:
        if key in built:
            return built[key]
        if key in seen:
            template = N_("the organisation {key} is its own parent")
            raise InvalidData([Problem.of((), template, key=repr(key))])
        record = dict(raw[key])
        parent = record.pop("parent", None)
        kind = record.pop("kind", None)
        built[key] = Organisation(
            names=tuple(Name(**n) for n in record.pop("names")),
            kind=OrganisationKind(kind) if kind else None,
            parent=build(parent, (*seen, key)) if parent else None,
            country=_country(record.pop("country", None)),
            **record,
        )
        return built[key]

    for key in raw:
        build(key)
    return built
