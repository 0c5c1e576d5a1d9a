"""ISO codes, EU aliases and names through babel."""

from __future__ import annotations

import pytest
from babel import Locale

import emn
from emn._countries import EU_ALIASES, ISO_CODES, country_name

# CLDR territory codes that are not ISO 3166-1 country codes.
NOT_ISO = {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"}


def test_the_iso_list_agrees_with_babels_cldr_territories() -> None:
    cldr = {code for code in Locale("en").territories if len(code) == 2 and code.isalpha()}
    assert cldr - NOT_ISO == ISO_CODES
    assert len(ISO_CODES) == 249


def test_eu_aliases_point_at_iso_codes() -> None:
    assert EU_ALIASES == {"EL": "GR", "UK": "GB"}
    assert set(EU_ALIASES.values()) <= ISO_CODES


@pytest.mark.parametrize(
    ("code", "locale", "name"),
    [
        ("SI", "pl", "Słowenia"),
        ("SI", "sl", "Slovenija"),
        ("EL", "pl_PL", "Grecja"),
        ("GR", "de-DE", "Griechenland"),
    ],
)
def test_country_names_in_other_languages(code: str, locale: str, name: str) -> None:
    assert country_name(code, locale) == name
    assert emn.Country(code).name(locale) == name


def test_a_babel_locale_is_accepted() -> None:
    assert emn.Country("SI").name(Locale("sl")) == "Slovenija"


@pytest.mark.parametrize("locale", ["xx", "not a locale", 42])
def test_an_unknown_locale_is_named(locale: object) -> None:
    with pytest.raises(emn.exceptions.UnknownLocale, match=repr(locale)):
        emn.Country("SI").name(locale)
