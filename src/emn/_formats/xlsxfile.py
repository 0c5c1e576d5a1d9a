"""XLSX (the ``xlsx`` extra, openpyxl): a staff list on the workbook's first sheet, laid out as
:mod:`emn._formats.table` describes. Cells are read as the spreadsheet shows their values: a
date as ``YYYY-MM-DD``, a whole number without a decimal point, a formula by its last result.
"""

from __future__ import annotations

import datetime
from typing import Any

from . import EMPTY, Parsed
from .table import read_rows

__all__ = ["read"]


def read(raw: bytes, name: str) -> Parsed:
    """The NCPs on the first sheet of the workbook ``raw``."""
    import io

    from .._i18n import N_
    from ..exceptions import UnreadableFile

    try:
        import openpyxl
    except ImportError:
        reason = N_("reading XLSX needs openpyxl: pip install 'emn[xlsx]'")
        raise UnreadableFile.of(name, reason) from None
    if not raw.strip():
        raise UnreadableFile.of(name, EMPTY, expected=N_("an XLSX workbook"))
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            rows = [
                (number, [_text(value) for value in values])
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
            ]
        finally:
            book.close()
    # openpyxl reports a damaged workbook with whatever its zip and XML layers raise.
    except Exception as err:
        template = N_("not a valid XLSX workbook ({error})")
        raise UnreadableFile.of(name, template, error=type(err).__name__) from None
    return read_rows(rows)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)
