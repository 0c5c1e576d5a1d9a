"""The bundled dataset: read from ``emn/data/emn.json`` on first use, once, under a lock."""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable, Mapping
from typing import Any

from ._model import (
    Article,
    Claim,
    Country,
    Declaration,
    Event,
    Expert,
    LegalAct,
    Name,
    NationalContactPoint,
    Network,
    Organisation,
    OrganisationKind,
    Participation,
    Role,
    Source,
    Status,
)
from .exceptions import DataFileError, EMNError, InvalidData

__all__ = ["SCHEMA_VERSION", "ncp", "ncps", "network"]

SCHEMA_VERSION = 1
_FILE = "emn.json"
_PATH = f"emn/data/{_FILE}"
_lock = threading.Lock()
_network: Network | None = None


def network(as_of: datetime.date | None = None) -> Network:
    """The whole network as the bundled dataset knows it: legal basis, statuses, NCPs, sources.

    With ``as_of``, the network on that day from the dated records only: ``ncps`` holds the
    NCPs a dated record shows in place, ``undetermined`` the countries it cannot place.

    >>> import emn, datetime
    >>> emn.network().legal_basis.reference
    'Council Decision 2008/381/EC'
    >>> then = emn.network(as_of=datetime.date(2022, 1, 1))
    >>> [n.country.code for n in then.ncps]
    ['AT', 'BE', 'GE', 'MD', 'NO', 'PL', 'SI']
    """
    global _network
    if _network is None:
        with _lock:
            if _network is None:
                _network = _load()
    if as_of is None:
        return _network
    if not isinstance(as_of, datetime.date) or isinstance(as_of, datetime.datetime):
        raise InvalidData(f"as_of: expected a date, got {type(as_of).__name__}")
    from ._asof import snapshot

    return snapshot(_network, as_of)


def ncps() -> tuple[NationalContactPoint, ...]:
    """Every NCP the dataset knows, sorted by country code, each in its latest known state.

    >>> import emn
    >>> len(emn.ncps()), emn.ncps()[0].country.code
    (33, 'AM')
    """
    return network().ncps


def ncp(code: str) -> NationalContactPoint:
    """The NCP of the country with this code, case-insensitive; ``EL`` and ``GR`` both give Greece.

    Raises :class:`emn.NotFound` with the reason when there is none (Denmark takes no part).

    >>> import emn
    >>> emn.ncp("el").coordinating_entity.name
    'Ministry of Interior'
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


def _with(record: Mapping[str, Any], **converters: Callable[[Any], Any]) -> dict[str, Any]:
    """The record's fields as keyword arguments, those named in ``converters`` converted."""
    return {k: converters[k](v) if k in converters else v for k, v in record.items()}


def _build(raw: Mapping[str, Any]) -> Network:
    # Built with the classes' own constructors (their validators check every type): the
    # bundled data needs no cattrs, which loads only when someone (de)serialises.
    if raw.get("schema_version") != SCHEMA_VERSION:
        found = raw.get("schema_version")
        raise InvalidData(f"schema_version is {found!r}; this emn reads version {SCHEMA_VERSION}")

    organisations = _organisations(raw["organisations"])
    languages = {source["id"]: source["language"] for source in raw["sources"]}
    events: dict[str, list[Event]] = {}
    for record in raw["events"]:
        fields = {k: v for k, v in record.items() if k != "country"}
        if "quote" in fields:
            fields["lang"] = languages[record["source"]]
        events.setdefault(record["country"], []).append(Event(**fields))
    participations = tuple(
        Participation(**_with(p, country=Country, status=Status, since=_date))
        for p in raw["participations"]
    )
    for p in participations:
        if p.since is not None:
            summary = f"Joined the EMN with the status {p.status.value.replace('_', ' ')}."
            events.setdefault(p.country.code, []).append(
                Event(summary=summary, source=p.source, when=p.since.isoformat())
            )
    compositions = {c["country"]: c for c in raw["compositions"]}
    changes: dict[str, list[Mapping[str, Any]]] = {}
    for change in raw["host_changes"]:
        changes.setdefault(change["country"], []).append(change)

    built = []
    for record in raw["ncps"]:
        country = Country(record["country"])
        code = country.code
        entity = organisations[record["coordinating_entity"]]
        sources = [record["source"]]
        history = list(events.get(code, ()))
        # A dated change of host supersedes the undated seed record, which stays as history.
        for change in sorted(changes.get(code, ()), key=lambda c: str(c["since"])):
            history.append(
                Event(
                    summary=f"{entity.name} named as the coordinating institution.",
                    source=record["source"],
                )
            )
            entity = organisations[change["organisation"]]
            history.append(
                Event(summary=change["summary"], source=change["source"], when=change["since"])
            )
        composition = compositions.get(code)
        experts = None
        appointed_by = last_changed = None
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
            sources.append(composition["source"])
        history.sort(key=lambda e: e.when or "")
        sources.extend(e.source for e in history)
        sources.extend(name.source for name in entity.names if name.source)
        built.append(
            NationalContactPoint(
                country=country,
                coordinating_entity=entity,
                status=_status(participations, code),
                experts=experts,
                appointed_by=appointed_by,
                last_changed=last_changed,
                history=tuple(history),
                sources=tuple(dict.fromkeys(sources)),
                listed_as=record["listed_as"],
            )
        )
    articles = {"articles": lambda items: tuple(Article(**a) for a in items)}
    return Network(
        legal_basis=LegalAct(
            **_with(raw["legal_basis"], adopted=_date, in_force=_date, amended_by=tuple, **articles)
        ),
        ncps=tuple(sorted(built, key=lambda n: n.country.code)),
        participations=participations,
        declarations=tuple(Declaration(**_with(d, country=Country)) for d in raw["declarations"]),
        claims=tuple(Claim(**_with(c, date=_date)) for c in raw["claims"]),
        sources=tuple(Source(**_with(s, date=_date)) for s in raw["sources"]),
    )


def _date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


def _status(participations: tuple[Participation, ...], code: str) -> Status | None:
    """The latest dated claim of the country's status, or else the first claim made."""
    claims = [p for p in participations if p.country.code == code]
    dated = sorted((p for p in claims if p.since is not None), key=lambda p: str(p.since))
    if dated:
        return dated[-1].status
    return claims[0].status if claims else None


def _organisations(raw: Mapping[str, Mapping[str, Any]]) -> dict[str, Organisation]:
    """Organisations by id, each built once, parents before their units."""
    built: dict[str, Organisation] = {}

    def build(key: str, seen: tuple[str, ...] = ()) -> Organisation:
        if key in built:
            return built[key]
        if key in seen:
            raise InvalidData(f"organisation {key!r} is its own parent")
        record = raw[key]
        parent = record.get("parent")
        built[key] = Organisation(
            names=tuple(Name(**n) for n in record["names"]),
            kind=OrganisationKind(record["kind"]) if record.get("kind") else None,
            parent=build(parent, (*seen, key)) if parent else None,
            country=Country(record["country"]) if record.get("country") else None,
        )
        return built[key]

    for key in raw:
        build(key)
    return built
