"""The dataset as a Frictionless Data Package: CSV tables and a ``datapackage.json``.

For R, spreadsheet and SQL users: every field is described, keys link the tables, and every
source is named.
"""

from __future__ import annotations

import csv
import json
import os
from collections import Counter
from enum import Enum
from pathlib import Path
from typing import Any

from ._i18n import N_
from ._model import (
    Country,
    Derivation,
    Host,
    Member,
    MemberOrganisations,
    NationalContactPoint,
    Organisation,
    Participation,
    Scope,
    Source,
    Status,
)
from ._network import Network
from .exceptions import UnwritableFile

__all__ = ["FILES", "export", "neutralise"]


def _refers(field: str, resource: str, key: str) -> dict[str, Any]:
    """A foreign key: ``field`` holds a ``key`` of the table ``resource`` ("": this table)."""
    return {"fields": [field], "reference": {"resource": resource, "fields": [key]}}


def _field(name: str, kind: str, description: str, **extra: Any) -> dict[str, Any]:
    return {"name": name, "type": kind, "description": description, **extra}


def _ncp_key() -> list[dict[str, Any]]:
    """The columns that tie a row to an NCP and place it in that NCP's list of records."""
    return [
        _field(
            "code",
            "string",
            "The NCP whose record this is (ncps.code)",
            constraints={"required": True},
        ),
        _field("position", "integer", "The row's place in the NCP's list, from 0"),
    ]


_ID = _field("id", "string", "The record's id in the dataset", constraints={"unique": True})
_COUNTRY = _field("country", "string", "The country the record speaks of (ISO code); empty: none")
_BASIS = "stated (by the source), derived or inferred (by the maintainers)"
_CERTAINTY = "'uncertain' where the maintainers mark it so"


def _record_fields(*, hosts: bool = True) -> list[dict[str, Any]]:
    """The time a record speaks of, what it rests on, and the maintainers' words on it; hosts
    and participations (``hosts``) also have a certainty, a quote and derivations."""
    fields = [
        _field(
            "from",
            "string",
            "Start as the source gives it: a day, month or year (2014-03-27, 2013-07, 2008), "
            "or 'before' or 'by' one",
        ),
        _field("until", "string", "End as the source gives it; empty: no end stated"),
        _field(
            "observed",
            "string",
            "For a present-tense statement: the time it speaks of (the page's date)",
        ),
        _field("source", "string", "The source (sources.id)", constraints={"required": True}),
        _field("basis", "string", _BASIS),
        _field("certainty", "string", _CERTAINTY),
        _field("summary", "string", "What the source says, in the maintainers' words"),
        _field("quote", "string", "The words of a shipped seed, where kept"),
        _field("note", "string", "What else to know about the record"),
        _field(
            "derived_from",
            "array",
            "What a derived or inferred record rests on: a JSON list of objects with "
            "'reference' (a legal act, a dated fact) and, where known, 'source' (sources.id) "
            "and 'record' (a record's id)",
        ),
        _field(
            "dates_basis",
            "string",
            "derived or inferred where from/until are the maintainers', not the source's",
        ),
        _field("dates_note", "string", "What else to know about from/until"),
        _field("dates_derived_from", "array", "What from/until rest on, as in derived_from"),
    ]
    if hosts:
        return fields
    return [f for f in fields if f["name"] not in ("certainty", "quote", "derived_from")]


