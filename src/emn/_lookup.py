"""Finding a country or an NCP from what a person types, and saying why nothing was found.

Codes are read directly; names go through the shipped name index (:mod:`emn._names`), with no
babel. A :class:`emn.NotFound` carries the key and the closest countries as data.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ._countries import ISO_CODES, english_name, normalize_code
from ._country import Country
from ._names import codes_for, fold, names_for
from ._vocabulary import Status
from .exceptions import NotFound

# This module sits below the model (whose Network.ncp calls it), so it imports no model class:
# a network here is anything with emn.Network's fields.

__all__ = ["find_ncp", "suggest_country"]


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
    close = _closest(network, folded)
    hint = f"; closest: {_labelled(close)}" if close else ""
    raise NotFound(
        f"{key!r} names no country{hint}", key=key, candidates=[Country(c) for c in close]
    )


def suggest_country(text: str) -> str | None:
    """The one country code that ``text`` names, if it names one: a code with spaces around it,
    a name in any language CLDR knows, or a name followed by its code (``Slovenia (SI)``).

    >>> suggest_country("Croatia"), suggest_country(" si "), suggest_country("Atlantis")
    ('HR', 'SI', None)
    """
    stripped = text.strip()
    if len(stripped) == 2 and stripped.isascii() and stripped.isalpha():
        code = normalize_code(stripped)
        return code if code in ISO_CODES else None
    name, _, rest = stripped.rpartition("(")
    if name and rest.endswith(")"):
        return suggest_country(rest[:-1])
    codes = set(codes_for(stripped))
    return codes.pop() if len(codes) == 1 else None


def _closest(network: Any, folded: str) -> list[str]:
    import difflib

    known = frozenset(
        [n.country.code for n in network.ncps] + [p.country.code for p in network.participations]
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


def _why_no_ncp(network: Any, key: str) -> str:
    if key not in ISO_CODES:
        return f"{key!r} is not an ISO 3166-1 alpha-2 country code"
    country = f"{english_name(key)} ({key})"
    if network.as_of is not None:
        day = network.as_of.isoformat()
        if Country(key) in network.undetermined:
            return f"the dataset cannot say whether {country} had an NCP in place on {day}"
        later = sorted(p.since for p in network.participations if p.country.code == key and p.since)
        if later and later[0] > network.as_of:
            return f"{country} joined the EMN on {later[0].isoformat()}, after {day}"
    claims = [p for p in network.participations if p.country.code == key]
    absent = [p for p in claims if p.status is Status.NOT_PARTICIPATING]
    if absent:
        note = "; ".join(dict.fromkeys(p.note for p in absent if p.note))
        cited = ", ".join(p.source for p in absent)
        detail = f": {note}" if note else ""
        return (
            f"{country} takes no part in the EMN and has no National Contact Point"
            f"{detail} (sources: {cited})"
        )
    if claims:
        status = claims[-1].status.value.replace("_", " ")
        return (
            f"{country} takes part in the EMN ({status}), "
            "but no source names its National Contact Point"
        )
    return f"the dataset knows no National Contact Point for {country}"
