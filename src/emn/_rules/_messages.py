"""Filling a finding's message template in a language: countries, words, dates, claims.

Arguments are strings. ``country`` and ``*_country`` are ISO codes, shown as the country's name
in the locale with the code; ``subject`` and ``field`` are English phrases with translations;
``claims`` is JSON ``[[value, [source, ...]], ...]`` whose values are of the kind ``kind``
(``status``, ``date``, ``text`` or ``number``).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping

from .._i18n import LABELS, format_date, gettext

_PHRASES = ("subject", "field")


def format_message(template: str, args: Mapping[str, str], locale: object = None) -> str:
    """The template, translated into ``locale`` (None: English as written), with its arguments.

    >>> format_message("{country} has no NCP", {"country": "DK"}, "pl")
    'Dania (DK) has no NCP'
    """
    filled = dict(args)
    for key, value in args.items():
        if key == "country" or key.endswith("_country"):
            filled[key] = _country(value, locale)
        elif key in _PHRASES:
            filled[key] = gettext(value, locale)
        elif key == "claims":
            filled[key] = _claims(value, args.get("kind", "text"), locale)
    return gettext(template, locale).format_map(filled)


def _country(code: str, locale: object) -> str:
    from .._countries import country_name

    return f"{country_name(code, locale)} ({code})"


def _claims(encoded: str, kind: str, locale: object) -> str:
    from .._model import Status

    parts = []
    for value, sources in json.loads(encoded):
        if kind == "status":
            shown = gettext(LABELS[Status(value)], locale)
        elif kind == "date":
            shown = format_date(datetime.date.fromisoformat(value), locale, "medium")
        elif kind == "text":
            shown = f"\u201c{value}\u201d" if locale is not None else repr(value)
        else:
            shown = value
        parts.append(f"{shown} ({', '.join(sources)})")
    return ", ".join(parts)
