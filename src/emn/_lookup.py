"""Finding a country or an NCP from what a person types, and saying why nothing was found.

Codes are read directly; names, alpha-3 and numeric codes go through the shipped name index
(:mod:`emn._names`), with no babel. A :class:`emn.NotFound` carries the key and the closest
countries as data.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from ._countries import ISO_CODES, normalize_code
from ._country import Country
from ._i18n import N_
from ._messages import format_message
from ._names import closest, fold, lookup, verify
from ._vocabulary import Scope, Status
from .exceptions import NotFound

# This module sits below the model (whose Network.ncp calls it), so it imports no model class:
# a network here is anything with emn.Network's fields.

__all__ = ["code_of", "country", "find_ncp", "labels", "search", "suggest_country"]

# "Slovenia (SI)", "Grecja (GR)", "Slovakia (SVK)": a name and, in brackets, a code.
_NAME_AND_CODE = re.compile(r"(.*?)\s*\(\s*([A-Za-z]{2,3}|[0-9]{3})\s*\)\s*", re.ASCII)


def _not_found(
    template: str, looked_up: object, candidates: Iterable[str] = (), /, **values: str
) -> NotFound:
    """A NotFound whose reason can be said in any language (``emn.render(error, locale=…)``)."""
    return NotFound(
        format_message(template, values),
        key=looked_up,
        candidates=[Country(c) for c in candidates if c in ISO_CODES],
        template=template,
        values=tuple(values.items()),
    )


@functools.lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    return fold(text)


def _by_name(text: str) -> tuple[str, ...]:
    """The codes a name (or an alpha-3 or numeric code) may mean; "The …" as well as "…"."""
    codes = lookup(text)
    if not codes:
        folded = fold(text)
        if folded.startswith("the "):
            codes = lookup(folded[4:])
    return codes


def labels(listed: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The sources' own labels of countries ("Słowenia (SI)", without its code) by their folded
    text, from ``(label, code)`` pairs."""
    return {fold(label.rsplit("(", 1)[0]): code for label, code in listed}


def code_of(key: object, listed: dict[str, str] | None = None) -> str:
    """The ISO code of the country ``key`` names: a code, a name in any language, "Name (CODE)"
    or one of the :func:`labels` ``listed``; :class:`NotFound` saying why not."""
    if not isinstance(key, str):
        raise _not_found(
            N_("{key} is neither a country code nor a country name"), key, key=repr(key)
        )
    text = key.strip()
    if len(text) == 2 and text.isascii() and text.isalpha():
        return normalize_code(text)
    both = _NAME_AND_CODE.fullmatch(text)
    if both is not None:
        return _name_and_code(key, both.group(1), both.group(2))
    codes = set(_by_name(text))
    label = listed.get(_folded(text)) if listed else None
    if label is not None:
        codes.add(label)
    if len(codes) == 1:
        return codes.pop()
    if codes:
        fits = sorted(codes)
        raise _not_found(
            N_("{key} fits more than one country: {countries}"),
            key,
            fits,
            key=repr(key),
            countries=",".join(fits),
        )
    verify()  # a damaged index must not pass for "no such country"
    close = closest(text, 5)
    if close:
        raise _not_found(
            N_("{key} names no country; closest: {countries}"),
            key,
            close,
            key=repr(key),
            countries=",".join(close),
        )
    raise _not_found(N_("{key} names no country"), key, key=repr(key))


def _name_and_code(key: str, name: str, code: str) -> str:
    found = code_of(code)
    if name.strip():
        named = _by_name(name)
        if named and found not in named:
            raise _not_found(
                N_("{key} names {countries} but its code is {code}"),
                key,
                (*named, found),
                key=repr(key),
                countries=",".join(named),
                code=found,
            )
    return found


def country(text: str) -> Country:
    """Any ISO country, from what a person types: a code (``SI``, ``EL``, ``SVN``, ``705``), a
    name or an official name in any language CLDR or ISO 3166 knows, or ``Name (CODE)``.

    >>> import emn
    >>> [emn.country(t).code for t in ("SVN", "705", "Słowenia", "Slovak Republic", "Grecja (GR)")]
    ['SI', 'SI', 'SI', 'SK', 'GR']
    >>> emn.country("Danemark")
    Country(code='DK')
    """
    code = code_of(text)
    if code not in ISO_CODES:
        raise _not_found(
            N_("{key} is not an ISO 3166-1 alpha-2 country code"), text, key=repr(text)
        )
    return Country(code)


def suggest_country(text: str) -> str | None:
    """The one country code that ``text`` names, if it names one (for "did you mean"): a code
    with spaces around it, a name in any language, or a name followed by its code.

    >>> suggest_country("Croatia"), suggest_country(" si "), suggest_country("Atlantis")
    ('HR', 'SI', None)
    """
    try:
        code = code_of(text)
    except NotFound:
        return None
    return code if code in ISO_CODES else None


