"""A Frictionless data package as :func:`emn.datapackage.export` writes it: a
``datapackage.json`` beside the tables ``ncps``, ``experts``, ``organisations``, ``names``,
``history``, ``hosts``, ``participations``, ``people``, ``member_organisations`` and
``sources``.

Every field of every NCP record comes back as it was exported. The export neutralises cells
that a spreadsheet would run as a formula by putting one ``'`` before them (OWASP's advice);
reading takes exactly one leading ``'`` off every text cell, so that the values come back as
they were. Positions are a table's file, row and column.

A package written before the tables of records existed (no ``hosts``, ``participations``,
``people`` or ``member_organisations``) is still read: its NCPs have no such records, as a
composition file that gives none. A table that lacks a column which ties its rows to an NCP
(``code``, ``position``) cannot be read, and says so in one line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .._i18n import N_
from .._location import Location
from ..exceptions import Problem, UnreadableFile
from . import Parsed, Position, decode

__all__ = ["read"]

# The tables that hang off an NCP, by its code and their place in its list of records.
_HELD = ("experts", "history", "hosts", "participations", "people", "member_organisations")
_TABLES = ("ncps", "organisations", "names", *_HELD, "sources")
_REQUIRED = ("ncps", "experts", "organisations")
# The columns without which a table's rows cannot be tied to what they belong to.
_KEYS = {
    "ncps": ("code",),
    "organisations": ("id",),
    "names": ("organisation_id", "position"),
    **dict.fromkeys(_HELD, ("code", "position")),
}
# Text cells each kind of record copies as they are: (field, column).
_CELLS = {
    "history": (
        ("summary", "summary"),
        ("source", "source"),
        ("when", "when"),
        ("quote", "quote"),
        ("lang", "lang"),
        ("id", "id"),
        ("country", "country"),
        ("basis", "basis"),
        ("certainty", "certainty"),
        ("note", "note"),
    ),
    "hosts": (("country", "country"), ("relation", "relation")),
    "participations": (("country", "country"), ("scope", "scope"), ("status", "status")),
    "people": (("country", "country"), ("name", "name"), ("role", "role")),
    "member_organisations": (("country", "country"), ("role", "role")),
}
_RECORD = (
    ("id", "id"),
    ("observed", "observed"),
    ("source", "source"),
    ("basis", "basis"),
    ("summary", "summary"),
    ("note", "note"),
)
_WORDED = (("certainty", "certainty"), ("quote", "quote"))
_VALIDITY = (("start", "from"), ("end", "until"), ("basis", "dates_basis"), ("note", "dates_note"))
# The records whose body is one organisation, named by its id in the column organisation_id.
_BODY = ("history", "hosts", "people")

Row = tuple[int, dict[str, str]]


def read(path: Path, name: str, *, former: bool = False) -> Parsed:
    """The NCPs of the data package whose descriptor is ``path`` (shown to people as ``name``);
    with ``former``, the NCPs of countries that no longer take part instead (``ncps.former``).
    """
    import json

    text = _text(path, name, N_("a data package descriptor"))
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as err:
        reason = N_("not valid JSON: {error} at line {line_number}, column {column_number}")
        raise UnreadableFile.of(
            name, reason, error=err.msg, line_number=err.lineno, column_number=err.colno
        ) from None
    except (ValueError, RecursionError) as err:
        error = " ".join(str(err).split())
        raise UnreadableFile.of(name, N_("not valid JSON: {error}"), error=error) from None
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    if not isinstance(resources, list):
        raise UnreadableFile.of(name, N_("not a data package: it has no list of resources"))
    paths = {
        r["name"]: r["path"]
        for r in resources
        if isinstance(r, dict) and isinstance(r.get("name"), str) and isinstance(r.get("path"), str)
    }
    for table in _REQUIRED:
        if table not in paths:
            reason = N_("not an emn data package: no resource {table}")
            raise UnreadableFile.of(name, reason, table=repr(table))
    tables: dict[str, tuple[str, list[Row]]] = {}
    for table in _TABLES:
        if table not in paths:
            continue
        shown = os.path.join(os.path.dirname(name), paths[table])
        tables[table] = (shown, _rows(path.parent, paths[table], shown, _KEYS.get(table, ())))
    return _Builder(tables).parsed(former)


def _text(path: Path, shown: str, expected: str) -> str:
    """The text of the file at ``path`` (``shown`` to people), which should hold ``expected``."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        reason = N_("cannot be read: {error}")
        raise UnreadableFile.of(shown, reason, error=err.strerror or err) from None
    return decode(raw, shown, expected)


