"""The dataset as a Frictionless Data Package, checked with the frictionless package."""

from __future__ import annotations

import csv
import datetime
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import emn
from emn import model
from emn.cli import main
from tests import strategies


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


# -- every field of every NCP record survives export and emn.load --------------------------------

_ids = st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)
_texts = strategies.texts
_maybe = st.none().__or__
_whens = strategies.whens.map(model.When)
_derivations = st.lists(
    st.builds(model.Derivation, reference=_texts, source=_maybe(_texts), record=_maybe(_texts)),
    max_size=2,
).map(tuple)
_validities = st.builds(
    model.Validity,
    start=_maybe(_whens),
    end=_maybe(_whens),
    basis=_maybe(st.sampled_from(model.Basis)),
    note=_maybe(_texts),
    derived_from=_derivations,
)
_organisations = st.recursive(
    st.builds(
        model.Organisation,
        names=st.lists(strategies.names, min_size=1, max_size=2).map(tuple),
        kind=_maybe(st.sampled_from(model.OrganisationKind)),
        country=_maybe(strategies.countries),
        label=_maybe(_texts),
        note=_maybe(_texts),
    ),
    lambda parents: st.builds(
        model.Organisation,
        names=st.lists(strategies.names, min_size=1, max_size=2).map(tuple),
        parent=parents,
        label=_maybe(_texts),
    ),
    max_leaves=3,
)
# What hosts, participations, people and member bodies share.
_record = {
    "source": _texts,
    "id": _maybe(_texts),
    "valid": _validities,
    "observed": _maybe(_whens),
    "summary": _maybe(_texts),
    "basis": st.sampled_from(model.Basis),
    "note": _maybe(_texts),
}
_worded = {
    "quote": _maybe(_texts),
    "certainty": _maybe(st.sampled_from(model.Certainty)),
    "derived_from": _derivations,
}
_hosts = st.builds(
    model.Host,
    country=strategies.countries,
    organisation=_organisations,
    relation=st.sampled_from(model.Relation),
    **_record,
    **_worded,
)
_participations = st.builds(
    model.Participation,
    country=strategies.countries,
    status=st.sampled_from(emn.Status),
    scope=st.sampled_from(model.Scope),
    **_record,
    **_worded,
)
_people = st.builds(
    model.Member,
    name=_texts,
    role=st.sampled_from(model.MemberRole),
    country=_maybe(strategies.countries),
    organisation=_maybe(_organisations),
    **_record,
)
_bodies = st.builds(
    model.MemberOrganisations,
    role=st.sampled_from(model.Grouping),
    organisations=st.lists(_organisations, max_size=3).map(tuple),
    country=_maybe(strategies.countries),
    **_record,
)
_events = st.builds(
    model.Event,
    summary=_texts,
    source=_texts,
    when=_maybe(_whens),
    quote=_maybe(_texts),
    lang=_maybe(strategies.langs),
    id=_maybe(_texts),
    country=_maybe(strategies.countries),
    organisation=_maybe(_organisations),
    basis=st.sampled_from(model.Basis),
    certainty=_maybe(st.sampled_from(model.Certainty)),
    note=_maybe(_texts),
)
_experts = st.builds(
    emn.Expert,
    name=st.text(max_size=20),
    organisation=_organisations,
    role=st.sampled_from(emn.Role),
    source=_maybe(_texts),
)


def _ncps(country: emn.Country) -> st.SearchStrategy[emn.NationalContactPoint]:
    return st.builds(
        emn.NationalContactPoint,
        country=st.just(country),
        coordinating_entity=_maybe(_organisations),
        status=_maybe(st.sampled_from(emn.Status)),
        experts=_maybe(st.lists(_experts, max_size=3).map(tuple)),
        appointed_by=_maybe(_organisations),
        last_changed=_maybe(strategies.dates),
        history=st.lists(_events, max_size=2).map(tuple),
        sources=st.lists(_ids, max_size=3).map(tuple),
        listed_as=_maybe(_texts),
        hosts=st.lists(_hosts, max_size=2).map(tuple),
        participations=st.lists(_participations, max_size=2).map(tuple),
        people=st.lists(_people, max_size=2).map(tuple),
        member_organisations=st.lists(_bodies, max_size=2).map(tuple),
        disputed=st.sampled_from([(), ("status",), ("status", "coordinating_entity")]),
        as_of=_maybe(strategies.dates),
    )


@st.composite
def _networks(draw: st.DrawFn) -> model.Network:
    countries = draw(st.lists(strategies.countries, max_size=4, unique=True))
    ncps = [draw(_ncps(country)) for country in countries]
    former = draw(st.integers(0, len(ncps)))
    held = [p for ncp in ncps for p in ncp.participations]
    # The network's own records: some the NCPs hold too, some no NCP holds.
    participations = draw(st.lists(st.sampled_from(held), max_size=3)) if held else []
    participations += draw(st.lists(_participations, max_size=2))
    return model.Network(
        emn.network().legal_basis,
        ncps[former:],
        participations=draw(st.permutations(participations)),
        former_ncps=ncps[:former],
    )


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(network=_networks())
def test_any_network_exports_and_reads_back_equal(network: model.Network, tmp_path: Path) -> None:
    from emn._formats import package as reader
    from emn._load import _build

    directory = Path(tempfile.mkdtemp(dir=tmp_path))
    emn.datapackage.export(directory, network)
    assert emn.load(directory) == network.ncps
    descriptor = directory / "datapackage.json"
    former = _build(reader.read(descriptor, str(descriptor), former=True), str(descriptor))
    assert (former.ncps, former.problems) == (network.former_ncps, ())


def test_the_docs_list_every_table_and_column(package: Path) -> None:
    import re

    page = (Path(__file__).parent.parent / "docs" / "datapackage.md").read_text(encoding="utf-8")
    documented = {
        name: re.findall(r"^\| `([a-z_]+)` \|", section, re.MULTILINE)
        for name, section in re.findall(
            r"^### `([a-z_]+)\.csv`\n(.*?)(?=^### |\Z)", page, re.M | re.S
        )
    }
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert documented == {
        resource["name"]: [field["name"] for field in resource["schema"]["fields"]]
        for resource in descriptor["resources"]
    }


def test_the_network_on_a_day_reads_back_equal(tmp_path: Path) -> None:
    network = emn.network(as_of=datetime.date(2015, 6, 1))
    emn.datapackage.export(tmp_path, network)
    loaded = emn.load(tmp_path)
    assert loaded == network.ncps
    assert {ncp.as_of for ncp in loaded} == {network.as_of}  # type: ignore[union-attr]
