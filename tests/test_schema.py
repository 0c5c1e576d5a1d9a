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
