"""Reading compositions from the files people keep, and keeping what can be read of a broken one.

:func:`load` is the public face: one NCP or a tuple of them, or :class:`emn.InvalidData` with
every problem placed in the file. :func:`read` and :func:`from_data` are what
:func:`emn.validate` uses: they build every NCP that can be built, leaving out only the parts
that are wrong (an expert with an unknown role, a date that is no day), and report the rest as
problems, so that the rules can still check everything else.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ._formats import FORMATS, Parsed, Position
from ._i18n import N_
from ._location import Location
from ._model import NationalContactPoint
from .exceptions import InvalidData, Problem, UnreadableFile

__all__ = ["Loaded", "from_data", "load", "read"]

_SUFFIXES = {
    ".json": "json",
    ".csv": "csv",
    ".tsv": "csv",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".xlsx": "xlsx",
}
# Parts of an NCP that can be left out when they are wrong: lists lose the wrong items, the
# other fields are dropped. Without a country or a coordinating entity there is no NCP.
_LISTS = (
    "experts",
    "history",
    "sources",
    "hosts",
    "participations",
    "people",
    "member_organisations",
)
_REQUIRED = ("country", "coordinating_entity")
_NO_SUCH_FILE = N_("no such file")
_CANNOT_READ = N_("cannot be read: {error}")


def load(
    source: str | os.PathLike[str] | Any, *, format: str | None = None
) -> NationalContactPoint | tuple[NationalContactPoint, ...]:
    """The composition in ``source``: one NCP, or a tuple of them where the file holds a list.

    ``source`` is a path, a :class:`os.PathLike` or a binary file object. ``format`` is
    ``"json"``, ``"csv"``, ``"yaml"`` (the ``emn[yaml]`` extra), ``"xlsx"`` (``emn[xlsx]``) or
    ``"datapackage"`` (what :func:`emn.datapackage.export` writes, read from its
    ``datapackage.json`` or its directory); without it, the file's name says, or its first bytes.
    A table (CSV, XLSX) gives one NCP when all its rows are one country's.

    Raises :class:`emn.exceptions.UnreadableFile` when the file cannot be read at all, and
    :class:`emn.InvalidData` listing every problem, each placed in the file (``line`` and
    ``column`` in JSON and YAML, ``row`` and ``column`` in a table).

    >>> import emn, io
    >>> table = "country,coordinating_entity,name,role,organisation\\nSI,MNZ,Ana,Član,MNZ\\n"
    >>> emn.load(io.BytesIO(table.encode()), format="csv").experts[0].role
    <Role.MEMBER: 'member'>
    >>> emn.load(io.BytesIO(b'{"country": "SI"}'), format="json")
    Traceback (most recent call last):
    ...
    emn.exceptions.InvalidData: <stream>:1:1: coordinating_entity: required field is missing
    """
    loaded = read(source, format=format)
    if loaded.problems:
        raise InvalidData(loaded.problems)
    return loaded.result()


class Loaded:
    """What could be read of a composition: the NCPs that could be built, where each is in the
    file, the problems, and how to place a location (from the rules) back in the file."""

    __slots__ = ("_kept", "_parsed", "file", "locations", "ncps", "problems", "single", "sources")

    def __init__(
        self,
        parsed: Parsed,
        file: str | None,
        single: bool,
        built: list[tuple[Location, NationalContactPoint, dict[str, list[int]]]],
        problems: list[Problem],
    ) -> None:
        self._parsed = parsed
        self.file = file
        self.single = single
        self.ncps = tuple(ncp for _, ncp, _ in built)
        self.locations = tuple(location for location, _, _ in built)
        # Only the NCPs that lost list items need their indexes mapped back.
        self._kept = {location: kept for location, _, kept in built if kept}
        self.sources = parsed.sources
        self.problems = tuple(self._placed(problems))

    def result(self) -> NationalContactPoint | tuple[NationalContactPoint, ...]:
        """One NCP where the file holds one, else a tuple."""
        return self.ncps[0] if self.single and self.ncps else self.ncps

    def origin(self, location: Location) -> Location:
        """Where ``location`` (in the NCPs as built) is in the file: an expert's index counts
        the experts that were left out before it."""
        prefix = () if self.single else location[:1]
        kept = self._kept.get(prefix)
        rest = location[len(prefix) :]
        if kept and len(rest) >= 2 and isinstance(rest[0], str) and rest[0] in kept:
            index = rest[1]
            if isinstance(index, int) and index < len(kept[rest[0]]):
                return (*prefix, rest[0], kept[rest[0]][index], *rest[2:])
        return location

    def incomplete(self, location: Location) -> bool:
        """Whether ``location`` is a whole list of which some items could not be read (the
        experts of an NCP, say): what is said of the list as a whole cannot be judged yet."""
        prefix = () if self.single else location[:1]
        rest = location[len(prefix) :]
        return len(rest) == 1 and rest[0] in self._kept.get(prefix, {})

    def positions(self, locations: Iterable[Location]) -> dict[Location, Position]:
        """Where each location (in the file's own terms) is in the file."""
        found = self._parsed.positions(locations) if self.file is not None else {}
        return {
            location: (position[0] or self.file, *position[1:])
            for location, position in found.items()
        }

    def _placed(self, problems: list[Problem]) -> Iterable[Problem]:
        positions = self.positions(p.location for p in problems)
        for p in problems:
            if p.file is not None or self.file is None:
                yield p
            elif p.line is not None or p.row is not None:  # placed by the reader itself
                yield p._replace(file=self.file)
            else:
                file, line, column, row = positions[p.location]
                yield p._replace(file=file, line=line, column=column, row=row)


def read(source: object, *, format: str | None = None) -> Loaded:
    """Read ``source`` (see :func:`load`) and build what can be built of it."""
    name, raw, path = _open(source)
    kind = _format(format, name, raw, path)
    if kind == "datapackage":
        from ._formats import package

        if path is None:
            reason = N_("a data package is read from its datapackage.json path")
            raise UnreadableFile.of(name, reason)
        return _build(package.read(path, name), name)
    parsed = _reader(kind)(raw, name)
    return _build(parsed, name)


def from_data(data: object) -> Loaded:
    """Build what can be built of ``data``: one NCP or a list of them as :func:`emn.to_dict`
    writes them."""
    return _build(Parsed(data), None)


def _reader(kind: str) -> Any:
    if kind == "json":
        from ._formats import jsontext

        return jsontext.read
    if kind == "csv":
        from ._formats import csvfile

        return csvfile.read
    if kind == "yaml":
        from ._formats import yamltext

        return yamltext.read
    from ._formats import xlsxfile

    return xlsxfile.read


def _open(source: object) -> tuple[str, bytes, Path | None]:
    """The name to show, the bytes, and the path (if any) of ``source``."""
    if isinstance(source, (str, os.PathLike)):
        name = os.fsdecode(source)
        path = Path(name)
        try:
            if not name:
                raise FileNotFoundError
            if path.is_dir():
                descriptor = path / "datapackage.json"
                if descriptor.is_file():
                    return str(descriptor), b"", descriptor
                raise UnreadableFile.of(name, N_("is a directory, not a composition file"))
            return name, path.read_bytes(), path
        except UnreadableFile:
            raise
        except FileNotFoundError:
            raise UnreadableFile.of(name, _NO_SUCH_FILE) from None
        except OSError as err:
            raise UnreadableFile.of(name, _CANNOT_READ, error=err.strerror or err) from None
        except ValueError:  # a NUL character, which no file name holds
            raise UnreadableFile.of(name, _NO_SUCH_FILE) from None
    reader = getattr(source, "read", None)
    if not callable(reader):
        raise TypeError(
            f"load: source must be a path or a binary file, not {type(source).__name__}"
        )
    given = getattr(source, "name", None)
    name = given if isinstance(given, str) else "<stream>"
    try:
        content = reader()
    except OSError as err:
        raise UnreadableFile.of(name, _CANNOT_READ, error=err.strerror or err) from None
    if isinstance(content, str):
        content = content.encode("utf-8", "surrogatepass")
    if not isinstance(content, bytes):
        raise TypeError(f"load: {name} gave {type(content).__name__}, not bytes")
    return name, content, None


def _format(given: str | None, name: str, raw: bytes, path: Path | None) -> str:
    if given is not None:
        if given not in FORMATS:
            template = N_("unknown format {format}; the formats are {formats}")
            raise UnreadableFile.of(name, template, format=repr(given), formats=", ".join(FORMATS))
        return given
    base = os.path.basename(name).lower()
    if base == "datapackage.json":
        return "datapackage"
    suffix = os.path.splitext(base)[1]
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if suffix == ".xls":
        raise UnreadableFile.of(name, N_("an old .xls workbook; save it as .xlsx or as CSV"))
    start = raw.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start[:1] in (b"{", b"["):
        return "json"
    if start[:4] == b"PK\x03\x04":
        return "xlsx"
    first = start.split(b"\n", 1)[0].lower()
    if b"country" in first and any(d in first for d in (b",", b";", b"\t")):
        return "csv"
    reason = N_("cannot tell its format: name it .json, .csv, .yaml or .xlsx, or say which")
    raise UnreadableFile.of(name, reason)


def _build(parsed: Parsed, file: str | None) -> Loaded:
    data = parsed.data
    single = not isinstance(data, list)
    items: list[object] = [data] if single else list(data)  # type: ignore[call-overload]
    problems = list(parsed.problems)
    built: list[tuple[Location, NationalContactPoint, dict[str, list[int]]]] = []
    for index, item in enumerate(items):
        at: Location = () if single else (index,)
        ncp, found, kept = _salvage(item)
        for p in found:
            location = (*at, *p.location)
            if location not in parsed.judged:
                problems.append(p._replace(location=location))
        if ncp is not None:
            built.append((at, ncp, kept))
    return Loaded(parsed, file, single, built, problems)


def _salvage(
    item: object,
) -> tuple[NationalContactPoint | None, list[Problem], dict[str, list[int]]]:
    """The NCP that ``item`` describes, with what is wrong left out; every problem found (its
    location counting the items left out); and, for each list, which of its items were kept."""
    from ._convert import from_dict

    problems: list[Problem] = []
    data: Any = dict(item) if isinstance(item, Mapping) else item
    kept: dict[str, list[int]] = {}
    for _ in range(5):  # each pass leaves out what the last one found wrong
        try:
            return from_dict(NationalContactPoint, data), problems, kept
        except InvalidData as err:
            found = [_original(p, kept) for p in err.problems]
        problems.extend(p for p in found if p not in problems)
        if not isinstance(data, dict) or not _leave_out(data, found, kept):
            return None, problems, kept
    return None, problems, kept


def _original(problem: Problem, kept: dict[str, list[int]]) -> Problem:
    location = problem.location
    if len(location) >= 2 and location[0] in kept and isinstance(location[1], int):
        field = str(location[0])
        return problem._replace(location=(field, kept[field][location[1]], *location[2:]))
    return problem


def _leave_out(data: dict[str, Any], problems: list[Problem], kept: dict[str, list[int]]) -> bool:
    """Leave out of ``data`` the parts that ``problems`` (in the file's indexes) are about;
    False when the NCP cannot be built without them."""
    drop: dict[str, set[int]] = {}
    for p in problems:
        field = p.location[0] if p.location else None
        if not isinstance(field, str) or field in _REQUIRED:
            return False
        if (
            field in _LISTS
            and len(p.location) >= 2
            and isinstance(p.location[1], int)
            and isinstance(data.get(field), list)
        ):
            drop.setdefault(field, set()).add(p.location[1])
        else:
            data.pop(field, None)
            kept.pop(field, None)
    for field, indexes in drop.items():
        if field not in data:
            continue
        original = kept.get(field, list(range(len(data[field]))))
        pairs = [
            (i, item) for i, item in zip(original, data[field], strict=True) if i not in indexes
        ]
        data[field] = [item for _, item in pairs]
        kept[field] = [i for i, _ in pairs]
    return True
