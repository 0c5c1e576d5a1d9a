"""What changed between two compositions of one NCP: who joined, who left, who changed."""

from __future__ import annotations

import attrs

from ._i18n import N_, gettext
from ._model import Country, Expert, NationalContactPoint, Role
from ._rules._engine import person_key
from ._rules.composition import same_organisation
from .exceptions import InvalidData

__all__ = ["Change", "Diff", "diff"]

_FIELDS = {"role": N_("role"), "organisation": N_("organisation")}


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
    joined: tuple[Expert, ...] = ()
    left: tuple[Expert, ...] = ()
    changed: tuple[Change, ...] = ()

    @property
    def same(self) -> bool:
        """True when nobody joined, left or changed."""
        return not (self.joined or self.left or self.changed)

    def render(self, locale: object = None) -> str:
        """One line per difference: ``+`` joined, ``-`` left, ``~`` changed."""

        def who(expert: Expert) -> str:
            return f"{expert.name} ({expert.role.label(locale)}), {expert.organisation.full_name}"

        def value(change: Change, text: str) -> str:
            return Role(text).label(locale) if change.field == "role" else text

        lines = [f"+ {who(e)}" for e in self.joined] + [f"- {who(e)}" for e in self.left]
        for c in self.changed:
            field = gettext(_FIELDS[c.field], locale)
            lines.append(f"~ {c.name}: {field}: {value(c, c.old)} -> {value(c, c.new)}")
        return "\n".join(lines)


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
