"""The project's own files agree: the Quickstart, CI and the docs run the same commands."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

INSTALL_AND_LIST = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/emn list"
TEST_SUITE = (
    "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"
)


def _shell_blocks(markdown: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", markdown, re.DOTALL)]


def _section(markdown: str, heading: str) -> str:
    start = markdown.index(f"## {heading}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end != -1 else None]


def test_the_quickstart_is_two_commands_that_make_and_use_a_venv() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert _shell_blocks(_section(readme, "Quickstart")) == [INSTALL_AND_LIST, TEST_SUITE]


def test_ci_runs_exactly_the_quickstart_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in script.splitlines() if line and not line.startswith("#")]
    assert commands[-1] == TEST_SUITE
    assert "set -euo pipefail" in commands


def test_getting_started_gives_the_quickstart_commands() -> None:
    page = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")
    assert _shell_blocks(page) == [INSTALL_AND_LIST, TEST_SUITE]


def test_no_page_tells_people_to_pip_install_outside_a_venv() -> None:
    pages = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]
    for page in pages:
        if not page.exists():
            continue
        for block in _shell_blocks(page.read_text(encoding="utf-8")):
            for line in block.splitlines():
                assert not re.match(r"\s*(python3? -m )?pip3? install", line), (page.name, line)


def _citation() -> dict[str, object]:
    """CITATION.cff read as YAML, or, without PyYAML, its top-level scalar keys read by line."""
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    try:
        import yaml
    except ImportError:
        fields: dict[str, object] = {}
        for line in text.splitlines():
            if match := re.match(r'([a-z-]+):\s*"?([^"]*)"?\s*$', line):
                fields[match[1]] = match[2] or None
        authors = re.findall(r'^  - name: "?([^"\n]+)"?$', text, re.MULTILINE)
        fields["authors"] = [{"name": name} for name in authors]
        return fields
    loaded = yaml.safe_load(text)
    assert isinstance(loaded, dict)
    return loaded


def test_the_citation_file_has_what_cff_1_2_0_requires() -> None:
    citation = _citation()
    assert citation["cff-version"] == "1.2.0"
    for key in ["message", "title"]:
        assert isinstance(citation[key], str)
        assert citation[key]
    assert "abstract" in citation
    assert citation["authors"] == [{"name": "emn developers"}]


def test_the_citation_names_this_version_and_the_code_licence() -> None:
    citation = _citation()
    assert str(citation["version"]) == importlib.metadata.version("emn")
    assert citation["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_the_data_licence_names_cc_by_4_0_and_its_address() -> None:
    notice = " ".join((ROOT / "LICENSE-DATA").read_text(encoding="utf-8").split())
    assert "Creative Commons Attribution 4.0 International" in notice
    assert "https://creativecommons.org/licenses/by/4.0/legalcode" in notice
    provenance = (ROOT / "src" / "emn" / "data" / "PROVENANCE.md").read_text(encoding="utf-8")
    licences = _section(provenance, "Licences")
    assert "CC BY 4.0" in licences
    assert "Decision 2011/833/EU" in licences
    for source in ["sl-emn-2014", "pl-kpk-list", "legislation-gov-uk", "eu-style-guide"]:
        assert f"`{source}`" in licences


def test_provenance_lists_every_source_of_the_dataset() -> None:
    import emn

    provenance = (ROOT / "src" / "emn" / "data" / "PROVENANCE.md").read_text(encoding="utf-8")
    for source in emn.network().sources:
        assert f"`{source.id}`" in provenance, source.id


def test_the_pre_commit_hook_runs_emn_validate_on_composition_files() -> None:
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["language"]) == (
        "emn-validate",
        "emn validate",
        "python",
    )
    files = re.compile(hook["files"])
    assert all(files.search(name) for name in ("hr.csv", "si.json", "no.yaml", "no.yml", "x.xlsx"))
    assert not any(files.search(name) for name in ("README.md", "si.json.bak", "setup.py"))
    # It installs what the xlsx and yaml extras install, at the same versions.
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    def key(requirement: Requirement) -> tuple[str, str]:
        return canonicalize_name(requirement.name), str(requirement.specifier)

    extras = {
        key(requirement)
        for requirement in map(Requirement, importlib.metadata.requires("emn") or [])
        if requirement.marker is not None
        and any(requirement.marker.evaluate({"extra": extra}) for extra in ("xlsx", "yaml"))
        and not requirement.marker.evaluate({"extra": "test"})
    }
    assert {key(Requirement(r)) for r in hook["additional_dependencies"]} == extras
    assert "docs/validate-your-ncp.md" in (ROOT / ".pre-commit-hooks.yaml").read_text("utf-8")