_TABLES: dict[str, dict[str, Any]] = {
    "ncps": {
        "description": (
            "One row per National Contact Point, in its latest known state; the NCPs of "
            "countries that no longer take part (the United Kingdom's) follow, marked former."
        ),
        "fields": [
            _field(
                "code",
                "string",
                "ISO 3166-1 alpha-2 code of the country",
                constraints={"required": True},
            ),
            _field("country", "string", "The country's English name (CLDR)"),
            _field(
                "status",
                "string",
                "How the country takes part, by the precedence rule: member_state, observer, ...; "
                "empty where the records leave it undecided",
            ),
            _field(
                "other_statuses",
                "string",
                "Other words sources give the country's part, space-separated "
                "(participations.csv has every record)",
            ),
            _field(
                "coordinating_entity_id",
                "string",
                "The body hosting the NCP by the precedence rule (organisations.id); empty where "
                "no source names one or the records leave it undecided",
            ),
            _field(
                "coordinating_entity",
                "string",
                "That body's names, as the sources write them",
            ),
            _field("listed_as", "string", "The country as the source that lists the NCP writes it"),
            _field("experts_published", "boolean", "Whether the sources publish the NCP's experts"),
            _field(
                "expert_count", "integer", "How many experts; empty when not published (not zero)"
            ),
            _field(
                "appointed_by_id", "string", "Who appointed the NCP's members (organisations.id)"
            ),
            _field(
                "last_changed", "date", "When the composition last changed, where a source says"
            ),
            _field("sources", "string", "Ids of the sources the record rests on, space-separated"),
            _field(
                "disputed",
                "string",
                "The headline fields (status, coordinating_entity) that sources of equal rank "
                "and time leave undecided, space-separated",
            ),
            _field(
                "former",
                "boolean",
                "True for an NCP whose country no longer takes part (described as it was on its "
                "last day); emn.load leaves these out",
            ),
            _field(
                "as_of",
                "date",
                "The day the NCP is described on, in a package of the network on a day",
            ),
        ],
        "primaryKey": ["code"],
        "foreignKeys": [
            _refers("coordinating_entity_id", "organisations", "id"),
            _refers("appointed_by_id", "organisations", "id"),
        ],
    },
    "experts": {
        "description": "One row per expert of an NCP whose composition is published.",
        "fields": [
            _field(
                "code",
                "string",
                "The NCP's country code (ncps.code)",
                constraints={"required": True},
            ),
            _field("position", "integer", "The expert's place in the source's list, from 0"),
            _field("name", "string", "The expert's name as the source writes it"),
            _field("role", "string", "national_coordinator, deputy_coordinator or member"),
            _field("organisation_id", "string", "Where the expert comes from (organisations.id)"),
            _field("source", "string", "The source that lists the expert (sources.id)"),
        ],
        "primaryKey": ["code", "position"],
        "foreignKeys": [
            _refers("code", "ncps", "code"),
            _refers("organisation_id", "organisations", "id"),
            _refers("source", "sources", "id"),
        ],
    },
    "organisations": {
        "description": "Every organisation named: hosts, appointers, employers, member bodies.",
        "fields": [
            _field(
                "id", "string", "This table's key", constraints={"required": True, "unique": True}
            ),
            _field("name", "string", "The organisation's first name, as its source writes it"),
            _field(
                "lang", "string", "The language of that name (BCP 47; mul: several, und: unknown)"
            ),
            _field("all_names", "string", "Every name, 'name [lang]', separated by ' | '"),
            _field(
                "kind",
                "string",
                "ministry, police, public_agency, research, ... (classified by emn)",
            ),
            _field("country", "string", "ISO code of the country it is based in, where known"),
            _field("parent_id", "string", "The organisation it is a unit of (organisations.id)"),
            _field("label", "string", "What the body is, in the maintainers' English"),
            _field("note", "string", "What else to know about it"),
        ],
        "primaryKey": ["id"],
        "foreignKeys": [_refers("parent_id", "", "id")],
    },
    "hosts": {
        "description": "Every source's word on the body that is, hosts or coordinates an NCP.",
        "fields": [
            *_ncp_key(),
            _ID,
            _field(
                "country",
                "string",
                "The country the record speaks of (ISO code)",
                constraints={"required": True},
            ),
            _field("organisation_id", "string", "The body (organisations.id)"),
            _field(
                "relation",
                "string",
                "designated, is, hosts, coordinates or operates (runs the work under another "
                "body's coordination)",
            ),
            *_record_fields(),
        ],
        "primaryKey": ["code", "position"],
        "foreignKeys": [
            _refers("code", "ncps", "code"),
            _refers("organisation_id", "organisations", "id"),
            _refers("source", "sources", "id"),
        ],
    },
    "participations": {
        "description": (
            "Every source's word on how a country takes part in the EMN: each NCP's records, "
            "then those of countries without an NCP record."
        ),
        "fields": [
            _field(
                "code",
                "string",
                "The NCP whose record this is (ncps.code); empty for a country without one",
            ),
            _field(
                "position", "integer", "The row's place in the NCP's list, from 0; empty with code"
            ),
            _ID,
            _field(
                "country",
                "string",
                "The country the record speaks of (ISO code)",
                constraints={"required": True},
            ),
            _field(
                "scope",
                "string",
                "Where: ncp (through an NCP), steering_board, network or unspecified",
            ),
            _field(
                "status",
                "string",
                "member_state, observer, associated_member, not_participating or participant "
                "(takes part, no word for how)",
            ),
            *_record_fields(),
        ],
        "foreignKeys": [
            _refers("code", "ncps", "code"),
            _refers("source", "sources", "id"),
        ],
    },
    "people": {
        "description": "People the sources name in an EMN role of an NCP, outside a composition.",
        "fields": [
            *_ncp_key(),
            _ID,
            _COUNTRY,
            _field("name", "string", "The person's name as the source writes it"),
            _field(
                "role",
                "string",
                "national_coordinator, appointed_ncp, steering_board_member or emn_chair",
            ),
            _field("organisation_id", "string", "Where the person works (organisations.id)"),
            *_record_fields(hosts=False),
        ],
        "primaryKey": ["code", "position"],
        "foreignKeys": [
            _refers("code", "ncps", "code"),
            _refers("organisation_id", "organisations", "id"),
            _refers("source", "sources", "id"),
        ],
    },
    "member_organisations": {
        "description": (
            "The bodies a source names as making up an NCP, its partners or its national network."
        ),
        "fields": [
            *_ncp_key(),
            _ID,
            _COUNTRY,
            _field(
                "role",
                "string",
                "ncp_members, partners, national_network or national_steering_group",
            ),
            _field(
                "organisation_ids",
                "string",
                "The bodies, in the source's order (organisations.id), space-separated",
            ),
            *_record_fields(hosts=False),
        ],
        "primaryKey": ["code", "position"],
        "foreignKeys": [
            _refers("code", "ncps", "code"),
            _refers("source", "sources", "id"),
        ],
    },
    "sources": {
        "description": "Every source the dataset rests on.",
        "fields": [
            _field(
                "id",
                "string",
                "The id records cite",
                constraints={"required": True, "unique": True},
            ),
            _field("title", "string", "The title the source bears, where it bears one"),
            _field("label", "string", "What the source is, in the maintainers' words"),
            _field("kind", "string", "seed, page, document, mirror (a copy of one) or maintainers"),
            _field(
                "tier",
                "integer",
                "For the precedence rule: 1 the Commission and the EU, 2 an NCP or its "
                "government, 3 other national EMN pages, 4 secondary sites and copies",
            ),
            _field("home", "string", "The country it counts as tier 2 for, where it has one"),
            _field("language", "string", "The source's language (BCP 47)"),
            _field("url", "string", "Where it was read"),
            _field(
                "date", "string", "The source's own date (a day, month or year), where it shows one"
            ),
            _field("read", "date", "The day the maintainers read it"),
            _field("copy_of", "string", "The document a copy is of (sources.id)"),
            _field("note", "string", "What else to know about it"),
            _field("file", "string", "The file under emn/data it is shipped as (the seeds)"),
            _field("also_at", "string", "Other addresses of the same document, space-separated"),
        ],
        "primaryKey": ["id"],
    },
    "names": {
        "description": "Every name of every organisation, in order, with its language and source.",
        "fields": [
            _field(
                "organisation_id",
                "string",
                "The organisation named (organisations.id)",
                constraints={"required": True},
            ),
            _field("position", "integer", "The name's place among the organisation's, from 0"),
            _field("text", "string", "The name as its source writes it"),
            _field("lang", "string", "Its language (BCP 47; mul: several, und: unknown)"),
            _field("source", "string", "The source that gives the name (sources.id)"),
        ],
        "primaryKey": ["organisation_id", "position"],
        "foreignKeys": [
            _refers("organisation_id", "organisations", "id"),
            _refers("source", "sources", "id"),
        ],
    },
    "history": {
        "description": "What happened to each NCP, in the order its record lists it.",
        "fields": [
            _field(
                "code",
                "string",
                "The NCP's country code (ncps.code)",
                constraints={"required": True},
            ),
            _field("position", "integer", "The event's place in the NCP's history, from 0"),
            _field(
                "when",
                "string",
                "A day, month or year (2014-03-27, 2008-05, 2008), or 'before' or 'by' one; "
                "empty: undated",
            ),
            _field("summary", "string", "What happened"),
            _field("source", "string", "The source that says so (sources.id)"),
            _field("quote", "string", "The source's own words, where kept"),
            _field("lang", "string", "The language of the quote (BCP 47)"),
            _ID,
            _COUNTRY,
            _field("organisation_id", "string", "The body it happened to (organisations.id)"),
            _field("basis", "string", _BASIS),
            _field("certainty", "string", _CERTAINTY),
            _field("note", "string", "What else to know about the event"),
        ],
        "primaryKey": ["code", "position"],
        "foreignKeys": [
            _refers("code", "ncps", "code"),
            _refers("organisation_id", "organisations", "id"),
            _refers("source", "sources", "id"),
        ],
    },
}


