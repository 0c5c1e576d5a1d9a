"""Regenerate ``src/emn/data/names.tsv``: every CLDR name of every ISO country, folded.

Run after upgrading babel:  python scripts/build_name_index.py
tests/test_names.py checks that the shipped index agrees with the installed babel.

Each line is ``folded name<TAB>codes`` (codes comma-separated, more than one where the name is
ambiguous), sorted by the UTF-8 bytes of the folded name so that a lookup can bisect the file
without parsing it. The first line is a comment naming the babel and CLDR versions.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from emn._countries import ISO_CODES  # noqa: E402
from emn._names import fold  # noqa: E402

TARGET = ROOT / "src" / "emn" / "data" / "names.tsv"


def build() -> str:
    """The index text for the installed babel."""
    import babel
    from babel import Locale, localedata

    index: dict[str, set[str]] = {}
    for identifier in localedata.locale_identifiers():
        for code, name in Locale.parse(identifier).territories.items():
            if code in ISO_CODES:
                index.setdefault(fold(name), set()).add(code)
    index.pop("", None)
    lines = sorted(f"{name}\t{','.join(sorted(codes))}" for name, codes in index.items())
    lines.sort(key=lambda line: line.split("\t")[0].encode("utf-8"))
    header = (
        f"# emn country-name index: babel {babel.__version__}, CLDR {babel.core.get_cldr_version()}"
    )
    return "\n".join([header, *lines]) + "\n"


if __name__ == "__main__":
    TARGET.write_text(build(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
