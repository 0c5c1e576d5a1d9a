"""emn template: a starting file that loads cleanly and fails only expert-name until filled in."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import emn
from emn._template import FORMATS, template
from emn.cli import main

NAMES = ["Ana Novak", "Bor Kos", "Cene Zupan"]


def _fill(content: bytes, format: str) -> bytes:
    if format == "xlsx":
        openpyxl = pytest.importorskip("openpyxl")
        book = openpyxl.load_workbook(io.BytesIO(content))
        sheet = book.active
        for row, name in zip(range(2, 5), NAMES, strict=True):
            sheet.cell(row=row, column=5, value=name)
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()
    text = content.decode()
    assert text.count("TBD") == 3  # nowhere but in the names
    for name in NAMES:
        text = text.replace("TBD", name, 1)
    return text.encode()


@pytest.mark.parametrize("country", ["SI", "HR", "Ukraina", None])
@pytest.mark.parametrize("format", FORMATS)
def test_a_template_fails_only_expert_name_until_filled_in(
    format: str, country: str | None
) -> None:
    if format == "xlsx":
        pytest.importorskip("openpyxl")
    if format == "yaml":
        pytest.importorskip("yaml")
    content = template(country, format)
    report = emn.validate(io.BytesIO(content), format=format)
    assert [(f.rule, f.path) for f in report.errors] == [
        ("expert-name", f"experts[{i}].name") for i in range(3)
    ]
    assert report.warnings == ()
    filled = emn.validate(io.BytesIO(_fill(content, format)), format=format)
    assert filled.ok, [str(f) for f in filled.errors]
    point = emn.load(io.BytesIO(_fill(content, format)), format=format)
    assert isinstance(point, emn.NationalContactPoint)
    assert point.country == emn.ncp(country or "SI").country
    assert [e.name for e in point.experts or ()] == NAMES


def test_the_template_starts_from_what_the_dataset_knows() -> None:
    si = emn.load(io.BytesIO(template("SI", "json")), format="json")
    assert isinstance(si, emn.NationalContactPoint)
    assert si.coordinating_entity.name == "Ministrstvo za notranje zadeve"
    assert si.appointed_by is not None
    assert si.appointed_by.name == "Vlada Republike Slovenije"
    assert [e.role for e in si.experts or ()] == list(emn.Role)


def test_emn_template_writes_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["template", "HR", "--format", "yaml"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# The National Contact Point of Croatia")
    assert "country: HR\n" in out


def test_emn_template_xlsx_needs_a_file_and_keeps_an_existing_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("openpyxl")
    assert main(["template", "--format", "xlsx"]) == 2
    assert capsys.readouterr().err == "emn: an XLSX template needs -o FILE (see 'emn --help')\n"
    target = tmp_path / "si.xlsx"
    assert main(["template", "--format", "xlsx", "-o", str(target)]) == 0
    first = target.read_bytes()
    target.write_bytes(b"my own work")
    assert main(["template", "--format", "xlsx", "-o", str(target)]) == 2
    assert capsys.readouterr().err == f"emn: {target}: exists; --force replaces it\n"
    assert target.read_bytes() == b"my own work"
    assert main(["template", "--format", "xlsx", "-o", str(target), "--force"]) == 0
    assert emn.load(target) == emn.load(io.BytesIO(first), format="xlsx")


@pytest.mark.parametrize(
    ("country", "reason"),
    [
        ("DK", "emn: Denmark (DK) has no National Contact Point"),
        ("Atlantis", "emn: 'Atlantis' names no country"),
    ],
)
def test_a_template_for_a_country_with_no_ncp_exits_2(
    capsys: pytest.CaptureFixture[str], country: str, reason: str
) -> None:
    assert main(["template", country]) == 2
    _, err = capsys.readouterr()
    assert err.startswith(reason)
    assert err.count("\n") == 1
