"""What validation produces: severities, findings located as data, and reports."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from .._country import Country
from .._i18n import N_, Labelled
from .._location import Location, format_location, format_place, json_pointer, location_key
from .._render import render
from .._validators import as_tuple

__all__ = ["Finding", "Report", "Severity"]


class Severity(Labelled):
    """How serious a finding is; only ``ERROR`` makes a report not ``ok``."""

    ERROR = "error", N_("error")
    WARNING = "warning", N_("warning")
    INFO = "info", N_("info")


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _pairs(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(k), str(v)) for k, v in value)


@attrs.frozen
class Finding:
    """One thing a rule found: which rule, how serious, what (in English), where, and on what law.

    ``location`` is a path into what :func:`emn.to_dict` writes for the object that was
    checked: ``("ncps", 12, "experts", 0)`` for a network, ``(1, "experts")`` for a list of
    NCPs, ``("experts", 3, "role")`` for one NCP. ``country`` is the NCP it concerns, if any.
    For a file, ``file`` names it and ``line`` and ``column`` (JSON, YAML) or ``row`` and
    ``column`` (the column's name; CSV, XLSX) say where in it.
    """

    rule: str
    severity: Severity
    message: str
    location: Location = attrs.field(converter=as_tuple)
    reference: str | None = None
    template: str = attrs.field(default="", repr=False)
    args: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_pairs, repr=False)
    country: Country | None = None
    plural: str | None = attrs.field(default=None, repr=False)
    file: str | None = None
    line: int | None = None
    column: int | str | None = None
    row: int | None = None

    @property
    def place(self) -> str:
        """Where, for people: ``hr.csv:3: role``, ``si.json:14:17: experts[2].role``, or the
        path alone when no file was read."""
        return format_place(self.location, self.file, self.line, self.column, self.row)

    @property
    def path(self) -> str:
        """The location as people read it: ``ncps[12].experts[0]``."""
        return format_location(self.location)

    @property
    def pointer(self) -> str:
        """The location as a JSON Pointer: ``/ncps/12/experts/0``."""
        return json_pointer(self.location)

    def describe(self, locale: object = None) -> str:
        """The message in ``locale`` (None: the context's language); English where no catalog
        has it.

        >>> import emn
        >>> finding = emn.validate(emn.ncp("DE")).findings[0]
        >>> finding.describe("sl")
        'viri ne objavljajo strokovnjakov te nacionalne kontaktne točke'
        """
        from .._i18n import current_locale
        from .._messages import format_message

        locale = current_locale(locale)
        if locale is None:
            return self.message
        return format_message(self.template or self.message, dict(self.args), locale, self.plural)

    def __str__(self) -> str:
        return render(self, "text")


def _sorted(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(
        sorted(findings, key=lambda f: (location_key(f.location), _RANK[f.severity], f.rule))
    )


@attrs.frozen(repr=False)
class Report:
    """The findings of one validation, sorted by location; ``ok`` unless a finding is an error."""

    findings: tuple[Finding, ...] = attrs.field(converter=_sorted)

    @property
    def ok(self) -> bool:
        """True when no finding has severity error."""
        return not self.errors

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity error."""
        return self._of(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity warning."""
        return self._of(Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        """The findings of severity info."""
        return self._of(Severity.INFO)

    def _of(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is severity)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __repr__(self) -> str:
        return (
            f"Report(ok={self.ok}, errors={len(self.errors)}, warnings={len(self.warnings)}, "
            f"infos={len(self.infos)})"
        )

    def __str__(self) -> str:
        return render(self, "text")

    def _repr_html_(self) -> str:
        return render(self, "html")
