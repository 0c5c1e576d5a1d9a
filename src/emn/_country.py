"""A country as the model holds it: an ISO 3166-1 alpha-2 code, EU aliases accepted."""

from __future__ import annotations

from typing import Any

import attrs

from ._countries import check_code, country_name, normalize_code
from ._validators import fail
from .exceptions import InvalidData

__all__ = ["Country"]


def _code(value: Any) -> Any:
    return normalize_code(value) if isinstance(value, str) else value


def _iso(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise fail(attribute, f"expected a country code, got {type(value).__name__}")
    try:
        check_code(value)
    except InvalidData as err:
        raise err.at(attribute.name) from None


@attrs.frozen
class Country:
    """A country by its ISO 3166-1 alpha-2 code; the EU's ``EL`` and ``UK`` are accepted too.

    >>> Country("el")
    Country(code='GR')
    >>> Country("SI").name("sl")
    'Slovenija'
    """

    code: str = attrs.field(converter=_code, validator=_iso)

    def name(self, locale: object = None) -> str:
        """The country's name in ``locale`` (``"sl"``, ``"pl-PL"``, a Locale; None: the
        context's language, English until :func:`emn.set_locale` says otherwise)."""
        return country_name(self.code, locale)

    def __str__(self) -> str:
        return self.code
