"""The built wheel carries the data and works in a fresh virtual environment, offline."""

from __future__ import annotations

import email.message
import email.parser
import importlib.metadata
import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest
from packaging.licenses import canonicalize_license_expression
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

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
        "LICENSE",
        "LICENSE-DATA",
        "CITATION.cff",
        "CONTRIBUTING.md",
        "CHANGELOG.md",
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


def _wheel_metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return email.parser.HeaderParser().parsestr(archive.read(name).decode())


def test_the_wheel_carries_both_licences_and_declares_them(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        licences = {n.split("/", 1)[1] for n in archive.namelist() if ".dist-info/" in n}
        (dist_info,) = {n.split("/", 1)[0] for n in archive.namelist() if ".dist-info/" in n}
        code_licence = archive.read(f"{dist_info}/licenses/LICENSE").decode()
        data_licence = archive.read(f"{dist_info}/licenses/LICENSE-DATA").decode()
    assert {"licenses/LICENSE", "licenses/LICENSE-DATA"} <= licences
    assert code_licence.startswith("MIT License")
    assert "https://creativecommons.org/licenses/by/4.0/" in data_licence
    metadata = _wheel_metadata(wheel)
    expression = metadata["License-Expression"]
    assert expression is not None, "no License-Expression in the wheel's metadata"
    assert canonicalize_license_expression(expression) == expression
    assert set(expression.split(" AND ")) == {"MIT", "CC-BY-4.0", "Unicode-3.0"}
    assert sorted(metadata.get_all("License-File", [])) == ["LICENSE", "LICENSE-DATA"]
    # PEP 639 deprecates license classifiers beside a License-Expression.
    assert not [c for c in metadata.get_all("Classifier", []) if c.startswith("License ::")]


def _runtime_pins(wheel: Path) -> list[str]:
    """The wheel's runtime requirements and theirs, pinned to the versions installed here.

    The nested venv then runs the wheel with exactly the dependencies this test session runs with.
    """
    requires = _wheel_metadata(wheel).get_all("Requires-Dist", [])
    pending = [Requirement(line) for line in requires]
    pins: dict[str, str] = {}
    while pending:
        requirement = pending.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        name = canonicalize_name(requirement.name)
        if name in pins:
            continue
        try:
            installed = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            pins[name] = str(requirement)  # not installed here: let pip choose within the range
            continue
        pins[name] = f"{name}=={installed.version}"
        pending.extend(Requirement(line) for line in installed.requires or [])
    return sorted(pins.values())


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment that sees none of this interpreter's packages."""
    env_dir = tmp_path_factory.mktemp("fresh") / "venv"
    venv.EnvBuilder(with_pip=True, system_site_packages=False).create(env_dir)
    return env_dir


@pytest.fixture(scope="module")
def runtime_wheels(wheel: Path, fresh_venv: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory of wheels for the runtime dependencies, downloaded once.

    The fresh venv's own pip downloads them (this interpreter may have no pip, as in a uv venv),
    with the user's pip configuration, so a mirror or a proxy works as for any install.
    """
    directory = tmp_path_factory.mktemp("runtime-wheels")
    pins = _runtime_pins(wheel)
    download = subprocess.run(
        [
            str(fresh_venv / "bin" / "python"),
            *("-m", "pip", "download", "--only-binary=:all:", "--dest", str(directory)),
            *("--disable-pip-version-check", "--quiet", *pins),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if download.returncode != 0:
        reason = (download.stderr.strip().splitlines() or ["no output"])[-1]
        pytest.skip(f"cannot download the wheels of {' '.join(pins)} (no network?): {reason}")
    return directory


def _offline_pip_environment() -> dict[str, str]:
    """This environment without pip's configuration: no index, no extra find-links, no constraints."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    environment["PIP_CONFIG_FILE"] = os.devnull
    return environment


def test_the_wheel_works_in_a_fresh_venv_without_network(
    wheel: Path, runtime_wheels: Path, fresh_venv: Path, tmp_path: Path
) -> None:
    # emn and its dependencies come only from the wheel and the downloaded wheels, offline.
    python = fresh_venv / "bin" / "python"
    install = subprocess.run(
        [
            str(python),
            *("-m", "pip", "install", "--no-index", "--find-links", str(runtime_wheels)),
            *("--disable-pip-version-check", "--quiet", str(wheel)),
        ],
        capture_output=True,
        text=True,
        check=False,
        env=_offline_pip_environment(),
    )
    assert install.returncode == 0, install.stdout + install.stderr

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)

    script = (
        "import babel, cattrs, emn, sys; "
        "assert all(m.__file__.startswith(sys.prefix) for m in (babel, cattrs, emn)); "
        "print(len(emn.ncps()), emn.ncp('SI').coordinator.name, emn.__version__)"
    )
    done = run(str(python), "-c", script)
    assert done.stdout.split()[:3] == ["34", "Nataša", "Potočnik"], done.stderr
    emn_command = str(fresh_venv / "bin" / "emn")
    listed = run(emn_command, "list")
    assert len(listed.stdout.splitlines()) == 35, listed.stderr
    shown = run(emn_command, "show", "SI", "--locale", "sl")
    assert "Nataša Potočnik (nacionalni koordinator)" in shown.stdout, shown.stderr
    valid = run(emn_command, "validate")
    assert valid.returncode == 0, valid.stderr


def test_the_version_comes_from_the_package_metadata() -> None:
    from importlib.metadata import version

    import emn

    assert emn.__version__ == version("emn")
    assert "__version__" in dir(emn)
