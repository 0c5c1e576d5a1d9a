"""Consistency rules: a registry of small named checks, and the reports they make."""

from ._engine import *  # noqa: F403 - the engine's public names are this package's
from ._engine import __all__ as __all__