#: A row as the names of its columns and its cells' text.
Cells = dict[str, str]


class _Organisations:
    """Stable ids for organisations, in the order they are first met."""

    def __init__(self) -> None:
        self.ids: dict[Organisation, str] = {}

    def id(self, organisation: Organisation | None) -> str:
        if organisation is None:
            return ""
        if organisation not in self.ids:
            self.id(organisation.parent)
            self.ids[organisation] = f"org-{len(self.ids) + 1}"
        return self.ids[organisation]

    def rows(self) -> list[Cells]:
        return [
            {
                "id": key,
                "name": o.name,
                "lang": o.names[0].lang,
                "all_names": " | ".join(f"{n.text} [{n.lang}]" for n in o.names),
                "kind": _value(o.kind),
                "country": _code(o.country),
                "parent_id": self.ids[o.parent] if o.parent else "",
                "label": o.label or "",
                "note": o.note or "",
            }
            for o, key in self.ids.items()
        ]

    def name_rows(self) -> list[Cells]:
        return [
            {
                "organisation_id": key,
                "position": str(i),
                "text": n.text,
                "lang": n.lang,
                "source": n.source or "",
            }
            for o, key in self.ids.items()
            for i, n in enumerate(o.names)
        ]


def _value(member: Enum | None) -> str:
    return "" if member is None else str(member.value)


