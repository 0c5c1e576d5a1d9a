"""What changed between two compositions of one NCP: who joined, who left, who changed."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ._i18n import N_
from ._identity import person_key, same_organisation
from ._model import Country, Expert, NationalContactPoint
from ._render import render
from ._validators import as_tuple
from .exceptions import InvalidData, Problem

__all__ = ["Change", "Diff", "diff"]


@attrs.frozen
class Change:
    """One expert in both compositions whose role or organisation differs."""

    name: str
    field: str
    old: str
    new: str


@attrs.frozen
class Diff:
    """The difference between two compositions of one NCP; people match by normalised name."""

    country: Country
    joined: tuple[Expert, ...] = attrs.field(default=(), converter=as_tuple)
    left: tuple[Expert, ...] = attrs.field(default=(), converter=as_tuple)
    changed: tuple[Change, ...] = attrs.field(default=(), converter=as_tuple)

    @property
    def same(self) -> bool:
        """True when nobody joined, left or changed."""
        return not (self.joined or self.left or self.changed)

    def __str__(self) -> str:
        return render(self, "text")

    def _repr_html_(self) -> str:
        return render(self, "html")


def diff(old: NationalContactPoint, new: NationalContactPoint) -> Diff:
    """Who joined, who left, and whose role or organisation changed from ``old`` to ``new``.

    >>> import attrs, emn
    >>> old = emn.ncp("SI")
    >>> new = attrs.evolve(old, experts=old.experts[1:])
    >>> [e.name for e in emn.diff(old, new).left]
    ['Nataša Potočnik']
    """
    for value, which in ((old, "old"), (new, "new")):
        if not isinstance(value, NationalContactPoint):
            template = N_("diff: {argument} is not a NationalContactPoint but {got}")
            got = type(value).__name__
            raise InvalidData([Problem.of((), template, argument=which, got=got)])
    if old.country != new.country:
        template = N_("diff: the compositions are of two NCPs, {old} and {new}")
        problem = Problem.of((), template, old=old.country.code, new=new.country.code)
        raise InvalidData([problem])
    unpublished = (
        (old, N_("diff: the old composition of {code} is not published")),
        (new, N_("diff: the new composition of {code} is not published")),
    )
    for value, template in unpublished:
        if value.experts is None:
            raise InvalidData([Problem.of((), template, code=value.country.code)])
    # A person listed twice is two entries: the n-th of a name before is paired with the n-th
    # of that name after, and any left over joined or left.
    before = _by_person(old.experts or ())
    after = _by_person(new.experts or ())
    joined: list[Expert] = []
    left: list[Expert] = []
    changed: list[Change] = []
    for key, was_all in before.items():
        now_all = after.get(key, [])
        left.extend(was_all[len(now_all) :])
        for was, now in zip(was_all, now_all, strict=False):
            if was.role is not now.role:
                changed.append(Change(now.name, "role", was.role.value, now.role.value))
            if not same_organisation(was.organisation, now.organisation):
                old_name, new_name = was.organisation.full_name, now.organisation.full_name
                changed.append(Change(now.name, "organisation", old_name, new_name))
    for key, now_all in after.items():
        joined.extend(now_all[len(before.get(key, [])) :])
    return Diff(country=new.country, joined=joined, left=left, changed=changed)


def _by_person(experts: Iterable[Expert]) -> dict[str, list[Expert]]:
    found: dict[str, list[Expert]] = {}
    for expert in experts:
        found.setdefault(person_key(expert.name), []).append(expert)
    return found
