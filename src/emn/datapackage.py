"""The dataset as a Frictionless Data Package: CSV tables and a ``datapackage.json``.

For R, spreadsheet and SQL users: every field is described, keys link the tables, and every
source is named.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any

from ._model import Host, NationalContactPoint, Network, Organisation, Participation, Scope, Status
from .exceptions import UnwritableFile

__all__ = ["FILES", "export", "neutralise"]


def _field(name: str, kind: str, description: str, **extra: Any) -> dict[str, Any]:
    return {"name": name, "type": kind, "description": description, **extra}


# The time a record speaks of and what it rests on, for hosts and participations alike.
_TIME_FIELDS = (
    _field("from", "string", "Start as the source gives it (a day, month or year; 'before'/'by')"),
    _field("until", "string", "End as the source gives it; empty: no end stated"),
    _field("observed", "string", "For a present-tense statement: the time it speaks of"),
    _field("source", "string", "The source (sources.id)", constraints={"required": True}),
    _field("basis", "string", "stated (by the source), derived or inferred (by the maintainers)"),
    _field("certainty", "string", "'uncertain' where the maintainers mark it so"),
    _field("summary", "string", "What the source says, in the maintainers' words"),
)

_TABLES: dict[str, dict[str, Any]] = {
    "ncps": {
        "description": "One row per National Contact Point, in its latest known state.",
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
        ],
        "primaryKey": ["code"],
        "foreignKeys": [
            {
                "fields": ["coordinating_entity_id"],
                "reference": {"resource": "organisations", "fields": ["id"]},
            },
            {
                "fields": ["appointed_by_id"],
                "reference": {"resource": "organisations", "fields": ["id"]},
            },
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
            {"fields": ["code"], "reference": {"resource": "ncps", "fields": ["code"]}},
            {
                "fields": ["organisation_id"],
                "reference": {"resource": "organisations", "fields": ["id"]},
            },
            {"fields": ["source"], "reference": {"resource": "sources", "fields": ["id"]}},
        ],
    },
    "organisations": {
        "description": "Every organisation named: designated entities, appointers, employers.",
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
        ],
        "primaryKey": ["id"],
        "foreignKeys": [{"fields": ["parent_id"], "reference": {"resource": "", "fields": ["id"]}}],
    },
    "hosts": {
        "description": "Every source's word on the body that is, hosts or coordinates an NCP.",
        "fields": [
            _field("id", "string", "The record's id in the dataset", constraints={"unique": True}),
            _field("code", "string", "The NCP's country code", constraints={"required": True}),
            _field("organisation_id", "string", "The body (organisations.id)"),
            _field(
                "relation",
                "string",
                "designated, is, hosts, coordinates or operates (runs the work under another "
                "body's coordination)",
            ),
            *_TIME_FIELDS,
        ],
        "primaryKey": ["id"],
        "foreignKeys": [
            {
                "fields": ["organisation_id"],
                "reference": {"resource": "organisations", "fields": ["id"]},
            },
            {"fields": ["source"], "reference": {"resource": "sources", "fields": ["id"]}},
        ],
    },
    "participations": {
        "description": "Every source's word on how a country takes part in the EMN.",
        "fields": [
            _field("id", "string", "The record's id in the dataset", constraints={"unique": True}),
            _field("code", "string", "The country's code", constraints={"required": True}),
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
            *_TIME_FIELDS,
        ],
        "primaryKey": ["id"],
        "foreignKeys": [
            {"fields": ["source"], "reference": {"resource": "sources", "fields": ["id"]}},
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
            {
                "fields": ["organisation_id"],
                "reference": {"resource": "organisations", "fields": ["id"]},
            },
            {"fields": ["source"], "reference": {"resource": "sources", "fields": ["id"]}},
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
            _field("when", "string", "A day, month or year (2014-03-27, 2008); ../2008 is by 2008"),
            _field("summary", "string", "What happened"),
            _field("source", "string", "The source that says so (sources.id)"),
            _field("quote", "string", "The source's own words, where kept"),
            _field("lang", "string", "The language of the quote (BCP 47)"),
        ],
        "primaryKey": ["code", "position"],
        "foreignKeys": [
            {"fields": ["code"], "reference": {"resource": "ncps", "fields": ["code"]}},
            {"fields": ["source"], "reference": {"resource": "sources", "fields": ["id"]}},
        ],
    },
}


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

    def rows(self) -> list[list[str]]:
        return [
            [
                key,
                o.name,
                o.names[0].lang,
                " | ".join(f"{n.text} [{n.lang}]" for n in o.names),
                o.kind.value if o.kind else "",
                o.country.code if o.country else "",
                self.ids[o.parent] if o.parent else "",
            ]
            for o, key in self.ids.items()
        ]

    def name_rows(self) -> list[list[str]]:
        return [
            [key, str(i), n.text, n.lang, n.source or ""]
            for o, key in self.ids.items()
            for i, n in enumerate(o.names)
        ]


def _ncp_row(ncp: NationalContactPoint, organisations: _Organisations) -> list[str]:
    from ._countries import english_name

    entity = ncp.coordinating_entity
    others = dict.fromkeys(
        p.status.value
        for p in ncp.participations
        if p.scope is Scope.NCP and p.status not in (ncp.status, Status.PARTICIPANT)
    )
    return [
        ncp.country.code,
        english_name(ncp.country.code),
        ncp.status.value if ncp.status else "",
        " ".join(others),
        organisations.id(entity),
        "" if entity is None else entity.all_names,
        ncp.listed_as or "",
        "true" if ncp.experts is not None else "false",
        "" if ncp.experts is None else str(len(ncp.experts)),
        organisations.id(ncp.appointed_by),
        ncp.last_changed.isoformat() if ncp.last_changed else "",
        " ".join(ncp.sources),
    ]


def _history_rows(network: Network) -> list[list[str]]:
    return [
        [
            ncp.country.code,
            str(i),
            str(e.when or ""),
            e.summary,
            e.source,
            e.quote or "",
            e.lang or "",
        ]
        for ncp in network.ncps
        for i, e in enumerate(ncp.history)
    ]


def _times(record: Host | Participation) -> list[str]:
    return [
        str(record.valid.start or ""),
        str(record.valid.end or ""),
        str(record.observed or ""),
        record.source,
        record.basis.value,
        record.certainty.value if record.certainty else "",
        record.summary or "",
    ]


#: The files a package consists of; ``--force`` replaces these and nothing else.
FILES = (
    "ncps.csv",
    "experts.csv",
    "organisations.csv",
    "hosts.csv",
    "participations.csv",
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
    ncps = [_ncp_row(ncp, organisations) for ncp in network.ncps]
    experts = [
        [
            ncp.country.code,
            str(i),
            e.name,
            e.role.value,
            organisations.id(e.organisation),
            e.source or "",
        ]
        for ncp in network.ncps
        for i, e in enumerate(ncp.experts or ())
    ]
    everyone = (*network.ncps, *network.former_ncps)
    hosts = [
        [h.id or "", h.country.code, organisations.id(h.organisation), h.relation.value, *_times(h)]
        for ncp in everyone
        for h in ncp.hosts
    ]
    participations = [
        [p.id or "", p.country.code, p.scope.value, p.status.value, *_times(p)]
        for p in network.participations
    ]
    sources = [
        [
            s.id,
            s.title or "",
            s.label or "",
            s.kind.value,
            "" if s.tier is None else str(s.tier),
            s.home.code if s.home else "",
            s.language,
            s.url or "",
            str(s.date or ""),
            s.read.isoformat() if s.read else "",
            s.copy_of or "",
            s.note or "",
        ]
        for s in network.sources
    ]
    tables = {
        "ncps": ncps,
        "experts": experts,
        "organisations": organisations.rows(),
        "hosts": hosts,
        "participations": participations,
        "sources": sources,
        "names": organisations.name_rows(),
        "history": _history_rows(network),
    }
    for name, table in tables.items():
        kinds = [field["type"] for field in _TABLES[name]["fields"]]
        for row in table:
            row[:] = [
                neutralise(c) if k == "string" else c for c, k in zip(row, kinds, strict=True)
            ]
    return tables


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
        raise UnwritableFile(str(directory), "no directory named")
    target = Path(directory)
    try:
        _place(target, network, force)
    except UnwritableFile:
        raise
    except UnicodeError:
        raise UnwritableFile(repr(str(target)), "cannot be a file name here") from None
    except OSError as err:
        reason = f"cannot write the data package: {err.strerror or err}"
        raise UnwritableFile(str(target), reason) from None
    return tuple(target / name for name in FILES)


def _place(target: Path, network: Network, force: bool) -> None:
    import shutil
    import tempfile

    if target.is_symlink() and not target.is_dir():
        raise UnwritableFile(str(target), "is a symbolic link, not a directory")
    if target.exists() and not target.is_dir():
        raise UnwritableFile(str(target), "is a file, not a directory")
    existing = sorted(p.name for p in target.iterdir()) if target.is_dir() else []
    if existing and not force:
        raise UnwritableFile(
            str(target),
            "is not empty; give a new or empty directory, or --force to replace the package",
        )
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
            "part and each NCP's host, dated where the source dates it. Every record names its "
            "sources. A text cell "
            "that would start with =, +, -, @, a tab, a carriage return or ' has one ' put in "
            "front, so that spreadsheets do not run it as a formula; take it off to read the "
            "value."
        ),
        "version": version("emn"),
        "sources": [{"title": f"{s.name} [{s.id}]", "path": s.url or ""} for s in network.sources],
        "resources": resources,
    }
