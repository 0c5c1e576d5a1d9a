"""The JSON Schema (draft 2020-12) of the composition file format, made from the classes."""

from __future__ import annotations

import datetime
import functools
import types
import typing
from enum import Enum
from typing import Any

import attrs

from ._countries import EU_ALIASES, ISO_CODES
from ._model import Country, NationalContactPoint, Organisation, When

__all__ = ["json_schema"]

_DATE = r"^\d{4}-\d{2}-\d{2}$"
# A day, month or year as a source gives it, possibly "before" or "by" one.
_WHEN = r"^(?:(?:before|by) )?[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$"


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
        properties[field.name] = _type(hints[field.name], definitions)
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
        definition = {"anyOf": [{"type": "string", "minLength": 1}, definition]}
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
        return {"enum": sorted(ISO_CODES | set(EU_ALIASES))}
    if hint is str:
        return {"type": "string"}
    if hint is int:
        return {"type": "integer"}
    if hint is datetime.date:
        return {"type": "string", "format": "date", "pattern": _DATE}
    if hint is When:
        return {"type": "string", "pattern": _WHEN}
    if isinstance(hint, type) and issubclass(hint, Enum):
        return {"enum": [member.value for member in hint]}
    if isinstance(hint, type) and attrs.has(hint):
        _define(hint, definitions)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    raise TypeError(f"no JSON Schema for {hint!r}")  # a new field type needs a line above
