"""The charts: the shipped map outlines, the map and the timeline, checked against the data."""

from __future__ import annotations

import json
import re

from emn._countries import ISO_CODES
from emn._resources import read_data

# Every country the map must show: the EU, EFTA, the UK, the Western Balkans, the Eastern
# neighbours, the Caucasus, Turkey and Russia.
EUROPE = set(
    """
    AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK
    NO IS CH LI GB AL BA ME MK RS XK MD UA BY GE AM AZ TR RU
    """.split()
)
PATH = re.compile(r"(M\d+ \d+l-?\d+(?: ?-?\d+)*z)+")


def _outlines() -> dict[str, object]:
    content = read_data("europe.json", "map outlines")
    assert len(content) < 150_000
    outlines: dict[str, object] = json.loads(content)
    return outlines


def _points(path: str) -> list[tuple[int, int]]:
    """The absolute points of path data written as the build script writes it."""
    points = []
    for ring in re.findall(r"M[^M]+", path):
        x, y, *moves = (int(n) for n in re.findall(r"-?\d+", ring))
        points.append((x, y))
        for dx, dy in zip(moves[::2], moves[1::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
    return points


def test_the_shipped_outlines_have_the_promised_keys_and_size() -> None:
    outlines = _outlines()
    assert set(outlines) == {"about", "source", "projection", "view_box", "shapes", "markers"}
    source = outlines["source"]
    assert isinstance(source, dict)
    assert "Natural Earth" in source["data"]
    assert "public domain" in source["licence"]


def test_every_shape_is_keyed_by_an_iso_code_and_europe_is_complete() -> None:
    shapes = _outlines()["shapes"]
    assert isinstance(shapes, dict)
    assert set(shapes) <= ISO_CODES | {"XK"}
    assert set(shapes) >= EUROPE


def test_every_shape_is_path_data_inside_the_view_box() -> None:
    outlines = _outlines()
    x0, y0, width, height = outlines["view_box"]  # type: ignore[misc]
    shapes = outlines["shapes"]
    assert isinstance(shapes, dict)
    for code, path in shapes.items():
        assert PATH.fullmatch(path), code
        for x, y in _points(path):
            assert x0 <= x <= x0 + width, code
            assert y0 <= y <= y0 + height, code


def test_markers_sit_on_small_countries_that_have_a_shape() -> None:
    outlines = _outlines()
    markers, shapes = outlines["markers"], outlines["shapes"]
    assert isinstance(markers, dict)
    assert isinstance(shapes, dict)
    assert "MT" in markers
    for code, (x, y) in markers.items():
        xs, ys = zip(*_points(shapes[code]), strict=True)
        assert min(xs) <= x <= max(xs), code
        assert min(ys) <= y <= max(ys), code
