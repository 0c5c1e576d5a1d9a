"""Readers of the files people keep: each turns one format into the data :func:`emn.to_dict`
writes (one NCP, or a list of them) and says where each location is in the file.

A reader and its library (json, csv, yaml, openpyxl) are imported only when a file of that
format is read. What a reader cannot read at all raises :class:`emn.exceptions.UnreadableFile`
with a one-line reason; anything it can read but finds wrong is a located problem, and the
rest of the file is still read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeAlias

from .._i18n import N_
from .._location import Location
from ..exceptions import Problem, UnreadableFile

__all__ = ["FORMATS", "Parsed", "Position", "decode", "nearest"]

#: Where a location is: (file, line, column, row); file None is the file that was read, and
#: column is a number in text (JSON, YAML) and a column's name in a table (CSV, XLSX).
Position: TypeAlias = tuple[str | None, int | None, int | str | None, int | None]
_NOWHERE: Position = (None, None, None, None)

FORMATS = ("json", "csv", "yaml", "xlsx", "datapackage")
#: The reason a file is empty; ``expected`` is a phrase, translated in its turn.
EMPTY = N_("empty, expected {expected}")


class Parsed:
    """What a reader read: ``data`` as :func:`emn.to_dict` writes it, the ``problems`` it found
    itself (already placed), the locations it has ``judged`` (what it found wrong there, such
    as a missing column, needs saying once), and ``place``, which gives the position of those
    of the locations asked for that are in the file."""

    __slots__ = ("data", "judged", "place", "problems", "sources")

    def __init__(
        self,
        data: object,
        problems: Iterable[Problem] = (),
        place: Callable[[Iterable[Location]], dict[Location, Position]] | None = None,
        judged: Iterable[Location] = (),
        sources: Iterable[str] = (),
    ) -> None:
        self.data = data
        self.problems = tuple(problems)
        self.place = place or (lambda locations: {})
        self.judged = frozenset(judged)
        #: Source ids the file itself defines (a data package's sources table).
        self.sources = frozenset(sources)

    def positions(self, locations: Iterable[Location]) -> dict[Location, Position]:
        """The position of each location, or of its nearest ancestor that is in the file."""
        wanted = set(locations)
        if not wanted:
            return {}
        known = self.place({prefix for loc in wanted for prefix in _prefixes(loc)})
        return {loc: nearest(known, loc) for loc in wanted}


def _prefixes(location: Location) -> Iterable[Location]:
    return (location[:n] for n in range(len(location), -1, -1))


def nearest(known: dict[Location, Position], location: Location) -> Position:
    """The position of ``location`` or of its nearest ancestor in ``known``."""
    for prefix in _prefixes(location):
        if prefix in known:
            return known[prefix]
    return _NOWHERE


def decode(raw: bytes, name: str, expected: str) -> str:
    """``raw`` as UTF-8 text (a byte-order mark dropped); empty or undecodable is unreadable,
    and ``expected`` says what the file should hold (a phrase marked for translation)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UnreadableFile.of(name, N_("not valid UTF-8 (byte {byte})"), byte=err.start) from None
    if not text.strip():
        raise UnreadableFile.of(name, EMPTY, expected=expected)
    return text
