"""to_dict / from_dict / to_json / from_json: round trips, error paths, no mutation."""

from __future__ import annotations

import contextlib
import copy
import datetime
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import emn
from tests import strategies


def _si() -> dict[str, Any]:
    data: dict[str, Any] = emn.to_dict(emn.ncp("SI"))
    return data


def _bundled_objects() -> list[object]:
    network = emn.network()
    return [
        network,
        network.legal_basis,
        *network.ncps,
        *network.participations,
        *network.declarations,
        *network.claims,
        *network.sources,
        *(e for n in network.ncps for e in n.experts or ()),
        *(e for n in network.ncps for e in n.history),
    ]


@pytest.mark.parametrize("obj", _bundled_objects(), ids=repr)
def test_every_bundled_object_round_trips(obj: object) -> None:
    assert emn.from_dict(type(obj), emn.to_dict(obj)) == obj
    assert emn.from_json(type(obj), emn.to_json(obj)) == obj


def test_an_ncp_is_written_as_plain_json_ready_data() -> None:
    data = _si()
    assert data["country"] == "SI"
    assert data["last_changed"] == "2014-03-27"
    assert data["experts"][0] == {
        "name": "Nataša Potočnik",
        "organisation": data["coordinating_entity"],
        "role": "national_coordinator",
        "source": "sl-emn-2014",
    }
    assert json.loads(json.dumps(data)) == data


def test_an_unknown_composition_is_written_as_null() -> None:
    assert emn.to_dict(emn.ncp("DE"))["experts"] is None


def test_an_organisation_may_be_given_by_name_alone() -> None:
    data = {
        "country": "SI",
        "coordinating_entity": "Ministrstvo za notranje zadeve",
        "experts": [{"name": "A", "organisation": "Policija", "role": "member"}],
    }
    ncp = emn.from_dict(emn.NationalContactPoint, data)
    assert ncp.experts is not None
    assert ncp.experts[0].organisation == emn.Organisation([emn.Name("Policija")])


def test_denmark_parses_whether_it_takes_part_is_for_the_rules() -> None:
    ncp = emn.from_dict(emn.NationalContactPoint, {"country": "DK", "coordinating_entity": "X"})
    assert ncp.country.code == "DK"


def test_every_problem_is_listed_with_its_path() -> None:
    data = _si()
    data["country"] = "XX"
    data["experts"][2]["role"] = "boss"
    del data["experts"][3]["name"]
    data["experts"][4]["age"] = 40
    data["last_changed"] = "27.3.2014"
    with pytest.raises(emn.InvalidData) as info:
        emn.from_dict(emn.NationalContactPoint, data)
    assert [str(p) for p in info.value.problems] == [
        "country: 'XX' is not an ISO 3166-1 alpha-2 country code",
        "experts[2].role: 'boss' is not one of national_coordinator, deputy_coordinator, member",
        "experts[3].name: required field is missing",
        "experts[4].age: unknown field",
        "last_changed: '27.3.2014' is not a date as 'YYYY-MM-DD'",
    ]
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (None, "expected an object, got null"),
        ([], "expected an object, got a list"),
        ({"country": "SI"}, "coordinating_entity: required field is missing"),
        (
            {"country": 7, "coordinating_entity": "X"},
            "country: expected a country code, got a number",
        ),
        (
            {"country": "SI", "coordinating_entity": "X", "experts": "abc"},
            "experts: expected a list",
        ),
        (
            {"country": "SI", "coordinating_entity": "X", "experts": [3]},
            "experts[0]: expected an object",
        ),
        (
            {"country": "SI", "coordinating_entity": {"names": []}},
            "coordinating_entity.names: an organisation",
        ),
        (
            {"country": "SI", "coordinating_entity": "X", "status": 1},
            "status: 1 is not one of member_state",
        ),
        (
            {"country": "SI", "coordinating_entity": "X", "listed_as": True},
            "listed_as: expected a string",
        ),
    ],
)
def test_bad_input_names_the_field_and_the_problem(data: object, problem: str) -> None:
    with pytest.raises(emn.InvalidData) as info:
        emn.from_dict(emn.NationalContactPoint, data)
    assert str(info.value).startswith(problem)


def test_bad_json_gives_line_and_column() -> None:
    with pytest.raises(
        emn.InvalidData, match=r"not valid JSON: Expecting property name .* at line 2, column 9"
    ):
        emn.from_json(emn.NationalContactPoint, '{"country":\n  "SI", }')


