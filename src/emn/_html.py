"""HTML tables for Jupyter (``_repr_html_``); every value is escaped."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._model import NationalContactPoint, Network
    from ._rules import Report


def _table(caption: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in row) + "</tr>" for row in rows
    )
    return (
        f'<table class="emn"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _status(ncp: NationalContactPoint) -> str:
    return ncp.status.label() if ncp.status else "unknown"


def ncp_html(ncp: NationalContactPoint) -> str:
    """One NCP: its facts, then its experts (or a note that they are not published)."""
    from ._countries import english_name

    facts = [
        ("country", f"{english_name(ncp.country.code)} ({ncp.country.code})"),
        ("status", _status(ncp)),
        ("coordinating entity", ncp.coordinating_entity.all_names),
        ("appointed by", ncp.appointed_by.name if ncp.appointed_by else "—"),
        ("composition last changed", ncp.last_changed.isoformat() if ncp.last_changed else "—"),
        ("sources", ", ".join(ncp.sources)),
    ]
    html = _table(f"National Contact Point: {ncp.country.code}", ("", ""), facts)
    if ncp.experts is None:
        return html + "<p>Experts: not published by the sources.</p>"
    rows = [(e.name, e.role.label(), e.organisation.full_name) for e in ncp.experts]
    return html + _table(f"Experts ({len(rows)})", ("name", "role", "organisation"), rows)


def network_html(network: Network) -> str:
    """The network: one row per NCP."""
    from ._countries import english_name

    rows = [
        (
            n.country.code,
            english_name(n.country.code),
            _status(n),
            n.coordinating_entity.name,
            "unknown" if n.experts is None else len(n.experts),
        )
        for n in network.ncps
    ]
    caption = f"{network.legal_basis.reference}: {len(rows)} National Contact Points"
    if network.as_of is not None:
        caption += f" on {network.as_of.isoformat()}"
    header = ("code", "country", "status", "coordinating institution", "experts")
    return _table(caption, header, rows)


def report_html(report: Report) -> str:
    """A validation report: one row per finding."""
    rows = [(f.severity.value, f.rule, f.path, f.message, f.reference or "") for f in report]
    verdict = "ok" if report.ok else "not ok"
    caption = (
        f"Validation: {verdict} ({len(report.errors)} errors, {len(report.warnings)} warnings, "
        f"{len(report.infos)} info)"
    )
    return _table(caption, ("severity", "rule", "path", "message", "reference"), rows)
