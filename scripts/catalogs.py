"""Keep the message catalogs in ``src/emn/locale`` in step with the code, with babel's tools.

    python scripts/catalogs.py            # extract, update every catalog in LOCALES, compile
    python scripts/catalogs.py extract    # only write src/emn/locale/emn.pot

Extraction is configured in pyproject.toml ([[tool.babel.mappings]]: the keywords that mark
messages). New message ids arrive in the .po files untranslated; translate them, then run this
again to compile. tests/test_i18n.py fails while a translation is missing or a catalog is stale.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "src" / "emn" / "locale"
TEMPLATE = LOCALE_DIR / "emn.pot"
# The EU's official languages but English, and the observers' languages (docs/localization.md).
LOCALES = (
    *("bg", "cs", "da", "de", "el", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt"),
    *("lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"),
    *("hy", "ka", "mk", "nb", "sr", "uk"),
)


def pybabel(*args: str) -> None:
    """Run one pybabel command from the project root."""
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], cwd=ROOT, check=True)


def extract(output: Path = TEMPLATE) -> None:
    """Write the template of every marked message in src/emn to ``output``."""
    pybabel(
        "extract",
        "-F",
        "pyproject.toml",
        # The default would skip private packages such as emn/_rules; skip only dot-directories.
        "--ignore-dirs",
        ".*",
        "--no-location",
        "--sort-output",
        "--project",
        "emn",
        "--copyright-holder",
        "emn developers",
        "-o",
        str(output),
        "src/emn",
    )


def update() -> None:
    """Merge the template into each locale's catalog, creating it the first time."""
    for locale in LOCALES:
        command = "update" if (LOCALE_DIR / locale / "LC_MESSAGES" / "emn.po").exists() else "init"
        pybabel(command, "-D", "emn", "-i", str(TEMPLATE), "-d", str(LOCALE_DIR), "-l", locale)


def compile_catalogs() -> None:
    """Compile every catalog to the .mo files that ship in the wheel."""
    pybabel("compile", "-D", "emn", "-d", str(LOCALE_DIR), "--statistics")


if __name__ == "__main__":
    extract()
    if sys.argv[1:] != ["extract"]:
        update()
        compile_catalogs()
