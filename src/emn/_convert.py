"""The one cattrs converter: emn objects to JSON-ready data and back, with errors that say where.

cattrs, json and the converter are loaded on first use, not on ``import emn``.
"""

from __future__ import annotations

import datetime as _dt
import re
import threading
import types
import typing
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ._i18n import N_
from ._location import Location
from .exceptions import InvalidData, Problem

if TYPE_CHECKING:
    import cattrs

__all__ = ["from_dict", "from_json", "to_dict", "to_json"]

_T = TypeVar("_T")
_lock = threading.Lock()
# A calendar day exactly as ISO 8601's extended form writes it: ASCII digits, no week dates,
# no basic form ("20140327"), nothing around it. The schema says the same (emn.schema).
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
# A country code in a file: two letters, any case, nothing around them (the schema's enum).
_CODE = re.compile(r"[A-Za-z]{2}", re.ASCII)
_TOO_DEEP = N_("nested too deeply")
_MISSING = N_("required field is missing")


class _Bad(ValueError):
    """A leaf problem raised inside a structure hook; its location is found on the way out."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _bad(template: str, **args: object) -> _Bad:
    """The :class:`_Bad` whose message ``template`` is filled from ``args``."""
    return _Bad(Problem.of((), template, **args))


def _kind(value: object) -> str:
    names = {
        dict: N_("an object"),
        list: N_("a list"),
        str: N_("a string"),
        bool: N_("a boolean"),
        type(None): "null",
    }
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    return N_("a number") if isinstance(value, (int, float)) else type(value).__name__


def _structure_str(value: object, _: object) -> str:
    if not isinstance(value, str):
        raise _bad(N_("expected a string, got {got}"), got=_kind(value))
    return value


def _structure_int(value: object, _: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _bad(N_("expected an integer, got {got}"), got=_kind(value))
    return value


def _structure_date(value: object, _: object) -> _dt.date:
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value
    if not isinstance(value, str):
        raise _bad(N_("expected a date as 'YYYY-MM-DD', got {got}"), got=_kind(value))
    if not _DAY.fullmatch(value):
        raise _bad(N_("{value} is not a date as 'YYYY-MM-DD'"), value=repr(value))
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise _bad(N_("{value} is not a day of the calendar"), value=repr(value)) from None


def _did_you_mean_country(text: str) -> str | None:
    """The code of the country given by name (``Croatia``, ``Hrvaška``: ``HR``), if any."""
    from ._lookup import suggest_country

    return suggest_country(text)


def _structure_enum(value: object, kind: type[Enum]) -> Enum:
    try:
        return kind(value)
    except (ValueError, TypeError):
        allowed = ", ".join(str(member.value) for member in kind)
        hint = _did_you_mean(value, kind)
        if hint is None:
            template = N_("{value} is not one of {allowed}")
            raise _bad(template, value=repr(value), allowed=allowed) from None
        template = N_("{value} is not one of {allowed}; did you mean {suggestion}?")
        raise _bad(template, value=repr(value), allowed=allowed, suggestion=hint) from None


def _did_you_mean(value: object, kind: type[Enum]) -> str | None:
    """``national_coordinator`` for a value close to one of ``kind``'s, if any."""
    import difflib

    from ._vocabulary import Role, suggest_role

    if not isinstance(value, str):
        return None
    if kind is Role:
        role = suggest_role(value)
        return str(role.value) if role else None
    values = [str(member.value) for member in kind]
    folded = "_".join(value.casefold().split())
    close = difflib.get_close_matches(folded, values, n=1, cutoff=0.6)
    return close[0] if close else None


def _did_you_mean_field(key: object, cls: Any) -> str | None:
    import difflib

    if not isinstance(key, str) or not (isinstance(cls, type) and attrs.has(cls)):
        return None
    names = [field.name for field in attrs.fields(cls)]
    close = difflib.get_close_matches(key.casefold(), names, n=1, cutoff=0.75)
    return close[0] if close else None


def _unknown_field(location: Location, key: object, cls: Any) -> Problem:
    close = _did_you_mean_field(key, cls)
    if close is None:
        return Problem.of(location, N_("unknown field"))
    return Problem.of(location, N_("unknown field; did you mean {name}?"), name=close)


