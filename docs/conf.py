"""Sphinx configuration: Markdown pages (MyST), the furo theme, an API reference by autodoc."""

from __future__ import annotations

import datetime
from importlib.metadata import version as _version
from pathlib import Path
from typing import Any

project = "emn"
author = "emn developers"
copyright = "2026, emn developers"
release = _version("emn")
version = release

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.intersphinx"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "tutorial.ipynb", "**/.ipynb_checkpoints"]
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = "emn"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False, "show-inheritance": False}
nitpicky = False
intersphinx_mapping: dict[str, tuple[str, None]] = {}


# The days charts.md shows the network on; "today" is the day the site is built.
CHART_DAYS = {
    "2009-06-01": datetime.date(2009, 6, 1),
    "2015-06-01": datetime.date(2015, 6, 1),
    "2021-06-01": datetime.date(2021, 6, 1),
    "today": None,
}


def _draw_charts(app: Any) -> None:
    """Draw the timeline and the maps that charts.md shows into the HTML build's _static."""
    if app.builder.format != "html":
        return
    import emn.charts

    target = Path(app.outdir) / "_static" / "charts"
    target.mkdir(parents=True, exist_ok=True)
    emn.charts.timeline().save(target / "timeline.svg", overwrite=True)
    for name, day in CHART_DAYS.items():
        emn.charts.europe(day).save(target / f"map-{name}.svg", overwrite=True)


def setup(app: Any) -> None:
    app.connect("builder-inited", _draw_charts)