def _code(country: Country | None) -> str:
    return "" if country is None else country.code


def _derivations(items: tuple[Derivation, ...]) -> str:
    """A list of derivations as a JSON cell (Frictionless' array type); empty when none."""
    if not items:
        return ""
    listed = [
        {
            key: value
            for key, value in (
                ("reference", d.reference),
                ("source", d.source),
                ("record", d.record),
            )
            if value is not None
        }
        for d in items
    ]
    return json.dumps(listed, ensure_ascii=False)


def _record(record: Host | Participation | Member | MemberOrganisations) -> Cells:
    """The cells every kind of record shares: its time, what it rests on, the words on it."""
    cells = {
        "id": record.id or "",
        "from": str(record.valid.start or ""),
        "until": str(record.valid.end or ""),
        "observed": str(record.observed or ""),
        "source": record.source,
        "basis": record.basis.value,
        "summary": record.summary or "",
        "note": record.note or "",
        "dates_basis": _value(record.valid.basis),
        "dates_note": record.valid.note or "",
        "dates_derived_from": _derivations(record.valid.derived_from),
    }
    if isinstance(record, (Host, Participation)):
        cells["certainty"] = _value(record.certainty)
        cells["quote"] = record.quote or ""
        cells["derived_from"] = _derivations(record.derived_from)
    return cells


def _ncp_row(ncp: NationalContactPoint, organisations: _Organisations, former: bool) -> Cells:
    from ._countries import english_name

    entity = ncp.coordinating_entity
    others = dict.fromkeys(
        p.status.value
        for p in ncp.participations
        if p.scope is Scope.NCP and p.status not in (ncp.status, Status.PARTICIPANT)
    )
    return {
        "code": ncp.country.code,
        "country": english_name(ncp.country.code),
        "status": _value(ncp.status),
        "other_statuses": " ".join(others),
        "coordinating_entity_id": organisations.id(entity),
        "coordinating_entity": "" if entity is None else entity.all_names,
        "listed_as": ncp.listed_as or "",
        "experts_published": "true" if ncp.experts is not None else "false",
        "expert_count": "" if ncp.experts is None else str(len(ncp.experts)),
        "appointed_by_id": organisations.id(ncp.appointed_by),
        "last_changed": ncp.last_changed.isoformat() if ncp.last_changed else "",
        "sources": " ".join(ncp.sources),
        "disputed": " ".join(ncp.disputed),
        "former": "true" if former else "false",
        "as_of": ncp.as_of.isoformat() if ncp.as_of else "",
    }


def _held(ncp: NationalContactPoint, position: int) -> Cells:
    return {"code": ncp.country.code, "position": str(position)}


