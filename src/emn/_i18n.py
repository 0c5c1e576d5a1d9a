"""The library's own words in other languages: gettext catalogs compiled from ``locale/``.

Messages are marked with :func:`N_` (or ``_``, ``observe``, ``rule``) and extracted with
babel's own tooling; see ``scripts/catalogs.py``. English is the source language, and any
locale without a catalog falls back to it.
"""

from __future__ import annotations

import datetime
import functools
from enum import Enum
from typing import TYPE_CHECKING

from ._countries import parse_locale

if TYPE_CHECKING:
    import gettext as _gettext

__all__ = ["LABELS", "N_", "Labelled", "format_date", "gettext", "translator"]

DOMAIN = "emn"

#: The English word for each labelled enum member; the msgid of its translations.
LABELS: dict[Enum, str] = {}


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it here."""
    return message


class Labelled(Enum):
    """An enum whose members have a word in every language the catalogs know."""

    def label(self, locale: object = None) -> str:
        """This value as a word in ``locale`` (English by default).

        >>> from emn import Role
        >>> Role.NATIONAL_COORDINATOR.label("sl"), Role.NATIONAL_COORDINATOR.label("pl")
        ('nacionalni koordinator', 'krajowy koordynator')
        """
        return gettext(LABELS[self], locale)


@functools.lru_cache(maxsize=64)
def _for(locale: str) -> _gettext.NullTranslations:
    import gettext as _gettext
    from importlib.resources import files

    parsed = parse_locale(locale)
    languages = [str(parsed), parsed.language]
    directory = str(files("emn").joinpath("locale"))
    return _gettext.translation(DOMAIN, directory, languages=languages, fallback=True)


def translator(locale: object = None) -> _gettext.NullTranslations:
    """The translations for ``locale`` (``"sl"``, ``"pl-PL"``, a ``babel.Locale``; None: English).

    Raises :class:`emn.UnknownLocale` for a locale babel does not know.
    """
    if locale is None or locale == "en":
        import gettext as _gettext

        return _gettext.NullTranslations()
    return _for(str(parse_locale(locale)))


def gettext(message: str, locale: object = None) -> str:
    """``message`` in ``locale``, or as it is where there is no translation.

    >>> gettext("national coordinator", "sl")
    'nacionalni koordinator'
    >>> gettext("national coordinator", "ja")
    'national coordinator'
    """
    return translator(locale).gettext(message)


def format_date(value: datetime.date, locale: object = None, format: str = "long") -> str:
    """A date as babel writes it in ``locale``; ISO 8601 where no locale is given."""
    if locale is None:
        return value.isoformat()
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format=format, locale=parse_locale(locale))
