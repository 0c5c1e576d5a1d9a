"""Finding a country or an NCP from what a person types, and saying why nothing was found.

Codes are read directly; names go through the shipped name index (:mod:`emn._names`), with no
babel. A :class:`emn.NotFound` carries the key and the closest countries as data.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ._countries import ISO_CODES, english_name, normalize_code
from ._country import Country
from ._names import codes_for, fold, names_for, verify
from ._vocabulary import Scope, Status
from .exceptions import NotFound

# This module sits below the model (whose Network.ncp calls it), so it imports no model class:
# a network here is anything with emn.Network's fields.

__all__ = ["find_ncp"]


def _labelled(codes: Iterable[str]) -> str:
    return ", ".join(f"{english_name(c)} ({c})" for c in codes)


def _code(network: Any, key: object) -> str:
    """The ISO code ``key`` means: a code (any case, EU aliases), or a name in any language."""
    if not isinstance(key, str):
        raise NotFound(f"{key!r} is neither a country code nor a country name", key=key)
    text = key.strip()
    if len(text) == 2 and text.isascii() and text.isalpha():
        return normalize_code(text)
    folded = fold(text)
    codes = set(codes_for(text))
    codes.update(
        n.country.code
        for n in network.ncps
        if n.listed_as and fold(n.listed_as.rsplit("(", 1)[0]) == folded
    )
    if len(codes) == 1:
        return codes.pop()
    if codes:
        fits = sorted(codes)
        raise NotFound(
            f"{key!r} fits more than one country: {_labelled(fits)}",
            key=key,
            candidates=[Country(c) for c in fits],
        )
    verify()  # a damaged index must not pass for "no such country"
    close = _closest(network, folded)
    hint = f"; closest: {_labelled(close)}" if close else ""
    raise NotFound(
        f"{key!r} names no country{hint}", key=key, candidates=[Country(c) for c in close]
    )


def _closest(network: Any, folded: str) -> list[str]:
    import difflib

    known = frozenset(
        [n.country.code for n in (*network.ncps, *network.former_ncps)]
        + [p.country.code for p in network.participations]
    )
    close = difflib.get_close_matches(folded, names_for(known), n=8, cutoff=0.7)
    codes = dict.fromkeys(c for name in close for c in codes_for(name) if c in known)
    return list(codes)[:5]


def find_ncp(network: Any, key: object) -> Any:
    """The NCP in ``network`` of the country ``key`` names (code or name, any language).

    Raises :class:`NotFound` saying why: not a country, no part in the EMN, no NCP known,
    or a name that fits several countries (with the closest candidates).
    """
    code = _code(network, key)
    for ncp in network.ncps:
        if ncp.country.code == code:
            return ncp
    raise NotFound(
        _why_no_ncp(network, code),
        key=key,
        candidates=[Country(code)] if code in ISO_CODES else [],
    )


def _sources(records: Iterable[Any]) -> str:
    return ", ".join(dict.fromkeys(r.source for r in records))


def _why_no_ncp(network: Any, key: str) -> str:
    if key not in ISO_CODES:
        return f"{key!r} is not an ISO 3166-1 alpha-2 country code"
    country = f"{english_name(key)} ({key})"
    day = None if network.as_of is None else network.as_of.isoformat()
    if day is not None and Country(key) in network.undetermined:
        return f"the dataset cannot say whether {country} had an NCP in place on {day}"
    claims = [p for p in network.participations if p.country.code == key]
    through_ncp = [p for p in claims if p.scope is Scope.NCP]
    for former in (n for n in network.former_ncps if n.country.code == key):
        # A former NCP keeps every record of its own, whatever the network's day.
        ended = [
            p
            for p in former.participations
            if p.scope is Scope.NCP
            and p.status is not Status.NOT_PARTICIPATING
            and p.valid.end is not None
        ]
        if ended:
            last = max(p.valid.end.latest for p in ended)
            final = [p for p in ended if p.valid.end.latest == last]
            note = next((p.valid.note for p in final if p.valid.note), None)
            detail = f". {note}" if note else ""
            cited = _sources(final)
            now = f"on {day}" if day is not None else "today"
            return (
                f"{country} took part in the EMN until {last.isoformat()} and has no National "
                f"Contact Point {now} (sources: {cited}){detail}"
            )
    if day is not None:
        return (
            f"{country} took no part in the EMN on {day}, as the records read; "
            f"emn.network().statuses({key!r}) has every record"
        )
    absent = [p for p in through_ncp if p.status is Status.NOT_PARTICIPATING]
    if absent and len(absent) == len(through_ncp):
        others = [p for p in claims if p.scope is not Scope.NCP]
        said: dict[str, list[Any]] = {}
        for p in others:
            said.setdefault(f"{p.status.word}, {p.scope.word}", []).append(p)
        also = "; ".join(f"{words} ({_sources(found)})" for words, found in said.items())
        tail = f"; other sources speak of other parts: {also}" if also else ""
        return (
            f"{country} has no National Contact Point: it takes no part in the EMN through one "
            f"(sources: {_sources(absent)}){tail}"
        )
    if through_ncp:
        words = ", ".join(
            dict.fromkeys(p.status.word for p in through_ncp if p.status is not Status.PARTICIPANT)
        )
        return (
            f"{country} takes part in the EMN{f' ({words})' if words else ''} according to "
            f"{_sources(through_ncp)}, but no source names its National Contact Point"
        )
    return f"the dataset knows no National Contact Point for {country}"
