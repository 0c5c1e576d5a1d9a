"""The fast structure functions take exactly the good data: never anything the detailed
converter refuses, and what they take comes out the same."""

from __future__ import annotations

import copy
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import emn
from emn import _convert
from emn._fast import _Refused, structure_fn
from tests import strategies


def _both(cls: type, data: object) -> tuple[object, object]:
    """What the fast and the detailed converters make of ``data``: an object, or the
    exception's class."""
    results: list[object] = []
    for converter in (_convert._fast(), _convert._converter()):
        try:
            results.append(converter.structure(copy.deepcopy(data), cls))
        except Exception as exc:  # the class is what is compared
            results.append(type(exc))
    return results[0], results[1]


def _agree(cls: type, data: object) -> None:
    fast, detailed = _both(cls, data)
    if isinstance(detailed, type):
        assert isinstance(fast, type), f"the fast path took what the detailed one refuses: {data!r}"
    elif not isinstance(fast, type):
        assert fast == detailed


def _bundled() -> list[tuple[type, Any]]:
    network = emn.network()
    return [(emn.NationalContactPoint, emn.to_dict(n)) for n in network.ncps] + [
        (emn.Network, emn.to_dict(network))
    ]


@pytest.mark.parametrize(("cls", "data"), _bundled()[-1:] + _bundled()[:3])
def test_the_bundled_records_take_the_fast_path_and_come_out_equal(cls: type, data: Any) -> None:
    fast, detailed = _both(cls, data)
    assert not isinstance(fast, type)
    assert fast == detailed


def _mutated(data: st.DataObject, record: Any) -> Any:
    """``record`` with one value replaced, one key added or one key taken away, somewhere."""
    record = copy.deepcopy(record)
    target: Any = record
    while True:
        keys = list(target) if isinstance(target, dict) else list(range(len(target)))
        if not keys:
            break
        key = data.draw(st.sampled_from(keys))
        inner = target[key]
        if isinstance(inner, (dict, list)) and inner and data.draw(st.booleans()):
            target = inner
            continue
        change = data.draw(st.sampled_from(["replace", "add", "remove"]))
        if change == "replace":
            target[key] = data.draw(strategies.json_values)
        elif change == "add" and isinstance(target, dict):
            target[data.draw(st.text(max_size=12))] = data.draw(strategies.json_values)
        elif change == "remove" and isinstance(target, dict):
            del target[key]
        break
    return record


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=300)
@given(st.data())
def test_a_changed_record_is_refused_by_both_or_taken_the_same_by_both(data: st.DataObject) -> None:
    cls, record = data.draw(st.sampled_from(_bundled()[:-1]))
    _agree(cls, _mutated(data, record))


@given(strategies.json_values)
def test_random_data_is_refused_by_both_or_taken_the_same_by_both(data: object) -> None:
    for cls in (emn.NationalContactPoint, emn.Expert, emn.Organisation, emn.rules.Finding):
        _agree(cls, data)


@pytest.mark.parametrize("field", ["rule", "message", "template", "file"])
def test_a_string_field_without_a_validator_is_still_checked(field: str) -> None:
    finding = {"rule": "r", "severity": "info", "message": "m", "location": [], field: 5}
    fast, detailed = _both(emn.rules.Finding, finding)
    assert isinstance(detailed, type)
    assert isinstance(fast, type)
    with pytest.raises(emn.InvalidData, match=f"^{field}: expected a string"):
        emn.from_dict(emn.rules.Finding, finding)


@attrs.frozen
class _Point:
    x: int
    label: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    parent: _Point | None = None


def _hook(kind: Any) -> Any:
    return lambda value, _: kind(value)


def test_a_class_is_built_from_its_keys_and_refuses_any_other() -> None:
    make = structure_fn(_Point, _hook)
    assert make({"x": "3"}, _Point) == _Point(3)
    assert make({"x": 1, "label": "a", "parent": None}, _Point) == _Point(1, "a")
    for bad in ({"x": 1, "y": 2}, {"label": "a", "y": 2}, {}, [("x", 1)], "x"):
        with pytest.raises((_Refused, KeyError)):
            make(bad, _Point)


def test_a_string_field_is_left_to_the_classs_validator() -> None:
    make = structure_fn(_Point, _hook)
    with pytest.raises(TypeError):
        make({"x": 1, "label": 5}, _Point)


@pytest.mark.parametrize(
    ("hint", "inner"),
    [
        (int | None, int),
        (None | int, int),
        (int | str | None, None),  # not one type or None: no shortcut
        (int | str, None),
        (tuple[int, None], None),
        (int, None),
    ],
)
def test_only_one_type_or_none_is_taken_as_optional(hint: object, inner: object) -> None:
    from emn._fast import _inner

    assert _inner(hint) is inner
