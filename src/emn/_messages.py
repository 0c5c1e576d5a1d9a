"""Filling a message template in a language: a finding's, or an error's reason.

Arguments are strings. ``country`` and ``*_country`` are ISO codes, shown as the country's name
with the code; ``countries`` is several codes, comma-separated; ``day`` and ``*_day`` are ISO
dates, shown as the locale writes dates (a year or a month as given); ``status`` is a Status
value, shown as its word; ``subject``, ``field`` and ``scope`` are English phrases with
translations, and so are ``got`` (what a file held: "a list") and ``expected`` (what it should
hold); ``start`` and ``end`` are ISO days too;
``claims`` is JSON ``[[value, [source, ...]], ...]`` whose values are of the kind ``kind``
(``status``, ``date``, ``when`` (a day, month or year as a source gives it), ``text`` or
``number``). With ``plural``, the template is the singular
and ``count`` chooses the form, as the language's plural rules say. ``locale=None`` here means
the English of the message itself (ISO dates), whatever the context's language: a finding's
``message`` is that text.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping

from ._countries import country_name, english_name
from ._i18n import format_date, translator
from ._vocabulary import Status
from ._when import When, when_word

__all__ = ["NP_", "format_message"]

_PHRASES = ("subject", "field", "scope", "got", "expected")


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a message with a plural form for extraction; the pair is handed on as it is."""
    return singular, plural


def format_message(
    template: str, args: Mapping[str, str], locale: object = None, plural: str | None = None
) -> str:
    """The template, translated into ``locale`` (None: English as written), with its arguments.

    >>> format_message("{country} has no NCP", {"country": "DK"}, "pl")
    'Dania (DK) has no NCP'
    >>> format_message("{count} expert", {"count": "2"}, None, plural="{count} experts")
    '2 experts'
    """
    translations = translator(locale if locale is not None else "en")
    gettext = translations.gettext
    filled = dict(args)
    for key, value in args.items():
        if key == "country" or key.endswith("_country"):
            filled[key] = _country(value, locale)
        elif key == "countries":
            filled[key] = ", ".join(_country(code, locale) for code in value.split(",") if code)
        elif key in ("start", "end") and locale is not None:
            # The two ends of a period read best short: "od 27 mar 2014 do 31 sty 2020".
            filled[key] = _day(value, locale, "medium")
        elif (key == "day" or key.endswith("_day")) and locale is not None:
            filled[key] = _day(value, locale)
        elif key == "status":
            filled[key] = Status(value).label(locale if locale is not None else "en")
        elif key in _PHRASES and value:
            # (gettext("") would be the catalog's header.)
            filled[key] = gettext(value)
        elif key == "claims":
            filled[key] = _claims(value, args.get("kind", "text"), locale)
    if plural is not None:
        translated = translations.ngettext(template, plural, _count(args.get("count")))
    else:
        translated = gettext(template)
    try:
        return translated.format_map(filled)
    except (KeyError, IndexError, ValueError, AttributeError):
        # A template whose braces are not placeholders of its arguments is shown as written.
        return translated


def _day(value: str, locale: object, format: str = "long") -> str:
    """A day as the locale writes it; a year or a month ("2001", "by 2001") as given."""
    try:
        return format_date(datetime.date.fromisoformat(value), locale, format)
    except ValueError:
        return value


def _count(value: str | None) -> int:
    try:
        return int(value) if value is not None else 1
    except ValueError:
        return 1


def _country(code: str, locale: object) -> str:
    name = english_name(code) if locale is None else country_name(code, locale)
    return f"{name} ({code})"


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
