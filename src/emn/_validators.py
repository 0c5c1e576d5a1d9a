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


def fail(attribute: attrs.Attribute[Any], message: str, *more: str | int) -> InvalidData:
    """The :class:`InvalidData` for a bad value of ``attribute`` (at ``more`` inside it)."""
    return InvalidData([Problem((attribute.name, *more), message)])


def _is(value: object, kinds: tuple[type, ...]) -> bool:
    # A bool is an int to Python, but never a count or a date to emn.
    return isinstance(value, kinds) and (not isinstance(value, bool) or bool in kinds)


@attrs.frozen(repr=False)
class of_type:
    """Accept only instances of ``kinds``; ``what`` names them in the message."""

    kinds: tuple[type, ...]
    what: str

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not _is(value, self.kinds):
            raise fail(attribute, f"expected {self.what}, got {type(value).__name__}")

    def __repr__(self) -> str:
        return f"<of_type validator for {self.what}>"


@attrs.frozen(repr=False)
class optional:
    """Accept None, or whatever ``validator`` accepts."""

    validator: Any

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            self.validator(instance, attribute, value)

    def __repr__(self) -> str:
        return f"<optional validator for {self.validator!r} or None>"


@attrs.frozen(repr=False)
class items_of:
    """Accept a tuple whose every item is an instance of ``kind``; with ``empty``, a message,
    refuse an empty tuple with it."""

    kind: type
    what: str
    empty: str | None = None

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise fail(attribute, f"expected a list of items, got {type(value).__name__}")
        if self.empty is not None and not value:
            raise fail(attribute, self.empty)
        for index, item in enumerate(value):
            if not _is(item, (self.kind,)):
                message = f"expected {self.what}, got {type(item).__name__}"
                raise fail(attribute, message, index)

    def __repr__(self) -> str:
        at_least_one = ", at least one" if self.empty is not None else ""
        return f"<items_of validator for {self.what}{at_least_one}>"


@attrs.frozen(repr=False)
class items_among:
    """Accept a tuple of strings, each one of ``choices``; ``what`` names one in messages."""

    choices: tuple[str, ...]
    what: str

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        items_of(str, self.what)(instance, attribute, value)
        items: tuple[str, ...] = value  # type: ignore[assignment]  # checked just above
        for index, item in enumerate(items):
            if item not in self.choices:
                raise fail(attribute, f"{item!r} is not one of {', '.join(self.choices)}", index)

    def __repr__(self) -> str:
        return f"<items_among validator for {', '.join(self.choices)}>"


@attrs.frozen(repr=False)
class of_own_class:
    """Accept only instances of the class being built (an organisation's parent)."""

    what: str

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, type(instance)):
            raise fail(attribute, f"expected {self.what}, got {type(value).__name__}")

    def __repr__(self) -> str:
        return f"<of_own_class validator for {self.what}>"


@attrs.frozen(repr=False)
class member_of:
    """Accept only members of the enum ``kind``."""

    kind: type[Enum]

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, self.kind):
            allowed = ", ".join(str(member.value) for member in self.kind)
            raise fail(attribute, f"{value!r} is not one of {allowed}")

    def __repr__(self) -> str:
        return f"<member_of validator for {self.kind.__name__}>"


@attrs.frozen(repr=False)
class _Pattern:
    pattern: re.Pattern[str]
    example: str

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or not self.pattern.fullmatch(value):
            raise fail(attribute, f"{value!r} is not {self.example}")

    def __repr__(self) -> str:
        return f"<pattern validator for {self.example}>"


@attrs.frozen(repr=False)
class _NonEmptyText:
    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            raise fail(attribute, f"expected a string, got {type(value).__name__}")
        if not value.strip():
            raise fail(attribute, "must not be empty")

    def __repr__(self) -> str:
        return "<non-empty text validator>"


# A point in time as the sources give it: a day, a month or a year, or "before"/"by" one.
WHEN = re.compile(r"(?:(before|by) )?([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", re.ASCII)


@attrs.frozen(repr=False)
class _When:
    """A day, month or year (``2013-07-01``, ``2013-07``, ``2013``), possibly ``before`` or
    ``by`` one (``before 2008``, ``by 2008-12-22``); the calendar must know the day."""

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        match = WHEN.fullmatch(value) if isinstance(value, str) else None
        if match is None:
            raise fail(
                attribute,
                f"{value!r} is not a date such as '2014-03-27', '2008', 'before 2008' or "
                "'by 2008-12-22'",
            )
        year = int(match.group(2))
        month = int(match.group(3)) if match.group(3) else 1
        day = int(match.group(4)) if match.group(4) else 1
        try:
            datetime.date(year, month, day)
        except ValueError:
            raise fail(attribute, f"{value!r} is not a day of the calendar") from None

    def __repr__(self) -> str:
        return "<when validator for a day, month or year, or before or by one>"


non_empty_text = _NonEmptyText()
language_tag = _Pattern(
    re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", re.ASCII), "a language tag such as 'sl' or 'und'"
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