def test_deep_nesting_is_invalid_data_not_a_recursion_error() -> None:
    with pytest.raises(emn.InvalidData, match="nested too deeply"):
        emn.from_json(emn.NationalContactPoint, "[" * 100_000 + "]" * 100_000)
    nested: dict[str, Any] = {"names": [{"text": "a"}]}
    for _ in range(5_000):
        nested = {"names": [{"text": "a"}], "parent": nested}
    with pytest.raises(emn.InvalidData, match="nested too deeply") as info:
        emn.from_dict(emn.Organisation, nested)
    # Every level past the limit says the same: it is said once.
    assert [p.message for p in info.value.problems] == ["nested too deeply"]


def test_input_is_never_mutated() -> None:
    data = _si()
    data["experts"][0]["organisation"] = "Ministrstvo za notranje zadeve"
    before = copy.deepcopy(data)
    emn.from_dict(emn.NationalContactPoint, data)
    assert data == before


def test_to_dict_refuses_what_is_not_an_emn_object() -> None:
    with pytest.raises(emn.InvalidData, match="expected an emn object, got object"):
        emn.to_dict(object())


def test_from_dict_refuses_a_class_that_is_not_emn_or_cannot_be_built_from_data() -> None:
    with pytest.raises(TypeError, match="cls must be an emn class"):
        emn.from_dict(dict, {})
    with pytest.raises(TypeError, match="Rule cannot be built from data"):
        emn.from_dict(emn.rules.Rule, {"id": "x"})


def test_a_list_of_ncps_is_written_as_a_list() -> None:
    assert [d["country"] for d in emn.to_dict(emn.ncps()[:2])] == ["AM", "AT"]


@given(strategies.ncps)
def test_generated_ncps_round_trip(ncp: emn.NationalContactPoint) -> None:
    assert emn.from_dict(emn.NationalContactPoint, emn.to_dict(ncp)) == ncp
    assert emn.from_json(emn.NationalContactPoint, emn.to_json(ncp)) == ncp


@given(strategies.json_values)
def test_random_json_only_ever_raises_invalid_data(data: object) -> None:
    for cls in (emn.NationalContactPoint, emn.Expert, emn.Organisation, emn.Network):
        try:
            emn.from_dict(cls, data)
        except emn.InvalidData as err:
            assert err.problems
            assert all(p.message for p in err.problems)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_valid_composition_with_one_value_replaced_only_raises_invalid_data(
    data: st.DataObject,
) -> None:
    composition = _si()
    target: Any = composition
    path: list[object] = []
    while isinstance(target, (dict, list)) and target and data.draw(st.booleans()):
        keys = list(target) if isinstance(target, dict) else list(range(len(target)))
        key = data.draw(st.sampled_from(keys))
        path.append(key)
        if not isinstance(target[key], (dict, list)):
            break
        target = target[key]
    if not path:
        return
    parent: Any = composition
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = data.draw(strategies.json_values)
    try:
        emn.from_dict(emn.NationalContactPoint, composition)
    except emn.InvalidData as err:
        assert err.problems


@given(st.binary(max_size=200) | st.text(max_size=200))
def test_random_bytes_and_text_through_from_json_only_raise_invalid_data(blob: bytes | str) -> None:
    with contextlib.suppress(emn.InvalidData):
        emn.from_json(emn.NationalContactPoint, blob)


