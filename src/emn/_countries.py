"""ISO 3166-1 alpha-2 codes, the EU's aliases for them, and country names through babel."""

from __future__ import annotations

import functools

from ._i18n import N_, current_locale, parse_locale

# ISO 3166-1 alpha-2, officially assigned codes. tests/test_countries.py checks that babel's
# CLDR data names every one of them, so a new assignment shows up as a failing test.
ISO_CODES = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
    BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
    DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS
    GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
    KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
    MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
    PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
    SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
    VN VU WF WS YE YT ZA ZM ZW
    """.split()
)

# The EU Interinstitutional Style Guide, section 7.1: EL for Greece, UK for the United Kingdom.
EU_ALIASES = {"EL": "GR", "UK": "GB"}


def normalize_code(value: str) -> str:
    """The ISO code for ``value``: stripped, upper-cased, EU aliases mapped (``el`` -> ``GR``)."""
    code = value.strip().upper()
    return EU_ALIASES.get(code, code)


def check_code(code: str, given: object = None) -> None:
    """Raise :class:`InvalidData` unless ``code`` is an ISO 3166-1 alpha-2 code; the message
    quotes ``given``, what the caller wrote, where it differs."""
    if code not in ISO_CODES:
        from .exceptions import InvalidData, Problem

        shown = code if given is None else given
        close = _hint(shown)
        if close is None:
            template = N_("{value} is not an ISO 3166-1 alpha-2 country code")
            raise InvalidData([Problem.of((), template, value=repr(shown))])
        template = N_(
            "{value} is not an ISO 3166-1 alpha-2 country code; did you mean {code} ({name})? "
            "emn.country() reads names"
        )
        name = english_name(close)
        raise InvalidData(
            [Problem.of((), template, value=repr(shown), code=repr(close), name=name)]
        )


def _hint(text: object) -> str | None:
    """The code of the one country that ``text`` names, if it names one: ``SI`` for
    ``Slovenia``."""
    from ._names import lookup

    codes = lookup(text) if isinstance(text, str) and text.strip() else ()
    return codes[0] if len(codes) == 1 else None


def english_name(code: str) -> str:
    """The English (CLDR) name of the country with this ISO code, e.g. ``Slovenia``."""
    from babel import Locale

    name: str = Locale("en").territories.get(code, code)
    return name


def country_name(code: str, locale: object = None) -> str:
    """The name of the country ``code`` in ``locale``: ``"sl"``, ``"sl_SI"``, ``"pl-PL"``, a Locale;
    with None, the context's language (see :func:`emn.set_locale`), English until it is set.
    Where CLDR has no name in that language, the English one.

    >>> country_name("EL", "pl"), country_name("SI")
    ('Grecja', 'Slovenia')
    """
    if not isinstance(code, str):
        raise TypeError(f"country_name: code must be a string, not {type(code).__name__}")
    locale = current_locale(locale)
    try:
        return _name(code, locale)
    except TypeError:  # an unhashable locale: parse_locale says what is wrong with it
        parse_locale(locale)
        raise


@functools.lru_cache(maxsize=4096)
def _name(code: str, locale: object) -> str:
    # Remembered: a name asked for again costs a dictionary lookup, not a locale parse.
    key = normalize_code(code)
    check_code(key, code)
    if locale is None:
        return english_name(key)
    name: str = parse_locale(locale).territories.get(key) or english_name(key)
    return name