def _structure_pairs(value: object, _: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise _bad(N_("expected an object, got {got}"), got=_kind(value))
    for key, item in value.items():
        if not isinstance(item, str):
            raise _bad(N_("{key}: expected a string, got {got}"), key=key, got=_kind(item))
    return tuple(value.items())


def _is_optional(kind: Any) -> bool:
    args = typing.get_args(kind)
    union = typing.get_origin(kind) in (typing.Union, types.UnionType)
    return union and len(args) == 2 and type(None) in args


def _mentions(kind: Any, classes: set[type]) -> bool:
    """Whether the type ``kind`` is, or holds, one of ``classes``."""
    return kind in classes or any(_mentions(arg, classes) for arg in typing.get_args(kind))


def _is_tuple(kind: Any) -> bool:
    args = typing.get_args(kind)
    return typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


def _make(detailed: bool = True) -> cattrs.Converter:
    """The converter; ``detailed=False`` gives the fast one, which says only *that* data is bad
    (the detailed one is then asked where and why)."""
    import cattrs
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

    from ._fast import structure_fn
    from ._model import Country, Name, NationalContactPoint, Organisation, When

    c = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True, detailed_validation=detailed)
    c.register_structure_hook(str, _structure_str)
    c.register_structure_hook(int, _structure_int)
    c.register_structure_hook(_dt.date, _structure_date)
    c.register_unstructure_hook(_dt.date, _dt.date.isoformat)
    c.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, Enum), _structure_enum
    )

    # Countries are values, and a file names the same few again and again.
    countries: dict[str, Country] = {}

    def structure_country(value: object, _: object) -> Country:
        if value.__class__ is str and value in countries:
            return countries[value]
        if not isinstance(value, str):
            raise _bad(N_("expected a country code, got {got}"), got=_kind(value))
        try:
            if not _CODE.fullmatch(value):
                template = N_("{value} is not an ISO 3166-1 alpha-2 country code")
                raise InvalidData([Problem.of((), template, value=repr(value))])
            country = countries[value] = Country(value)
        except InvalidData as err:
            code = _did_you_mean_country(value)
            if code is None:
                raise _Bad(err.problems[0]) from None
            template = N_("{value} is not an ISO 3166-1 alpha-2 country code; did you mean {code}?")
            raise _bad(template, value=repr(value), code=code) from None
        return country

    c.register_structure_hook(Country, structure_country)

    # A time as the sources give it ("2013-07", "before 2008") is written as its text.
    def structure_when(value: object, _: object) -> When:
        if not isinstance(value, str):
            template = N_("expected a date such as '2014-03-27' or 'before 2008', got {got}")
            raise _bad(template, got=_kind(value))
        try:
            return When(value)
        except InvalidData as err:
            raise _Bad(err.problems[0]) from None

    c.register_structure_hook(When, structure_when)
    c.register_unstructure_hook(When, str)

    # A finding's location: keys and indexes.
    def structure_part(value: object, _: object) -> str | int:
        if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
            return value
        raise _bad(N_("expected a key or an index, got {got}"), got=_kind(value))

    c.register_structure_hook_func(lambda t: t == (str | int), structure_part)
    # A finding's column: a number in a JSON or YAML file, a name in a table.
    c.register_structure_hook_func(
        lambda t: t == (str | int | None),
        lambda value, _: None if value is None else structure_part(value, _),
    )
    c.register_unstructure_hook(Country, lambda country: country.code)

    expected = _expected()

    def tuple_hook(kind: Any) -> Any:
        item = typing.get_args(kind)[0]

        handler: Any = None

        def fast(value: object, _: object) -> tuple[Any, ...]:
            nonlocal handler
            if not isinstance(value, (list, tuple)):
                raise _bad(N_("expected a list, got {got}"), got=_kind(value))
            if handler is None:
                # Found on first use, not here: the item may be the class being built.
                handler = c.get_structure_hook(item)
            return tuple([handler(element, item) for element in value])

        if not detailed:
            return fast

        def structure(value: object, _: object) -> tuple[Any, ...]:
            if not isinstance(value, (list, tuple)):
                raise _bad(N_("expected a list, got {got}"), got=_kind(value))
            out, errors = [], []
            for index, element in enumerate(value):
                try:
                    out.append(c.structure(element, item))
                except expected as exc:
                    errors.append(InvalidData(_problems(exc, (index,))))
            if errors:
                raise InvalidData(p for e in errors for p in e.problems)
            return tuple(out)

        return structure

    c.register_structure_hook_factory(_is_tuple, tuple_hook)

    def optional_hook(kind: Any) -> Any:
        # cattrs finds the inner type's hook on every call; finding it once is faster.
        (inner,) = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        handler = c.get_structure_hook(inner)

        def structure(value: object, _: object) -> Any:
            return None if value is None else handler(value, inner)

        return structure

    c.register_structure_hook_factory(_is_optional, optional_hook)
    c.register_unstructure_hook_func(_is_tuple, lambda items: [c.unstructure(i) for i in items])

    # A finding's message arguments are pairs in Python (hashable) and an object in JSON.
    pairs = tuple[tuple[str, str], ...]
    c.register_unstructure_hook_func(lambda t: t == pairs, dict)
    c.register_structure_hook_func(lambda t: t == pairs, _structure_pairs)

    building: set[type] = set()

    def field_hook(kind: Any) -> Any:
        if _mentions(kind, building):
            # A class inside itself (an organisation's parent): found when data reaches it.
            return c.structure
        return c.get_structure_hook(kind)

    def class_hook(kind: type) -> Any:
        generated: Any
        if detailed:
            generated = make_dict_structure_fn(
                kind, c, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
            )
        else:
            building.add(kind)
            try:
                generated = structure_fn(kind, field_hook)
            finally:
                building.discard(kind)

        if not detailed and kind is not Organisation:
            # Bad input fails in the generated code too; the detailed converter says how.
            return generated

        def structure(value: object, _: object) -> Any:
            if kind is Organisation and isinstance(value, str):
                # A composition file may name an expert's organisation by its name alone.
                return Organisation((Name(value),))
            if not isinstance(value, dict):
                raise _bad(N_("expected an object, got {got}"), got=_kind(value))
            return generated(value, kind)

        return structure

    c.register_structure_hook_factory(attrs.has, class_hook)
    # An unknown composition is written as null, never left out, so that readers see it.
    c.register_unstructure_hook(
        NationalContactPoint,
        make_dict_unstructure_fn(
            NationalContactPoint,
            c,
            _cattrs_omit_if_default=True,
            experts=override(omit_if_default=False),
        ),
    )
    return c


