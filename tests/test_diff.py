"""emn.diff and `emn diff`: who joined, left or changed, on the Slovenian NCP and edited copies."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import emn
from emn.cli import main

SI = emn.ncp("SI")
POLICE = SI.experts[6].organisation  # type: ignore[index]


def _edited() -> emn.NationalContactPoint:
    experts = list(SI.experts or ())
    experts[1] = attrs.evolve(experts[1], role=emn.Role.NATIONAL_COORDINATOR)
    experts[2] = attrs.evolve(experts[2], organisation=POLICE)
    experts.pop(0)
    experts.append(emn.Expert("Nova Oseba", POLICE, emn.Role.MEMBER))
    return attrs.evolve(SI, experts=experts)


def test_nothing_changed() -> None:
    difference = emn.diff(SI, SI)
    assert difference.same
    assert emn.render(difference).splitlines() == ["SI Slovenia: 0 joined, 0 left, 0 changed"]


def test_joined_left_and_changed() -> None:
    difference = emn.diff(SI, _edited())
    assert [e.name for e in difference.joined] == ["Nova Oseba"]
    assert [e.name for e in difference.left] == ["Nataša Potočnik"]
    assert difference.changed == (
        emn.model.Change("Helena Korošec", "role", "deputy_coordinator", "national_coordinator"),
        emn.model.Change(
            "Darja Pokrivač",
            "organisation",
            "Ministry of the Interior",
            "Ministrstvo za notranje zadeve, Policija",
        ),
    )
    assert not difference.same


def test_people_match_by_normalised_name_and_organisations_by_name() -> None:
    experts = list(SI.experts or ())
    experts[4] = attrs.evolve(experts[4], name="SANDI  C\u030curin")
    experts[5] = attrs.evolve(
        experts[5], organisation=emn.Organisation([emn.Name("Ministrstvo za notranje zadeve")])
    )
    assert emn.diff(SI, attrs.evolve(SI, experts=experts)).same


def test_render_in_slovenian() -> None:
    lines = emn.render(emn.diff(SI, _edited()), locale="sl").splitlines()
    assert (
        "~ Helena Korošec: vloga: namestnik nacionalnega koordinatorja -> nacionalni koordinator"
        in lines
    )
    assert "+ Nova Oseba (član), Ministrstvo za notranje zadeve, Policija" in lines


def test_two_different_ncps_or_unknown_compositions_are_refused() -> None:
    with pytest.raises(emn.InvalidData, match="two NCPs, SI and HR"):
        emn.diff(SI, emn.ncp("HR"))
    with pytest.raises(emn.InvalidData, match="the old composition of DE is not published"):
        emn.diff(emn.ncp("DE"), emn.ncp("DE"))
    with pytest.raises(emn.InvalidData, match="new is not a NationalContactPoint"):
        emn.diff(SI, "SI")  # type: ignore[arg-type]


def test_a_diff_round_trips() -> None:
    difference = emn.diff(SI, _edited())
    assert emn.from_json(emn.model.Diff, emn.to_json(difference)) == difference


def _files(tmp_path: Path, new: Any) -> tuple[str, str]:
    old_file, new_file = tmp_path / "old.json", tmp_path / "new.json"
    old_file.write_text(emn.to_json(SI), encoding="utf-8")
    new_file.write_text(json.dumps(new, ensure_ascii=False), encoding="utf-8")
    return str(old_file), str(new_file)


def test_emn_diff_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _files(tmp_path, emn.to_dict(_edited()))
    assert main(["diff", old, new]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "SI Slovenia: 1 joined, 1 left, 2 changed"
    # Organisations are named as in every other output: in a language of the NCP's country.
    assert "- Nataša Potočnik (national coordinator), Ministrstvo za notranje zadeve" in out
    assert "~ Helena Korošec: role: deputy coordinator -> national coordinator" in out


def test_emn_diff_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _files(tmp_path, emn.to_dict(_edited()))
    assert main(["diff", old, new, "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert [e["name"] for e in payload["joined"]] == ["Nova Oseba"]
    assert payload["changed"][0] == {
        "name": "Helena Korošec",
        "field": "role",
        "old": "deputy_coordinator",
        "new": "national_coordinator",
    }


@pytest.mark.parametrize(
    ("new", "reason"),
    [
        ([], "holds a list; diff compares one NCP per file"),
        ({"country": "HR", "coordinating_entity": "X", "experts": []}, "two NCPs, SI and HR"),
    ],
)
def test_emn_diff_bad_input_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], new: Any, reason: str
) -> None:
    old, new_file = _files(tmp_path, new)
    assert main(["diff", old, new_file]) == 2
    assert reason in capsys.readouterr().err


def test_a_person_listed_twice_is_two_entries() -> None:
    assert SI.experts is not None
    twice = attrs.evolve(SI, experts=(*SI.experts, SI.experts[0]))
    difference = emn.diff(SI, twice)
    assert [e.name for e in difference.joined] == ["Nataša Potočnik"]
    assert emn.diff(twice, SI).left == (SI.experts[0],)
    assert emn.diff(twice, twice).same


def test_a_diff_keeps_no_list_it_was_given() -> None:
    joined = list(SI.experts or ())
    difference = emn.model.Diff(emn.Country("SI"), joined=joined)
    joined.clear()
    assert len(difference.joined) == 10
    assert hash(difference) == hash(
        emn.model.Diff(emn.Country("SI"), joined=tuple(SI.experts or ()))
    )


def test_diff_reads_any_format_and_names_a_bad_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    header = "country,coordinating_entity,name,role,organisation\n"
    old = _write(tmp_path / "old.csv", header + "SI,MNZ,Ana Novak,member,MNZ\n")
    new = _write(tmp_path / "new.yaml", "country: SI\ncoordinating_entity: MNZ\nexperts: []\n")
    assert main(["diff", old, new]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "SI Slovenia: 0 joined, 1 left, 0 changed",
        "- Ana Novak (member), MNZ",
    ]
    bad = _write(tmp_path / "bad.csv", header + "SI,MNZ,Ana Novak,boss,MNZ\nSI,,Bor,x,MNZ\n")
    assert main(["diff", old, bad]) == 2
    assert capsys.readouterr().err == (
        f"emn: {bad}: does not describe an NCP: {bad}:2: role: 'boss' is not a role; the roles "
        "are national_coordinator, deputy_coordinator and member (and 1 more; see emn validate)\n"
    )


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)
