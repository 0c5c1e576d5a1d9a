"""The `emn` command: list, show, --json, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

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
    assert lines[0].split() == ["CODE", "COUNTRY", "STATUS", "COORDINATING", "INSTITUTION"]
    assert len(lines) == 34
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
        (["show", "DK"], "emn: Denmark (DK) takes no part in the EMN"),
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
        f"{sys.executable} -m emn list | head -1", shell=True, capture_output=True, text=True, check=False
    )
    assert done.stdout.startswith("CODE")
    assert done.stderr == ""
