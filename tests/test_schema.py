"""The JSON Schema of the composition file format, checked with the jsonschema package."""

from __future__ import annotations

import json

import pytest

import emn
from emn.cli import main

jsonschema = pytest.importorskip("jsonschema")


def _validator() -> object:
    schema = emn.schema.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("ncp", emn.ncps(), ids=lambda n: n.country.code)
def test_every_bundled_ncp_validates(ncp: emn.NationalContactPoint) -> None:
    _validator().validate(emn.to_dict(ncp))  # type: ignore[attr-defined]


def test_a_list_of_ncps_and_a_name_only_organisation_validate() -> None:
    validator = _validator()
    validator.validate(emn.to_dict(emn.ncps()))  # type: ignore[attr-defined]
    validator.validate(  # type: ignore[attr-defined]
        {
            "country": "SI",
            "coordinating_entity": "MNZ",
            "experts": [{"name": "A", "organisation": "X", "role": "member"}],
        }
    )


def test_a_broken_file_fails_with_a_useful_message() -> None:
    data = emn.to_dict(emn.ncp("SI"))
    data["experts"][2]["role"] = "boss"
    errors = list(_validator().iter_errors(data))  # type: ignore[attr-defined]
    messages = [(list(e.absolute_path), e.message) for e in errors]
    assert messages == [
        (
            ["experts", 2, "role"],
            "'boss' is not one of ['national_coordinator', 'deputy_coordinator', 'member']",
        )
    ]


def test_what_the_schema_refuses_from_dict_refuses_too() -> None:
    for broken in (
        {"country": "SI"},
        {"country": "SI", "coordinating_entity": "X", "extra": 1},
        {"country": "SI", "coordinating_entity": "X", "last_changed": "27.3.2014"},
        {"country": "XX", "coordinating_entity": "X"},
    ):
        assert not _validator().is_valid(broken)  # type: ignore[attr-defined]
        with pytest.raises(emn.InvalidData):
            emn.from_dict(emn.NationalContactPoint, broken)


def test_json_schema_is_a_fresh_copy() -> None:
    emn.schema.json_schema()["title"] = "changed"
    assert emn.schema.json_schema()["title"] == "EMN National Contact Point composition"


def test_emn_schema_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == emn.schema.json_schema()


# -- one corpus, one verdict ----------------------------------------------------------------------

_BASE: dict[str, object] = {
    "country": "SI",
    "coordinating_entity": "Ministrstvo za notranje zadeve",
}
_EXPERT = {"name": "Ana Novak", "organisation": "MNZ", "role": "member"}


def _with(**changes: object) -> dict[str, object]:
    return {**_BASE, **changes}


def _org(**changes: object) -> dict[str, object]:
    return _with(coordinating_entity={"names": [{"text": "MNZ", "lang": "sl"}], **changes})


CORPUS: dict[str, object] = {
    # good
    "minimal": _BASE,
    "the bundled SI": emn.to_dict(emn.ncp("SI")),
    "every bundled NCP as a list": emn.to_dict(emn.ncps()),
    "an empty list": [],
    "lower-case country": _with(country="si"),
    "mixed-case country": _with(country="sI"),
    "EL for Greece": _with(country="el"),
    "UK for the United Kingdom": _with(country="UK"),
    "a day": _with(last_changed="2014-03-27"),
    "a leap day": _with(last_changed="2024-02-29"),
    "experts unknown": _with(experts=None),
    "experts listed": _with(experts=[_EXPERT]),
    "an organisation as an object": _org(kind="ministry", country="si"),
    "a language tag with a script": _org(names=[{"text": "MUP", "lang": "sr-Latn"}]),
    "an event by year": _with(history=[{"summary": "Set up.", "source": "x", "when": "../2008"}]),
    "an expert with an empty name (a rule's business)": _with(experts=[{**_EXPERT, "name": ""}]),
    # bad dates
    "a date in basic form": _with(last_changed="20140327"),
    "a week date": _with(last_changed="2014-W13-4"),
    "an ordinal date": _with(last_changed="2014-086"),
    "a date with a time": _with(last_changed="2014-03-27T00:00"),
    "a date with a trailing newline": _with(last_changed="2014-03-27\n"),
    "a date with a space": _with(last_changed=" 2014-03-27"),
    "a date in Arabic-Indic digits": _with(last_changed="٢٠١٤-٠٣-٢٧"),
    "a date with one-digit month": _with(last_changed="2014-3-27"),
    "the 30th of February": _with(last_changed="2014-02-30"),
    "the 13th month": _with(last_changed="2014-13-01"),
    "a date as a number": _with(last_changed=20140327),
    "a date European style": _with(last_changed="27.3.2014"),
    "an event in the 13th month": _with(
        history=[{"summary": "Set up.", "source": "x", "when": "2014-13"}]
    ),
    # bad countries
    "an unknown code": _with(country="XX"),
    "a country by name": _with(country="Croatia"),
    "a code with spaces": _with(country=" SI"),
    "an alpha-3 code": _with(country="SVN"),
    "an empty country": _with(country=""),
    "a country as a number": _with(country=1),
    "no country": _with(country=None),
    "an organisation's unknown country": _org(country="xx"),
    # bad structure
    "no coordinating entity": {"country": "SI"},
    "an unknown field": _with(organization="MNZ"),
    "an unknown role": _with(experts=[{**_EXPERT, "role": "Coordinator"}]),
    "experts as a string": _with(experts="three"),
    "an expert as a number": _with(experts=[1]),
    "an expert without a name": _with(experts=[{"organisation": "MNZ", "role": "member"}]),
    "an empty organisation name": _with(coordinating_entity=""),
    "a blank organisation name": _with(coordinating_entity="   "),
    "an organisation with no names": _org(names=[]),
    "a name of spaces": _org(names=[{"text": " \t"}]),
    "a bad language tag": _org(names=[{"text": "MNZ", "lang": "Slovenian"}]),
    "an unknown kind": _org(kind="agency"),
    "an unknown status": _with(status="member"),
    "sources as a string": _with(sources="pl-kpk-list"),
    "a list with one bad NCP": [_BASE, {"country": "SI"}],
    "a string": "SI",
    "a number": 5,
    "null": None,
}


@pytest.mark.parametrize("document", CORPUS.values(), ids=CORPUS.keys())
def test_the_library_and_the_schema_give_the_same_verdict(document: object) -> None:
    items = document if isinstance(document, list) else [document]
    try:
        for item in items:
            emn.from_dict(emn.NationalContactPoint, item)
    except emn.InvalidData:
        library = False
    else:
        library = True
    assert _validator().is_valid(document) is library  # type: ignore[attr-defined]
