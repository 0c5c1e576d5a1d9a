"""Filling a finding's message template in a language: countries, words, dates, claims.

Arguments are strings. ``country`` and ``*_country`` are ISO codes, shown as the country's name
with the code; ``subject``, ``field`` and ``scope`` are English phrases with translations;
``start``, ``end`` and ``day`` are ISO days; ``claims`` is JSON ``[[value, [source, ...]], ...]``
whose values are of the kind ``kind`` (``status``, ``date``, ``when`` (a day, month or year as
a source gives it), ``text`` or ``number``). ``locale=None`` here means the English of the message
itself (ISO dates), whatever the context's language: a finding's ``message`` is that text.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping

from .._countries import country_name, english_name
from .._i18n import format_date, translator
from .._model import When
from .._render import when_word
from .._vocabulary import Status

__all__ = ["format_message"]

_PHRASES = ("subject", "field", "scope")
_DAYS = ("start", "end", "day")


def format_message(template: str, args: Mapping[str, str], locale: object = None) -> str:
    """The template, translated into ``locale`` (None: English as written), with its arguments.

    >>> format_message("{country} has no NCP", {"country": "DK"}, "pl")
    'Dania (DK) has no NCP'
    """
    gettext = translator(locale if locale is not None else "en").gettext
    filled = dict(args)
    for key, value in args.items():
        if key == "country" or key.endswith("_country"):
            name = english_name(value) if locale is None else country_name(value, locale)
            filled[key] = f"{name} ({value})"
        elif key in _PHRASES:
            filled[key] = gettext(value)
        elif key in _DAYS and locale is not None:
            filled[key] = format_date(datetime.date.fromisoformat(value), locale, "medium")
        elif key == "claims":
            filled[key] = _claims(value, args.get("kind", "text"), locale)
    translated = gettext(template)
    try:
        return translated.format_map(filled)
    except (KeyError, IndexError, ValueError, AttributeError):
        # A template whose braces are not placeholders of its arguments is shown as written.
        return translated


def _claims(encoded: str, kind: str, locale: object) -> str:
    parts = []
    for value, sources in json.loads(encoded):
        if kind == "status":
            shown = Status(value).label(locale if locale is not None else "en")
        elif kind == "when":
            shown = value if locale is None else when_word(When(value), locale, "medium")
        elif kind == "date":
            day = datetime.date.fromisoformat(value)
            shown = day.isoformat() if locale is None else format_date(day, locale, "medium")
        elif kind == "text":
            shown = f"\u201c{value}\u201d" if locale is not None else repr(value)
        else:
            shown = value
        parts.append(f"{shown} ({', '.join(sources)})")
    return ", ".join(parts)
