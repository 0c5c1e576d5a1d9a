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

# A staff list takes kilobytes once unpacked; a zip bomb takes gigabytes from a few kilobytes.
UNPACKED_LIMIT = 64 * 1024 * 1024


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
    unpacked = _unpacked_size(raw)
    if unpacked > UNPACKED_LIMIT:
        reason = N_(
            "too large once unpacked ({size} MiB); emn reads workbooks of up to {limit} MiB"
        )
        size, limit = f"{unpacked // 2**20:,}", str(UNPACKED_LIMIT // 2**20)
        raise UnreadableFile.of(name, reason, size=size, limit=limit)
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


def _unpacked_size(raw: bytes) -> int:
    """The bytes the workbook's parts unpack to, as its zip directory declares them (a part
    never unpacks to more); 0 for what is no zip, which openpyxl then names."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return sum(part.file_size for part in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return 0


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