_CONVERTER: cattrs.Converter | None = None
_FAST: cattrs.Converter | None = None


def _expected() -> tuple[type[BaseException], ...]:
    """What structuring bad data raises: our hooks' errors and cattrs' groups of them.

    :func:`_problems` raises again whatever leaf inside is none of ours: a bug is let through,
    never dressed up as "invalid data".
    """
    from cattrs.errors import BaseValidationError

    return (_Bad, InvalidData, BaseValidationError, TypeError)


def _fast() -> cattrs.Converter:
    global _FAST
    if _FAST is None:
        with _lock:
            if _FAST is None:
                _FAST = _make(detailed=False)
    return _FAST


def _converter() -> cattrs.Converter:
    global _CONVERTER
    if _CONVERTER is None:
        with _lock:
            if _CONVERTER is None:
                _CONVERTER = _make()
    return _CONVERTER


def _problems(exc: BaseException, path: Location) -> list[Problem]:
    """Every problem inside ``exc`` (a cattrs exception group or a leaf), with its location.

    A leaf that no structure hook of ours raises is a bug, not bad data: it is raised again.
    (Lists never raise cattrs' own group: the tuple hook above collects its items' problems.)
    """
    from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError

    if isinstance(exc, InvalidData):
        return [p._replace(location=(*path, *p.location)) for p in exc.problems]
    if isinstance(exc, ForbiddenExtraKeysError):
        return [
            _unknown_field((*path, _part(key)), key, exc.cl)
            for key in sorted(exc.extra_fields, key=str)
        ]
    if isinstance(exc, ClassValidationError):
        found: list[Problem] = []
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            where = (*path, str(note.name))
            if isinstance(sub, KeyError):
                found.append(Problem.of(where, _MISSING))
            else:
                found.extend(_problems(sub, where))
        for sub in without:
            found.extend(_problems(sub, path))
        return found
    if isinstance(exc, RecursionError):
        return [Problem.of((), _TOO_DEEP)]
    if isinstance(exc, _Bad):
        return [exc.problem._replace(location=path)]
    raise exc


def _part(key: object) -> str | int:
    """A key as a location's part: a YAML file's keys may be numbers, dates or null."""
    return key if isinstance(key, str) else str(key)


