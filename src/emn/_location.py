"""Locations as data: a path of keys and indexes into what :func:`emn.to_dict` writes.

A location is a tuple such as ``("experts", 2, "role")``: ``to_dict(obj)["experts"][2]["role"]``
reaches what it names. This module is the one place that turns it into text for people
(``experts[2].role``) or into a JSON Pointer (``/experts/2/role``), and that writes where it
is in a user's file (``si.json:12:9``, ``hr.csv:3``).
"""

from __future__ import annotations

from typing import TypeAlias

__all__ = [
    "Location",
    "as_location",
    "format_location",
    "format_place",
    "format_position",
    "json_pointer",
    "location_key",
]

Location: TypeAlias = tuple[str | int, ...]


def as_location(value: object) -> Location:
    """``value`` as a location: a tuple of keys and indexes, or one field name.

    >>> as_location("experts"), as_location(("experts", 0)), as_location(())
    (('experts',), ('experts', 0), ())
    """
    if isinstance(value, str):
        return (value,) if value else ()
    if isinstance(value, int) and not isinstance(value, bool):
        return (value,)
    if isinstance(value, (tuple, list)) and all(
        isinstance(part, str) or (isinstance(part, int) and not isinstance(part, bool))
        for part in value
    ):
        return tuple(value)
    raise TypeError(f"a location is a tuple of keys and indexes, not {value!r}")


def format_location(location: Location) -> str:
    """The location as people read it: ``experts[2].role``; ``""`` for the object itself.

    >>> format_location(("ncps", 12, "experts", 0))
    'ncps[12].experts[0]'
    >>> format_location((1, "experts")), format_location(("odd key",))
    ('[1].experts', "['odd key']")
    """
    out: list[str] = []
    for part in location:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif part.isidentifier():
            out.append(f".{part}" if out else part)
        else:
            out.append(f"[{part!r}]")
    return "".join(out)


def json_pointer(location: Location) -> str:
    """The location as a JSON Pointer (RFC 6901): ``/experts/2/role``.

    >>> json_pointer(("experts", 2, "role")), json_pointer(("a/b~c",)), json_pointer(())
    ('/experts/2/role', '/a~1b~0c', '')
    """
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in location)


def location_key(location: Location) -> tuple[tuple[int, int, str], ...]:
    """A sort key that orders indexes numerically (``[2]`` before ``[10]``) and before names."""
    return tuple((0, part, "") if isinstance(part, int) else (1, 0, part) for part in location)


def format_position(
    file: str | None,
    line: int | None = None,
    column: int | str | None = None,
    row: int | None = None,
) -> str:
    """Where in a file, as compilers and editors write it: ``FILE:LINE:COLUMN`` for text
    (JSON, YAML), ``FILE:ROW`` for a table (CSV, XLSX; the header is row 1), ``FILE`` alone
    when the place is the whole file; ``""`` when there is no file.

    >>> format_position("si.json", 12, 9), format_position("hr.csv", row=3, column="role")
    ('si.json:12:9', 'hr.csv:3')
    >>> format_position("hr.csv"), format_position(None, 3)
    ('hr.csv', '')
    """
    if file is None:
        return ""
    if line is not None:
        return f"{file}:{line}:{column}" if isinstance(column, int) else f"{file}:{line}"
    return f"{file}:{row}" if row is not None else file


def format_place(
    location: Location,
    file: str | None = None,
    line: int | None = None,
    column: int | str | None = None,
    row: int | None = None,
) -> str:
    """The start of a message about ``location``: its position in the file, if any, then the
    location, or in a table the column's name, as the user wrote it.

    >>> format_place(("experts", 2, "role"))
    'experts[2].role'
    >>> format_place(("experts", 2, "role"), "si.json", 14, 17)
    'si.json:14:17: experts[2].role'
    >>> format_place(("experts", 1, "role"), "hr.csv", column="role", row=3)
    'hr.csv:3: role'
    """
    where = column if isinstance(column, str) else format_location(location)
    return ": ".join(part for part in (format_position(file, line, column, row), where) if part)
