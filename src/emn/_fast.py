"""Straight-line structure functions for good data: the fast half of :func:`emn.from_dict`.

cattrs' generated functions check an object's keys with a set difference and call a hook for
every string. These count the keys instead, hand a string that the class validates straight to
the class, and call the constructor once. They only say *that* data is bad (by raising
anything); the detailed converter then says where and why. So they may refuse more than it
does, but never accept what it refuses.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

__all__ = ["structure_fn"]

Hook = Callable[[Any, Any], Any]


class _Refused(ValueError):
    """Data the fast path does not take; the detailed converter is asked instead."""


def structure_fn(kind: type, hook_for: Callable[[Any], Hook]) -> Hook:
    """A function ``(data, kind) -> instance`` for the attrs class ``kind``, with the field
    types' hooks found by ``hook_for``.

    >>> @attrs.frozen
    ... class Point:
    ...     x: int
    ...     label: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    >>> make = structure_fn(Point, lambda t: lambda value, _: t(value))
    >>> make({"x": "3"}, Point), make({"x": 1, "label": "a"}, Point)
    (Point(x=3, label=''), Point(x=1, label='a'))
    >>> make({"x": 1, "y": 2}, Point)
    Traceback (most recent call last):
    ...
    emn._fast._Refused: Point
    """
    hints = typing.get_type_hints(kind)
    fields = [field for field in attrs.fields(kind) if field.init]
    names: dict[str, Any] = {"cls": kind, "Refused": _Refused}
    required: list[str] = []
    optional: list[str] = []
    for index, field in enumerate(fields):
        key, alias, hint = field.name, field.alias, hints.get(field.name)
        inner = _inner(hint)
        if field.validator is not None and hint in (str, str | None):
            # The class's own validator refuses what is not a string.
            value = f"o[{key!r}]"
        elif inner is not None:
            # None or a value, without a call for the None.
            names[f"h{index}"], names[f"t{index}"] = hook_for(inner), inner
            value = f"(None if o[{key!r}] is None else h{index}(o[{key!r}], t{index}))"
        else:
            names[f"h{index}"], names[f"t{index}"] = hook_for(hint), hint
            value = f"h{index}(o[{key!r}], t{index})"
        if field.default is attrs.NOTHING:
            required.append(f"{alias}={value}")
        else:
            optional.append(
                f"    if {key!r} in o:\n        kw[{alias!r}] = {value}\n        n += 1"
            )
    lines = [
        "def structure(o, _=None):",
        "    if not isinstance(o, dict):",
        "        raise Refused(cls.__name__)",
        f"    n = {len(required)}",
        "    kw = {}",
        *optional,
        # An unknown key is the only way for the object to hold more keys than were read.
        "    if len(o) != n:",
        "        raise Refused(cls.__name__)",
        f"    return cls({', '.join([*required, '**kw'])})",
    ]
    namespace: dict[str, Any] = {}
    code = compile("\n".join(lines), f"<emn fast structure {kind.__qualname__}>", "exec")
    exec(code, names, namespace)
    structure: Hook = namespace["structure"]
    return structure


def _inner(hint: Any) -> Any:
    """``X`` for the hint ``X | None``, else None."""
    args = typing.get_args(hint)
    if (
        len(args) == 2
        and type(None) in args
        and typing.get_origin(hint) in (typing.Union, types.UnionType)
    ):
        return args[0] if args[1] is type(None) else args[1]
    return None
