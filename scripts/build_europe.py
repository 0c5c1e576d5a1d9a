"""Regenerate ``src/emn/data/europe.json``: simplified, projected country outlines of Europe.

Run:  python scripts/build_europe.py

The outlines are Natural Earth's Admin 0 countries at 1:50m (public domain), as the npm
package world-atlas ships them in TopoJSON. The script fetches that package with ``npm pack``
(it needs npm and the npm registry; nothing else), then, in plain Python:

1. decodes the TopoJSON arcs (quantised, delta-encoded) into longitude and latitude;
2. projects them with the spherical Lambert azimuthal equal-area projection centred on
   52° N 10° E, the centre of EPSG:3035 (ETRS89-LAEA), on a sphere of the GRS80 authalic radius;
3. simplifies each arc with Douglas-Peucker, once, so that neighbours keep one shared border;
4. joins arcs into rings, clips the rings to a frame around Europe (Sutherland-Hodgman), drops
   islands too small to see, and scales the frame to a view box 1000 units wide;
5. writes each country as SVG path data in integer units, keyed by ISO 3166-1 alpha-2 code.

Natural Earth gives Kosovo no ISO code; it is keyed ``XK``, the code the European Commission and
CLDR use for it. Northern Cyprus is drawn as part of Cyprus (``CY``) and Åland as part of Finland
(``FI``), as the EU treats them. Run time reads the JSON and writes the paths into SVG as they
are: no geo library and no network.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "emn" / "data" / "europe.json"

PACKAGE = "world-atlas"
VERSION = "2.0.2"
MEMBER = "package/countries-50m.json"
NATURAL_EARTH = "4.1.0"

# Spherical Lambert azimuthal equal-area, as EPSG:3035 but on a sphere (km).
RADIUS = 6371.0072
LAT0, LON0 = math.radians(52.0), math.radians(10.0)
# The frame in projected km: Iceland to Azerbaijan, the North Cape to Crete and Cyprus.
FRAME = (-1800.0, -1950.0, 3400.0, 2300.0)  # x_min, y_min, x_max, y_max
WIDTH = 1000  # view-box units across the frame
TOLERANCE = 0.4  # Douglas-Peucker tolerance, in view-box units
MIN_AREA = 2.0  # rings smaller than this (square view-box units) are dropped...
SMALL = 8  # ...unless they are a country's largest; a country this size or less gets a marker

# ISO 3166-1 numeric -> alpha-2, for every country Natural Earth draws in or near the frame.
ALPHA2 = {
    "008": "AL", "012": "DZ", "020": "AD", "031": "AZ", "040": "AT", "051": "AM", "056": "BE",
    "070": "BA", "100": "BG", "112": "BY", "191": "HR", "196": "CY", "203": "CZ", "208": "DK",
    "233": "EE", "234": "FO", "246": "FI", "248": "FI", "250": "FR", "268": "GE", "275": "PS",
    "276": "DE", "300": "GR", "304": "GL", "336": "VA", "348": "HU", "352": "IS", "364": "IR",
    "368": "IQ", "372": "IE", "376": "IL", "380": "IT", "398": "KZ", "400": "JO", "414": "KW",
    "422": "LB", "428": "LV", "434": "LY", "438": "LI", "440": "LT", "442": "LU", "470": "MT",
    "492": "MC", "498": "MD", "499": "ME", "504": "MA", "528": "NL", "578": "NO", "616": "PL",
    "620": "PT", "642": "RO", "643": "RU", "674": "SM", "682": "SA", "688": "RS", "703": "SK",
    "705": "SI", "724": "ES", "752": "SE", "756": "CH", "760": "SY", "788": "TN", "792": "TR",
    "795": "TM", "804": "UA", "807": "MK", "818": "EG", "826": "GB", "831": "GG", "832": "JE",
    "833": "IM", "860": "UZ",
}  # fmt: skip
# Shapes Natural Earth gives no ISO numeric code, by the name it gives them.
BY_NAME = {"Kosovo": "XK", "N. Cyprus": "CY"}

Point = tuple[float, float]


def fetch(directory: Path) -> dict[str, Any]:
    """world-atlas's 1:50m countries, fetched from the npm registry with ``npm pack``."""
    subprocess.run(
        ["npm", "pack", "--silent", f"{PACKAGE}@{VERSION}"],
        cwd=directory,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    with tarfile.open(directory / f"{PACKAGE}-{VERSION}.tgz") as archive:
        member = archive.extractfile(MEMBER)
        if member is None:
            raise SystemExit(f"{PACKAGE} {VERSION} has no {MEMBER}")
        topology: dict[str, Any] = json.load(member)
    return topology


def project(lon: float, lat: float) -> Point:
    """Spherical Lambert azimuthal equal-area, in km from the centre; y grows northwards."""
    lam, phi = math.radians(lon) - LON0, math.radians(lat)
    cos_c = math.sin(LAT0) * math.sin(phi) + math.cos(LAT0) * math.cos(phi) * math.cos(lam)
    k = math.sqrt(2 / max(1 + cos_c, 1e-12))
    x = RADIUS * k * math.cos(phi) * math.sin(lam)
    y = (
        RADIUS
        * k
        * (math.cos(LAT0) * math.sin(phi) - math.sin(LAT0) * math.cos(phi) * math.cos(lam))
    )
    return x, y


def to_view(point: Point) -> Point:
    """Projected km to view-box units, y growing downwards as SVG has it."""
    x_min, _, x_max, y_max = FRAME
    scale = WIDTH / (x_max - x_min)
    return (point[0] - x_min) * scale, (y_max - point[1]) * scale


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Every arc as longitude and latitude (TopoJSON arcs are quantised and delta-encoded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def douglas_peucker(points: Sequence[Point], tolerance: float) -> list[Point]:
    """The points that keep the line within ``tolerance`` of itself; both ends always stay."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        farthest, distance = first, 0.0
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dy * px - dx * py + bx * ay - by * ax) / length
            if d > distance:
                farthest, distance = i, d
        if distance > tolerance:
            keep[farthest] = True
            stack.extend([(first, farthest), (farthest, last)])
    return [p for p, k in zip(points, keep, strict=True) if k]


def directed(index: int, arcs: Sequence[Sequence[Point]]) -> list[Point]:
    """Arc ``index`` in the direction a ring runs it; ``~i`` is arc ``i`` reversed."""
    return list(arcs[index]) if index >= 0 else list(reversed(arcs[~index]))


def stitch(rings: Sequence[Sequence[int]], arcs: Sequence[Sequence[Point]]) -> list[list[Point]]:
    """The rings of one country as points, borders between its own parts left out.

    A country assembled from several Natural Earth shapes (Cyprus and Northern Cyprus, Ukraine
    and Crimea) runs their common arcs once each way; those are dropped and the rest is chained
    end to start, so that no line is drawn across the country.
    """
    used = {i for ring in rings for i in ring}
    inner = {i for i in used if ~i in used}
    pieces = [directed(i, arcs) for ring in rings for i in ring if i not in inner]
    starts: dict[Point, list[int]] = {}
    for n, piece in enumerate(pieces):
        starts.setdefault(piece[0], []).append(n)
    done: set[int] = set()
    out = []
    for n in range(len(pieces)):
        if n in done:
            continue
        done.add(n)
        points = list(pieces[n])
        while points[-1] != points[0]:
            following = [m for m in starts.get(points[-1], []) if m not in done]
            if not following:
                break
            done.add(following[0])
            points.extend(pieces[following[0]][1:])
        out.append(points)
    return out


def _crossing(p: Point, q: Point, axis: int, value: float) -> Point:
    t = (value - p[axis]) / (q[axis] - p[axis])
    x, y = p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t
    return (value, y) if axis == 0 else (x, value)


def clip(points: Sequence[Point], width: float, height: float) -> list[Point]:
    """Sutherland-Hodgman: the ring clipped to the view box [0, width] x [0, height]."""
    result = list(points)
    for axis, value, keep_above in (
        (0, 0, True),
        (0, width, False),
        (1, 0, True),
        (1, height, False),
    ):

        def inside(
            p: Point, axis: int = axis, value: float = value, above: bool = keep_above
        ) -> bool:
            return p[axis] >= value if above else p[axis] <= value

        clipped: list[Point] = []
        for i, current in enumerate(result):
            previous = result[i - 1]
            if inside(current):
                if not inside(previous):
                    clipped.append(_crossing(previous, current, axis, value))
                clipped.append(current)
            elif inside(previous):
                clipped.append(_crossing(previous, current, axis, value))
        result = clipped
        if not result:
            break
    return result


def area(points: Sequence[Point]) -> float:
    """The ring's area (shoelace), unsigned."""
    total = 0.0
    for i, (x, y) in enumerate(points):
        px, py = points[i - 1]
        total += px * y - x * py
    return abs(total) / 2


def rounded(points: Sequence[Point]) -> list[tuple[int, int]]:
    """The ring in whole units, without repeated points; empty if it collapses."""
    out: list[tuple[int, int]] = []
    for x, y in points:
        p = (round(x), round(y))
        if not out or out[-1] != p:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out if len(out) >= 3 else []


def path(rings: Sequence[Sequence[tuple[int, int]]]) -> str:
    """SVG path data: an absolute move, then relative lines, for each ring."""
    parts = []
    for points in rings:
        (x0, y0), previous = points[0], points[0]
        text = ""
        for x, y in points[1:]:
            for n in (x - previous[0], y - previous[1]):
                text += str(n) if (n < 0 or not text) else f" {n}"
            previous = (x, y)
        parts.append(f"M{x0} {y0}l{text}z")
    return "".join(parts)


def _in_crimea(polygon: Sequence[Sequence[int]], arcs: Sequence[Sequence[Point]]) -> bool:
    points = [p for ring in polygon for i in ring for p in directed(i, arcs)]
    return all(32.0 <= lon <= 37.0 and 44.0 <= lat <= 46.3 for lon, lat in points)


def build(topology: dict[str, Any]) -> dict[str, Any]:
    """The content of europe.json from world-atlas's TopoJSON."""
    geographic = decode_arcs(topology)
    arcs = [
        douglas_peucker([to_view(project(lon, lat)) for lon, lat in arc], TOLERANCE)
        for arc in geographic
    ]
    x_min, y_min, x_max, y_max = FRAME
    height = round(WIDTH * (y_max - y_min) / (x_max - x_min))
    countries: dict[str, list[list[int]]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = ALPHA2.get(geometry.get("id")) or BY_NAME.get(geometry["properties"]["name"])
        if code is None or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        for polygon in polygons:
            # Natural Earth 4.1.0 draws Crimea as part of Russia; the EU holds it to be Ukraine's.
            owner = "UA" if code == "RU" and _in_crimea(polygon, geographic) else code
            countries.setdefault(owner, []).extend(polygon)
    shapes: dict[str, str] = {}
    markers: dict[str, list[int]] = {}
    for code in sorted(countries):
        rings = [clip(r, WIDTH, height) for r in stitch(countries[code], arcs)]
        rings = sorted((r for r in rings if r), key=area, reverse=True)
        if not rings:
            continue
        kept = [rings[0]] + [r for r in rings[1:] if area(r) >= MIN_AREA]
        whole = [r for r in map(rounded, kept) if r]
        if not whole:
            continue
        shapes[code] = path(whole)
        xs = [x for r in whole for x, _ in r]
        ys = [y for r in whole for _, y in r]
        inside = min(xs) > 0 and min(ys) > 0 and max(xs) < WIDTH and max(ys) < height
        if inside and max(xs) - min(xs) <= SMALL and max(ys) - min(ys) <= SMALL:
            markers[code] = [round((max(xs) + min(xs)) / 2), round((max(ys) + min(ys)) / 2)]
    return {
        "about": (
            "Country outlines of Europe as SVG path data, keyed by ISO 3166-1 alpha-2 code "
            "(XK: Kosovo). Generated by scripts/build_europe.py; see PROVENANCE.md."
        ),
        "source": {
            "data": f"Natural Earth {NATURAL_EARTH}, Admin 0 countries, 1:50m",
            "package": f"{PACKAGE} {VERSION} (npm)",
            "repository": "https://github.com/topojson/world-atlas",
            "licence": "Natural Earth: public domain; world-atlas's packaging: ISC",
        },
        "projection": (
            "Lambert azimuthal equal-area on a sphere, centred on 52N 10E as EPSG:3035; "
            f"frame {list(FRAME)} km, scaled to the view box"
        ),
        "view_box": [0, 0, WIDTH, height],
        "shapes": shapes,
        "markers": markers,
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as directory:
        topology = fetch(Path(directory))
    content = build(topology)
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    TARGET.write_text(text + "\n", encoding="utf-8")
    size = len(text.encode("utf-8")) + 1
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(content['shapes'])} shapes, {size} bytes")


if __name__ == "__main__":
    sys.exit(main())
