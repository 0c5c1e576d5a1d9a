"""Validators and converters for the frozen classes: type facts only.

Domain facts (three experts, one coordinator) are the rules' business, so that a broken
composition can still be built and be told what is wrong with it. Each validator is a small
callable object with a readable ``repr``, as attrs' own are.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any

import attrs

from ._i18n import N_
from .exceptions import InvalidData, Problem

__all__ = [
    "as_optional_tuple",
    "as_tuple",
    "items_among",
    "items_of",
    "language_tag",
    "member_of",
    "non_empty_text",
    "of_own_class",
    "of_type",
    "optional",
    "when",
]


def fail(
    attribute: attrs.Attribute[Any], template: str, *more: str | int, **args: object
) -> InvalidData:
    """The :class:`InvalidData` for a bad value of ``attribute`` (at ``more`` inside it): the
    message ``template`` filled from ``args``."""
    return InvalidData([Problem.of((attribute.name, *more), template, **args)])


# What a value should have been, said in full where it is a word (for its translations); a
# class is named as it is ("expected a Country, got str").
_EXPECTED = {
    "a date": N_("expected a date, got {got}"),
    "a field name": N_("expected a field name, got {got}"),
    "a source id": N_("expected a source id, got {got}"),
    "a string": N_("expected a string, got {got}"),
    "an integer": N_("expected an integer, got {got}"),
}


def _expected(attribute: attrs.Attribute[Any], what: str, value: object, *more: int) -> InvalidData:
    """The :class:`InvalidData` for ``value``, which is not ``what``."""
    got = type(value).__name__
    if what in _EXPECTED:
        return fail(attribute, _EXPECTED[what], *more, got=got)
    article, _, name = what.partition(" ")
    template = (
        N_("expected an {name}, got {got}")
        if article == "an"
        else N_("expected a {name}, got {got}")
    )
    return fail(attribute, template, *more, name=name, got=got)


class _Validator:
    """A small immutable callable, compared by its fields. Plain slotted classes, not attrs
    ones: nine attrs classes would cost more to build than the rest of this module (about
    2 ms of a cold ``emn.ncp("SI")``)."""

    __slots__: tuple[str, ...] = ()

    def __init__(self, **fields: object) -> None:
        for name, value in fields.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash((type(self), self._fields()))


def _is(value: object, kinds: tuple[type, ...]) -> bool:
    # A bool is an int to Python, but never a count or a date to emn.
    return isinstance(value, kinds) and (not isinstance(value, bool) or bool in kinds)


class of_type(_Validator):
    """Accept only instances of ``kinds``; ``what`` names them in the message."""

    __slots__ = ("kinds", "what")
    kinds: tuple[type, ...]
    what: str

    def __init__(self, kinds: tuple[type, ...], what: str) -> None:
        super().__init__(kinds=kinds, what=what)

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not _is(value, self.kinds):
            raise _expected(attribute, self.what, value)

    def __repr__(self) -> str:
        return f"<of_type validator for {self.what}>"


class optional(_Validator):
    """Accept None, or whatever ``validator`` accepts."""

    __slots__ = ("validator",)
    validator: Any

    def __init__(self, validator: Any) -> None:
        super().__init__(validator=validator)

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            self.validator(instance, attribute, value)

    def __repr__(self) -> str:
        return f"<optional validator for {self.validator!r} or None>"


class items_of(_Validator):
    """Accept a tuple whose every item is an instance of ``kind``; with ``empty``, a message,
    refuse an empty tuple with it."""

    __slots__ = ("empty", "kind", "what")
    kind: type
    what: str
    empty: str | None

    def __init__(self, kind: type, what: str, empty: str | None = None) -> None:
        super().__init__(kind=kind, what=what, empty=empty)

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            got = type(value).__name__
            raise fail(attribute, N_("expected a list of items, got {got}"), got=got)
        if self.empty is not None and not value:
            raise fail(attribute, self.empty)
        for index, item in enumerate(value):
            if not _is(item, (self.kind,)):
                raise _expected(attribute, self.what, item, index)

    def __repr__(self) -> str:
        at_least_one = ", at least one" if self.empty is not None else ""
        return f"<items_of validator for {self.what}{at_least_one}>"


class items_among(_Validator):
    """Accept a tuple of strings, each one of ``choices``; ``what`` names one in messages."""

    __slots__ = ("choices", "what")
    choices: tuple[str, ...]
    what: str

    def __init__(self, choices: tuple[str, ...], what: str) -> None:
        super().__init__(choices=choices, what=what)

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        items_of(str, self.what)(instance, attribute, value)
        items: tuple[str, ...] = value  # type: ignore[assignment]  # checked just above
        for index, item in enumerate(items):
            if item not in self.choices:
                allowed = ", ".join(self.choices)
                template = N_("{value} is not one of {allowed}")
                raise fail(attribute, template, index, value=repr(item), allowed=allowed)

    def __repr__(self) -> str:
        return f"<items_among validator for {', '.join(self.choices)}>"


class of_own_class(_Validator):
    """Accept only instances of the class being built (an organisation's parent)."""

    __slots__ = ("what",)
    what: str

    def __init__(self, what: str) -> None:
        super().__init__(what=what)

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, type(instance)):
            raise _expected(attribute, self.what, value)

    def __repr__(self) -> str:
        return f"<of_own_class validator for {self.what}>"


