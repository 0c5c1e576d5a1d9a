"""The built wheel carries the data and works in a fresh virtual environment, offline."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An sdist, and a wheel built from that sdist (so the sdist must be complete), offline."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    (built,) = dist.glob("emn-*.whl")
    return built


def test_the_wheel_passes_check_wheel_contents(wheel: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "check_wheel_contents", str(wheel)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_sdist_holds_the_sources_data_docs_and_tests(dist: Path) -> None:
    (sdist,) = dist.glob("emn-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for expected in [
        "pyproject.toml",
        "README.md",
        "src/emn/data/emn.json",
        "src/emn/data/names.tsv",
        "src/emn/locale/sl/LC_MESSAGES/emn.po",
        "scripts/build_name_index.py",
        "tests/test_dataset.py",
        "docs/rules.md",
    ]:
        assert expected in names


def test_the_wheel_holds_the_code_the_data_and_the_type_marker(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in [
        "emn/__init__.py",
        "emn/py.typed",
        "emn/data/emn.json",
        "emn/data/PROVENANCE.md",
        "emn/data/names.tsv",
        "emn/locale/sl/LC_MESSAGES/emn.mo",
        "emn/locale/pl/LC_MESSAGES/emn.mo",
        "emn/data/seeds/000_85ed55a6a884103b.txt",
        "emn/data/seeds/001_bccecb0ab4d32e89.txt",
    ]:
        assert expected in names
    assert not any(name.startswith("tests/") for name in names)


def test_the_wheel_works_in_a_fresh_venv_without_network(wheel: Path, tmp_path: Path) -> None:
    # The venv sees this environment's attrs, cattrs and babel; emn itself comes only from the wheel.
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, system_site_packages=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-index", "--no-deps", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)

    script = (
        "import emn, sys; "
        "assert emn.__file__.startswith(sys.prefix), emn.__file__; "
        "print(len(emn.ncps()), emn.ncp('SI').coordinator.name, emn.__version__)"
    )
    assert run(str(python), "-c", script).stdout.split()[:3] == ["33", "Nataša", "Potočnik"]
    emn_command = str(env_dir / "bin" / "emn")
    assert len(run(emn_command, "list").stdout.splitlines()) == 34
    assert (
        "Nataša Potočnik (nacionalni koordinator)"
        in run(emn_command, "show", "SI", "--locale", "sl").stdout
    )
    valid = run(emn_command, "validate")
    assert valid.returncode == 0, valid.stderr


def test_the_version_comes_from_the_package_metadata() -> None:
    from importlib.metadata import version

    import emn

    assert emn.__version__ == version("emn")
    assert "__version__" in dir(emn)
