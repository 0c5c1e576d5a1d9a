"""The JSON Schema (draft 2020-12) of the composition file format, made from the classes."""

from __future__ import annotations

import datetime
import functools
import types
import typing
from enum import Enum
from typing import Any

import attrs

from . import _validators as v
from ._countries import EU_ALIASES, ISO_CODES
from ._model import Country, NationalContactPoint, Organisation, When

__all__ = ["json_schema"]

# ASCII digits only (JSON Schema's \d is Unicode's in some engines), exactly ten characters (a
# Python engine's $ would also match before a final newline); the "date" format adds the
# calendar. emn.from_dict accepts exactly these (emn._convert).
_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# Text that is not only whitespace, as emn's non-empty text validator requires.
_TEXT = {"type": "string", "pattern": r"\S"}
_LANGUAGE_TAG = f"^{v.language_tag.pattern.pattern}$"
# A day, month or year as a source gives it, possibly "before" or "by" one.
_WHEN = r"^(?:(?:before|by) )?[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a composition file: one NCP, or a list of NCPs, as ``to_dict`` writes.

    A fresh dict each call, so a caller may change it freely.

    >>> from emn.schema import json_schema
    >>> schema = json_schema()
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> schema["$defs"]["Expert"]["properties"]["role"]
    {'enum': ['national_coordinator', 'deputy_coordinator', 'member']}
    """
    import copy

    return copy.deepcopy(_schema())


@functools.cache
def _schema() -> dict[str, Any]:
    definitions: dict[str, Any] = {}
    _define(NationalContactPoint, definitions)
    ncp = {"$ref": "#/$defs/NationalContactPoint"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "EMN National Contact Point composition",
        "description": "One National Contact Point, or a list of them, as emn.to_dict writes it.",
        # if/then/else rather than oneOf, so that a validator reports the NCP's own errors.
        "if": {"type": "array"},
        "then": {"items": ncp},
        "else": ncp,
        "$defs": dict(sorted(definitions.items())),
    }


def _define(cls: type, definitions: dict[str, Any]) -> None:
    if cls.__name__ in definitions:
        return
    definitions[cls.__name__] = {}  # placeholder: classes may refer to themselves
    hints = typing.get_type_hints(cls)
    properties = {}
    required = []
    for field in attrs.fields(cls):
        properties[field.name] = _constrained(_type(hints[field.name], definitions), field)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    definition: dict[str, Any] = {
        "type": "object",
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    if cls is Organisation:
        # A composition file may give an expert's organisation by its name alone.
        definition = {"anyOf": [_TEXT, definition]}
    definitions[cls.__name__] = definition


def _type(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        (option,) = [_type(arg, definitions) for arg in args if arg is not type(None)]
        # null is folded into the option where it can be, so errors inside it stay precise.
        if "type" in option:
            return {**option, "type": [option["type"], "null"]}
        if "enum" in option:
            return {"enum": [*option["enum"], None]}
        return {"anyOf": [option, {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _type(args[0], definitions)}
    if hint is Country:
        # Codes in any case, as emn.Country accepts them ("si", "Si"), EU aliases included.
        codes = sorted(ISO_CODES | set(EU_ALIASES))
        return {
            "enum": [f"{a}{b}" for code in codes for a in _cases(code[0]) for b in _cases(code[1])]
        }
    if hint is str:
        return {"type": "string"}
    if hint is int:
        return {"type": "integer"}
    if hint is datetime.date:
        return {"type": "string", "format": "date", "pattern": _DATE, "maxLength": 10}
    if hint is When:
        return {"type": "string", "pattern": _WHEN}
    if isinstance(hint, type) and issubclass(hint, Enum):
        return {"enum": [member.value for member in hint]}
    if isinstance(hint, type) and attrs.has(hint):
        _define(hint, definitions)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    raise TypeError(f"no JSON Schema for {hint!r}")  # a new field type needs a line above


def _cases(letter: str) -> tuple[str, str]:
    return letter.upper(), letter.lower()


def _constrained(schema: dict[str, Any], field: attrs.Attribute[Any]) -> dict[str, Any]:
    """``schema`` with what the field's validator adds to its type: non-empty text, a pattern,
    at least one item. (Type facts only; the calendar of an event's date is not expressible.)"""
    validator = field.validator
    if isinstance(validator, v.optional):
        validator = validator.validator
    extra: dict[str, Any] = {}
    if validator is v.non_empty_text:
        extra = {"pattern": _TEXT["pattern"]}
    elif validator is v.language_tag:
        extra = {"pattern": _LANGUAGE_TAG}
    elif validator is v.when:
        extra = {"pattern": r"^(\.\./)?[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"}
    elif isinstance(validator, v.items_of) and validator.empty is not None:
        extra = {"minItems": 1}
    if not extra:
        return schema
    if "anyOf" in schema:  # an optional value: the constraint goes on the non-null option
        first, *rest = schema["anyOf"]
        return {"anyOf": [{**first, **extra}, *rest]}
    return {**schema, **extra}