class member_of(_Validator):
    """Accept only members of the enum ``kind``."""

    __slots__ = ("kind",)
    kind: type[Enum]

    def __init__(self, kind: type[Enum]) -> None:
        super().__init__(kind=kind)

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, self.kind):
            allowed = ", ".join(str(member.value) for member in self.kind)
            template = N_("{value} is not one of {allowed}")
            raise fail(attribute, template, value=repr(value), allowed=allowed)

    def __repr__(self) -> str:
        return f"<member_of validator for {self.kind.__name__}>"


class _Pattern(_Validator):
    __slots__ = ("example", "pattern", "template")
    pattern: re.Pattern[str]
    example: str
    #: The message for a value that does not match: ``{value}`` is its repr.
    template: str

    def __init__(self, pattern: re.Pattern[str], example: str, template: str) -> None:
        super().__init__(pattern=pattern, example=example, template=template)

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or not self.pattern.fullmatch(value):
            raise fail(attribute, self.template, value=repr(value))

    def __repr__(self) -> str:
        return f"<pattern validator for {self.example}>"


class _NonEmptyText(_Validator):
    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            raise fail(attribute, _EXPECTED["a string"], got=type(value).__name__)
        if not value.strip():
            raise fail(attribute, N_("must not be empty"))

    def __repr__(self) -> str:
        return "<non-empty text validator>"


# A point in time as the sources give it: a day, a month or a year, or "before"/"by" one.
WHEN = re.compile(r"(?:(before|by) )?([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", re.ASCII)


class _When(_Validator):
    """A day, month or year (``2013-07-01``, ``2013-07``, ``2013``), possibly ``before`` or
    ``by`` one (``before 2008``, ``by 2008-12-22``); the calendar must know the day."""

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        match = WHEN.fullmatch(value) if isinstance(value, str) else None
        if match is None:
            template = N_(
                "{value} is not a date such as '2014-03-27', '2008', 'before 2008' or "
                "'by 2008-12-22'"
            )
            raise fail(attribute, template, value=repr(value))
        year = int(match.group(2))
        month = int(match.group(3)) if match.group(3) else 1
        day = int(match.group(4)) if match.group(4) else 1
        try:
            datetime.date(year, month, day)
        except ValueError:
            template = N_("{value} is not a day of the calendar")
            raise fail(attribute, template, value=repr(value)) from None

    def __repr__(self) -> str:
        return "<when validator for a day, month or year, or before or by one>"


non_empty_text = _NonEmptyText()
language_tag = _Pattern(
    re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", re.ASCII),
    "a language tag such as 'sl' or 'und'",
    N_("{value} is not a language tag such as 'sl' or 'und'"),
)
when = _When()
date = of_type((datetime.date,), "a date")


def as_tuple(value: Iterable[Any]) -> Any:
    """A list or other iterable as a tuple; anything else is left for the validator to name."""
    # Strings and mappings are iterable but never a list of items.
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes, Mapping)):
        return tuple(value)
    return value


def as_optional_tuple(value: Iterable[Any] | None) -> Any:
    """None stays None (unknown is not empty); anything else as :func:`as_tuple`."""
    return None if value is None else as_tuple(value)
