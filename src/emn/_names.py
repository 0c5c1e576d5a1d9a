"""Country names in any language: folding, and lookups in the shipped CLDR name index.

The index (``data/names.tsv``, made by ``scripts/build_name_index.py``) is sorted by bytes, so a
lookup reads the file once and bisects it: no parsing of its ~30,000 lines, and no babel.
"""

from __future__ import annotations

import functools
import threading
import unicodedata

from .exceptions import DataFileError

__all__ = ["codes_for", "fold", "names_for", "verify"]

_FILE = "names.tsv"
_lock = threading.Lock()
_index: bytes | None = None


def fold(name: str) -> str:
    """``name`` for comparison: case-folded, accents off Latin, Greek and Cyrillic letters,
    punctuation and runs of spaces made one space.

    >>> fold("  Slovénie ")
    'slovenie'
    >>> fold("Ελλάδα")
    'ελλαδα'
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    out: list[str] = []
    base = ""
    for char in decomposed:
        category = unicodedata.category(char)
        if category.startswith("M"):
            # An accent on a European letter goes; a vowel sign in another script stays.
            if unicodedata.combining(char) and base and ord(base) < 0x0530:
                continue
            out.append(char)
            continue
        base = char
        out.append(char if char.isalnum() else " ")
    return unicodedata.normalize("NFC", " ".join("".join(out).split()))


def _blob() -> bytes:
    global _index
    if _index is None:
        with _lock:
            if _index is None:
                from ._resources import read_data

                _index = read_data(_FILE, "name index")
    return _index


_HEADER = b"# emn country-name index:"
_verified = False


def _damaged(reason: str) -> DataFileError:
    return DataFileError(
        f"the bundled name index emn/data/{_FILE} is damaged: {reason}; reinstall emn",
        file=f"emn/data/{_FILE}",
    )


def verify() -> None:
    """Raise :class:`emn.exceptions.DataFileError` unless the index is whole: its header, then
    lines of ``name<TAB>codes`` in byte order. Lookups call it only when a name is not found,
    so that a damaged file is never taken for "no such country" and a found name costs
    nothing more."""
    global _verified
    if _verified:
        return
    blob = _blob()
    if not blob.startswith(_HEADER):
        raise _damaged("its header is missing")
    previous = b""
    lines = blob.split(b"\n")[1:]
    if lines and lines[-1] == b"":
        lines.pop()
    if not lines:
        raise _damaged("it lists no name")
    for number, line in enumerate(lines, start=2):
        name, tab, codes = line.partition(b"\t")
        if not tab or not codes or name <= previous:
            raise _damaged(f"line {number} is out of place")
        previous = name
    _verified = True


def codes_for(name: str) -> tuple[str, ...]:
    """The ISO codes of the countries that CLDR calls ``name`` in some language (folded match).

    >>> codes_for("Słowenia"), codes_for("SLOVENIE"), codes_for("Kongo")
    (('SI',), ('SI',), ('CD', 'CG'))
    """
    key = fold(name).encode("utf-8")
    blob = _blob()
    low, high = blob.find(b"\n") + 1, len(blob)
    while low < high:
        middle = (low + high) // 2
        start = blob.rfind(b"\n", 0, middle) + 1
        start = max(start, low)
        end = blob.find(b"\n", start)
        end = len(blob) if end < 0 else end
        found, _, codes = blob[start:end].partition(b"\t")
        if found == key:
            try:
                return tuple(codes.decode("ascii").split(","))
            except UnicodeDecodeError:
                raise _damaged(f"the codes of {name!r} are not ISO codes") from None
        if found < key:
            low = end + 1
        else:
            high = start
    return ()


@functools.lru_cache(maxsize=8)
def names_for(codes: frozenset[str]) -> tuple[str, ...]:
    """Every folded name in the index of any of these countries (for suggesting candidates)."""
    found = []
    try:
        text = _blob().decode("utf-8")
    except UnicodeDecodeError as err:
        raise _damaged(f"it is not UTF-8 (byte {err.start})") from None
    for line in text.splitlines()[1:]:
        name, _, listed = line.partition("\t")
        if not codes.isdisjoint(listed.split(",")):
            found.append(name)
    return tuple(found)
