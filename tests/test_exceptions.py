"""The exception hierarchy: one EMNError, each also the matching builtin."""

from __future__ import annotations

from pathlib import Path

import pytest

import emn


def test_every_exception_is_an_emn_error_and_a_builtin() -> None:
    assert issubclass(emn.NotFound, emn.EMNError)
    assert issubclass(emn.NotFound, LookupError)
    assert issubclass(emn.InvalidData, ValueError)
    assert issubclass(emn.exceptions.UnknownLocale, LookupError)
    assert issubclass(emn.exceptions.DataFileError, emn.EMNError)


def test_invalid_data_lists_its_problems_one_per_line() -> None:
    err = emn.InvalidData([emn.exceptions.Problem(("a",), "x"), emn.exceptions.Problem((), "y")])
    assert str(err) == "a: x\ny"
    assert str(err.at("experts", 0)) == "experts[0].a: x\nexperts[0]: y"
    assert [p.location for p in err.at("experts", 0).problems] == [
        ("experts", 0, "a"),
        ("experts", 0),
    ]


def test_not_found_prints_its_message_without_quotes() -> None:
    assert str(emn.NotFound("no such thing")) == "no such thing"


def test_not_found_carries_the_key_and_the_closest_countries() -> None:
    with pytest.raises(emn.NotFound) as caught:
        emn.ncp("Slovnia")
    assert caught.value.key == "Slovnia"
    assert caught.value.candidates == (emn.Country("SI"),)
    with pytest.raises(emn.NotFound) as caught:
        emn.ncp("Kongo")
    assert caught.value.candidates == (emn.Country("CD"), emn.Country("CG"))
    with pytest.raises(emn.NotFound) as caught:
        emn.ncp("DK")
    assert caught.value.key == "DK"
    assert caught.value.candidates == (emn.Country("DK"),)


def test_unknown_locale_carries_the_locale() -> None:
    with pytest.raises(emn.exceptions.UnknownLocale) as caught:
        emn.country_name("SI", "xx-YY")
    assert caught.value.locale == "xx-YY"
    assert isinstance(caught.value, emn.NotFound)


def test_a_damaged_shipped_file_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    from emn import _resources

    with pytest.raises(emn.exceptions.DataFileError) as caught:
        _resources.read_data("no-such-file.tsv", "name index")
    assert caught.value.file.endswith("no-such-file.tsv")
    assert isinstance(caught.value, OSError)


def test_a_users_file_that_cannot_be_read_carries_its_path(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.json")
    with pytest.raises(emn.exceptions.UnreadableFile) as caught:
        emn.load(missing)
    assert caught.value.path == missing
    assert caught.value.reason == "no such file"
    assert isinstance(caught.value, OSError)


def test_problems_are_located_as_data() -> None:
    with pytest.raises(emn.InvalidData) as caught:
        emn.from_dict(emn.Expert, {"name": "A", "organisation": "X", "role": "boss"})
    (problem,) = caught.value.problems
    assert problem.location == ("role",)
    assert problem.pointer == "/role"


def test_a_problem_in_a_file_says_where_in_it() -> None:
    from emn.exceptions import Problem

    in_text = Problem(("experts", 2, "role"), "bad", line=14, column=17, file="si.json")
    in_table = Problem(("experts", 1, "role"), "bad", row=3, column="role", file="hr.csv")
    assert str(in_text) == "si.json:14:17: experts[2].role: bad"
    assert str(in_table) == "hr.csv:3: role: bad"
    assert str(Problem((), "bad", file="hr.csv")) == "hr.csv: bad"
    assert in_table.path == "experts[1].role"  # the data's location is kept as it is


def test_moving_a_problem_under_a_prefix_keeps_its_position() -> None:
    from emn.exceptions import Problem

    err = emn.InvalidData([Problem(("role",), "bad", line=3, column=5, file="si.json")]).at(
        "experts", 0
    )
    assert err.problems == (Problem(("experts", 0, "role"), "bad", 3, 5, None, "si.json"),)


def test_a_finding_with_a_position_round_trips_through_json() -> None:
    import attrs

    finding = emn.validate(emn.ncp("DE")).findings[0]
    for where in ({"line": 3, "column": 4}, {"row": 3, "column": "role"}):
        placed = attrs.evolve(finding, file="x", **where)  # type: ignore[arg-type]
        assert emn.from_json(emn.rules.Finding, emn.to_json(placed)) == placed
