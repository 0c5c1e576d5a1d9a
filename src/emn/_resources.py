"""Reading the files shipped in ``emn/data``, wherever the package is installed."""

from __future__ import annotations

import os

from .exceptions import DataFileError

__all__ = ["read_data"]


def read_data(name: str, what: str) -> bytes:
    """The bytes of ``emn/data/<name>``; :class:`DataFileError` names the file if it cannot be read.

    The package's own loader reads it where it can (a directory or a zip file alike), the same
    ``get_data`` that ``pkgutil.get_data`` uses; ``importlib.resources`` serves any other
    loader. The fast path spares a first lookup the ~9 ms that importing
    ``importlib.resources`` (with pathlib, tempfile and zipfile) costs a fresh interpreter.
    """
    try:
        from . import data
    except ImportError:
        raise DataFileError(
            f"the bundled data folder emn/data is missing: cannot read the {what}; reinstall emn",
            file="emn/data",
        ) from None

    spec = data.__spec__
    loader = spec.loader if spec is not None else None
    locations = spec.submodule_search_locations if spec is not None else None
    path = os.path.join(next(iter(locations or []), ""), name)
    try:
        if loader is not None and locations and hasattr(loader, "get_data"):
            content: bytes = loader.get_data(path)
            return content
        from importlib.resources import files

        return files(data).joinpath(name).read_bytes()
    except OSError as err:
        raise DataFileError(
            f"cannot read the bundled {what} {path}: {err.strerror or err}", file=path
        ) from None
