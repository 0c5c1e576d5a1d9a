"""The rule engine: rules, findings, reports, and running rules over NCPs and networks."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Literal, Protocol

import attrs

from .._i18n import LABELS, N_, Labelled
from .._model import NationalContactPoint, Network, Participation
from ..exceptions import EMNError, InvalidData, NotFound

__all__ = [
    "Context",
    "Finding",
    "Observation",
    "Report",
    "Rule",
    "RuleLike",
    "RuleViolation",
    "Scope",
    "Severity",
    "check",
    "observe",
    "rule",
    "rules",
    "validate",
]

Scope = Literal["ncp", "ncps", "network"]


class Severity(Labelled):
    """How serious a finding is; only ``ERROR`` makes a report not ``ok``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


LABELS.update(
    {Severity.ERROR: N_("error"), Severity.WARNING: N_("warning"), Severity.INFO: N_("info")}
)


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@attrs.frozen
class Observation:
    """What a rule yields: where (relative to what it checked) and what, as a message template.

    ``message`` is English with ``{placeholders}`` filled from ``args``; a ``country`` argument
    (an ISO code) is shown as the country's name and code.
    """

    path: str
    message: str
    args: tuple[tuple[str, str], ...] = ()
    severity: Severity | None = None


def observe(
    path: str, message: str, *, severity: Severity | None = None, **args: object
) -> Observation:
    """An :class:`Observation` with its arguments given as keywords."""
    return Observation(path, message, tuple((k, str(v)) for k, v in args.items()), severity)


@attrs.frozen
class Finding:
    """One thing a rule found: which rule, how serious, what (in English), where, and on what law.

    ``path`` points into the object as :func:`emn.to_dict` writes it, e.g. ``experts[3].role``
    or ``ncps[SI].experts[0]``.
    """

    rule: str
    severity: Severity
    message: str
    path: str
    reference: str | None = None
    template: str = attrs.field(default="", repr=False)
    args: tuple[tuple[str, str], ...] = attrs.field(default=(), repr=False)

    def __str__(self) -> str:
        return self.render()

    def describe(self, locale: object = None) -> str:
        """The message in ``locale`` (``"sl"``, ``"pl"``, …); English where no catalog has it.

        >>> import emn
        >>> finding = emn.validate(emn.ncp("DE")).findings[0]
        >>> finding.describe("sl")
        'viri ne objavljajo strokovnjakov te nacionalne kontaktne točke'
        """
        if locale is None:
            return self.message
        from ._messages import format_message

        return format_message(self.template or self.message, dict(self.args), locale)

    def render(self, locale: object = None) -> str:
        """One line: rule id, severity, path and message, in ``locale``."""
        where = f"{self.path}: " if self.path else ""
        severity = self.severity.value if locale is None else self.severity.label(locale)
        return f"{self.rule} [{severity}] {where}{self.describe(locale)}"


def _natural(path: str) -> tuple[object, ...]:
    # "[10]" sorts after "[2]"; network-wide findings (no path) come first.
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", path))


def _sorted(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda f: (_natural(f.path), _RANK[f.severity], f.rule)))


@attrs.frozen(repr=False)
class Report:
    """The findings of one validation, sorted by path; ``ok`` unless a finding is an error."""

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

    def _repr_html_(self) -> str:
        from .._html import report_html

        return report_html(self)

    def render(self, locale: object = None) -> str:
        """One line per finding, starting with its rule id, in ``locale`` (English by default).

        >>> import emn
        >>> print(emn.validate(emn.ncp("DE")).render(locale="pl"))
        composition-unknown [informacja] experts: źródła nie podają ekspertów tego ...
        """
        return "\n".join(f.render(locale) for f in self.findings)


class RuleViolation(EMNError, ValueError):
    """Raised by :func:`check` when a report has errors; :attr:`report` holds every finding."""

    def __init__(self, report: Report) -> None:
        self.report = report
        count = len(report.errors)
        lines = [f"{count} error{'s' if count != 1 else ''}:", *(str(f) for f in report.errors)]
        super().__init__("\n".join(lines))


