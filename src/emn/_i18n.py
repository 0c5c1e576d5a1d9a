"""The library's own words in other languages, and the language of the current context.

Messages are marked with :func:`N_` (or ``_``, ``observe``, ``rule``) and extracted with
babel's own tooling; see ``scripts/catalogs.py``. English is the source language, and any
locale without a catalog falls back to it. ``locale=None`` anywhere means the current
context's language, which :func:`set_locale` sets and which is English until it does.
"""

from __future__ import annotations

import contextvars
import datetime
import functools
from enum import Enum
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import gettext as _gettext

    from babel import Locale

__all__ = [
    "N_",
    "Labelled",
    "current_locale",
    "format_date",
    "gettext",
    "parse_locale",
    "set_locale",
    "translator",
]

DOMAIN = "emn"

# None is English as the library writes it (ISO dates, the values' own words).
_LOCALE: contextvars.ContextVar[str | None] = contextvars.ContextVar("emn_locale", default=None)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it here."""
    return message


def parse_locale(locale: object) -> Locale:
    """A babel ``Locale`` for ``locale``; :class:`UnknownLocale` names what babel does not know."""
    from babel import Locale, UnknownLocaleError

    if isinstance(locale, Locale):
        return locale
    if isinstance(locale, str):
        try:
            return Locale.parse(locale.strip().replace("-", "_"))
        except (ValueError, TypeError, UnknownLocaleError):
            pass
    # The exceptions are imported when one is raised: a cold country_name() skips them.
    from .exceptions import UnknownLocale

    if not isinstance(locale, str):
        template = N_("{locale} is not a locale such as 'sl', 'sl_SI' or 'pl-PL'")
        values = {"locale": repr(locale)}
    else:
        close = _closest_locales(locale)
        values = {"locale": repr(locale), "closest": ", ".join(close)}
        template = (
            N_("unknown locale {locale}: babel's CLDR data does not know it; closest: {closest}")
            if close
            else N_("unknown locale {locale}: babel's CLDR data does not know it")
        )
    raise UnknownLocale(
        template.format_map(values),
        locale=locale,
        closest=close if isinstance(locale, str) else (),
        template=template,
        values=values.items(),
    )


def _closest_locales(text: str) -> tuple[str, ...]:
    import difflib

    from babel.localedata import locale_identifiers

    wanted = text.strip().replace("-", "_")
    known = locale_identifiers()
    # A known language with an unknown region ("sl_XX") is nearest to the language itself.
    language = wanted.split("_", 1)[0].lower()
    first = [language] if language in known and language != wanted else []
    close = difflib.get_close_matches(wanted, known, n=3, cutoff=0.6)
    return tuple(dict.fromkeys([*first, *close]))[:3]


def current_locale(locale: object = None) -> object:
    """``locale``, or where it is None the current context's (None: English)."""
    return _LOCALE.get() if locale is None else locale


class set_locale:
    """Make ``locale`` the default language of the current context (None: English again).

    It takes effect at once, for this thread or async task only, and as a context manager it
    restores the previous language on leaving:

    >>> import emn
    >>> with emn.set_locale("sl"):
    ...     emn.Role.MEMBER.label()
    'član'
    >>> emn.Role.MEMBER.label()
    'member'
    """

    __slots__ = ("_token",)

    def __init__(self, locale: object) -> None:
        if locale is not None:
            locale = str(parse_locale(locale))
        self._token = _LOCALE.set(locale)

    def __enter__(self) -> set_locale:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        _LOCALE.reset(self._token)


@functools.lru_cache(maxsize=64)
def _for(locale: str) -> _gettext.NullTranslations:
    import gettext as _gettext
    import struct
    from importlib.resources import files

    parsed = parse_locale(locale)
    languages = [str(parsed), parsed.language]
    directory = str(files("emn").joinpath("locale"))
    try:
        return _gettext.translation(DOMAIN, directory, languages=languages, fallback=True)
    except (OSError, ValueError, LookupError, struct.error) as err:
        # A damaged catalog: English is a right answer, a traceback is not. Said once per
        # locale (this function is cached).
        import warnings

        where = _gettext.find(DOMAIN, directory, languages=languages) or directory
        warnings.warn(
            f"emn: the catalog {where} is damaged ({err}); showing English instead",
            RuntimeWarning,
            stacklevel=3,
        )
        return _gettext.NullTranslations()


def translator(locale: object = None) -> _gettext.NullTranslations:
    """The translations for ``locale`` (``"sl"``, ``"pl-PL"``, a ``babel.Locale``; None: the
    context's). Raises :class:`emn.exceptions.UnknownLocale` for a locale babel does not know."""
    locale = current_locale(locale)
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
    """A date as babel writes it in ``locale``; ISO 8601 where there is no locale."""
    locale = current_locale(locale)
    if locale is None:
        return value.isoformat()
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format=format, locale=parse_locale(locale))


class Labelled(Enum):
    """An enum whose members carry an English word, translated by the catalogs.

    Members are declared as ``NAME = "value", N_("word")``; ``.value`` is the first.
    """

    _value_: str
    _word: str

    # ``word`` has a default only so that type checkers read ``Role("member")`` (a lookup by
    # value, which never calls this) as the call it is.
    def __new__(cls, value: str, word: str = "") -> Any:
        member = object.__new__(cls)
        member._value_ = value
        member._word = word
        return member

    @property
    def word(self) -> str:
        """The English word for this value, the msgid of its translations."""
        return self._word

    def label(self, locale: object = None) -> str:
        """This value as a word in ``locale`` (None: the context's language).

        >>> from emn import Role
        >>> Role.NATIONAL_COORDINATOR.label("sl"), Role.NATIONAL_COORDINATOR.label("pl")
        ('nacionalni koordinator', 'krajowy koordynator')
        """
        return gettext(self._word, locale)
