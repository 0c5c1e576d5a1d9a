"""Running rules: which rules, over what, and the report they make."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any

from .._convert import to_dict
from .._i18n import N_
from .._location import Location, as_location
from .._messages import format_message
from .._model import NationalContactPoint
from .._network import Network
from ..exceptions import InvalidData, NotFound, Problem, RuleError, RuleViolation
from ._findings import Finding, Report, Severity
from ._protocol import Context, Observation, RuleLike, Yielded

if TYPE_CHECKING:
    from ._protocol import Rule

__all__ = ["check", "registered", "validate"]

_Subject = NationalContactPoint | Network | Iterable[NationalContactPoint]
#: A path, a binary file, or raw data as emn.to_dict writes it.
_Input = str | os.PathLike[str] | IO[bytes] | Mapping[str, Any] | Sequence[Any]


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
        template = N_("select: names no rule; give rule ids such as 'min-experts'")
        raise InvalidData([Problem.of((), template)])
    for id in (wanted or set()) | unwanted:
        if id not in known:
            template = N_("no rule {id}; the rules are {rules}")
            values = {"id": repr(id), "rules": ", ".join(sorted(known))}
            raise NotFound(
                template.format_map(values), key=id, template=template, values=values.items()
            )
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
                template = N_("validate: item {index} is a {got}, not a NationalContactPoint")
                got = type(item).__name__
                raise InvalidData([Problem.of((), template, index=index, got=got)])
        return ncps, tuple((i,) for i in range(len(ncps)))
    template = N_("validate: expected an NCP, a list of NCPs or a Network, got {got}")
    raise InvalidData([Problem.of((), template, got=type(obj).__name__)])


def _is_input(obj: object) -> bool:
    """Whether ``obj`` is something to read (a path, a file, raw data), not emn objects."""
    if isinstance(obj, (str, os.PathLike, Mapping)) or callable(getattr(obj, "read", None)):
        return True
    return isinstance(obj, (list, tuple)) and not all(
        isinstance(item, NationalContactPoint) for item in obj
    )


def validate(
    obj: _Subject | _Input,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    extra: Iterable[RuleLike] = (),
    reference: Network | None = None,
    format: str | None = None,
) -> Report:
    """Run the consistency rules over an NCP, a list of NCPs or a whole network; or over what
    a file or raw data describes.

    ``obj`` may also be a path or a binary file (read as :func:`emn.load` reads it, in the
    ``format`` given or that its name says), or the data :func:`emn.to_dict` writes (a dict
    for one NCP, a list for several). What cannot be read as an NCP is reported as error
    findings of the rule ``structure``, placed in the file, and every part that could be read
    is still checked by the rules; only what a rule says of a whole list (three experts, one
    coordinator) waits until every item of the list can be read. A file that cannot be read at
    all raises :class:`emn.exceptions.UnreadableFile`.

    ``select`` keeps only the rules with those ids, ``ignore`` drops some, ``extra`` adds your
    own. Findings never raise: look at ``report.ok``.

    >>> import emn
    >>> report = emn.validate(emn.ncp("SI"))
    >>> report.ok, len(report)
    (True, 0)
    >>> data = {"country": "SI", "coordinating_entity": "MNZ", "experts": [{"name": "TBD"}]}
    >>> for finding in emn.validate(data, select=["expert-name"]):
    ...     print(finding)
    structure [error] experts[0].organisation: required field is missing
    structure [error] experts[0].role: required field is missing
    """
    chosen = _chosen([*registered(), *extra], select, ignore)
    if reference is None:
        from .._dataset import network as bundled

        reference = obj if isinstance(obj, Network) else bundled()
    if _is_input(obj):
        return _validate_input(obj, chosen, reference, format)
    ncps, locations = _subject(obj)
    network = obj if isinstance(obj, Network) else None
    return Report(_run(chosen, ncps, locations, network, Context(reference, locations)))


def _run(
    chosen: Sequence[RuleLike],
    ncps: Sequence[NationalContactPoint],
    locations: Sequence[Location],
    network: Network | None,
    context: Context,
) -> list[Finding]:
    findings: list[Finding] = []
    owners = _owners(ncps, locations)
    for r in chosen:
        if r.scope == "ncp":
            for ncp, prefix in zip(ncps, locations, strict=True):
                findings.extend(_findings(r, _checking(r, ncp, context), prefix, owners))
        elif r.scope == "ncps":
            findings.extend(_findings(r, _checking(r, ncps, context), (), owners))
        elif network is not None:
            findings.extend(_findings(r, _checking(r, network, context), (), owners))
    return findings


def _validate_input(
    obj: object, chosen: Sequence[RuleLike], reference: Network, format: str | None
) -> Report:
    import attrs

    from .._load import from_data, read

    if isinstance(obj, Mapping):
        loaded = from_data(obj)
    elif isinstance(obj, (list, tuple)):
        # NCPs among raw data are read as the data they stand for.
        loaded = from_data([to_dict(i) if isinstance(i, NationalContactPoint) else i for i in obj])
    else:
        loaded = read(obj, format=format)
    context = Context(reference, loaded.locations, loaded.sources)
    found = [
        attrs.evolve(f, location=loaded.origin(f.location))
        for f in _run(chosen, loaded.ncps, loaded.locations, None, context)
        if not loaded.incomplete(f.location)
    ]
    positions = loaded.positions(f.location for f in found)
    owners = _owners(loaded.ncps, loaded.locations)
    findings = [
        attrs.evolve(f, file=file, line=line, column=column, row=row)
        for f in found
        for file, line, column, row in [positions.get(f.location, (loaded.file, None, None, None))]
    ]
    findings.extend(
        Finding(
            rule="structure",
            severity=Severity.ERROR,
            message=p.message,
            location=p.location,
            # A message without a template (a user's own InvalidData) may quote text that holds
            # braces: it is shown as it is.
            template=p.template or p.message.replace("{", "{{").replace("}", "}}"),
            args=p.args,
            country=_owner(p.location, owners),
            file=p.file,
            line=p.line,
            column=p.column,
            row=p.row,
        )
        for p in loaded.problems
    )
    return Report(findings)


def _owners(
    ncps: Sequence[NationalContactPoint], locations: Sequence[Location]
) -> dict[Location, Any]:
    """Each NCP's country by its location, the first NCP's where two share one."""
    owners: dict[Location, Any] = {}
    for ncp, prefix in zip(ncps, locations, strict=True):
        owners.setdefault(prefix, ncp.country)
    return owners


def _owner(location: Location, owners: Mapping[Location, Any]) -> Any:
    """The country of the NCP that ``location`` lies in, if it lies in one."""
    # An NCP is at (), (3,) or ("ncps", 3): a dict lookup per length, not a scan of every NCP.
    return next((owners[location[:n]] for n in range(3) if location[:n] in owners), None)


def _findings(
    r: RuleLike,
    observations: Iterable[Yielded],
    prefix: Location,
    owners: Mapping[Location, Any],
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
            country=_owner(location, owners),
            plural=seen.plural,
        )


def _checking(r: RuleLike, subject: object, context: Context) -> Iterable[Yielded]:
    """The rule's check begun; a rule that raises is named, never a bare traceback."""
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
