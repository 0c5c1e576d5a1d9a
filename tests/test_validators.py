"""Validators are small named callables with readable reprs; they state type facts only."""

from __future__ import annotations

import attrs
import pytest

import emn
from emn import _validators as v


def test_every_validator_of_a_model_class_has_a_readable_repr() -> None:
    for cls in (
        emn.NationalContactPoint,
        emn.Expert,
        emn.Organisation,
        emn.model.Event,
        emn.model.Host,
        emn.model.Participation,
        emn.model.Validity,
        emn.model.When,
        emn.model.Source,
    ):
        for field in attrs.fields(cls):
            if field.validator is not None:
                assert repr(field.validator).startswith("<"), (cls.__name__, field.name)
                assert "function" not in repr(field.validator), (cls.__name__, field.name)


def test_reprs_say_what_they_accept() -> None:
    assert repr(v.of_type((str,), "a string")) == "<of_type validator for a string>"
    assert (
        repr(v.optional(v.date))
        == "<optional validator for <of_type validator for a date> or None>"
    )
    assert repr(v.member_of(emn.Role)) == "<member_of validator for Role>"


@pytest.mark.parametrize(
    "when",
    ["2014-13-45", "2014-02-30", "٢٠١٤", "2014\n", "2014--01", "../2008", "after 2008", "by  2008"],
)
def test_an_impossible_or_foreign_date_is_refused(when: str) -> None:
    with pytest.raises(emn.InvalidData, match=r"^when: "):
        emn.model.Event("x", "src", when=when)


@pytest.mark.parametrize(
    "when", ["2014-03-27", "2014-03", "2014", "before 2008", "by 2008-12-22", "by 2003"]
)
def test_days_months_years_and_before_or_by_one_are_accepted(when: str) -> None:
    assert str(emn.model.Event("x", "src", when=when).when) == when


def test_a_bool_is_not_a_count() -> None:
    with pytest.raises(emn.InvalidData, match="count: expected an integer, got bool"):
        emn.model.Declaration("src", "ncps", True, "q")  # type: ignore[arg-type]


def test_disputed_names_only_the_fields_a_headline_may_leave_open() -> None:
    with pytest.raises(emn.InvalidData, match=r"disputed\[1\]: 'experts' is not one of status"):
        emn.NationalContactPoint(emn.Country("SI"), None, disputed=("status", "experts"))
    assert repr(attrs.fields(emn.NationalContactPoint).disputed.validator) == (
        "<items_among validator for status, coordinating_entity>"
    )


def test_a_bad_item_is_located_by_its_index() -> None:
    with pytest.raises(emn.InvalidData) as caught:
        emn.NationalContactPoint(
            emn.Country("SI"),
            emn.Organisation([emn.Name("X")]),
            sources=["a", 3],  # type: ignore[list-item]
        )
    assert caught.value.problems[0].location == ("sources", 1)


def test_a_validator_is_immutable_and_equal_by_what_it_accepts() -> None:
    import pytest

    check = v.items_of(str, "a source id", "at least one source")
    with pytest.raises(AttributeError):
        check.what = "anything"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del check.kind
    assert check == v.items_of(str, "a source id", "at least one source")
    assert check != v.items_of(str, "a source id")
    assert len({check, v.items_of(str, "a source id", "at least one source")}) == 1
    assert v.optional(v.date) == v.optional(v.date) != v.of_type((str,), "a string")