def _rows(directory: Path, relative: str, shown: str, keys: tuple[str, ...]) -> list[Row]:
    import csv
    import io

    target = (directory / relative).resolve()
    if os.path.isabs(relative) or not target.is_relative_to(directory.resolve()):
        raise UnreadableFile.of(shown, N_("a resource outside the data package's directory"))
    text = _text(target, shown, N_("a header row and the table's rows as CSV"))
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        rows = [
            (number, {key: _restored(value) for key, value in row.items() if isinstance(key, str)})
            for number, row in enumerate(reader, start=2)
        ]
    except csv.Error as err:
        raise UnreadableFile.of(shown, N_("not valid CSV: {error}"), error=err) from None
    for key in keys:
        if key not in (reader.fieldnames or ()):
            reason = N_("no column {name}, which emn export writes; export the package again")
            raise UnreadableFile.of(shown, reason, name=repr(key))
    return rows


def _restored(value: object) -> str:
    """A cell as it was before the export neutralised it (one leading ``'`` taken off)."""
    if not isinstance(value, str):
        return ""
    return value[1:] if value.startswith("'") else value


class _Builder:
    """Turns the tables into the data :func:`emn.to_dict` writes, noting where each part came
    from."""

    def __init__(self, tables: dict[str, tuple[str, list[Row]]]) -> None:
        self.tables = tables
        self.positions: dict[Location, Position] = {}
        self.problems: list[Problem] = []
        self.organisations = {
            row.get("id", ""): (n, row) for n, row in self._table("organisations")
        }
        self.names = _grouped(self._table("names"), "organisation_id")
        self.held = {table: _grouped(self._table(table), "code") for table in _HELD}

    def _table(self, table: str) -> list[Row]:
        return self.tables[table][1] if table in self.tables else []

    def _at(self, location: Location, table: str, row: int, column: str | None = None) -> None:
        self.positions[location] = (self.tables[table][0], None, column, row)

    def parsed(self, former: bool) -> Parsed:
        rows = [
            (n, row) for n, row in self._table("ncps") if self._flag(row, n, "former") is former
        ]
        data = [self._ncp((index,), n, row) for index, (n, row) in enumerate(rows)]
        known = {row.get("code") for _, row in self._table("ncps")}
        for table, groups in self.held.items():
            for code, held in groups.items():
                # A participation no NCP holds is the network's word on a country.
                if code not in known and (code or table != "participations"):
                    no_ncp = N_("no NCP {code} in ncps")
                    problem = self._problem((), no_ncp, table, held[0][0], "code", code=repr(code))
                    self.problems.append(problem)
        sources = {row.get("id", "") for _, row in self._table("sources")} - {""}
        positions = self.positions

        def place(wanted: Iterable[Location]) -> dict[Location, Position]:
            return {k: positions[k] for k in wanted if k in positions}

        judged = {p.location for p in self.problems if p.location}
        return Parsed(data, self.problems, place, judged, sources)

    def _problem(
        self,
        location: Location,
        template: str,
        table: str,
        row: int,
        column: str | None = None,
        **args: object,
    ) -> Problem:
        problem = Problem.of(location, template, **args)
        return problem._replace(row=row, column=column, file=self.tables[table][0])

    def _flag(self, row: dict[str, str], n: int, column: str, default: bool = False) -> bool:
        """A boolean cell of ncps (true or false, as Frictionless writes them); empty is
        ``default``."""
        cell = row.get(column, "")
        folded = cell.casefold()
        if folded in ("true", "1"):
            return True
        if folded in ("false", "0"):
            return False
        if cell:
            message = N_("{value} is not true or false")
            self.problems.append(self._problem((), message, "ncps", n, column, value=repr(cell)))
        return default

    def _ncp(self, at: Location, n: int, row: dict[str, str]) -> dict[str, Any]:
        self._at(at, "ncps", n)
        item: dict[str, Any] = {"country": row.get("code", "")}
        self._at((*at, "country"), "ncps", n, "code")
        for field, column in (
            ("coordinating_entity", "coordinating_entity_id"),
            ("appointed_by", "appointed_by_id"),
        ):
            self._at((*at, field), "ncps", n, column)
            key = row.get(column, "")
            if key:
                item[field] = self._organisation((*at, field), key, "ncps", n, column)
            elif field == "coordinating_entity":
                item[field] = None  # no source names one (North Macedonia's)
        for field in ("status", "last_changed", "listed_as", "as_of"):
            self._at((*at, field), "ncps", n, field)
            if row.get(field):
                item[field] = row[field]
        for field in ("sources", "disputed"):
            self._at((*at, field), "ncps", n, field)
            item[field] = row.get(field, "").split()
        code = item["country"]
        self._at((*at, "experts"), "ncps", n, "experts_published")
        if not self._flag(row, n, "experts_published", default=True):
            item["experts"] = None
        else:
            item["experts"] = [
                self._expert((*at, "experts", i), en, expert)
                for i, (en, expert) in enumerate(self._held(code, "experts"))
            ]
        for field, build in (
            ("history", self._event),
            ("hosts", self._record),
            ("participations", self._record),
            ("people", self._record),
            ("member_organisations", self._record),
        ):
            item[field] = [
                build((*at, field, i), field, rn, record)
                for i, (rn, record) in enumerate(self._held(code, field))
            ]
        return item

    def _held(self, code: str, table: str) -> list[Row]:
        """The rows of ``table`` that belong to the NCP ``code``, in their order."""
        return self._in_order(self.held[table].get(code, []), table) if code else []

    def _in_order(self, rows: list[Row], table: str) -> list[Row]:
        def key(entry: Row) -> int:
            n, row = entry
            position = row.get("position", "")
            if re.fullmatch(r"[0-9]{1,9}", position):
                return int(position)
            message = N_("{value} is not a position (0, 1, 2, ...)")
            problem = self._problem((), message, table, n, "position", value=repr(position))
            self.problems.append(problem)
            return n

        return sorted(rows, key=key)

    def _expert(self, at: Location, n: int, row: dict[str, str]) -> dict[str, Any]:
        self._at(at, "experts", n)
        expert: dict[str, Any] = {"name": row.get("name", ""), "role": row.get("role", "")}
        for field in ("name", "role", "source"):
            self._at((*at, field), "experts", n, field)
        self._at((*at, "organisation"), "experts", n, "organisation_id")
        expert["organisation"] = self._organisation(
            (*at, "organisation"), row.get("organisation_id", ""), "experts", n, "organisation_id"
        )
        if row.get("source"):
            expert["source"] = row["source"]
        return expert

    def _event(self, at: Location, table: str, n: int, row: dict[str, str]) -> dict[str, Any]:
        event = self._cells(at, table, n, row, _CELLS[table])
        self._body(at, table, n, row, event)
        return event

    def _record(self, at: Location, table: str, n: int, row: dict[str, str]) -> dict[str, Any]:
        """A host, a participation, a person or a member body from its row."""
        worded = _WORDED if table in ("hosts", "participations") else ()
        record = self._cells(at, table, n, row, (*_CELLS[table], *_RECORD, *worded))
        self._body(at, table, n, row, record)
        if table == "member_organisations":
            self._at((*at, "organisations"), table, n, "organisation_ids")
            record["organisations"] = [
                self._organisation((*at, "organisations", i), key, table, n, "organisation_ids")
                for i, key in enumerate(row.get("organisation_ids", "").split())
            ]
        if worded:
            self._list(at, "derived_from", table, n, row, "derived_from", record)
        valid = self._cells((*at, "valid"), table, n, row, _VALIDITY)
        self._list((*at, "valid"), "derived_from", table, n, row, "dates_derived_from", valid)
        if valid:
            record["valid"] = valid
        return record

    def _cells(
        self,
        at: Location,
        table: str,
        n: int,
        row: dict[str, str],
        cells: Iterable[tuple[str, str]],
    ) -> dict[str, Any]:
        """The non-empty ``cells`` of ``row`` under their fields' names; an empty cell is the
        field's default."""
        self._at(at, table, n)
        item: dict[str, Any] = {}
        for field, column in cells:
            self._at((*at, field), table, n, column)
            if row.get(column):
                item[field] = row[column]
        return item

    def _body(
        self, at: Location, table: str, n: int, row: dict[str, str], item: dict[str, Any]
    ) -> None:
        """The organisation a record is about, where its table names one."""
        if table not in _BODY:
            return
        self._at((*at, "organisation"), table, n, "organisation_id")
        key = row.get("organisation_id", "")
        if key or table == "hosts":
            item["organisation"] = self._organisation(
                (*at, "organisation"), key, table, n, "organisation_id"
            )

    def _list(
        self,
        at: Location,
        field: str,
        table: str,
        n: int,
        row: dict[str, str],
        column: str,
        item: dict[str, Any],
    ) -> None:
        """A JSON cell (Frictionless' array type) as ``item[field]``; the converter checks its
        items."""
        import json

        self._at((*at, field), table, n, column)
        cell = row.get(column, "")
        if not cell:
            return
        try:
            value = json.loads(cell)
        except (ValueError, RecursionError):
            value = None
        if not isinstance(value, list):
            message = N_("{value} is not a JSON list such as {example}")
            example = '[{"reference": "..."}]'
            problem = self._problem(
                (*at, field), message, table, n, column, value=_short(cell), example=example
            )
            self.problems.append(problem)
            return
        item[field] = value

    def _organisation(
        self,
        at: Location,
        key: str,
        table: str,
        n: int,
        column: str,
        seen: frozenset[str] = frozenset(),
    ) -> Any:
        if key in seen:
            self.problems.append(
                self._problem(
                    at,
                    N_("the organisation {key} is its own parent"),
                    table,
                    n,
                    column,
                    key=repr(key),
                )
            )
            return None
        if key not in self.organisations:
            self.problems.append(
                self._problem(
                    at,
                    N_("no organisation {key} in organisations"),
                    table,
                    n,
                    column,
                    key=repr(key),
                )
            )
            return None
        on, row = self.organisations[key]
        self._at(at, "organisations", on)
        names = self.names.get(key)
        if names is None:  # a package without a names table: the first name alone
            listed: list[dict[str, str]] = [
                {"text": row.get("name", ""), "lang": row.get("lang") or "und"}
            ]
            self._at((*at, "names"), "organisations", on, "name")
        else:
            listed = []
            for i, (nn, name) in enumerate(self._in_order(names, "names")):
                self._at((*at, "names", i), "names", nn)
                entry = {"text": name.get("text", ""), "lang": name.get("lang") or "und"}
                if name.get("source"):
                    entry["source"] = name["source"]
                listed.append(entry)
        organisation: dict[str, Any] = {"names": listed}
        for field in ("kind", "country", "label", "note"):
            self._at((*at, field), "organisations", on, field)
            if row.get(field):
                organisation[field] = row[field]
        if row.get("parent_id"):
            self._at((*at, "parent"), "organisations", on, "parent_id")
            parent = self._organisation(
                (*at, "parent"), row["parent_id"], "organisations", on, "parent_id", seen | {key}
            )
            if parent is not None:
                organisation["parent"] = parent
        return organisation


def _short(cell: str) -> str:
    """A cell as a message quotes it: its first 40 characters."""
    return repr(cell if len(cell) <= 40 else cell[:40] + "...")


def _grouped(rows: list[Row], column: str) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for n, row in rows:
        groups.setdefault(row.get(column, ""), []).append((n, row))
    return groups
