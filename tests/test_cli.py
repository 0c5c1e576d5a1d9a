"""The `emn` command: list, show, --json, and one-line errors."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import emn
from emn.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_list_shows_every_ncp_with_code_country_status_and_institution(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = _run(capsys, "list")
    lines = out.splitlines()
    assert status == 0
    assert lines[0].split() == [
        "CODE",
        "COUNTRY",
        "STATUS",
        "EXPERTS",
        "COORDINATING",
        "INSTITUTION",
    ]
    assert len(lines) == 35
    assert lines[1].split()[:3] == ["AM", "Armenia", "observer"]
    slovenia = next(line for line in lines if line.startswith("SI "))
    assert "Slovenia" in slovenia
    assert "member state" in slovenia
    assert slovenia.endswith("Ministry of the Interior / Ministrstvo za notranje zadeve")


def test_list_json_is_every_ncp_as_to_dict_writes_it(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "list", "--json")
    assert status == 0
    assert json.loads(out) == [emn.to_dict(n) for n in emn.ncps()]


def test_show_prints_one_ncp_in_full(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "show", "si")
    assert status == 0
    assert out.startswith("Slovenia (SI)\n")
    assert "Nataša Potočnik (national coordinator), Ministrstvo za notranje zadeve\n" in out
    assert "Darjo Cizel (member), Ministrstvo za notranje zadeve, Policija\n" in out
    assert "composition last changed: 2014-03-27" in out
    assert "appointed by: Vlada Republike Slovenije" in out


def test_show_says_when_the_composition_is_not_published(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = _run(capsys, "show", "DE")
    assert "experts: not published by the sources" in out


def test_show_json_round_trips(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "show", "EL", "--json")
    assert status == 0
    assert emn.from_json(emn.NationalContactPoint, out) == emn.ncp("GR")


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["show", "DK"], "emn: Denmark (DK) has no National Contact Point"),
        (
            ["show", "United Kingdom"],
            "emn: United Kingdom (GB) took part in the EMN until 2020-01-31",
        ),
        (["show", "XX"], "emn: 'XX' is not an ISO 3166-1 alpha-2 country code"),
        (["show"], "emn: the following arguments are required: code"),
        (["frobnicate"], "emn: argument COMMAND: invalid choice: 'frobnicate'"),
        ([], "emn: the following arguments are required: COMMAND"),
        (["list", "--bogus"], "emn: unrecognized arguments: --bogus"),
    ],
)
def test_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], reason: str
) -> None:
    status, out, err = _run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.startswith(reason)
    assert err.count("\n") == 1


def test_python_dash_m_emn_runs_without_a_traceback() -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "emn", "show", "SI"], capture_output=True, text=True, check=False
    )
    assert ok.returncode == 0
    assert "Nataša Potočnik" in ok.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "emn", "show", "DK"], capture_output=True, text=True, check=False
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr
    assert len(bad.stderr.splitlines()) == 1


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    done = subprocess.run(
        f"{sys.executable} -m emn list | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.startswith("CODE")
    assert done.stderr == ""


# -- emn validate -------------------------------------------------------------------------------


def _write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def _broken_si() -> dict[str, Any]:
    data: dict[str, Any] = emn.to_dict(emn.ncp("SI"))
    data["experts"] = data["experts"][:2]
    return data


def test_validate_the_bundled_dataset_exits_0_and_groups_by_ncp(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = _run(capsys, "validate")
    assert status == 0
    assert out.startswith("bundled dataset:\n  network\n")
    assert "    warning      declared-count" in out
    assert "  SI Slovenia\n" not in out  # the Slovenian NCP has no findings
    assert "  DE Germany\n    info         composition-unknown" in out
    assert out.rstrip().endswith("ok: errors: 0, warnings: 2, info: 54")


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_validate_a_file_with_errors_exits_1_one_line_a_finding(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = json.dumps(_broken_si(), indent=2)
    file = _write(tmp_path, "si.json", text)
    status, out, _ = _run(capsys, "validate", file)
    line = _line_of(text, '"experts"')
    assert status == 1
    assert out.splitlines() == [
        f"{file}:{line}:14: experts: the NCP has fewer than three "
        "experts (it has 2) [min-experts, error]",
        f"{file}: FAILED: errors: 1, warnings: 0, info: 0",
    ]


def test_validate_a_list_file_as_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    file = _write(tmp_path, "two.json", json.dumps([emn.to_dict(emn.ncp("SI")), _broken_si()]))
    status, out, _ = _run(capsys, "validate", file, "--format", "json")
    payload = json.loads(out)
    assert status == 1
    assert payload["ok"] is False
    (report,) = payload["reports"]
    assert report["file"] == file
    assert report["counts"] == {"error": 2, "warning": 0, "info": 0}
    assert [(f["rule"], f["path"]) for f in report["findings"]] == [
        ("one-ncp-per-country", "[1].country"),
        ("min-experts", "[1].experts"),
    ]


def test_validate_select_and_ignore(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    file = _write(tmp_path, "si.json", json.dumps(_broken_si()))
    assert _run(capsys, "validate", file, "--ignore", "min-experts")[0] == 0
    status, out, _ = _run(capsys, "validate", "--select", "declared-count", "--format", "json")
    assert status == 0
    assert {f["rule"] for f in json.loads(out)["reports"][0]["findings"]} == {"declared-count"}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            '{"country": "SI",\n  "experts": [1,]}',
            "not valid JSON: Expecting value at line 2, column 17",
        ),
        ("", "empty, expected one NCP or a list of NCPs as JSON"),
        (b"\xff\xfe\x00", "not valid UTF-8 (byte 0)"),
    ],
)
def test_validate_a_bad_file_exits_2_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str | bytes, reason: str
) -> None:
    file = _write(tmp_path, "bad.json", content)
    status, out, err = _run(capsys, "validate", file)
    assert status == 2
    assert out == ""
    assert err == f"emn: {file}: {reason}\n"


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ('{"country": "SI"}', "1:1: coordinating_entity: required field is missing"),
        ("[1]", "1:2: [0]: expected an object, got a number"),
        ('"SI"', "1:1: expected an object, got a string"),
    ],
)
def test_a_file_that_does_not_describe_ncps_is_a_structure_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, line: str
) -> None:
    file = _write(tmp_path, "bad.json", content)
    status, out, err = _run(capsys, "validate", file)
    assert (status, err) == (1, "")
    assert out.splitlines()[0] == f"{file}:{line} [structure, error]"


def test_validate_a_missing_file_or_a_directory_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert (
        _run(capsys, "validate", str(tmp_path / "nope.json"))[2]
        == f"emn: {tmp_path / 'nope.json'}: no such file\n"
    )
    assert (
        _run(capsys, "validate", str(tmp_path))[2]
        == f"emn: {tmp_path}: is a directory, not a composition file\n"
    )


def test_validate_an_unknown_rule_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, "validate", "--select", "boss")
    assert status == 2
    assert err.startswith("emn: no rule 'boss'; the rules are ")


# -- --locale -----------------------------------------------------------------------------------


def test_show_in_slovenian_reads_naturally(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "show", "SI", "--locale", "sl")
    assert status == 0
    lines = out.splitlines()
    assert lines[:5] == [
        "Slovenija (SI)",
        "  status: država članica",
        "  koordinacijski subjekt: Ministrstvo za notranje zadeve",
        "  imenovalni organ: Vlada Republike Slovenije",
        "  zadnja sprememba sestave: 27. marec 2014",
    ]
    assert "    Nataša Potočnik (nacionalni koordinator), Ministrstvo za notranje zadeve" in lines
    assert (
        "    Helena Korošec (namestnik nacionalnega koordinatorja), Ministrstvo za notranje zadeve"
        in lines
    )
    assert any(
        line.startswith("    pred letom 2008: Pred letom 2008 je kot pilotni projekt")
        for line in lines
    )


def test_show_in_polish(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "show", "DE", "--locale", "pl-PL")
    assert out.splitlines()[:2] == ["Niemcy (DE)", "  status: państwo członkowskie"]
    assert "  eksperci: źródła ich nie podają" in out


def test_list_in_polish(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "list", "--locale", "pl")
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["KOD", "KRAJ", "STATUS"]
    assert lines[1].split()[:3] == ["AM", "Armenia", "obserwator"]
    assert any(line.split()[:2] == ["SI", "Słowenia"] for line in lines)


def test_validate_in_slovenian(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    file = _write(tmp_path, "si.json", json.dumps(_broken_si()))
    status, out, _ = _run(capsys, "validate", file, "--locale", "sl")
    assert status == 1
    assert out.splitlines() == [
        f"{file}:1:263: experts: nacionalna kontaktna točka ima manj kot tri strokovnjake "
        "(ima 2 strokovnjaka) [min-experts, napaka]",
        f"{file}: NAPAKE: napake: 1, opozorila: 0, informacije: 0",
    ]


def test_validate_json_adds_the_localized_description(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    file = _write(tmp_path, "si.json", json.dumps(_broken_si()))
    _, out, _ = _run(capsys, "validate", file, "--format", "json", "--locale", "pl")
    (finding,) = json.loads(out)["reports"][0]["findings"]
    assert finding["message"] == "the NCP has fewer than three experts (it has 2)"
    assert (
        finding["description"]
        == "krajowy punkt kontaktowy ma mniej niż trzech ekspertów (ma 2 ekspertów)"
    )


@pytest.mark.parametrize("command", [["list"], ["show", "SI"], ["validate"]])
def test_an_unknown_locale_exits_2(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    status, out, err = _run(capsys, *command, "--locale", "xx")
    assert status == 2
    assert out == ""
    assert err == "emn: unknown locale 'xx': babel's CLDR data does not know it\n"


# -- the contract: exit 0/1/2, one line on stderr, never a traceback ----------------------------


def _emn(
    *args: str, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "emn", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
        input=stdin,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize("encoding", ["ascii", "cp1252", "latin-1"])
@pytest.mark.parametrize("command", [["show", "SI"], ["list"], ["show", "SI", "--locale", "sl"]])
def test_a_narrow_terminal_encoding_escapes_what_it_cannot_show(
    encoding: str, command: list[str]
) -> None:
    done = _emn(*command, env={"PYTHONIOENCODING": encoding})
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "Traceback" not in done.stdout


def test_a_lone_surrogate_in_a_name_is_escaped_in_text_and_json(tmp_path: Path) -> None:
    data = emn.to_dict(emn.ncp("SI"))
    data["experts"][1]["name"] = data["experts"][0]["name"] + "\ud800"
    data["experts"][1]["role"] = "national_coordinator"
    file = tmp_path / "surrogate.json"
    file.write_text(json.dumps(data), encoding="utf-8")  # json escapes it as \ud800
    for output in (["--format", "text"], ["--format", "json"]):
        done = _emn("validate", str(file), *output)
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
        assert done.stderr == ""


def test_a_full_disk_is_exit_2_with_one_line() -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = subprocess.run(
            [sys.executable, "-m", "emn", "show", "SI"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr == f"emn: cannot write the output: {os.strerror(errno.ENOSPC)}\n"


@pytest.mark.parametrize("select", ["", " , ", "boss"])
def test_a_selection_of_no_rule_is_exit_2_never_a_pass(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, select: str
) -> None:
    file = _write(tmp_path, "si.json", json.dumps(_broken_si()))
    status, out, err = _run(capsys, "validate", file, "--select", select)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1


def test_a_number_too_long_for_python_is_a_one_line_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    file = _write(tmp_path, "big.json", '{"country": ' + "9" * 5001 + "}")
    status, _, err = _run(capsys, "validate", file)
    assert status == 2
    assert err.startswith(f"emn: {file}: not valid JSON")
    assert err.count("\n") == 1
    with pytest.raises(emn.InvalidData, match="not valid JSON"):
        emn.from_json(emn.NationalContactPoint, "[" + "9" * 5001 + "]")


def test_a_byte_order_mark_is_read_past(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    file = _write(
        tmp_path, "bom.json", b"\xef\xbb\xbf" + json.dumps(emn.to_dict(emn.ncp("SI"))).encode()
    )
    status, out, err = _run(capsys, "validate", file)
    assert (status, err) == (0, "")
    assert "ok: errors: 0" in out


def test_a_rule_that_fails_is_one_line_not_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from emn.rules import _composition

    def broken(subject: object, context: object) -> None:
        raise ZeroDivisionError("oops")

    rule = attrs.evolve(_composition.RULES[0], function=broken)
    monkeypatch.setattr(_composition, "RULES", (rule, *_composition.RULES[1:]))
    status, _, err = _run(capsys, "validate")
    assert status == 2
    assert err == "emn: the rule 'min-experts' failed: ZeroDivisionError: oops\n"


# -- emn chart ------------------------------------------------------------------------------------


def test_emn_chart_writes_a_timeline_and_a_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    timeline = tmp_path / "timeline.svg"
    assert main(["chart", "timeline", "-o", str(timeline)]) == 0
    assert timeline.read_text(encoding="utf-8").startswith("<svg")
    map_file = tmp_path / "map.svg"
    assert (
        main(["chart", "map", "--as-of", "2023-06-01", "--locale", "pl", "-o", str(map_file)]) == 0
    )
    drawn = map_file.read_text(encoding="utf-8")
    assert 'data-code="SI"' in drawn
    assert "Słowenia" in drawn
    capsys.readouterr()
    assert main(["chart", "map", "-o", str(map_file)]) == 2  # kept unless --overwrite
    assert "overwrite" in capsys.readouterr().err
    assert main(["chart", "map", "-o", str(map_file), "--overwrite"]) == 0


@pytest.mark.parametrize("kind", ["timeline", "map"])
def test_emn_chart_writes_the_svg_to_stdout_as_the_file_would_hold_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    status, out, _ = _run(capsys, "chart", kind)
    assert main(["chart", kind, "-o", str(tmp_path / "drawn.svg")]) == 0
    assert status == 0
    assert out == (tmp_path / "drawn.svg").read_text(encoding="utf-8")
    assert out.endswith("</svg>\n")


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["chart", "map", "--as-of", "2023-13-01"], "--as-of: '2023-13-01' is not a day"),
        (["chart", "timeline", "--as-of", "2023-01-01"], "--as-of is for the map"),
        (["chart", "pie"], "invalid choice: 'pie'"),
    ],
)
def test_emn_chart_refuses_bad_arguments_in_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], reason: str
) -> None:
    status, out, err = _run(capsys, *argv)
    assert (status, out) == (2, "")
    assert reason in err
    assert err.count("\n") == 1


def test_version_prints_the_package_version_and_the_data_s_date(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"emn {version('emn')} (data read 2026-11-25)\n"
    done = subprocess.run(
        [sys.executable, "-m", "emn", "--version"], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        f"emn {version('emn')} (data read 2026-11-25)\n",
        "",
    )


def test_show_the_united_kingdom_says_until_when_it_took_part(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = _run(capsys, "show", "United Kingdom")
    assert (status, out) == (2, "")
    assert err.startswith(
        "emn: United Kingdom (GB) took part in the EMN until 2020-01-31 and has no National "
        "Contact Point today"
    )
    assert "No page read says when the UK's EMN part ended" in err


def test_list_includes_north_macedonia_with_no_host_named(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = _run(capsys, "list")
    (line,) = [line for line in out.splitlines() if line.startswith("MK ")]
    assert line.split()[3:] == ["observer", "unknown", "not", "named", "by", "any", "source"]
    assert not [line for line in out.splitlines() if line.startswith("GB ")]


# -- behaviours the mutation campaign found untested (docs/testing.md) ---------------------------


def test_emn_chart_without_an_output_file_prints_the_svg(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = _run(capsys, "chart", "timeline")
    assert (status, err) == (0, "")
    assert out.startswith("<svg")
    assert out.rstrip().endswith("</svg>")


def test_a_reader_that_has_gone_before_any_output_is_a_quiet_exit_0() -> None:
    read, write = os.pipe()
    os.close(read)  # every write to the pipe now fails: the reader has gone
    try:
        done = subprocess.run(
            [sys.executable, "-m", "emn", "list"],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (0, "")


def test_a_file_the_system_cannot_read_is_exit_2_with_the_systems_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    file = str(tmp_path / ("n" * 5000))  # longer than any file name the system allows
    status, out, err = _run(capsys, "validate", file)
    assert (status, out) == (2, "")
    assert err == f"emn: {file}: cannot be read: {os.strerror(errno.ENAMETOOLONG)}\n"


def test_validate_json_is_indented_for_people_and_keeps_characters_beyond_ascii(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    entity = emn.Organisation([emn.Name("Ministrstvo")])
    twice = [emn.Expert("Čeněk Šťastný", entity, emn.Role.MEMBER)] * 2
    point = emn.NationalContactPoint(emn.Country("SI"), entity, experts=twice)
    file = _write(tmp_path, "twice.json", emn.to_json(point))
    status, out, _ = _run(
        capsys, "validate", file, "--format", "json", "--select", "duplicate-expert"
    )
    assert status == 1
    assert "Čeněk Šťastný" in out
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"


def test_emn_schema_is_indented_for_people(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "schema")
    assert status == 0
    assert out == json.dumps(json.loads(out), indent=2) + "\n"
