"""What people type: codes of every kind, names and official names in any language, typos."""

from __future__ import annotations

import pytest

import emn


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("SI", "SI"),
        ("el", "GR"),
        ("UK", "GB"),
        ("SVN", "SI"),
        ("deu", "DE"),
        ("705", "SI"),
        ("276", "DE"),
        ("Republic of Moldova", "MD"),
        ("Slovak Republic", "SK"),
        ("The Netherlands", "NL"),
        ("Kingdom of the Netherlands", "NL"),
        ("Republika Slovenija", "SI"),
        ("Grecja (GR)", "GR"),
        ("Slovenia (SI)", "SI"),
        ("Slovakia (SVK)", "SK"),
        ("(SI)", "SI"),
        ("Danemark", "DK"),
        ("Wielka Brytania", "GB"),
        ("Ελλάδα", "GR"),
    ],
)
def test_country_reads_codes_names_and_official_names(text: str, code: str) -> None:
    assert emn.country(text) == emn.Country(code)


@pytest.mark.parametrize(
    ("text", "code"),
    [("SVN", "SI"), ("DEU", "DE"), ("705", "SI"), ("Grecja (GR)", "GR"), ("Slovenia (SI)", "SI")],
)
def test_ncp_reads_them_too(text: str, code: str) -> None:
    assert emn.ncp(text) is emn.ncp(code)


def test_a_name_and_a_code_that_disagree_are_refused_with_both_candidates() -> None:
    with pytest.raises(emn.NotFound, match="names Slovenia \\(SI\\) but its code is HR") as caught:
        emn.country("Slovenia (HR)")
    assert caught.value.candidates == (emn.Country("SI"), emn.Country("HR"))


@pytest.mark.parametrize(
    ("typo", "code"), [("Slovnia", "SI"), ("Lithuanai", "LT"), ("Germny", "DE"), ("Kroatia", "HR")]
)
def test_search_ranks_the_intended_country_first(typo: str, code: str) -> None:
    found = emn.search(typo)
    assert found[0] == emn.Country(code)
    assert len(found) <= 5


def test_not_found_candidates_come_from_search() -> None:
    with pytest.raises(emn.NotFound) as caught:
        emn.country("Lithuanai")
    assert list(caught.value.candidates) == emn.search("Lithuanai")


def test_search_refuses_wrong_types_and_finds_nothing_in_nothing() -> None:
    assert emn.search("") == []
    assert emn.search("qqqqqqqqqq") == []
    with pytest.raises(TypeError, match="search: text"):
        emn.search(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="search: limit"):
        emn.search("x", limit=0)


def test_a_name_where_a_code_is_wanted_gets_a_hint() -> None:
    with pytest.raises(emn.InvalidData, match=r"did you mean 'SI' \(Slovenia\)\?"):
        emn.Country("Slovenia")
    with pytest.raises(emn.InvalidData, match=r"did you mean 'DE' \(Germany\)\?"):
        emn.country_name("Deutschland", "de")