def _ncp_rows(
    ncp: NationalContactPoint, organisations: _Organisations, tables: dict[str, list[Cells]]
) -> None:
    """The rows of one NCP's experts and records, added to ``tables``."""
    for i, e in enumerate(ncp.experts or ()):
        tables["experts"].append(
            _held(ncp, i)
            | {
                "name": e.name,
                "role": e.role.value,
                "organisation_id": organisations.id(e.organisation),
                "source": e.source or "",
            }
        )
    for i, event in enumerate(ncp.history):
        tables["history"].append(
            _held(ncp, i)
            | {
                "when": str(event.when or ""),
                "summary": event.summary,
                "source": event.source,
                "quote": event.quote or "",
                "lang": event.lang or "",
                "id": event.id or "",
                "country": _code(event.country),
                "organisation_id": organisations.id(event.organisation),
                "basis": event.basis.value,
                "certainty": _value(event.certainty),
                "note": event.note or "",
            }
        )
    for i, host in enumerate(ncp.hosts):
        tables["hosts"].append(
            _held(ncp, i)
            | _record(host)
            | {
                "country": host.country.code,
                "organisation_id": organisations.id(host.organisation),
                "relation": host.relation.value,
            }
        )
    for i, participation in enumerate(ncp.participations):
        tables["participations"].append(_held(ncp, i) | _participation(participation))
    for i, person in enumerate(ncp.people):
        tables["people"].append(
            _held(ncp, i)
            | _record(person)
            | {
                "country": _code(person.country),
                "name": person.name,
                "role": person.role.value,
                "organisation_id": organisations.id(person.organisation),
            }
        )
    for i, bodies in enumerate(ncp.member_organisations):
        tables["member_organisations"].append(
            _held(ncp, i)
            | _record(bodies)
            | {
                "country": _code(bodies.country),
                "role": bodies.role.value,
                "organisation_ids": " ".join(organisations.id(o) for o in bodies.organisations),
            }
        )


def _participation(participation: Participation) -> Cells:
    return _record(participation) | {
        "country": participation.country.code,
        "scope": participation.scope.value,
        "status": participation.status.value,
    }


def _source_row(s: Source) -> Cells:
    return {
        "id": s.id,
        "title": s.title or "",
        "label": s.label or "",
        "kind": s.kind.value,
        "tier": "" if s.tier is None else str(s.tier),
        "home": _code(s.home),
        "language": s.language,
        "url": s.url or "",
        "date": str(s.date or ""),
        "read": s.read.isoformat() if s.read else "",
        "copy_of": s.copy_of or "",
        "note": s.note or "",
        "file": s.file or "",
        "also_at": " ".join(s.also_at),
    }


#: The files a package consists of; ``--force`` replaces these and nothing else.
FILES = (
    "ncps.csv",
    "experts.csv",
    "organisations.csv",
    "hosts.csv",
    "participations.csv",
    "people.csv",
    "member_organisations.csv",
    "sources.csv",
    "names.csv",
    "history.csv",
    "datapackage.json",
)

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP's CSV injection
# advice); a leading ' is also added to a cell that already starts with ', so that
# emn.load can take exactly one off and restore every value.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def neutralise(cell: str) -> str:
    """``cell`` as a spreadsheet may open it safely: a leading ``'`` before a formula start.

    >>> neutralise("=1+1"), neutralise("'quoted"), neutralise("Ana")
    ("'=1+1", "''quoted", 'Ana')
    """
    return f"'{cell}" if cell.startswith(_FORMULA_START) else cell


def _rows(network: Network) -> dict[str, list[list[str]]]:
    organisations = _Organisations()
    tables: dict[str, list[Cells]] = {name: [] for name in _TABLES}
    for ncps, former in ((network.ncps, False), (network.former_ncps, True)):
        for ncp in ncps:
            tables["ncps"].append(_ncp_row(ncp, organisations, former))
            _ncp_rows(ncp, organisations, tables)
    # The network's own word on countries: the records no NCP holds follow the NCPs' own.
    held = Counter(p for ncp in (*network.ncps, *network.former_ncps) for p in ncp.participations)
    for participation in network.participations:
        if held[participation]:
            held[participation] -= 1
        else:
            tables["participations"].append(_participation(participation))
    tables["organisations"] = organisations.rows()
    tables["names"] = organisations.name_rows()
    tables["sources"] = [_source_row(s) for s in network.sources]
    out: dict[str, list[list[str]]] = {}
    for name, table in tables.items():
        fields = _TABLES[name]["fields"]
        out[name] = [
            [
                neutralise(row.get(f["name"], ""))
                if f["type"] == "string"
                else row.get(f["name"], "")
                for f in fields
            ]
            for row in table
        ]
    return out


