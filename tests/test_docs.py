"""The documentation site builds with warnings as errors, and the tutorial notebook runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_docs_site_builds_with_warnings_as_errors(tmp_path: Path) -> None:
    pytest.importorskip("sphinx")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            str(ROOT / "docs"),
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    api = (tmp_path / "api.html").read_text(encoding="utf-8")
    assert 'id="emn.validate"' in api
    assert 'id="emn.NationalContactPoint"' in api
    charts = (tmp_path / "charts.html").read_text(encoding="utf-8")
    dataset = (tmp_path / "dataset.html").read_text(encoding="utf-8")
    for name in ("timeline", "map-2009-06-01", "map-2015-06-01", "map-2021-06-01", "map-today"):
        assert f"_static/charts/{name}.svg" in charts
        assert f"_static/charts/{name}.svg" in dataset  # the dataset page shows them too
        assert (tmp_path / "_static" / "charts" / f"{name}.svg").read_text().startswith("<svg")


def test_every_page_is_in_the_table_of_contents() -> None:
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    for page in (ROOT / "docs").glob("*.md"):
        if page.stem != "index":
            assert f"\n{page.stem}\n" in index, page.name


def test_the_tutorial_notebook_runs(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(ROOT / "docs" / "tutorial.ipynb", as_version=4)
    nbclient.NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    outputs = [
        output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
    ]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o for o in outputs if "text/html" in o.get("data", {})]
    assert any("<strong>Slovenia (SI)</strong>" in o.data["text/html"] for o in html)
    # The cell under `with emn.set_locale("sl")` displays the Slovenian table.
    assert any("<strong>Slovenija (SI)</strong>" in o.data["text/html"] for o in html)
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "Nataša Potočnik: nacionalni koordinator, Ministrstvo za notranje zadeve" in text
    assert "  napaka       one-coordinator " in text
    svgs = [o.data["image/svg+xml"] for o in outputs if "image/svg+xml" in o.get("data", {})]
    assert len(svgs) == 2
    assert 'class="bar" data-code="SI"' in svgs[0]
    assert "Słowenia" in svgs[1]
