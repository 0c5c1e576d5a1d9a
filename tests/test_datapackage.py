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
    assert len(ncps) == 35
    # The United Kingdom's NCP follows the others, as it was on its last day.
    assert [row["code"] for row in ncps if row["former"] == "true"] == ["GB"]
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


def test_every_status_and_host_record_is_exported(package: Path) -> None:
    ncps = {row["code"]: row for row in _rows(package, "ncps")}
    # The headline, and the other words: the Slovenian "associated member" is not hidden.
    assert (ncps["NO"]["status"], ncps["NO"]["other_statuses"]) == ("observer", "associated_member")
    assert (ncps["MK"]["coordinating_entity_id"], ncps["MK"]["coordinating_entity"]) == ("", "")
    participations = _rows(package, "participations")
    assert len(participations) == len(emn.network().participations)
    seed = next(row for row in participations if row["id"] == "part-no-seed")
    assert (seed["status"], seed["source"], seed["basis"]) == (
        "associated_member",
        "sl-emn-2014",
        "stated",
    )
    hosts = {row["id"]: row for row in _rows(package, "hosts")}
    assert (hosts["host-hr-iom-2015-en"]["from"], hosts["host-hr-iom-2015-en"]["until"]) == (
        "2015-03",
        "2018-12-31",
    )
    assert hosts["host-pt-aima-inferred"]["certainty"] == "uncertain"
    assert "host-gb-emn-fi" in hosts  # the United Kingdom's NCP, gone since 2020
    sources = {row["id"]: row for row in _rows(package, "sources")}
    assert (sources["sl-emn-2014"]["title"], sources["sl-emn-2014"]["tier"]) == ("", "3")


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
        "hosts.csv",
        "participations.csv",
        "people.csv",
        "member_organisations.csv",
        "sources.csv",
        "names.csv",
        "history.csv",
        "datapackage.json",
    ]


def test_emn_export_into_a_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["export", str(blocker)]) == 2
    assert capsys.readouterr().err == f"emn: {blocker}: is a file, not a directory\n"


# -- export is safe: nothing overwritten unasked, nothing written through a link, all or nothing


def test_the_exported_values_are_filled_in(package: Path) -> None:
    experts = _rows(package, "experts")
    assert {row["source"] for row in experts} == {"sl-emn-2014"}
    slovenia = next(row for row in _rows(package, "ncps") if row["code"] == "SI")
    assert slovenia["last_changed"] == "2014-03-27"


def test_a_non_empty_directory_is_refused_and_left_alone(tmp_path: Path) -> None:
    mine = tmp_path / "ncps.csv"
    mine.write_text("my own table", encoding="utf-8")
    with pytest.raises(emn.exceptions.UnwritableFile, match="is not empty") as caught:
        emn.datapackage.export(tmp_path)
    assert caught.value.path == str(tmp_path)
    assert str(caught.value).count(str(tmp_path)) == 1
    assert mine.read_text(encoding="utf-8") == "my own table"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ncps.csv"]


def test_force_replaces_only_the_packages_own_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    (tmp_path / "ncps.csv").write_text("old", encoding="utf-8")
    written = emn.datapackage.export(tmp_path, force=True)
    assert [p.name for p in written] == list(emn.datapackage.FILES)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert (tmp_path / "ncps.csv").read_text(encoding="utf-8").startswith("code,")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [*emn.datapackage.FILES, "notes.txt"]
    )


def test_a_symbolic_link_in_the_directory_is_replaced_not_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "outside.csv"
    outside.write_text("precious", encoding="utf-8")
    target = tmp_path / "package"
    target.mkdir()
    (target / "ncps.csv").symlink_to(outside)
    emn.datapackage.export(target, force=True)
    assert outside.read_text(encoding="utf-8") == "precious"
    assert not (target / "ncps.csv").is_symlink()


def test_a_failed_export_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from emn import datapackage

    def full_disk(folder: Path, network: object) -> None:
        (folder / "ncps.csv").write_text("half", encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(datapackage, "_write", full_disk)
    target = tmp_path / "new"
    with pytest.raises(emn.exceptions.UnwritableFile, match="No space left on device"):
        datapackage.export(target)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []
    existing = tmp_path / "old"
    monkeypatch.undo()
    emn.datapackage.export(existing)
    before = {p.name: p.read_bytes() for p in existing.iterdir()}
    monkeypatch.setattr(datapackage, "_write", full_disk)
    with pytest.raises(emn.exceptions.UnwritableFile):
        datapackage.export(existing, force=True)
    assert {p.name: p.read_bytes() for p in existing.iterdir()} == before


@pytest.mark.parametrize("directory", ["", "   "])
def test_no_directory_named_is_refused(directory: str) -> None:
    with pytest.raises(emn.exceptions.UnwritableFile, match="no directory named"):
        emn.datapackage.export(directory)


def test_wrong_argument_types_are_named() -> None:
    with pytest.raises(TypeError, match=r"network must be an emn\.Network"):
        emn.datapackage.export("x", network="x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="directory must be a path"):
        emn.datapackage.export(5)  # type: ignore[arg-type]


def test_cells_a_spreadsheet_would_run_are_neutralised(tmp_path: Path) -> None:
    evil = emn.Organisation([emn.Name('=HYPERLINK("http://x")', "en")])
    hostile = emn.NationalContactPoint(
        emn.Country("SI"),
        evil,
        experts=[
            emn.Expert(name, evil, emn.Role.MEMBER)
            for name in ("=1+1", "+SUM(A1)", "-2", "@cmd", "\tTab", "'quoted", "Ana")
        ],
    )
    network = emn.model.Network(emn.network().legal_basis, [hostile])
    emn.datapackage.export(tmp_path, network)
    names = [row["name"] for row in _rows(tmp_path, "experts")]
    assert names == ["'=1+1", "'+SUM(A1)", "'-2", "'@cmd", "'\tTab", "''quoted", "Ana"]
    assert _rows(tmp_path, "organisations")[0]["name"] == '\'=HYPERLINK("http://x")'
    assert _rows(tmp_path, "experts")[0]["position"] == "0"  # numbers are left alone
    # Taking exactly one leading ' off gives every value back.
    assert [n[1:] if n.startswith("'") else n for n in names] == [
        e.name for e in hostile.experts or ()
    ]


def test_emn_export_refuses_a_non_empty_directory_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ncps.csv").write_text("mine", encoding="utf-8")
    assert main(["export", str(tmp_path)]) == 2
    _, err = capsys.readouterr()
    assert err.count("\n") == 1
    assert "is not empty" in err
    assert main(["export", str(tmp_path), "--force"]) == 0