def _write(folder: Path, network: Network) -> None:
    for name, table in _rows(network).items():
        with (folder / f"{name}.csv").open("x", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(field["name"] for field in _TABLES[name]["fields"])
            writer.writerows(table)
    with (folder / "datapackage.json").open("x", encoding="utf-8") as handle:
        handle.write(json.dumps(_descriptor(network), ensure_ascii=False, indent=2) + "\n")


def export(
    directory: str | os.PathLike[str], network: Network | None = None, *, force: bool = False
) -> tuple[Path, ...]:
    """Write ``network`` (default: the bundled one) into ``directory`` as a Data Package.

    ``directory`` must be new or empty; with ``force=True`` an existing package's files
    (:data:`FILES`) are replaced and nothing else is touched. The package is written in a
    temporary directory first and moved into place, so a failure leaves the old package or
    nothing; a file in ``directory`` that is a symbolic link is replaced, never written through.
    Cells that a spreadsheet would run as a formula get a leading ``'``.

    Returns the files written. Raises :class:`emn.exceptions.UnwritableFile` naming the
    directory when it cannot be written.
    """
    if not isinstance(directory, (str, os.PathLike)):
        raise TypeError(f"export: directory must be a path, not {type(directory).__name__}")
    if network is None:
        from ._dataset import network as bundled

        network = bundled()
    if not isinstance(network, Network):
        raise TypeError(f"export: network must be an emn.Network, not {type(network).__name__}")
    if not isinstance(force, bool):
        raise TypeError(f"export: force must be True or False, not {type(force).__name__}")
    if not str(os.fspath(directory)).strip():
        raise UnwritableFile.of(str(directory), N_("no directory named"))
    target = Path(directory)
    try:
        _place(target, network, force)
    except UnwritableFile:
        raise
    except UnicodeError:
        raise UnwritableFile.of(repr(str(target)), N_("cannot be a file name here")) from None
    except OSError as err:
        reason = N_("cannot write the data package: {error}")
        raise UnwritableFile.of(str(target), reason, error=err.strerror or err) from None
    return tuple(target / name for name in FILES)


def _place(target: Path, network: Network, force: bool) -> None:
    import shutil
    import tempfile

    if target.is_symlink() and not target.is_dir():
        raise UnwritableFile.of(str(target), N_("is a symbolic link, not a directory"))
    if target.exists() and not target.is_dir():
        raise UnwritableFile.of(str(target), N_("is a file, not a directory"))
    existing = sorted(p.name for p in target.iterdir()) if target.is_dir() else []
    if existing and not force:
        reason = N_(
            "is not empty; give a new or empty directory, or --force to replace the package"
        )
        raise UnwritableFile.of(str(target), reason)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Beside the target when it is new or empty (one rename puts it in place), inside it when
    # its other files must stay.
    staging = Path(
        tempfile.mkdtemp(prefix=".emn-export-", dir=target if existing else target.parent)
    )
    try:
        _write(staging, network)
        if existing:
            for name in FILES:
                os.replace(staging / name, target / name)
            staging.rmdir()
        else:
            if target.is_dir():
                target.rmdir()
            os.rename(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _descriptor(network: Network) -> dict[str, Any]:
    from importlib.metadata import version

    resources = []
    for name, table in _TABLES.items():
        schema = {key: value for key, value in table.items() if key != "description"}
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": table["description"],
                "schema": schema,
            }
        )
    day = f" as of {network.as_of.isoformat()}" if network.as_of else ""
    return {
        "profile": "tabular-data-package",
        "name": "emn-national-contact-points",
        "title": f"European Migration Network: National Contact Points{day}",
        "description": (
            "The National Contact Points of the European Migration Network (Council Decision "
            "2008/381/EC), their coordinating institutions and, where published, their experts, "
            "as the sources below describe them, with every source's word on each country's "
            "part, each NCP's host, the people and bodies named in it and its history, dated "
            "where the source dates it; the NCPs of countries that no longer take part follow "
            "the others. Every record names its sources. A text cell "
            "that would start with =, +, -, @, a tab, a carriage return or ' has one ' put in "
            "front, so that spreadsheets do not run it as a formula; take it off to read the "
            "value."
        ),
        "version": version("emn"),
        "sources": [{"title": f"{s.name} [{s.id}]", "path": s.url or ""} for s in network.sources],
        "resources": resources,
    }
