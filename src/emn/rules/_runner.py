"""Running rules: which rules, over what, and the report they make."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .._location import Location, as_location
from .._messages import format_message
from .._model import NationalContactPoint, Network
from ..exceptions import InvalidData, NotFound, RuleError, RuleViolation
from ._findings import Finding, Report
from ._protocol import Context, Observation, RuleLike, Yielded

if TYPE_CHECKING:
    from ._protocol import Rule

__all__ = ["check", "registered", "validate"]

_Subject = NationalContactPoint | Network | Iterable[NationalContactPoint]


def registered() -> tuple[Rule, ...]:
    """The built-in rules, in the order they run.

    >>> import emn
    >>> [r.id for r in emn.rules()][:3]
    ['min-experts', 'one-coordinator', 'coordinator-affiliation']
    """
    from . import _composition, _network

    return (*_composition.RULES, *_network.RULES)


def _ids(ids: Iterable[str], name: str) -> list[str]:
    items = [ids] if isinstance(ids, str) else list(ids) if isinstance(ids, Iterable) else None
    if items is None or not all(isinstance(id, str) for id in items):
        raise TypeError(f"validate: {name} must be rule ids (strings), not {ids!r}")
    return [part.strip() for id in items for part in id.split(",") if part.strip()]


def _chosen(
    available: Sequence[RuleLike], select: Iterable[str] | None, ignore: Iterable[str]
) -> list[RuleLike]:
    known = {r.id for r in available}
    wanted = None if select is None else set(_ids(select, "select"))
    unwanted = set(_ids(ignore, "ignore"))
    if wanted is not None and not wanted:
        # An empty selection would run nothing and pass anything: it is a mistake, not a pass.
        raise InvalidData("select: names no rule; give rule ids such as 'min-experts'")
    for id in (wanted or set()) | unwanted:
        if id not in known:
            raise NotFound(f"no rule {id!r}; the rules are {', '.join(sorted(known))}", key=id)
    return [r for r in available if (wanted is None or r.id in wanted) and r.id not in unwanted]


def _subject(obj: object) -> tuple[tuple[NationalContactPoint, ...], tuple[Location, ...]]:
    """The NCPs in what is validated, and where each of them is in it."""
    if isinstance(obj, Network):
        return obj.ncps, tuple(("ncps", i) for i in range(len(obj.ncps)))
    if isinstance(obj, NationalContactPoint):
        return (obj,), ((),)
    if isinstance(obj, Iterable) and not isinstance(obj, (str, bytes, Mapping)):
        ncps = tuple(obj)
        for index, item in enumerate(ncps):
            if not isinstance(item, NationalContactPoint):
                raise InvalidData(
                    f"validate: item {index} is a {type(item).__name__}, not a NationalContactPoint"
                )
        return ncps, tuple((i,) for i in range(len(ncps)))
    raise InvalidData(
        f"validate: expected an NCP, a list of NCPs or a Network, got {type(obj).__name__}"
    )


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
    chosen = _chosen([*registered(), *extra], select, ignore)
    ncps, locations = _subject(obj)
    network = obj if isinstance(obj, Network) else None
    if reference is None:
        from .._dataset import network as bundled

        reference = network or bundled()
    context = Context(reference, locations)
    findings: list[Finding] = []
    for r in chosen:
        if r.scope == "ncp":
            for ncp, prefix in zip(ncps, locations, strict=True):
                findings.extend(_findings(r, _run(r, ncp, context), prefix, ncps, locations))
        elif r.scope == "ncps":
            findings.extend(_findings(r, _run(r, ncps, context), (), ncps, locations))
        elif network is not None:
            findings.extend(_findings(r, _run(r, network, context), (), ncps, locations))
    return Report(findings)


def _owner(
    location: Location,
    ncps: Sequence[NationalContactPoint],
    locations: Sequence[Location],
) -> Any:
    """The country of the NCP that ``location`` lies in, if it lies in one."""
    for ncp, prefix in zip(ncps, locations, strict=True):
        if location[: len(prefix)] == prefix:
            return ncp.country
    return None


def _findings(
    r: RuleLike,
    observations: Iterable[Yielded],
    prefix: Location,
    ncps: Sequence[NationalContactPoint],
    locations: Sequence[Location],
) -> Iterator[Finding]:
    for seen in _checked(r, observations):
        if not isinstance(seen, Observation):
            where, message = seen
            # A plain message is shown as it is written, braces and all.
            literal = str(message).replace("{", "{{").replace("}", "}}")
            seen = Observation(as_location(where), literal)
        location = (*prefix, *seen.location)
        yield Finding(
            rule=r.id,
            severity=seen.severity or r.severity,
            message=format_message(seen.message, dict(seen.args), None, seen.plural),
            location=location,
            reference=r.reference,
            template=seen.message,
            args=seen.args,
            country=_owner(location, ncps, locations),
            plural=seen.plural,
        )


def _run(r: RuleLike, subject: object, context: Context) -> Iterable[Yielded]:
    try:
        return r.check(subject, context)
    except Exception as err:
        raise RuleError(r.id, err) from err


def _checked(r: RuleLike, observations: Iterable[Yielded]) -> Iterator[Yielded]:
    """The rule's observations; a rule that raises is named, never a bare traceback."""
    try:
        yield from observations
    except Exception as err:
        raise RuleError(r.id, err) from err


def check(obj: _Subject, **options: Any) -> Report:
    """Validate like :func:`validate` and raise :class:`emn.RuleViolation` if the report has
    errors; return the report otherwise."""
    report = validate(obj, **options)
    if not report.ok:
        raise RuleViolation(report)
    return report
