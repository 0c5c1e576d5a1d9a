"""What changed between two compositions of one NCP: who joined, who left, who changed."""

from __future__ import annotations

import attrs

from ._identity import person_key, same_organisation
from ._model import Country, Expert, NationalContactPoint
from ._render import render
from ._validators import as_tuple
from .exceptions import InvalidData

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
            raise InvalidData(
                f"diff: {which} is not a NationalContactPoint but {type(value).__name__}"
            )
    if old.country != new.country:
        raise InvalidData(
            f"diff: the compositions are of two NCPs, {old.country.code} and {new.country.code}"
        )
    for value, which in ((old, "old"), (new, "new")):
        if value.experts is None:
            raise InvalidData(
                f"diff: the {which} composition of {value.country.code} is not published"
            )
    before = {person_key(e.name): e for e in old.experts or ()}
    after = {person_key(e.name): e for e in new.experts or ()}
    changed = []
    for key, was in before.items():
        now = after.get(key)
        if now is None:
            continue
        if was.role is not now.role:
            changed.append(Change(now.name, "role", was.role.value, now.role.value))
        if not same_organisation(was.organisation, now.organisation):
            changed.append(
                Change(
                    now.name, "organisation", was.organisation.full_name, now.organisation.full_name
                )
            )
    return Diff(
        country=new.country,
        joined=tuple(e for key, e in after.items() if key not in before),
        left=tuple(e for key, e in before.items() if key not in after),
        changed=tuple(changed),
    )
