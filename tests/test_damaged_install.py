"""A damaged installation names the damaged file, or speaks English with one warning: never a
traceback, never a wrong answer. Each test damages a copy of the package, run in a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import emn

PACKAGE = Path(emn.__file__).resolve().parent


def _damaged(tmp_path: Path, damage: Callable[[Path], None]) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(PACKAGE, copy / "emn", ignore=shutil.ignore_patterns("__pycache__"))
    damage(copy / "emn")
    return copy


def _run(site: Path, *args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "emn", *args]
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(command, capture_output=True, text=True, check=False, env=env)


def _check_one_line(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
    for word in words:
        assert word in done.stderr


def test_the_copy_is_what_runs(tmp_path: Path) -> None:
    site = _damaged(tmp_path, lambda package: None)
    done = _run(site, code="import emn; print(emn.__file__)")
    assert done.stdout.startswith(str(site))


def test_a_corrupted_catalog_falls_back_to_english_with_one_warning(tmp_path: Path) -> None:
    def corrupt(package: Path) -> None:
        (package / "locale" / "sl" / "LC_MESSAGES" / "emn.mo").write_bytes(b"\x00" * 40)

    site = _damaged(tmp_path, corrupt)
    done = _run(site, "show", "SI", "--locale", "sl")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Slovenija (SI)\n  status: member state")  # CLDR still speaks
    assert done.stderr.count("RuntimeWarning") == 1
    assert "emn.mo is damaged" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_name_index_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    def corrupt(package: Path) -> None:
        index = package / "data" / "names.tsv"
        index.write_bytes(index.read_bytes().replace(b"slovenija\tSI", b"slovenija\t\xff\xfe"))

    site = _damaged(tmp_path, corrupt)
    _check_one_line(_run(site, "show", "Slovenija"), "names.tsv", "damaged")


@pytest.mark.parametrize("damage", ["shuffled", "emptied", "headless"])
def test_a_shuffled_or_emptied_name_index_is_never_a_wrong_answer(
    tmp_path: Path, damage: str
) -> None:
    def corrupt(package: Path) -> None:
        index = package / "data" / "names.tsv"
        lines = index.read_bytes().splitlines(keepends=True)
        if damage == "shuffled":
            index.write_bytes(lines[0] + b"".join(reversed(lines[1:])))
        elif damage == "emptied":
            index.write_bytes(b"")
        else:
            index.write_bytes(b"".join(lines[1:]))

    site = _damaged(tmp_path, corrupt)
    for name in ("Slowenien", "Eslovenia", "Szlovénia", "Ελλάδα"):
        done = _run(site, "show", name)
        # A name the damaged index still finds is found right; one it misses is never
        # reported as "no such country".
        if done.returncode == 0:
            assert done.stdout.split(" (")[0] in {"Slovenia", "Greece"}
        else:
            _check_one_line(done, "names.tsv", "damaged")
            assert "names no country" not in done.stderr
    if damage != "headless":
        _check_one_line(_run(site, "show", "Slowenien"), "names.tsv", "damaged")
    assert _run(site, "show", "SI").returncode == 0  # codes need no index


def test_a_removed_data_folder_is_named(tmp_path: Path) -> None:
    site = _damaged(tmp_path, lambda package: shutil.rmtree(package / "data"))
    _check_one_line(_run(site, "show", "SI"), "emn/data", "missing")
    done = _run(site, code="import emn; emn.ncps()")
    assert "DataFileError" in done.stderr
    assert "ImportError" not in done.stderr


def test_a_corrupted_dataset_is_named(tmp_path: Path) -> None:
    def corrupt(package: Path) -> None:
        (package / "data" / "emn.json").write_bytes(b'{"schema_version": 1, "ncps": [')

    site = _damaged(tmp_path, corrupt)
    _check_one_line(_run(site, "list"), "emn/data/emn.json")
