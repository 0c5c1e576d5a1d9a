"""Sphinx configuration: Markdown pages (MyST), the furo theme, an API reference by autodoc."""

from importlib.metadata import version as _version

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