def search(text: str, limit: int = 5) -> list[Country]:
    """The countries whose names in any language are closest to ``text``, best first: for a
    typo, where :func:`country` finds nothing.

    >>> import emn
    >>> [c.code for c in emn.search("Slovnia")][:1], [c.code for c in emn.search("Lithuanai")][:1]
    (['SI'], ['LT'])
    """
    if not isinstance(text, str):
        raise TypeError(f"search: text must be a string, not {type(text).__name__}")
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise TypeError(f"search: limit must be a whole number from 1, not {limit!r}")
    return [Country(code) for code in closest(text, limit)]


class _Known:
    """What one network's lookups remember: the sources' own labels for its countries
    ("Słowenia (SI)" without its code), and the code each text already asked for resolved to."""

    __slots__ = ("codes", "labels", "network")

    def __init__(self, network: Any) -> None:
        self.network = network
        self.labels = labels((n.listed_as, n.country.code) for n in network.ncps if n.listed_as)
        self.codes: dict[str, str] = {}


_KNOWN: dict[int, _Known] = {}


def _known(network: Any) -> _Known:
    known = _KNOWN.get(id(network))
    if known is None or known.network is not network:
        known = _Known(network)
        _KNOWN.clear()  # one network at a time is enough: lookups come in runs
        _KNOWN[id(network)] = known
    return known


def find_ncp(network: Any, key: object) -> Any:
    """The NCP in ``network`` of the country ``key`` names (code or name, any language).

    Raises :class:`NotFound` saying why: not a country, no part in the EMN, no NCP known,
    or a name that fits several countries (with the closest candidates).
    """
    known = _known(network)
    code = known.codes.get(key) if isinstance(key, str) else None
    if code is None:
        code = code_of(key, known.labels)
        if isinstance(key, str) and len(known.codes) < 4096:
            known.codes[key] = code
    for ncp in network.ncps:
        if ncp.country.code == code:
            return ncp
    raise _why_no_ncp(network, code, key)


def _sources(records: Iterable[Any]) -> str:
    return ", ".join(dict.fromkeys(r.source for r in records))


def _why_no_ncp(network: Any, code: str, key: object) -> NotFound:
    if code not in ISO_CODES:
        return _not_found(
            N_("{key} is not an ISO 3166-1 alpha-2 country code"), key, key=repr(code)
        )
    day = None if network.as_of is None else network.as_of.isoformat()
    if day is not None and Country(code) in network.undetermined:
        return _not_found(
            N_("the dataset cannot say whether {country} had an NCP in place on {day}"),
            key,
            [code],
            country=code,
            day=day,
        )
    claims = [p for p in network.participations if p.country.code == code]
    through_ncp = [p for p in claims if p.scope is Scope.NCP]
    for former in (n for n in network.former_ncps if n.country.code == code):
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
            # The note is the maintainers' English, as the dataset holds it.
            note = next((p.valid.note for p in final if p.valid.note), "")
            values = {"country": code, "end_day": last.isoformat(), "sources": _sources(final)}
            if day is not None:
                template = N_(
                    "{country} took part in the EMN until {end_day} and has no National "
                    "Contact Point on {day} (sources: {sources}). {note}"
                )
                return _not_found(template, key, [code], day=day, note=note, **values)
            template = N_(
                "{country} took part in the EMN until {end_day} and has no National Contact "
                "Point today (sources: {sources}). {note}"
            )
            return _not_found(template, key, [code], note=note, **values)
    if day is not None:
        return _not_found(
            N_(
                "{country} took no part in the EMN on {day}, as the records read; "
                "emn.network().statuses({code}) has every record"
            ),
            key,
            [code],
            country=code,
            day=day,
            code=repr(code),
        )
    absent = [p for p in through_ncp if p.status is Status.NOT_PARTICIPATING]
    if absent and len(absent) == len(through_ncp):
        said: dict[str, list[Any]] = {}
        for p in claims:
            if p.scope is not Scope.NCP:
                said.setdefault(f"{p.status.word}, {p.scope.word}", []).append(p)
        values = {"country": code, "sources": _sources(absent)}
        if said:
            # What other sources say is listed in the English words of the records.
            also = "; ".join(f"{words} ({_sources(found)})" for words, found in said.items())
            template = N_(
                "{country} has no National Contact Point: it takes no part in the EMN through "
                "one (sources: {sources}); other sources speak of other parts: {also}"
            )
            return _not_found(template, key, [code], also=also, **values)
        template = N_(
            "{country} has no National Contact Point: it takes no part in the EMN through one "
            "(sources: {sources})"
        )
        return _not_found(template, key, [code], **values)
    if through_ncp:
        statuses = [p.status.value for p in through_ncp if p.status is not Status.PARTICIPANT]
        values = {"country": code, "sources": _sources(through_ncp)}
        if statuses:
            template = N_(
                "{country} takes part in the EMN ({status}) according to {sources}, "
                "but no source names its National Contact Point"
            )
            return _not_found(template, key, [code], status=statuses[0], **values)
        template = N_(
            "{country} takes part in the EMN according to {sources}, "
            "but no source names its National Contact Point"
        )
        return _not_found(template, key, [code], **values)
    return _not_found(
        N_("the dataset knows no National Contact Point for {country}"), key, [code], country=code
    )
