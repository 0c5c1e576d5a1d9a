"""JSON: one NCP or a list of NCPs as :func:`emn.to_dict` writes them.

A key given twice in one object is a problem (the last one is what was read, as JSON parsers
do). Lines and columns are found only when asked for, by walking the text along the locations
asked about and skipping everything else at the C parser's speed.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable
from typing import Any

from .._i18n import N_
from .._location import Location
from ..exceptions import Problem, UnreadableFile
from . import Parsed, Position, decode

__all__ = ["read"]

_SPACE = re.compile(r"[ \t\n\r]*")


def read(raw: bytes, name: str) -> Parsed:
    """The data in the JSON text ``raw``, the keys it repeats, and where things are in it."""
    text = decode(raw, name, N_("one NCP or a list of NCPs as JSON"))
    repeated: list[tuple[dict[str, Any], str]] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(items)
        if len(obj) != len(items):
            seen: set[str] = set()
            for key, _ in items:
                if key in seen:
                    repeated.append((obj, key))
                seen.add(key)
        return obj

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as err:
        template = N_("not valid JSON: {error} at line {line_number}, column {column_number}")
        raise UnreadableFile.of(
            name, template, error=err.msg, line_number=err.lineno, column_number=err.colno
        ) from None
    except RecursionError:
        raise UnreadableFile.of(name, N_("not valid JSON: nested too deeply")) from None
    except ValueError as err:  # an integer too long to convert, say
        error = " ".join(str(err).split())
        raise UnreadableFile.of(name, N_("not valid JSON: {error}"), error=error) from None
    placer = _Placer(text)
    return Parsed(data, _repeated(data, repeated, placer), placer)


def _repeated(
    data: object, repeated: list[tuple[dict[str, Any], str]], placer: _Placer
) -> list[Problem]:
    if not repeated:
        return []
    where = _locate_objects(data, {id(obj) for obj, _ in repeated})
    # An object inside a value that a repeated key replaced was never read: it is not reported.
    keys = list(dict.fromkeys((*where[id(obj)], key) for obj, key in repeated if id(obj) in where))
    positions = placer(keys)
    template = N_("the key {key} is given more than once in this object; the last one is used")
    return [
        Problem.of(key, template, key=repr(key[-1]))._replace(line=line, column=column)
        for key in keys
        for _, line, column, _ in [positions.get(key, (None, None, None, None))]
    ]


def _locate_objects(data: object, ids: set[int]) -> dict[int, Location]:
    """Where each object whose ``id`` is in ``ids`` is in ``data`` (walked without recursion)."""
    found: dict[int, Location] = {}
    stack: list[tuple[Location, object]] = [((), data)]
    while stack and len(found) < len(ids):
        location, value = stack.pop()
        if isinstance(value, dict):
            if id(value) in ids:
                found[id(value)] = location
            stack.extend(((*location, key), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend(((*location, index), item) for index, item in enumerate(value))
    return found


class _Placer:
    """Lines and columns (from 1) of locations in one JSON text."""

    __slots__ = ("_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    def __call__(self, locations: Iterable[Location]) -> dict[Location, Position]:
        try:
            offsets = _offsets(self.text, locations)
        except (ValueError, IndexError, RecursionError):  # pragma: no cover - text was parsed
            return {}
        if self._starts is None:
            self._starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        out: dict[Location, Position] = {}
        for location, offset in offsets.items():
            line = bisect.bisect_right(self._starts, offset)
            out[location] = (None, line, offset - self._starts[line - 1] + 1, None)
        return out


def _offsets(text: str, locations: Iterable[Location]) -> dict[Location, int]:
    """Where each of ``locations`` that the text holds starts; for a key given twice, the last."""
    # The C string scanner the json module itself uses; typeshed does not declare it.
    from json.decoder import scanstring  # type: ignore[attr-defined]

    tree: dict[Any, Any] = {}
    for location in locations:
        node = tree
        for part in location:
            node = node.setdefault(part, {})
    found: dict[Location, int] = {}
    skip = json.JSONDecoder().raw_decode

    def space(i: int) -> int:
        match = _SPACE.match(text, i)
        return match.end() if match else i

    def value(i: int, location: Location, node: dict[Any, Any]) -> int:
        i = space(i)
        found[location] = i
        if not node or text[i] not in "{[":
            return skip(text, i)[1]
        closing = "}" if text[i] == "{" else "]"
        i = space(i + 1)
        if text[i] == closing:
            return i + 1
        index = 0
        while True:
            key: str | int = index
            if closing == "}":
                key, i = scanstring(text, i + 1)
                i = space(i) + 1  # the colon
            i = value(i, (*location, key), node[key]) if key in node else skip(text, space(i))[1]
            i = space(i)
            if text[i] != ",":
                return i + 1
            i = space(i + 1)
            index += 1

    value(0, (), tree)
    return found