def test_a_bug_in_a_structure_hook_is_not_reported_as_invalid_data(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from emn import _convert

    def broken(value: object, _: object) -> emn.Role:
        raise ZeroDivisionError("a bug of ours")

    for name, detailed in (("_CONVERTER", True), ("_FAST", False)):
        converter = _convert._make(detailed)
        converter.register_structure_hook(emn.Role, broken)
        monkeypatch.setattr(_convert, name, converter)
    with pytest.raises(ZeroDivisionError):
        emn.from_dict(emn.Expert, {"name": "A", "organisation": "X", "role": "member"})


# -- behaviours the mutation campaign found untested (docs/testing.md) ---------------------------


def _declaration(count: object) -> dict[str, object]:
    return {"source": "a", "subject": "ncps", "count": count, "quote": "q"}


def _finding(**fields: object) -> dict[str, object]:
    return {"rule": "r", "severity": "info", "message": "m", "location": ["experts"], **fields}


@pytest.mark.parametrize(
    ("count", "kind"), [("5", "a string"), (True, "a boolean"), (5.0, "a number")]
)
def test_a_count_is_an_integer_never_a_string_a_boolean_or_a_float(
    count: object, kind: str
) -> None:
    with pytest.raises(emn.InvalidData) as info:
        emn.from_dict(emn.model.Declaration, _declaration(count))
    assert str(info.value) == f"count: expected an integer, got {kind}"


def test_a_datetime_is_not_a_day() -> None:
    source = {"id": "a", "title": "t", "language": "en"}
    with pytest.raises(emn.InvalidData, match=r"^date: expected a date .*, got datetime$"):
        emn.from_dict(emn.model.Source, {**source, "date": datetime.datetime(2014, 3, 27, 12)})


def test_the_arguments_of_a_findings_message_are_strings() -> None:
    with pytest.raises(emn.InvalidData) as info:
        emn.from_dict(emn.rules.Finding, _finding(args={"name": "Ana", "count": 3}))
    assert str(info.value) == "args: count: expected a string, got a number"


@pytest.mark.parametrize(("part", "kind"), [(1.5, "a number"), (True, "a boolean"), (None, "null")])
def test_a_location_is_made_of_keys_and_indexes_only(part: object, kind: str) -> None:
    with pytest.raises(emn.InvalidData) as info:
        emn.from_dict(emn.rules.Finding, _finding(location=["experts", part]))
    assert str(info.value) == f"location[1]: expected a key or an index, got {kind}"


def test_to_dict_leaves_out_the_fields_left_at_their_default() -> None:
    entity = emn.Organisation([emn.Name("X")])
    expert = emn.Expert("A", entity, emn.Role.MEMBER)
    point = emn.NationalContactPoint(emn.Country("SI"), entity, experts=[expert])
    organisation = {"names": [{"text": "X"}]}
    assert emn.to_dict(point) == {
        "country": "SI",
        "coordinating_entity": organisation,
        "experts": [{"name": "A", "organisation": organisation, "role": "member"}],
    }


def test_to_json_keeps_characters_beyond_ascii_as_they_are() -> None:
    name = emn.Name("Ministrstvo za notranje zadeve — Policija, Čurin", "sl")
    assert '"Ministrstvo za notranje zadeve — Policija, Čurin"' in emn.to_json(name)


def test_to_json_takes_indent_only_by_keyword() -> None:
    with pytest.raises(TypeError):
        emn.to_json(emn.Name("X"), 2)  # type: ignore[misc]


@pytest.mark.parametrize(
    "bug", ["a bug of ours", "a bug of ours: f() missing 1 required positional argument: 'x'"]
)
def test_a_type_error_from_a_bug_in_a_hook_is_raised_again_not_called_a_missing_field(
    monkeypatch: pytest.MonkeyPatch, bug: str
) -> None:
    from emn import _convert

    make = _convert._make

    def broken(value: object, _: object) -> emn.Role:
        raise TypeError(bug)

    def making(*args: Any, **kwargs: Any) -> Any:
        converter = make(*args, **kwargs)
        converter.register_structure_hook(emn.Role, broken)
        return converter

    monkeypatch.setattr(_convert, "_make", making)
    for cached in ("_CONVERTER", "_FAST"):
        monkeypatch.setattr(_convert, cached, None, raising=False)
    with pytest.raises(TypeError, match="a bug of ours"):
        emn.from_dict(emn.Expert, {"name": "A", "organisation": "X", "role": "member"})


def test_a_date_object_is_a_day() -> None:
    data = emn.to_dict(emn.ncp("SI"))
    data["last_changed"] = datetime.date(2014, 3, 27)
    assert emn.from_dict(emn.NationalContactPoint, data) == emn.ncp("SI")


@pytest.mark.parametrize(
    ("cls", "change", "said"),
    [
        (
            emn.Expert,
            {"role": "Coordinator"},
            "role: 'Coordinator' is not one of national_coordinator, deputy_coordinator, "
            "member; did you mean national_coordinator?",
        ),
        (emn.Expert, {"role": "boss"}, "role: 'boss' is not one of national_coordinator, "),
        (emn.Expert, {"organization": "Y"}, "organization: unknown field; did you mean "),
        (emn.Expert, {5: 1}, "['5']: unknown field"),  # a YAML key may be a number
    ],
)
def test_what_a_value_or_a_field_may_have_meant_is_suggested(
    cls: type, change: dict[object, object], said: str
) -> None:
    data = {"name": "A", "organisation": "X", "role": "member", **change}
    with pytest.raises(emn.InvalidData) as info:
        emn.from_dict(cls, data)
    (problem,) = info.value.problems
    assert str(problem).startswith(said)
    if said.endswith("member, "):
        assert "did you mean" not in str(problem)
    assert all(isinstance(part, str) for part in problem.location)


def test_a_status_close_to_one_is_suggested() -> None:
    data = emn.to_dict(emn.ncp("SI"))
    data["status"] = "member-state"
    with pytest.raises(emn.InvalidData, match=r"; did you mean member_state\?$"):
        emn.from_dict(emn.NationalContactPoint, data)


def test_to_json_takes_no_boolean_for_an_indent() -> None:
    with pytest.raises(TypeError, match="indent must be a whole number or None, not True"):
        emn.to_json(emn.ncp("SI"), indent=True)
