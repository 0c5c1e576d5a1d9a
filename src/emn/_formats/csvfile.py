"""CSV: a staff list as :mod:`emn._formats.table` describes it, in UTF-8.

The delimiter is the one the header row uses most of comma, semicolon and tab: spreadsheets
in countries that write decimal commas save CSV with semicolons.
"""

from __future__ import annotations

from . import Parsed, decode
from .table import read_rows

__all__ = ["read"]


def read(raw: bytes, name: str) -> Parsed:
    """The NCPs in the CSV text ``raw``."""
    import csv
    import io

    from .._i18n import N_
    from ..exceptions import UnreadableFile

    text = decode(raw, name, N_("a header row and one row per expert as CSV"))
    first = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = [(number, record) for number, record in enumerate(reader, start=1)]
    except csv.Error as err:
        template = N_("not valid CSV: {error} (row {row_number})")
        raise UnreadableFile.of(name, template, error=err, row_number=reader.line_num) from None
    return read_rows(rows)
