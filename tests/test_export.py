"""The dataset as a Frictionless Data Package, checked with the frictionless package."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import emn
from emn.cli import main


def _rows(directory: Path, name: str) -> list[dict[str, str]]:
    with (directory / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("package")
    emn.datapackage.export(directory)
    return directory


def test_the_package_is_valid_frictionless_data(package: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(package / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_the_tables_hold_the_dataset(package: Path) -> None:
    ncps = _rows(package, "ncps")
    assert len(ncps) == 33
    slovenia = next(row for row in ncps if row["code"] == "SI")
    assert slovenia["expert_count"] == "10"
    germany = next(row for row in ncps if row["code"] == "DE")
    assert (germany["experts_published"], germany["expert_count"]) == ("false", "")
    experts = _rows(package, "experts")
    assert [row["name"] for row in experts][:2] == ["Nataša Potočnik", "Helena Korošec"]
    organisations = {row["id"]: row for row in _rows(package, "organisations")}
    police = next(row for row in organisations.values() if row["name"] == "Policija")
    assert organisations[police["parent_id"]]["all_names"] == (
        "Ministry of the Interior [en] | Ministrstvo za notranje zadeve [sl]"
    )
    assert len(_rows(package, "sources")) == len(emn.network().sources)


def test_every_field_is_described_and_every_source_named(package: Path) -> None:
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        header = next(csv.reader((package / resource["path"]).open(encoding="utf-8")))
        assert [f["name"] for f in resource["schema"]["fields"]] == header
        assert all(f["description"] for f in resource["schema"]["fields"])
    titles = " ".join(s["title"] for s in descriptor["sources"])
    assert all(f"[{s.id}]" in titles for s in emn.network().sources)


def test_emn_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "out")]) == 0
    written = capsys.readouterr().out.split()
    assert [Path(p).name for p in written] == [
        "ncps.csv",
        "experts.csv",
        "organisations.csv",
        "sources.csv",
        "names.csv",
        "history.csv",
        "datapackage.json",
    ]


def test_emn_export_into_a_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["export", str(blocker)]) == 2
    assert capsys.readouterr().err.startswith(f"emn: {blocker}: cannot write the data package")