class RuleLike(Protocol):
    """What the engine needs of a rule; :class:`Rule` is one, and so is any small class like it."""

    @property
    def id(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def title(self) -> str: ...
    @property
    def reference(self) -> str | None: ...
    @property
    def scope(self) -> Scope: ...

    def check(self, subject: Any, context: Context) -> Iterable[Observation | tuple[str, str]]: ...


_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _kebab(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _ID.match(value):
        raise InvalidData(f"{attribute.name}: {value!r} is not a rule id such as 'min-experts'")


@attrs.frozen
class Rule:
    """A named consistency check: id, severity, title, legal reference and the function that checks.

    ``scope`` says what the function receives: one NCP (``"ncp"``), every NCP validated together
    (``"ncps"``, a sequence), or the whole :class:`emn.Network` (``"network"``).
    """

    id: str = attrs.field(validator=_kebab)
    severity: Severity
    title: str
    function: Callable[[Any, Context], Iterable[Observation | tuple[str, str]]] = attrs.field(
        eq=False, repr=False
    )
    reference: str | None = None
    description: str = ""
    scope: Scope = "ncp"

    def check(self, subject: Any, context: Context) -> Iterable[Observation | tuple[str, str]]:
        """Run the rule on ``subject``; it yields observations and never raises on bad data."""
        return self.function(subject, context)

    def label(self, locale: object = None) -> str:
        """The rule's title in ``locale``.

        >>> import emn
        >>> emn.rules()[0].label("sl")
        'Vsaj trije strokovnjaki'
        """
        from .._i18n import gettext

        return gettext(self.title, locale)


def rule(
    id: str,
    severity: Severity,
    title: str,
    reference: str | None = None,
    scope: Scope = "ncp",
) -> Callable[[Callable[[Any, Context], Iterable[Observation | tuple[str, str]]]], Rule]:
    """Make a plain function into a :class:`Rule`; its docstring becomes the description.

    >>> import emn
    >>> @emn.rule("has-deputy", emn.Severity.WARNING, "An NCP names a deputy coordinator")
    ... def has_deputy(ncp, context):
    ...     if ncp.deputies == ():
    ...         yield "experts", "no expert is a deputy coordinator"
    >>> emn.validate(emn.ncp("SI"), extra=[has_deputy], select=["has-deputy"]).findings
    ()
    """

    def make(function: Callable[[Any, Context], Iterable[Observation | tuple[str, str]]]) -> Rule:
        doc = " ".join((function.__doc__ or "").split())
        return Rule(id, severity, title, function, reference, doc, scope)

    return make


@attrs.frozen
class Context:
    """What rules may consult besides their subject: the reference network and where things are.

    ``reference`` is the network whose participations say which countries take part (the
    bundled one unless the caller gives another); ``paths`` locate each NCP validated.
    """

    reference: Network
    paths: tuple[str, ...] = ()
    index: Mapping[str, tuple[Participation, ...]] = attrs.field(repr=False, eq=False)

    @index.default
    def _index(self) -> Mapping[str, tuple[Participation, ...]]:
        found: dict[str, list[Participation]] = {}
        for p in self.reference.participations:
            found.setdefault(p.country.code, []).append(p)
        return MappingProxyType({code: tuple(claims) for code, claims in found.items()})

    def statuses(self, code: str) -> tuple[Participation, ...]:
        """Every claim in the reference network about how the country ``code`` takes part."""
        return self.index.get(code, ())

    def path(self, index: int) -> str:
        """The path of the ``index``-th NCP validated, e.g. ``ncps[SI]`` or ``[0]``."""
        return self.paths[index]


def person_key(name: str) -> str:
    """A name for comparing people: NFC, case-folded and whitespace-folded."""
    folded = unicodedata.normalize("NFC", name).casefold()
    return " ".join(unicodedata.normalize("NFC", folded).split())


_Subject = NationalContactPoint | Network | Iterable[NationalContactPoint]


def _builtin() -> tuple[Rule, ...]:
    from . import composition, network

    return (*composition.RULES, *network.RULES)


def rules() -> tuple[Rule, ...]:
    """The registered rules, in the order they run.

    >>> import emn
    >>> [r.id for r in emn.rules()][:3]
    ['min-experts', 'one-coordinator', 'coordinator-affiliation']
    """
    return _builtin()


def _chosen(
    available: Sequence[RuleLike], select: Iterable[str] | None, ignore: Iterable[str]
) -> list[RuleLike]:
    known = {r.id for r in available}
    wanted = None if select is None else set(_ids(select))
    unwanted = set(_ids(ignore))
    for id in (wanted or set()) | unwanted:
        if id not in known:
            raise NotFound(f"no rule {id!r}; the rules are {', '.join(sorted(known))}")
    return [r for r in available if (wanted is None or r.id in wanted) and r.id not in unwanted]


def _ids(ids: Iterable[str]) -> list[str]:
    if isinstance(ids, str):
        ids = [ids]
    return [part.strip() for id in ids for part in id.split(",") if part.strip()]


def validate(
    obj: _Subject,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    extra: Iterable[RuleLike] = (),
    reference: Network | None = None,
) -> Report:
    """Run the consistency rules over an NCP, a list of NCPs or a whole network.

    ``select`` keeps only the rules with those ids, ``ignore`` drops some, ``extra`` adds your
    own. Findings never raise: look at ``report.ok``.

    >>> import emn
    >>> report = emn.validate(emn.ncp("SI"))
    >>> report.ok, len(report)
    (True, 0)
    """
    from .._dataset import network as bundled

    chosen = _chosen([*_builtin(), *extra], select, ignore)
    net: Network | None = None
    if isinstance(obj, Network):
        net = obj
        ncps = obj.ncps
        paths = tuple(f"ncps[{n.country.code}]" for n in ncps)
    elif isinstance(obj, NationalContactPoint):
        ncps = (obj,)
        paths = ("",)
    elif isinstance(obj, Iterable) and not isinstance(obj, (str, bytes, Mapping)):
        ncps = tuple(obj)
        if not all(isinstance(n, NationalContactPoint) for n in ncps):
            raise InvalidData("validate: every item must be a NationalContactPoint")
        paths = tuple(f"[{i}]" for i in range(len(ncps)))
    else:
        raise InvalidData(
            f"validate: expected an NCP, a list of NCPs or a Network, got {type(obj).__name__}"
        )
    context = Context(reference or net or bundled(), paths)
    findings: list[Finding] = []
    for r in chosen:
        if r.scope == "ncp":
            for ncp, prefix in zip(ncps, paths, strict=True):
                findings.extend(_findings(r, r.check(ncp, context), prefix))
        elif r.scope == "ncps":
            findings.extend(_findings(r, r.check(ncps, context), ""))
        elif net is not None:
            findings.extend(_findings(r, r.check(net, context), ""))
    return Report(findings)


def _findings(
    r: RuleLike, observations: Iterable[Observation | tuple[str, str]], prefix: str
) -> Iterator[Finding]:
    from ._messages import format_message

    for seen in observations:
        if not isinstance(seen, Observation):
            path, message = seen
            seen = Observation(path, message)
        args = dict(seen.args)
        path = f"{prefix}.{seen.path}" if prefix and seen.path else prefix or seen.path
        yield Finding(
            rule=r.id,
            severity=seen.severity or r.severity,
            message=format_message(seen.message, args),
            path=path,
            reference=r.reference,
            template=seen.message,
            args=seen.args,
        )


def check(obj: _Subject, **options: Any) -> Report:
    """Validate like :func:`validate` and raise :class:`RuleViolation` if the report is not ok."""
    report = validate(obj, **options)
    if not report.ok:
        raise RuleViolation(report)
    return report
