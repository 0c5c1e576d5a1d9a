"""A Frictionless data package as :func:`emn.datapackage.export` writes it: a
``datapackage.json`` beside the tables ``ncps``, ``experts``, ``organisations``, ``names``,
``history`` and ``sources``.

The export neutralises cells that a spreadsheet would run as a formula by putting one ``'``
before them (OWASP's advice); reading takes exactly one leading ``'`` off every text cell, so
that the values come back as they were. Positions are a table's file, row and column.
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

_TABLES = ("ncps", "experts", "organisations", "names", "history", "sources")
_REQUIRED = ("ncps", "experts", "organisations")

Row = tuple[int, dict[str, str]]


def read(path: Path, name: str) -> Parsed:
    """The NCPs of the data package whose descriptor is ``path`` (shown to people as ``name``)."""
    import json

    try:
        descriptor = json.loads(decode(path.read_bytes(), name, "a data package descriptor"))
    except json.JSONDecodeError as err:
        reason = f"not valid JSON: {err.msg} at line {err.lineno}, column {err.colno}"
        raise UnreadableFile(name, reason) from None
    except (ValueError, RecursionError) as err:
        raise UnreadableFile(name, f"not valid JSON: {' '.join(str(err).split())}") from None
    except OSError as err:
        raise UnreadableFile(name, f"cannot be read: {err.strerror or err}") from None
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    if not isinstance(resources, list):
        raise UnreadableFile(name, "not a data package: it has no list of resources")
    paths = {
        r["name"]: r["path"]
        for r in resources
        if isinstance(r, dict) and isinstance(r.get("name"), str) and isinstance(r.get("path"), str)
    }
    for table in _REQUIRED:
        if table not in paths:
            raise UnreadableFile(name, f"not an emn data package: no resource {table!r}")
    tables: dict[str, tuple[str, list[Row]]] = {}
    for table in _TABLES:
        if table not in paths:
            continue
        shown = os.path.join(os.path.dirname(name), paths[table])
        tables[table] = (shown, _rows(path.parent, paths[table], shown))
    return _Builder(tables).parsed()


def _rows(directory: Path, relative: str, shown: str) -> list[Row]:
    import csv
    import io

    target = (directory / relative).resolve()
    if os.path.isabs(relative) or not target.is_relative_to(directory.resolve()):
        raise UnreadableFile(shown, "a resource outside the data package's directory")
    try:
        raw = target.read_bytes()
    except OSError as err:
        raise UnreadableFile(shown, f"cannot be read: {err.strerror or err}") from None
    text = decode(raw, shown, "a header row and the table's rows as CSV")
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        return [
            (number, {key: _restored(value) for key, value in row.items() if isinstance(key, str)})
            for number, row in enumerate(reader, start=2)
        ]
    except csv.Error as err:
        raise UnreadableFile(shown, f"not valid CSV: {err}") from None


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
        self.organisations = {row["id"]: (n, row) for n, row in self._table("organisations")}
        self.names = _grouped(self._table("names"), "organisation_id")
        self.experts = _grouped(self._table("experts"), "code")
        self.history = _grouped(self._table("history"), "code")

    def _table(self, table: str) -> list[Row]:
        return self.tables[table][1] if table in self.tables else []

    def _at(self, location: Location, table: str, row: int, column: str | None = None) -> None:
        self.positions[location] = (self.tables[table][0], None, column, row)

    def parsed(self) -> Parsed:
        data = [self._ncp((index,), n, row) for index, (n, row) in enumerate(self._table("ncps"))]
        known = {row.get("code") for _, row in self._table("ncps")}
        for code, rows in self.experts.items():
            if code not in known:
                n = rows[0][0]
                no_ncp = N_("no NCP {code} in ncps")
                self.problems.append(self._problem((), no_ncp, "experts", n, code=repr(code)))
        sources = {row.get("id", "") for _, row in self._table("sources")} - {""}
        positions = self.positions

        def place(wanted: Iterable[Location]) -> dict[Location, Position]:
            return {k: positions[k] for k in wanted if k in positions}

        judged = {p.location for p in self.problems if p.location}
        return Parsed(data, self.problems, place, judged, sources)

    def _problem(
        self, location: Location, template: str, table: str, row: int, **args: object
    ) -> Problem:
        return Problem.of(location, template, **args)._replace(row=row, file=self.tables[table][0])

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
        for field in ("status", "last_changed", "listed_as"):
            self._at((*at, field), "ncps", n, field)
            if row.get(field):
                item[field] = row[field]
        self._at((*at, "sources"), "ncps", n, "sources")
        item["sources"] = row.get("sources", "").split()
        code = item["country"]
        self._at((*at, "experts"), "ncps", n, "experts_published")
        if row.get("experts_published") == "false":
            item["experts"] = None
        else:
            item["experts"] = [
                self._expert((*at, "experts", i), en, expert)
                for i, (en, expert) in enumerate(
                    self._in_order(self.experts.get(code, []), "experts")
                )
            ]
        events = self._in_order(self.history.get(code, []), "history")
        item["history"] = [
            self._event((*at, "history", i), hn, e) for i, (hn, e) in enumerate(events)
        ]
        return item

    def _in_order(self, rows: list[Row], table: str) -> list[Row]:
        def key(entry: Row) -> int:
            n, row = entry
            position = row.get("position", "")
            if re.fullmatch(r"[0-9]{1,9}", position):
                return int(position)
            message = N_("{value} is not a position (0, 1, 2, ...)")
            self.problems.append(self._problem((), message, table, n, value=repr(position)))
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

    def _event(self, at: Location, n: int, row: dict[str, str]) -> dict[str, Any]:
        self._at(at, "history", n)
        event: dict[str, Any] = {"summary": row.get("summary", ""), "source": row.get("source", "")}
        for field in ("when", "quote", "lang"):
            if row.get(field):
                event[field] = row[field]
        for field in ("summary", "source", "when", "quote", "lang"):
            self._at((*at, field), "history", n, field)
        return event

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
                    at, N_("the organisation {key} is its own parent"), table, n, key=repr(key)
                )
            )
            return None
        if key not in self.organisations:
            self.problems.append(
                self._problem(
                    at, N_("no organisation {key} in organisations"), table, n, key=repr(key)
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
        for field in ("kind", "country"):
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


def _grouped(rows: list[Row], column: str) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for n, row in rows:
        groups.setdefault(row.get(column, ""), []).append((n, row))
    return groups
