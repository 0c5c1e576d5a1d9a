"""Regenerate ``src/emn/data/names.tsv``: every name and code people use for an ISO country.

Run after upgrading babel or pycountry (both pinned in the test extra):

    python scripts/build_name_index.py

tests/test_names.py checks that the shipped index agrees with the installed packages.

What goes in, folded (:func:`emn._names.fold`):

- every CLDR name of every ISO country, in every locale babel knows;
- ISO 3166-1 alpha-3 and numeric codes (``SVN``, ``705``), from CLDR's territory aliases
  (its supplemental code mappings), as babel ships them;
- ISO 3166-1's own names, official names and common names (``Slovak Republic``, ``Republic
  of Moldova``), in English and in every language the iso-codes project translates them into,
  as pycountry ships them.

Each line is ``folded name<TAB>codes`` (codes comma-separated, more than one where the name is
ambiguous), sorted by the UTF-8 bytes of the folded name so that a lookup can bisect the file
without parsing it. The first line is a comment naming the versions the index was made from.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from emn._countries import ISO_CODES  # noqa: E402
from emn._names import fold  # noqa: E402

TARGET = ROOT / "src" / "emn" / "data" / "names.tsv"


def _iso_names() -> dict[str, set[str]]:
    """ISO 3166-1 names, official and common names, in English and every translation."""
    import gettext
    import os

    import pycountry

    found: dict[str, set[str]] = {}
    english = [
        (country.alpha_2, getattr(country, field))
        for country in pycountry.countries
        if country.alpha_2 in ISO_CODES
        for field in ("name", "official_name", "common_name")
        if hasattr(country, field)
    ]
    translations = [gettext.NullTranslations()]
    for language in sorted(os.listdir(pycountry.LOCALES_DIR)):
        catalog = os.path.join(pycountry.LOCALES_DIR, language, "LC_MESSAGES", "iso3166-1.mo")
        if os.path.exists(catalog):
            with open(catalog, "rb") as handle:
                translations.append(gettext.GNUTranslations(handle))
    for translation in translations:
        for code, name in english:
            found.setdefault(fold(translation.gettext(name)), set()).add(code)
    return found


def build() -> str:
    """The index text for the installed babel and pycountry."""
    import babel
    from babel import Locale, localedata
    from babel.core import get_global

    index: dict[str, set[str]] = {}
    for identifier in localedata.locale_identifiers():
        for code, name in Locale.parse(identifier).territories.items():
            if code in ISO_CODES:
                index.setdefault(fold(name), set()).add(code)
    for alias, targets in get_global("territory_aliases").items():
        # Alpha-3 and numeric codes that stand for one current country.
        if len(alias) == 3 and len(targets) == 1 and targets[0] in ISO_CODES:
            index.setdefault(fold(alias), set()).add(targets[0])
    for name, codes in _iso_names().items():
        index.setdefault(name, set()).update(codes)
    index.pop("", None)
    lines = sorted(f"{name}\t{','.join(sorted(codes))}" for name, codes in index.items())
    lines.sort(key=lambda line: line.split("\t")[0].encode("utf-8"))
    header = (
        f"# emn country-name index: babel {babel.__version__}, "
        f"CLDR {babel.core.get_cldr_version()}, pycountry {_version('pycountry')}"
    )
    return "\n".join([header, *lines]) + "\n"


def _version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


if __name__ == "__main__":
    TARGET.write_text(build(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
