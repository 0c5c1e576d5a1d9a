"""A file to start a composition from: what the dataset knows of a country's NCP, and one
expert of each role whose name is a placeholder.

It loads with no structure problem, and the only rule it fails is ``expert-name``, until each
placeholder is replaced by a person's name.
"""

from __future__ import annotations

import json

from ._dataset import ncp
from ._formats.table import COLUMNS
from ._render import expert_organisation
from ._vocabulary import Role
from .exceptions import EMNError

__all__ = ["FORMATS", "PLACEHOLDER", "template"]

FORMATS = ("csv", "json", "yaml", "xlsx")
PLACEHOLDER = "TBD"
_HINT = "one row per expert, with the expert's name in the name column"


def template(country: str | None = None, format: str = "csv") -> bytes:
    """The starting file for ``country`` (a code or a name; default SI, whose composition the
    sources publish) in ``format``: UTF-8 text, or an XLSX workbook's bytes.

    Raises :class:`emn.NotFound` for a country with no NCP in the dataset.

    >>> lines = template("SI").decode().splitlines()
    >>> lines[0]
    'country,coordinating_entity,appointed_by,last_changed,name,role,organisation,sources,notes'
    >>> lines[1].split(",")[:3]
    ['SI', 'Ministrstvo za notranje zadeve', 'Vlada Republike Slovenije']
    >>> [line.split(",")[4:6] for line in lines[1:]]
    [['TBD', 'national_coordinator'], ['TBD', 'deputy_coordinator'], ['TBD', 'member']]
    """
    point = ncp(country or "SI")
    code = point.country.code
    entity = expert_organisation(point.coordinating_entity, code)
    appointed = expert_organisation(point.appointed_by, code) if point.appointed_by else ""
    rows = [
        {
            "country": code if index == 0 else "",
            "coordinating_entity": entity if index == 0 else "",
            "appointed_by": appointed if index == 0 else "",
            "last_changed": "",
            "name": PLACEHOLDER,
            "role": role.value,
            "organisation": entity,
            "sources": "",
            "notes": _HINT if index == 0 else "",
        }
        for index, role in enumerate(Role)
    ]
    if format == "csv":
        return _csv(rows)
    if format == "xlsx":
        return _xlsx(rows)
    if format == "json":
        data: dict[str, object] = {"country": code, "coordinating_entity": entity}
        if appointed:
            data["appointed_by"] = appointed
        data["last_changed"] = None
        data["experts"] = [
            {"name": PLACEHOLDER, "role": row["role"], "organisation": entity} for row in rows
        ]
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()
    if format == "yaml":
        return _yaml(code, point.country.name("en"), entity, appointed)
    raise ValueError(f"template: format must be one of {', '.join(FORMATS)}, not {format!r}")


def _csv(rows: list[dict[str, str]]) -> bytes:
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def _xlsx(rows: list[dict[str, str]]) -> bytes:
    import io

    try:
        import openpyxl
    except ImportError:
        raise EMNError("writing XLSX needs openpyxl: pip install 'emn[xlsx]'") from None
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = "NCP"
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([row[column] for column in COLUMNS])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _yaml(code: str, country: str, entity: str, appointed: str) -> bytes:
    def text(value: str) -> str:
        # A JSON string is a YAML double-quoted scalar.
        return json.dumps(value, ensure_ascii=False)

    lines = [
        f"# The National Contact Point of {country}: check it with `emn validate FILE`.",
        "# Write each expert's name for the placeholder; one item under experts per expert.",
        f"country: {code}",
        f"coordinating_entity: {text(entity)}",
        *([f"appointed_by: {text(appointed)}"] if appointed else []),
        "last_changed: null  # the day the composition last changed, as YYYY-MM-DD",
        "experts:",
    ]
    for role in Role:
        lines.append(f"  - name: {PLACEHOLDER}")
        lines.append(f"    role: {role.value}")
        lines.append(f"    organisation: {text(entity)}")
    return ("\n".join(lines) + "\n").encode()
