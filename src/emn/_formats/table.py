"""A staff list as a table (CSV or a spreadsheet): a header row, then one row per expert.

The columns are ``country, coordinating_entity, appointed_by, last_changed, name, role,
organisation``, and optionally ``sources`` (source ids, separated by spaces or commas) and
``notes`` (for people; not read). Headers are matched in any case, with spaces or underscores.
The NCP's own cells (``coordinating_entity``, ``appointed_by``, ``last_changed``, ``sources``)
may be filled on every row or only on the first row of each country, and must agree; a row
with no country continues the NCP above it. A role is its value (``national_coordinator``) or
its word in English or any language the library has a catalog for, in any case and spacing.

Positions are rows as a spreadsheet numbers them (the header is row 1) and columns by name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .._i18n import N_
from .._location import Location
from .._vocabulary import role_named, suggest_role
from ..exceptions import Problem
from . import Parsed, Position

__all__ = ["COLUMNS", "read_rows"]

COLUMNS = (
    "country",
    "coordinating_entity",
    "appointed_by",
    "last_changed",
    "name",
    "role",
    "organisation",
    "sources",
    "notes",
)
_REQUIRED = ("country", "coordinating_entity", "name", "role", "organisation")
_NCP_CELLS = ("coordinating_entity", "appointed_by", "last_changed", "sources")
_EXPERT_CELLS = ("name", "role", "organisation")


def _header(cell: str) -> str:
    return "_".join(cell.strip().casefold().replace("-", " ").replace("_", " ").split())


class _NCP:
    """The rows of one country: its first row, its NCP's cells, and its experts."""

    __slots__ = ("cells", "country", "experts", "row")

    def __init__(self, country: str, row: int) -> None:
        self.country = country
        self.row = row
        self.cells: dict[str, tuple[str, int]] = {}
        self.experts: list[tuple[int, dict[str, str]]] = []


def read_rows(rows: Iterable[tuple[int, Sequence[str]]]) -> Parsed:
    """The NCPs in a table given as ``(row number, cells)`` pairs, cells as text."""
    problems: list[Problem] = []
    rows = iter(rows)
    header_row, header = next(
        ((n, cells) for n, cells in rows if any(cell.strip() for cell in cells)), (1, [])
    )
    columns = _columns(header_row, header, problems)
    absent = [name for name in _REQUIRED if name not in columns.values()]
    no_column = N_("there is no column {name}")
    problems.extend(
        Problem.of((), no_column, name=repr(name))._replace(row=header_row) for name in absent
    )
    ncps: list[_NCP] = []
    current: _NCP | None = None
    for number, cells in rows:
        record = {
            name: cells[index].strip() for index, name in columns.items() if index < len(cells)
        }
        if any(cell.strip() for cell in cells[len(header) :]):
            message = N_("this row has more cells than the header has columns")
            problems.append(Problem.of((), message)._replace(row=number))
        if not any(record.values()):
            continue
        code = record.get("country", "")
        if code or current is None:
            key = code.upper()
            current = next((n for n in ncps if n.country.upper() == key), None)
            if current is None:
                current = _NCP(code, number)
                ncps.append(current)
        for name in _NCP_CELLS:
            value = record.get(name, "")
            if not value:
                continue
            if name not in current.cells:
                current.cells[name] = (value, number)
            elif current.cells[name][0] != value:
                first, row = current.cells[name]
                template = N_(
                    "{value} differs from {first} on row {first_row}; an NCP's own cells must agree"
                )
                problem = Problem.of(
                    (), template, value=repr(value), first=repr(first), first_row=row
                )
                problems.append(problem._replace(row=number, column=name))
        expert = {name: record[name] for name in _EXPERT_CELLS if name in record}
        if any(expert.values()):
            current.experts.append((number, expert))
    return _parsed(ncps, header_row, problems, absent)


def _columns(row: int, header: Sequence[str], problems: list[Problem]) -> dict[int, str]:
    import difflib

    columns: dict[int, str] = {}
    for index, cell in enumerate(header):
        name = _header(cell)
        if not name:
            continue
        if name not in COLUMNS:
            close = difflib.get_close_matches(name, COLUMNS, n=1, cutoff=0.75)
            if close:
                problem = Problem.of((), N_("unknown column; did you mean {name}?"), name=close[0])
            else:
                template = N_("unknown column; the columns are {columns}")
                problem = Problem.of((), template, columns=", ".join(COLUMNS))
            problems.append(problem._replace(row=row, column=cell.strip()))
        elif name in columns.values():
            message = N_("this column is given twice; the first one is read")
            problems.append(Problem.of((), message)._replace(row=row, column=cell.strip()))
        else:
            columns[index] = name
    return columns


def _parsed(
    ncps: list[_NCP], header_row: int, problems: list[Problem], absent: list[str]
) -> Parsed:
    positions: dict[Location, Position] = {(): (None, None, None, None)}

    def put(location: Location, column: str | None, row: int) -> None:
        positions[location] = (None, None, column, row)

    judged: set[Location] = set()
    data: list[dict[str, object]] = []
    single = len(ncps) == 1
    for index, ncp in enumerate(ncps):
        at: Location = () if single else (index,)
        positions[at] = (None, None, None, ncp.row)
        item: dict[str, object] = {}
        judged.update((*at, name) for name in absent)
        if "country" not in absent:
            item["country"] = ncp.country
            put((*at, "country"), "country", ncp.row)
        for name in _NCP_CELLS:
            value, row = ncp.cells.get(name, ("", ncp.row))
            put((*at, name), name, row)
            if name == "sources" and value:
                item[name] = [part for part in re.split(r"[\s,;]+", value) if part]
            elif value:
                item[name] = value
        experts: list[dict[str, str]] = []
        put((*at, "experts"), None, ncp.row)
        for position, (row, cells) in enumerate(ncp.experts):
            where: Location = (*at, "experts", position)
            positions[where] = (None, None, None, row)
            for name in cells:
                put((*where, name), name, row)
            judged.update((*where, name) for name in absent)
            if "role" in cells:
                cells = {**cells, "role": _role(cells["role"], where, row, problems, judged)}
            experts.append(cells)
        item["experts"] = experts
        data.append(item)
    if not ncps:
        message = N_("no row below the header names an expert")
        problems.append(Problem.of((), message)._replace(row=header_row + 1))
    return Parsed(
        data[0] if single else data,
        problems,
        lambda wanted: {k: positions[k] for k in wanted if k in positions},
        judged,
    )


def _role(
    cell: str, where: Location, row: int, problems: list[Problem], judged: set[Location]
) -> str:
    """The role's value for ``cell``; a problem (with a suggestion) if it names none."""
    role = role_named(cell)
    if role is not None:
        return str(role.value)
    at = (*where, "role")
    close = suggest_role(cell) if cell else None
    if not cell:
        template = N_("no role given; one of national_coordinator, deputy_coordinator, member")
        problem = Problem.of(at, template)
    elif close is None:
        template = N_(
            "{value} is not a role; the roles are national_coordinator, deputy_coordinator and "
            "member"
        )
        problem = Problem.of(at, template, value=repr(cell))
    else:
        template = N_("{value} is not a role; did you mean {role}?")
        problem = Problem.of(at, template, value=repr(cell), role=close.value)
    problems.append(problem._replace(row=row, column="role"))
    judged.add((*where, "role"))
    return cell