def _emn_class(cls: object) -> bool:
    return isinstance(cls, type) and attrs.has(cls) and cls.__module__.startswith("emn.")


def to_dict(obj: object) -> Any:
    """Any emn object as plain JSON-ready data: dicts, lists, strings, numbers; dates in ISO.

    >>> import emn
    >>> emn.to_dict(emn.ncp("SI"))["experts"][0]["role"]
    'national_coordinator'
    """
    if isinstance(obj, (list, tuple)):
        return [to_dict(item) for item in obj]
    if not _emn_class(type(obj)) and not isinstance(obj, Enum):
        template = N_("to_dict: expected an emn object, got {got}")
        raise InvalidData([Problem.of((), template, got=type(obj).__name__)])
    return _converter().unstructure(obj)


def from_dict(cls: type[_T], data: object) -> _T:
    """Build an instance of the emn class ``cls`` from what :func:`to_dict` writes.

    Bad input raises :class:`InvalidData` listing every problem with its path. ``data`` is
    never changed.

    >>> import emn
    >>> emn.from_dict(emn.Expert, {"name": "A", "organisation": "X", "role": "boss"})
    Traceback (most recent call last):
    ...
    emn.exceptions.InvalidData: role: 'boss' is not one of national_coordinator, ...
    """
    if not _emn_class(cls):
        raise TypeError(f"from_dict: cls must be an emn class, not {cls!r}")
    from cattrs.errors import StructureHandlerNotFoundError

    try:
        # Good data, the usual case, takes the fast converter; anything it refuses is read again
        # by the detailed one, which locates every problem (or raises a bug of ours as it is).
        return _fast().structure(data, cls)
    except StructureHandlerNotFoundError:
        raise TypeError(f"from_dict: {cls.__name__} cannot be built from data") from None
    except Exception:
        pass
    try:
        return _converter().structure(data, cls)
    except StructureHandlerNotFoundError:
        # A class with a field no data can hold (a Rule's function, say).
        raise TypeError(f"from_dict: {cls.__name__} cannot be built from data") from None
    except RecursionError:
        raise InvalidData([Problem.of((), _TOO_DEEP)]) from None
    except _expected() as exc:
        problems = _problems(exc, ())
        # Past the recursion limit every level reports the same thing; say it once.
        if any(p.message == _TOO_DEEP for p in problems):
            raise InvalidData([Problem.of((), _TOO_DEEP)]) from None
        raise InvalidData(problems) from None


def to_json(obj: object, *, indent: int | None = None) -> str:
    """:func:`to_dict` as JSON text, UTF-8 characters kept as they are: compact, for programs,
    unless ``indent`` asks for lines that people read (the command line uses 2).

    >>> import emn
    >>> emn.to_json([emn.Country("SI"), emn.Country("EL")])
    '["SI","GR"]'
    >>> print(emn.to_json([emn.Country("SI")], indent=2))
    [
      "SI"
    ]
    """
    import json

    if indent is not None and (not isinstance(indent, int) or isinstance(indent, bool)):
        raise TypeError(f"to_json: indent must be a whole number or None, not {indent!r}")
    separators = (",", ":") if indent is None else None
    return json.dumps(to_dict(obj), ensure_ascii=False, indent=indent, separators=separators)


def from_json(cls: type[_T], text: str | bytes) -> _T:
    """:func:`from_dict` from JSON text; bad JSON is :class:`InvalidData` with line and column."""
    import json

    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        template = N_("not valid JSON: {error} at line {line_number}, column {column_number}")
        problem = Problem.of(
            (), template, error=err.msg, line_number=err.lineno, column_number=err.colno
        )
        raise InvalidData([problem]) from None
    except UnicodeDecodeError as err:
        template = N_("not valid UTF-8: {error} at byte {byte}")
        raise InvalidData([Problem.of((), template, error=err.reason, byte=err.start)]) from None
    except RecursionError:
        raise InvalidData([Problem.of((), N_("not valid JSON: nested too deeply"))]) from None
    except ValueError as err:  # a number longer than Python converts (4,300 digits)
        raise InvalidData([Problem.of((), N_("not valid JSON: {error}"), error=err)]) from None
    except TypeError as err:
        template = N_("expected JSON text, got {got}")
        raise InvalidData([Problem.of((), template, got=type(text).__name__)]) from err
    return from_dict(cls, data)
