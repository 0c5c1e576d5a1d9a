"""The exception hierarchy: one EMNError, each also the matching builtin."""

from __future__ import annotations

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
