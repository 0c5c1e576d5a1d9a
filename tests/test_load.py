"""emn.load and emn.validate on the files people keep: JSON, CSV, YAML, XLSX, data packages."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import emn
from emn.cli import main
from emn.exceptions import Problem, UnreadableFile

HEADER = "country,coordinating_entity,appointed_by,last_changed,name,role,organisation"
HR_CSV = f"""{HEADER}
HR,Ministarstvo unutarnjih poslova,,2024-01-15,Ana Horvat,national coordinator,Ministarstvo unutarnjih poslova
,,,,Ivo Kovač,Coordinator,Ministarstvo unutarnjih poslova
,,,,Marko Babić,member,Ministarstvo unutarnjih poslova
"""
NO_YAML = """\
country: NO
coordinating_entity: Politiets utlendingsenhet
last_changed: 2024-01-15
experts:
  - name: Kari Nordmann
    organisation: Politiets utlendingsenhet
    role: national_coordinator
  - name: Ola Nordmann
    organisation: Politiets utlendingsenhet
    role: deputy_coordinator
  - name: Per Hansen
    organisation: Politiets utlendingsenhet
    role: member
"""


def _file(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _si() -> dict[str, Any]:
    data: dict[str, Any] = emn.to_dict(emn.ncp("SI"))
    return data


def _line_of(text: str, needle: str, start: int = 0) -> int:
    return text[: text.index(needle, start)].count("\n") + 1


def _problems(source: object, **options: Any) -> list[Problem]:
    with pytest.raises(emn.InvalidData) as caught:
        emn.load(source, **options)
    return list(caught.value.problems)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# -- formats --------------------------------------------------------------------------------------


def test_a_json_file_gives_one_ncp_or_a_tuple(tmp_path: Path) -> None:
    one = _file(tmp_path, "si.json", emn.to_json(emn.ncp("SI")))
    two = _file(tmp_path, "two.json", emn.to_json([emn.ncp("SI"), emn.ncp("DE")]))
    assert emn.load(one) == emn.ncp("SI")
    assert emn.load(str(two)) == (emn.ncp("SI"), emn.ncp("DE"))


def test_a_byte_order_mark_and_windows_line_ends_are_read(tmp_path: Path) -> None:
    text = emn.to_json(emn.ncp("SI")).replace("\n", "\r\n")
    path = _file(tmp_path, "si.json", b"\xef\xbb\xbf" + text.encode())
    assert emn.load(path) == emn.ncp("SI")
    csv_path = _file(
        tmp_path,
        "hr.csv",
        b"\xef\xbb\xbf" + HR_CSV.replace("Coordinator", "member").replace("\n", "\r\n").encode(),
    )
    assert emn.load(csv_path).country.code == "HR"  # type: ignore[union-attr]


def test_a_csv_file_is_read_as_a_table_of_experts(tmp_path: Path) -> None:
    path = _file(tmp_path, "hr.csv", HR_CSV.replace("Coordinator", "član"))
    hr = emn.load(path)
    assert isinstance(hr, emn.NationalContactPoint)
    assert hr.country.code == "HR"
    assert hr.coordinating_entity.name == "Ministarstvo unutarnjih poslova"
    assert [(e.name, e.role.value) for e in hr.experts or ()] == [
        ("Ana Horvat", "national_coordinator"),
        ("Ivo Kovač", "member"),
        ("Marko Babić", "member"),
    ]
    assert str(hr.last_changed) == "2024-01-15"
    assert emn.validate(path).ok


def test_a_yaml_file_is_read_and_norway_stays_no(tmp_path: Path) -> None:
    norway = emn.load(_file(tmp_path, "no.yaml", NO_YAML))
    assert isinstance(norway, emn.NationalContactPoint)
    assert norway.country.code == "NO"  # YAML 1.1 would have read NO as false
    assert str(norway.last_changed) == "2024-01-15"
    assert emn.validate(tmp_path / "no.yaml").ok
    assert emn.load(_file(tmp_path, "no.yml", NO_YAML)) == norway


def test_in_yaml_every_plain_value_is_text_but_null(tmp_path: Path) -> None:
    text = NO_YAML.replace("last_changed: 2024-01-15", "last_changed: 2024-1-15")
    (problem,) = _problems(_file(tmp_path, "no.yaml", text))
    assert problem.message == "'2024-1-15' is not a date as 'YYYY-MM-DD'"
    unknown = emn.load(
        _file(tmp_path, "u.yaml", "country: SI\ncoordinating_entity: MNZ\nexperts: ~\n")
    )
    assert unknown.experts is None  # type: ignore[union-attr]


def _workbook(rows: list[list[object]]) -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_workbook_that_unpacks_to_more_than_a_staff_list_could_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import zipfile

    from emn._formats.xlsxfile import UNPACKED_LIMIT

    packed = io.BytesIO(_workbook([HEADER.split(",")]))
    with zipfile.ZipFile(packed, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/bomb.xml", bytes(UNPACKED_LIMIT))  # a few kilobytes packed
    path = _file(tmp_path, "bomb.xlsx", packed.getvalue())
    assert path.stat().st_size < 1_000_000
    with pytest.raises(UnreadableFile, match=r"bomb.xlsx: too large once unpacked \(64 MiB\)"):
        emn.load(path)
    assert main(["validate", str(path)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_an_xlsx_workbook_is_read_with_dates_as_days(tmp_path: Path) -> None:
    import datetime

    rows: list[list[object]] = [HEADER.split(",")]
    rows.append(
        [
            "HR",
            "MUP",
            None,
            datetime.datetime(2024, 1, 15),
            "Ana Horvat",
            "National Coordinator",
            "MUP",
        ]
    )
    rows.append([None, None, None, None, "Ivo Kovač", "deputy_coordinator", "MUP"])
    rows.append([None, None, None, None, "Marko Babić", "Member", "MUP"])
    hr = emn.load(_file(tmp_path, "hr.xlsx", _workbook(rows)))
    assert isinstance(hr, emn.NationalContactPoint)
    assert str(hr.last_changed) == "2024-01-15"
    assert [e.role.value for e in hr.experts or ()] == [
        "national_coordinator",
        "deputy_coordinator",
        "member",
    ]


def test_a_binary_file_object_is_read_in_the_format_given_or_sniffed() -> None:
    text = emn.to_json(emn.ncp("SI")).encode()
    assert emn.load(io.BytesIO(text)) == emn.ncp("SI")
    table = HR_CSV.replace("Coordinator", "member").encode()
    assert emn.load(io.BytesIO(table)).country.code == "HR"  # type: ignore[union-attr]
    assert emn.load(io.BytesIO(NO_YAML.encode()), format="yaml").country.code == "NO"  # type: ignore[union-attr]
    with pytest.raises(UnreadableFile, match="<stream>: cannot tell its format"):
        emn.load(io.BytesIO(NO_YAML.encode()))


def test_a_text_file_object_and_a_path_like_are_read(tmp_path: Path) -> None:
    assert emn.load(io.StringIO(emn.to_json(emn.ncp("SI")))) == emn.ncp("SI")
    assert emn.load(_file(tmp_path, "si.json", emn.to_json(emn.ncp("SI")))) == emn.ncp("SI")


def test_the_name_decides_before_the_content(tmp_path: Path) -> None:
    path = _file(tmp_path, "si.csv", emn.to_json(emn.ncp("SI")))
    problems = _problems(path)
    assert any("unknown column" in p.message for p in problems)
    assert emn.load(path, format="json") == emn.ncp("SI")


@pytest.mark.parametrize(
    ("name", "content", "format", "reason"),
    [
        ("si.txt", "hello", None, "cannot tell its format: name it .json, .csv, .yaml or .xlsx"),
        ("si.json", "{}", "toml", "unknown format 'toml'; the formats are json, csv, yaml"),
        ("si.xls", "x", None, "an old .xls workbook; save it as .xlsx or as CSV"),
        ("si.json", "", None, "empty, expected one NCP or a list of NCPs as JSON"),
        ("si.yaml", "a: [", None, "not valid YAML: expected the node content"),
        ("si.yaml", "---\na\n---\nb\n", None, "not valid YAML: but found another document"),
        ("si.yaml", "x: !!python/object:os.system a", None, "could not determine a constructor"),
        ("si.yaml", "a: &a [*a]", None, "its aliases make too many values, or nest without end"),
        ("si.xlsx", "not a zip", None, "not a valid XLSX workbook (BadZipFile)"),
        ("si.json", b"\xc3\x28", None, "not valid UTF-8 (byte 0)"),
        ("si.json", "[1,]", None, "not valid JSON: Expecting value at line 1, column 4"),
    ],
)
def test_what_cannot_be_read_at_all_is_unreadable_with_a_reason(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: str | bytes,
    format: str | None,
    reason: str,
) -> None:
    path = _file(tmp_path, name, content)
    with pytest.raises(UnreadableFile) as caught:
        emn.load(path, format=format)
    assert caught.value.path == str(path)
    assert reason in caught.value.reason
    options = ["--input-format", format] if format in ("json", "csv", "yaml", "xlsx") else []
    if format is None or options:
        status, out, err = _run(capsys, "validate", str(path), *options)
        assert (status, out) == (2, "")
        assert err.startswith(f"emn: {path}: ")
        assert reason in err
        assert err.count("\n") == 1


def test_a_csv_file_the_csv_module_refuses_is_unreadable(tmp_path: Path) -> None:
    path = _file(tmp_path, "si.csv", "country,name\n" + "x" * 200)
    limit = csv.field_size_limit(100)
    try:
        with pytest.raises(UnreadableFile, match="not valid CSV: field larger than field limit"):
            emn.load(path)
    finally:
        csv.field_size_limit(limit)


def test_a_missing_extra_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "yaml", None)
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(
        UnreadableFile, match=r"reading YAML needs PyYAML: pip install 'emn\[yaml\]'"
    ):
        emn.load(_file(tmp_path, "no.yaml", NO_YAML))
    with pytest.raises(
        UnreadableFile, match=r"reading XLSX needs openpyxl: pip install 'emn\[xlsx\]'"
    ):
        emn.load(_file(tmp_path, "no.xlsx", b"PK\x03\x04"))


def test_load_refuses_what_is_neither_a_path_nor_a_file() -> None:
    with pytest.raises(TypeError, match="load: source must be a path or a binary file, not int"):
        emn.load(5)


# -- where problems are ---------------------------------------------------------------------------


def test_json_problems_carry_the_line_and_column_of_the_value(tmp_path: Path) -> None:
    data = _si()
    data["experts"][2]["role"] = "Coordinator"
    data["experts"][4]["organization"] = "MNZ"
    data["last_changed"] = "20140327"
    text = json.dumps(data, indent=2, ensure_ascii=False)
    path = _file(tmp_path, "si.json", text)
    found = {p.location: p for p in _problems(path)}
    role = found[("experts", 2, "role")]
    assert role.message == (
        "'Coordinator' is not one of national_coordinator, deputy_coordinator, member; "
        "did you mean national_coordinator?"
    )
    assert (role.file, role.line) == (str(path), _line_of(text, '"Coordinator"'))
    assert role.column == 15
    assert (
        found[("experts", 4, "organization")].message == "unknown field; did you mean organisation?"
    )
    assert found[("last_changed",)].line == _line_of(text, '"20140327"')
    assert str(role).startswith(f"{path}:{role.line}:15: experts[2].role: 'Coordinator'")


def test_a_key_given_twice_in_json_is_a_problem_at_the_second(tmp_path: Path) -> None:
    text = '{\n  "country": "SI",\n  "coordinating_entity": "MNZ",\n  "country": "DE"\n}\n'
    (problem,) = _problems(_file(tmp_path, "si.json", text))
    assert problem.location == ("country",)
    assert problem.message == (
        "the key 'country' is given more than once in this object; the last one is used"
    )
    assert (problem.line, problem.column) == (4, 14)


def test_a_key_given_twice_in_yaml_is_a_problem(tmp_path: Path) -> None:
    (problem,) = _problems(_file(tmp_path, "no.yaml", NO_YAML + "country: SE\n"))
    assert problem.location == ("country",)
    assert (problem.line, problem.column) == (14, 1)


def test_yaml_problems_carry_the_line_and_column(tmp_path: Path) -> None:
    text = NO_YAML.replace("role: deputy_coordinator", "role: deputy")
    (problem,) = _problems(_file(tmp_path, "no.yaml", text))
    assert problem.location == ("experts", 1, "role")
    assert (problem.line, problem.column) == (_line_of(text, "deputy"), 11)
    assert problem.message.endswith("; did you mean deputy_coordinator?")


def test_the_issues_example_a_role_in_a_csv_row(tmp_path: Path) -> None:
    (problem,) = _problems(_file(tmp_path, "hr.csv", HR_CSV))
    assert str(problem) == (
        f"{tmp_path / 'hr.csv'}:3: role: 'Coordinator' is not a role; did you mean "
        "national_coordinator?"
    )
    assert (problem.location, problem.row, problem.column) == (("experts", 1, "role"), 3, "role")


def test_xlsx_problems_carry_the_row_and_column_name(tmp_path: Path) -> None:
    rows: list[list[object]] = [HEADER.split(",")]
    rows.append(["HR", "MUP", None, 20240115, "Ana Horvat", "national_coordinator", "MUP"])
    (problem,) = _problems(_file(tmp_path, "hr.xlsx", _workbook(rows)))
    assert (problem.row, problem.column) == (2, "last_changed")
    assert problem.message == "'20240115' is not a date as 'YYYY-MM-DD'"


# -- tables ---------------------------------------------------------------------------------------


def test_an_ncps_own_cells_may_be_on_every_row_or_the_first(tmp_path: Path) -> None:
    first = emn.load(_file(tmp_path, "a.csv", HR_CSV.replace("Coordinator", "member")))
    ncp_cells = "HR,Ministarstvo unutarnjih poslova,,2024-01-15,"
    every = HR_CSV.replace("Coordinator", "member").replace("\n,,,,", f"\n{ncp_cells}")
    assert every.count(ncp_cells) == 3
    assert emn.load(_file(tmp_path, "b.csv", every)) == first


def test_an_ncps_own_cells_must_agree(tmp_path: Path) -> None:
    text = HR_CSV.replace("Coordinator", "member").replace(",,,,Marko", ",MUP,,,Marko")
    (problem,) = _problems(_file(tmp_path, "hr.csv", text))
    assert (problem.row, problem.column) == (4, "coordinating_entity")
    assert problem.message == (
        "'MUP' differs from 'Ministarstvo unutarnjih poslova' on row 2; "
        "an NCP's own cells must agree"
    )


@pytest.mark.parametrize(
    "role",
    [
        "national_coordinator",
        "National Coordinator",
        "NATIONAL  coordinator",
        "national-coordinator",
        "nacionalni koordinator",
        "Krajowy Koordynator",
    ],
)
def test_a_role_is_its_value_or_its_word_in_any_catalogs_language(
    tmp_path: Path, role: str
) -> None:
    text = HR_CSV.replace(",Coordinator,", ",član,").replace("national coordinator", role)
    hr = emn.load(_file(tmp_path, "hr.csv", text))
    assert hr.coordinator.name == "Ana Horvat"  # type: ignore[union-attr]


def test_columns_are_matched_loosely_and_unknown_ones_get_a_suggestion(tmp_path: Path) -> None:
    text = HR_CSV.replace("Coordinator", "member").replace(
        "coordinating_entity,appointed_by,last_changed,name,role,organisation",
        "Coordinating Entity,appointed by,last_changed,Name,ROLE,organization",
    )
    problems = _problems(_file(tmp_path, "hr.csv", text))
    assert [(p.row, p.column, p.message) for p in problems] == [
        (1, "organization", "unknown column; did you mean organisation?"),
        (1, None, "there is no column 'organisation'"),
    ]


def test_a_table_of_several_countries_gives_a_tuple(tmp_path: Path) -> None:
    text = (
        HR_CSV.replace("Coordinator", "member")
        + "SI,MNZ,,,Ana Novak,member,MNZ\n,,,,Bor Kos,member,MNZ\n"
    )
    text += "HR,,,,Iva Perić,member,Ministarstvo unutarnjih poslova\n"
    hr, si = emn.load(_file(tmp_path, "two.csv", text))  # type: ignore[misc]
    assert [e.name for e in hr.experts] == ["Ana Horvat", "Ivo Kovač", "Marko Babić", "Iva Perić"]
    assert [e.name for e in si.experts] == ["Ana Novak", "Bor Kos"]


def test_semicolons_and_a_sources_column(tmp_path: Path) -> None:
    text = (HEADER + ",sources\n").replace(",", ";") + (
        "SI;MNZ;;;Ana Novak;member;MNZ;pl-kpk-list, sl-emn-2014\n"
    )
    si = emn.load(_file(tmp_path, "si.csv", text))
    assert si.sources == ("pl-kpk-list", "sl-emn-2014")  # type: ignore[union-attr]


def test_a_country_given_by_name_gets_its_code_suggested(tmp_path: Path) -> None:
    text = HR_CSV.replace("Coordinator", "member").replace("\nHR,", "\nCroatia,")
    (problem,) = _problems(_file(tmp_path, "hr.csv", text))
    assert (problem.row, problem.column) == (2, "country")
    assert (
        problem.message == "'Croatia' is not an ISO 3166-1 alpha-2 country code; did you mean HR?"
    )


def test_a_header_alone_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    (problem,) = _problems(_file(tmp_path, "x.csv", HEADER + "\n"))
    assert (problem.row, problem.message) == (2, "no row below the header names an expert")


# -- one report, however bad the file -------------------------------------------------------------


def test_validate_reads_a_path_and_checks_what_could_be_read(tmp_path: Path) -> None:
    path = _file(tmp_path, "hr.csv", HR_CSV.replace("Marko Babić", "N/A"))
    report = emn.validate(path)
    assert [(f.rule, f.row, f.column) for f in report.errors] == [
        ("structure", 3, "role"),
        ("expert-name", 4, "name"),
    ]
    structure = report.errors[0]
    assert structure.location == ("experts", 1, "role")
    assert structure.file == str(path)
    # The expert left out (row 3) does not shift the next one: experts[2] is still row 4.
    assert report.errors[1].location == ("experts", 2, "name")


def test_validate_takes_raw_data_one_ncp_or_a_list() -> None:
    data = _si()
    data["experts"][0]["role"] = "boss"
    data["experts"][3]["name"] = "TBD"
    report = emn.validate(data)
    assert {(f.rule, f.path) for f in report.errors} == {
        ("structure", "experts[0].role"),
        ("expert-name", "experts[3].name"),
    }
    assert all(f.file is None and f.line is None for f in report)
    listed = emn.validate([_si(), {"country": "SI"}])
    assert [(f.rule, f.path) for f in listed.errors] == [
        ("structure", "[1].coordinating_entity"),
    ]


def test_several_structural_problems_are_several_findings(tmp_path: Path) -> None:
    data = _si()
    data["experts"][1]["role"] = "Coordinator"
    data["experts"][2]["role"] = "boss"
    data["last_changed"] = "2014-W13-4"
    text = json.dumps(data, indent=2, ensure_ascii=False)
    report = emn.validate(_file(tmp_path, "si.json", text))
    structure = [f for f in report.errors if f.rule == "structure"]
    assert [f.path for f in structure] == ["experts[1].role", "experts[2].role", "last_changed"]
    assert len({f.line for f in structure}) == 3


def test_an_ncp_that_cannot_be_built_leaves_the_others_checked() -> None:
    denmark = emn.to_dict(emn.ncp("SI")) | {"country": "DK", "last_changed": "27.3.2014"}
    report = emn.validate([{"country": "XX", "coordinating_entity": "X"}, _si(), denmark])
    assert [(f.rule, f.path) for f in report.errors] == [
        ("structure", "[0].country"),
        ("entity-country", "[2].appointed_by"),
        ("entity-country", "[2].coordinating_entity"),
        ("participating-country", "[2].country"),
        ("structure", "[2].last_changed"),
    ]


def test_a_list_with_an_item_left_out_is_not_judged_as_a_whole() -> None:
    data = _si()
    data["experts"] = data["experts"][:3]
    data["experts"][0]["role"] = "boss"
    data["experts"][2]["name"] = "N/A"
    report = emn.validate(data)
    # Two experts and no coordinator, as read; but the list is not all read, so neither
    # min-experts nor one-coordinator judges it. The experts that were read are checked.
    assert [(f.rule, f.path) for f in report.errors] == [
        ("structure", "experts[0].role"),
        ("expert-name", "experts[2].name"),
    ]
    data["experts"][0]["role"] = "member"
    assert {f.rule for f in emn.validate(data).errors} == {"one-coordinator", "expert-name"}


def test_a_structure_problem_quoting_braces_is_shown_in_any_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(
        tmp_path,
        "br.csv",
        "country,coordinating_entity,name,role,organisation\nSI,MNZ,Ana,{boss},MNZ\n",
    )
    (finding,) = emn.validate(path)
    assert finding.message.startswith("'{boss}' is not a role")
    # The user's text is an argument of the template, never part of it: braces and all.
    assert finding.describe("sl").startswith("'{boss}' ni vloga")
    status, out, _ = _run(capsys, "validate", str(path), "--locale", "sl")
    assert status == 1
    assert f"{path}:2: role: '{{boss}}' ni vloga" in out


def test_validate_does_not_change_the_data_it_is_given() -> None:
    data = _si()
    data["experts"][0]["role"] = "boss"
    data["bogus"] = 1
    before = json.dumps(data)
    emn.validate(data)
    assert json.dumps(data) == before


def test_what_the_library_and_the_schema_accept_alike_loads(tmp_path: Path) -> None:
    data = _si()
    data["country"] = "si"
    assert emn.load(_file(tmp_path, "si.json", json.dumps(data))) == emn.ncp("SI")


# -- each bad file of issue 11, through the API and the command line -----------------------------


def _bad_role() -> str:
    data = _si()
    data["experts"][0]["role"] = "Coordinator"
    return json.dumps(data, indent=2, ensure_ascii=False)


def _two_countries() -> str:
    return json.dumps(_si(), indent=2, ensure_ascii=False).replace(
        '"country": "SI",', '"country": "SI",\n  "country": "DE",', 1
    )


def _as(changes: dict[str, object]) -> str:
    return json.dumps(_si() | changes, indent=2, ensure_ascii=False)


def _names(*names: str) -> str:
    data = _si()
    for index, name in enumerate(names):
        data["experts"][index]["name"] = name
    return json.dumps(data, ensure_ascii=False)


ISSUE_FILES: dict[str, tuple[str, str, list[str]]] = {
    "a staff list as CSV": ("hr.csv", HR_CSV, ["structure"]),
    "a staff list as YAML": ("no.yaml", NO_YAML, []),
    "a mistyped role": (
        "si.json",
        _bad_role(),
        ["structure"],
    ),
    "empty, placeholder and blank names": (
        "si.json",
        _names("", "N/A", "TBD", "   "),
        ["expert-name"] * 4,
    ),
    "Slovenia's composition as HR's": (
        "hr.json",
        _as({"country": "HR"}),
        ["entity-country", "entity-country"],
    ),
    "an unknown source id": ("si.json", _as({"sources": ["pl-kpk-list", "sl-emm-2014"]}), []),
    "a date in basic form": ("si.json", _as({"last_changed": "20140327"}), ["structure"]),
    "a week date": ("si.json", _as({"last_changed": "2014-W13-4"}), ["structure"]),
    "a lower-case country": ("si.json", _as({"country": "si"}), []),
    # The last key is what is read: a Slovenian composition as Germany's.
    "a key given twice": ("si.json", _two_countries(), ["structure", *["entity-country"] * 2]),
}


@pytest.mark.parametrize(
    ("name", "content", "errors"), ISSUE_FILES.values(), ids=ISSUE_FILES.keys()
)
def test_each_bad_file_of_the_issue(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: str,
    errors: list[str],
) -> None:
    path = _file(tmp_path, name, content)
    report = emn.validate(path)
    assert sorted(f.rule for f in report.errors) == sorted(errors)
    status, out, err = _run(capsys, "validate", str(path))
    assert (status, err) == (1 if errors else 0, "")
    lines = out.splitlines()
    assert len(lines) == len(report) + 1
    assert all(line.startswith(f"{path}:") for line in lines)
    status, out, _ = _run(capsys, "validate", str(path), "--format", "json")
    (json_report,) = json.loads(out)["reports"]
    assert sorted(f["rule"] for f in json_report["findings"] if f["severity"] == "error") == sorted(
        errors
    )
    assert all(f["file"] == str(path) for f in json_report["findings"])


def test_the_unknown_source_of_the_issue_is_a_warning(tmp_path: Path) -> None:
    report = emn.validate(_file(tmp_path, "si.json", ISSUE_FILES["an unknown source id"][1]))
    (warning,) = report.warnings
    assert (warning.rule, warning.path) == ("unknown-source", "sources[1]")


def test_stdin_is_read_as_a_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(HR_CSV.encode()), encoding="utf-8")
    stdin.buffer.name = "<stdin>"  # type: ignore[attr-defined]
    monkeypatch.setattr(sys, "stdin", stdin)
    status, out, _ = _run(capsys, "validate", "-")
    assert status == 1
    assert out.splitlines()[0] == (
        "<stdin>:3: role: 'Coordinator' is not a role; did you mean national_coordinator? "
        "[structure, error]"
    )


# -- data packages --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("package")
    emn.datapackage.export(directory)
    return directory


def test_an_exported_package_reads_back_into_the_bundled_ncps(package: Path) -> None:
    # Every field of every record: hosts, participations, people, member bodies, events with
    # their ids, organisations with their labels and notes, times with their precision.
    assert emn.load(package / "datapackage.json") == emn.ncps()
    assert emn.load(package) == emn.ncps()
    assert emn.validate(package).ok


def test_an_exported_package_reads_back_into_the_former_ncps_too(package: Path) -> None:
    from emn._formats import package as reader
    from emn._load import _build

    descriptor = package / "datapackage.json"
    former = _build(reader.read(descriptor, str(descriptor), former=True), str(descriptor))
    assert former.problems == ()
    assert former.ncps == emn.network().former_ncps != ()


def test_emn_export_then_validate_the_package(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    status, out, _ = _run(capsys, "validate", str(tmp_path / "out" / "datapackage.json"))
    assert status == 0
    assert out.splitlines()[-1].endswith("datapackage.json: ok: errors: 0, warnings: 0, info: 33")


def _exported(tmp_path: Path, **names: str) -> Path:
    """The bundled network exported with some of the Slovenian experts renamed."""
    import attrs

    network = emn.network()
    si = emn.ncp("SI")
    experts = tuple(
        attrs.evolve(e, name=names.get(str(i), e.name)) for i, e in enumerate(si.experts or ())
    )
    changed = attrs.evolve(si, experts=experts)
    ncps = tuple(changed if n is si else n for n in network.ncps)
    emn.datapackage.export(tmp_path, attrs.evolve(network, ncps=ncps))
    return tmp_path


def test_a_cell_that_looks_like_a_formula_survives_export_and_load(tmp_path: Path) -> None:
    path = _exported(tmp_path, **{"0": "=1+1", "1": "+386 1", "2": "-", "3": "@sum"})
    si = next(n for n in emn.load(path) if n.country.code == "SI")  # type: ignore[union-attr]
    assert [e.name for e in si.experts[:4]] == ["=1+1", "+386 1", "-", "@sum"]


def test_a_cell_that_starts_with_a_quote_survives_export_and_load(tmp_path: Path) -> None:
    path = _exported(tmp_path, **{"0": "'quoted"})
    si = next(n for n in emn.load(path) if n.country.code == "SI")  # type: ignore[union-attr]
    assert si.experts[0].name == "'quoted"


def test_a_package_without_a_needed_table_is_unreadable(tmp_path: Path, package: Path) -> None:
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "experts"]
    path = _file(tmp_path, "datapackage.json", json.dumps(descriptor))
    with pytest.raises(UnreadableFile, match="not an emn data package: no resource 'experts'"):
        emn.load(path)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty, expected a data package descriptor"),
        (b"\xff{}", "not valid UTF-8 (byte 0)"),
        (b"{", "not valid JSON: Expecting property name enclosed in double quotes at line 1"),
    ],
)
def test_a_bad_descriptor_is_named_once_with_its_reason(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = _file(tmp_path, "datapackage.json", content)
    with pytest.raises(UnreadableFile) as info:
        emn.load(path)
    assert str(info.value).startswith(f"{path}: {reason}")
    assert str(info.value).count(str(path)) == 1
    assert info.value.template is not None
    assert emn.render(info.value, locale="pl") != str(info.value)


def test_a_package_problem_names_the_table_and_row(tmp_path: Path, package: Path) -> None:
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(package, copy)
    rows = list(csv.reader((copy / "experts.csv").open(encoding="utf-8", newline="")))
    rows[3][3] = "boss"  # the role of the third Slovenian expert
    with (copy / "experts.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    (problem,) = _problems(copy / "datapackage.json")
    assert (problem.file, problem.row, problem.column) == (str(copy / "experts.csv"), 4, "role")
    assert problem.message.startswith("'boss' is not one of national_coordinator")


def _damaged(
    tmp_path: Path, package: Path, table: str, column: str, value: str, **where: str
) -> tuple[Path, int]:
    """A copy of ``package`` with one cell of ``table`` changed: ``column`` of the first row
    whose cells match ``where``; and that row's number (the header is row 1)."""
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(package, copy, dirs_exist_ok=True)
    with (copy / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    index = next(i for i, row in enumerate(rows) if where.items() <= row.items())
    rows[index][column] = value
    with (copy / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return copy, index + 2


HR_HOST = {"id": "host-hr-iom-2015-en"}
BAD_CELLS = [
    ("hosts", "relation", "boss", HR_HOST, "'boss' is not one of designated, is, hosts"),
    ("hosts", "from", "2015-13", HR_HOST, "'2015-13' is not a day of the calendar"),
    ("hosts", "organisation_id", "org-0", HR_HOST, "no organisation 'org-0' in organisations"),
    ("hosts", "position", "first", HR_HOST, "'first' is not a position (0, 1, 2, ...)"),
    ("hosts", "code", "XX", HR_HOST, "no NCP 'XX' in ncps"),
    ("hosts", "source", "", HR_HOST, "required field is missing"),
    ("hosts", "derived_from", "SEF closed", HR_HOST, "'SEF closed' is not a JSON list"),
    ("hosts", "derived_from", '[{"source": "x"}]', HR_HOST, "required field is missing"),
    ("hosts", "dates_derived_from", "[1]", HR_HOST, "expected an object, got a number"),
    ("participations", "status", "obsever", {"id": "part-no-seed"}, "'obsever' is not one of"),
    ("participations", "dates_basis", "guessed", {"id": "part-no-seed"}, "'guessed' is not one"),
    ("participations", "country", "Norway", {"id": "part-no-seed"}, "'Norway' is not an ISO"),
    ("people", "role", "chair", {"code": "FR"}, "'chair' is not one of national_coordinator"),
    ("people", "observed", "April 2018", {"code": "FR"}, "'April 2018' is not a date such as"),
    ("member_organisations", "organisation_ids", "org-4 org-x", {"code": "BE"}, "no organisation"),
    ("member_organisations", "role", "members", {"code": "BE"}, "'members' is not one of"),
    ("history", "organisation_id", "org-x", {"code": "SI"}, "no organisation 'org-x'"),
    ("history", "certainty", "maybe", {"code": "SI"}, "'maybe' is not one of uncertain"),
    ("ncps", "former", "perhaps", {"code": "SI"}, "'perhaps' is not true or false"),
    ("ncps", "disputed", "host", {"code": "SI"}, "'host' is not"),
    ("ncps", "as_of", "2014-02-30", {"code": "SI"}, "'2014-02-30' is not a day of the calendar"),
]


@pytest.mark.parametrize(
    ("table", "column", "value", "where", "message"),
    BAD_CELLS,
    ids=[f"{t}.{c}={v}" for t, c, v, _, _ in BAD_CELLS],
)
def test_a_bad_cell_in_any_table_is_a_problem_at_its_row(
    tmp_path: Path,
    package: Path,
    table: str,
    column: str,
    value: str,
    where: dict[str, str],
    message: str,
) -> None:
    copy, row = _damaged(tmp_path, package, table, column, value, **where)
    problems = _problems(copy)
    assert {(p.file, p.row, p.column) for p in problems} == {
        (str(copy / f"{table}.csv"), row, column)
    }
    assert problems[0].message.startswith(message), problems[0].message
    assert not emn.validate(copy).ok


def test_emn_validate_places_a_bad_host_in_hosts_csv(
    tmp_path: Path, package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy, row = _damaged(tmp_path, package, "hosts", "relation", "boss", **HR_HOST)
    status, out, _ = _run(capsys, "validate", str(copy / "datapackage.json"))
    assert status == 1
    assert out.splitlines()[0].startswith(f"{copy / 'hosts.csv'}:{row}: relation: 'boss' is not")


def test_a_bad_organisation_is_a_problem_at_its_row(tmp_path: Path, package: Path) -> None:
    copy, row = _damaged(tmp_path, package, "organisations", "label", " ", name="Policija")
    problems = _problems(copy)
    assert {(p.file, p.row, p.column) for p in problems} == {
        (str(copy / "organisations.csv"), row, "label")
    }
    assert problems[0].message == "must not be empty"


_RECORD_TABLES = ("hosts", "participations", "people", "member_organisations")


def _older(tmp_path: Path, package: Path) -> Path:
    """``package`` as an export from before its tables of records (and their columns) existed."""
    import shutil

    copy = tmp_path / "older"
    shutil.copytree(package, copy)
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = [
        r for r in descriptor["resources"] if r["name"] not in _RECORD_TABLES
    ]
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    for table in _RECORD_TABLES:
        (copy / f"{table}.csv").unlink()
    return copy


def test_a_package_without_the_tables_of_records_still_reads(tmp_path: Path, package: Path) -> None:
    import attrs

    empty = dict.fromkeys(_RECORD_TABLES, ())
    assert emn.load(_older(tmp_path, package)) == tuple(
        attrs.evolve(ncp, **empty) for ncp in emn.ncps()
    )


def test_a_package_without_the_newer_columns_still_reads(tmp_path: Path, package: Path) -> None:
    copy = _older(tmp_path, package)
    newer = {
        "ncps": ("disputed", "former", "as_of"),
        "organisations": ("label", "note"),
        "history": ("id", "country", "organisation_id", "basis", "certainty", "note"),
    }
    for table, columns in newer.items():
        with (copy / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
            rows = [
                {k: v for k, v in row.items() if k not in columns}
                for row in csv.DictReader(handle)
                if row.get("code") != "GB"  # older exports left the former NCPs out
            ]
        with (copy / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    loaded = emn.load(copy)
    assert [n.country for n in loaded] == [n.country for n in emn.ncps()]  # type: ignore[union-attr]
    si = next(n for n in loaded if n.country.code == "SI")  # type: ignore[union-attr]
    assert si.experts == emn.ncp("SI").experts
    assert [e.summary for e in si.history] == [e.summary for e in emn.ncp("SI").history]


def test_a_table_without_its_key_column_is_unreadable(tmp_path: Path, package: Path) -> None:
    copy, _ = _damaged(tmp_path, package, "hosts", "position", "0", **HR_HOST)
    text = (copy / "hosts.csv").read_text(encoding="utf-8")
    (copy / "hosts.csv").write_text(text.replace("code,position,", "code,place,", 1))
    with pytest.raises(UnreadableFile) as caught:
        emn.load(copy)
    assert str(caught.value) == (
        f"{copy / 'hosts.csv'}: no column 'position', which emn export writes; "
        "export the package again"
    )


# -- junk -----------------------------------------------------------------------------------------

DOCUMENTED = (emn.InvalidData, UnreadableFile)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    blob=st.binary(max_size=400),
    format=st.sampled_from(["json", "csv", "yaml", "xlsx"]),
)
def test_junk_bytes_in_any_format_raise_only_documented_errors(blob: bytes, format: str) -> None:
    with contextlib.suppress(DOCUMENTED):
        emn.load(io.BytesIO(blob), format=format)


cells = st.text(max_size=12) | st.sampled_from(
    ["SI", "hr", "member", "Član", "national coordinator", "2014-03-27", "TBD", "", " ", "MNZ"]
)


@settings(max_examples=150)
@given(
    header=st.lists(
        st.sampled_from([*HEADER.split(","), "sources", "notes", "organization", ""]), max_size=9
    ),
    rows=st.lists(st.lists(cells, max_size=10), max_size=8),
)
def test_junk_rows_raise_only_documented_errors(header: list[str], rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out).writerows([header, *rows])
    try:
        result = emn.load(io.BytesIO(out.getvalue().encode()), format="csv")
    except DOCUMENTED:
        return
    assert isinstance(result, (emn.NationalContactPoint, tuple))
    emn.validate(io.BytesIO(out.getvalue().encode()), format="csv")


@settings(
    max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(
    blob=st.binary(max_size=300)
    | st.text(max_size=300).map(str.encode)
    | st.lists(st.lists(cells, max_size=8), max_size=6).map(
        lambda rows: "\n".join(",".join(r) for r in [HEADER.split(","), *rows]).encode()
    ),
    suffix=st.sampled_from([".json", ".csv", ".yaml", ".xlsx"]),
)
def test_emn_validate_on_junk_in_any_format_exits_0_1_or_2(
    blob: bytes, suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"junk{suffix}"
    path.write_bytes(blob)
    status = main(["validate", str(path), "--locale", "sl"])
    out, err = capsys.readouterr()
    assert status in (0, 1, 2)
    if status == 2:
        assert err.startswith(f"emn: {path}: ")
        assert err.count("\n") == 1
    else:
        assert out.splitlines()[-1].startswith(f"{path}: ")


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    table=st.sampled_from(emn.datapackage.FILES[:-1]),
    data=st.data(),
    junk=cells | st.text(max_size=30) | st.sampled_from(["[", "[{}]", '[{"x": 1}]', "org-1 org-1"]),
)
def test_junk_in_any_cell_of_a_package_raises_only_documented_errors(
    tmp_path: Path, package: Path, table: str, data: st.DataObject, junk: str
) -> None:
    import tempfile

    name = table.removesuffix(".csv")
    with (package / table).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    row = data.draw(st.sampled_from(rows))
    column = data.draw(st.sampled_from(list(row)))
    copy, _ = _damaged(Path(tempfile.mkdtemp(dir=tmp_path)), package, name, column, junk, **row)
    with contextlib.suppress(DOCUMENTED):
        emn.load(copy)
    emn.validate(copy)


@pytest.mark.parametrize("field", ["hosts", "participations", "people", "member_organisations"])
def test_a_wrong_record_of_an_ncp_leaves_out_that_record_alone(field: str) -> None:
    from emn._load import from_data

    lu = emn.ncp("LU")
    records = getattr(lu, field)
    assert len(records) >= 2
    data = emn.to_dict(lu)
    data[field][1]["valid"] = {"start": "the day after tomorrow"}
    loaded = from_data(data)
    kept = getattr(loaded.ncps[0], field)
    assert kept == (records[0], *records[2:])
    assert [p.location[:2] for p in loaded.problems] == [(field, 1)]
