"""The charts: the shipped map outlines, the map and the timeline, checked against the data."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import emn
import emn.charts
import emn.exceptions
import emn.model
from emn._countries import ISO_CODES
from emn._resources import read_data
from tests import strategies

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


# -- the map and the timeline against network(as_of=...) ------------------------------------

SVG = "{http://www.w3.org/2000/svg}"
TODAY = dt.date.today()
DAYS = [dt.date(2009, 6, 1), dt.date(2015, 6, 1), dt.date(2021, 6, 1), dt.date(2023, 6, 1), TODAY]


def _parse(chart: emn.charts.Chart) -> ET.Element:
    return ET.fromstring(chart.svg)


def _status(code: str, day: dt.date) -> str:
    """What ``emn.network(as_of=day)`` says of a country, in the charts' words."""
    on_day = emn.network(as_of=day)
    for ncp in on_day.ncps:
        if ncp.country.code == code:
            known = ncp.status is not None and ncp.status is not emn.Status.PARTICIPANT
            return ncp.status.value if known else "undetermined"  # type: ignore[union-attr]
    if code in {c.code for c in on_day.undetermined}:
        return "undetermined"
    if code in {n.country.code for n in on_day.former_ncps}:
        return "not_participating"  # the United Kingdom after it left the EU
    through_ncp = [
        p
        for p in emn.network().participations
        if p.country.code == code and p.scope is emn.model.Scope.NCP
    ]
    if through_ncp and all(p.status is emn.Status.NOT_PARTICIPATING for p in through_ncp):
        return "not_participating"  # Denmark
    return "absent"


def _countries(root: ET.Element) -> dict[str, ET.Element]:
    return {g.get("data-code", ""): g for g in root.iter(f"{SVG}g") if g.get("data-code")}


def _bars(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter(f"{SVG}rect") if e.get("class") == "bar"]


def _texts(root: ET.Element) -> list[str]:
    return [e.text or "" for e in root.iter() if e.tag in (f"{SVG}text", f"{SVG}title")]


@pytest.mark.parametrize("day", DAYS, ids=lambda d: "today" if d == TODAY else str(d))
def test_the_map_colours_every_country_as_the_network_on_that_day(day: dt.date) -> None:
    countries = _countries(_parse(emn.charts.europe(day)))
    then = emn.network(as_of=day)
    assert {n.country.code for n in then.ncps} <= set(countries)
    for code, shape in countries.items():
        assert shape.get("data-status") == _status(code, day), code
    statuses = [g.get("data-status") for g in countries.values()]
    # Denmark, and the United Kingdom once it had left.
    assert statuses.count("not_participating") == (1 if day < dt.date(2020, 2, 1) else 2)
    assert len([n for n in then.ncps if n.status is not None]) == sum(
        s in ("member_state", "observer", "associated_member") for s in statuses
    )


def test_the_map_shows_every_shipped_shape_once() -> None:
    shapes = _outlines()["shapes"]
    assert isinstance(shapes, dict)
    countries = _countries(_parse(emn.charts.europe(dt.date(2023, 6, 1))))
    assert set(countries) == set(shapes)


@pytest.mark.parametrize("day", DAYS, ids=lambda d: "today" if d == TODAY else str(d))
def test_the_timeline_bar_on_a_day_has_the_status_the_network_gives(day: dt.date) -> None:
    bars = _bars(_parse(emn.charts.timeline()))
    rows = {bar.get("data-code", "") for bar in bars}
    then = emn.network(as_of=day)
    assert {n.country.code for n in then.ncps} | {c.code for c in then.undetermined} <= rows
    for code in rows:
        covering = [
            bar.get("data-status")
            for bar in bars
            if bar.get("data-code") == code
            and dt.date.fromisoformat(bar.get("data-from", "")) <= day
            and day < dt.date.fromisoformat(bar.get("data-until", ""))
        ]
        expected = _status(code, day)
        assert covering == ([] if expected in ("absent", "not_participating") else [expected])


def test_the_timeline_has_one_row_per_country_that_ever_took_part() -> None:
    root = _parse(emn.charts.timeline())
    rows = {bar.get("data-code") for bar in _bars(root)}
    assert "DK" not in rows
    assert {"SI", "AT", "GE", "AM", "MK"} <= rows
    names = {emn.country_name(code) for code in rows if code}
    assert names <= set(_texts(root))


def test_names_and_words_are_in_the_chosen_language() -> None:
    polish = _texts(_parse(emn.charts.europe(dt.date(2023, 6, 1), locale="pl")))
    assert any(t.startswith("Słowenia\n") for t in polish)
    assert "Europejska Sieć Migracyjna, 1 czerwca 2023" in polish
    assert "obserwator" in polish
    slovene = _texts(_parse(emn.charts.timeline(locale="sl")))
    assert "Slovenija" in slovene
    assert "danes" in slovene
    assert "ni mogoče določiti" in slovene
    english = _texts(_parse(emn.charts.europe(dt.date(2023, 6, 1))))
    assert "European Migration Network, June 1, 2023" in english


def test_rows_that_start_together_follow_the_alphabet_of_the_language() -> None:
    from emn.charts import _order

    assert sorted(["Češka", "Ciper", "Bolgarija"], key=_order) == ["Bolgarija", "Ciper", "Češka"]
    assert sorted(["Włochy", "Łotwa", "Luksemburg", "Malta"], key=_order) == [
        "Luksemburg",
        "Łotwa",
        "Malta",
        "Włochy",
    ]


def test_every_bar_and_mark_has_a_title_with_its_sources() -> None:
    root = _parse(emn.charts.timeline())
    marked = [e for e in root.iter() if e.get("class") in ("bar", "mark")]
    assert len(marked) > 40
    for element in marked:
        title = element.find(f"{SVG}title")
        assert title is not None
        assert title.text
    georgia = [b for b in _bars(root) if b.get("data-code") == "GE"]
    assert georgia[-1].get("data-status") == "observer"
    assert "emnbelgium" in (georgia[-1].findtext(f"{SVG}title") or "")


def test_the_timeline_marks_the_decision_today_events_and_the_composition() -> None:
    root = _parse(emn.charts.timeline())
    texts = _texts(root)
    assert "entry into force: Council Decision 2008/381/EC" in texts
    assert "today" in texts
    marks = [e for e in root.iter() if e.get("class") == "mark"]
    slovenia = {(m.get("data-code"), m.get("data-kind")) for m in marks}
    assert ("SI", "composition") in slovenia
    assert ("PT", "event") in slovenia
    titles = [m.findtext(f"{SVG}title") or "" for m in marks]
    assert any("Mar 27, 2014" in t for t in titles)


def test_the_charts_follow_the_dated_records_member_states_and_the_uk_in_and_then_out() -> None:
    before = _countries(_parse(emn.charts.europe(dt.date(2015, 6, 1))))
    after = _countries(_parse(emn.charts.europe(dt.date(2023, 6, 1))))
    assert before["SI"].get("data-status") == after["SI"].get("data-status") == "member_state"
    assert before["GB"].get("data-status") == "member_state"
    assert after["GB"].get("data-status") == "not_participating"
    assert before["RS"].get("data-status") == "absent"
    assert after["RS"].get("data-status") == "observer"
    bars = _bars(_parse(emn.charts.timeline()))
    uk = [b for b in bars if b.get("data-code") == "GB"]
    assert [(b.get("data-status"), b.get("data-from"), b.get("data-until")) for b in uk] == [
        ("member_state", "2008-05-21", "2020-02-01")
    ]
    croatia = [
        (b.get("data-status"), b.get("data-from")) for b in bars if b.get("data-code") == "HR"
    ]
    assert croatia == [("member_state", "2013-07-01")]
    host_marks = [
        m.findtext(f"{SVG}title") or ""
        for m in _parse(emn.charts.timeline()).iter()
        if m.get("class") == "mark" and m.get("data-code") == "HR"
    ]
    assert any(
        "organizacije za migracije: hosts the NCP (emn-gov-hr-about-en)" in t for t in host_marks
    ), host_marks


# -- Chart and its arguments -----------------------------------------------------------------


def test_a_chart_is_frozen_and_shows_itself_in_jupyter() -> None:
    chart = emn.charts.europe(dt.date(2023, 6, 1))
    assert chart._repr_svg_() == chart.svg
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        chart.svg = ""  # type: ignore[misc]
    root = _parse(chart)
    assert root.get("viewBox")
    assert root.get("width") == "800"


def test_save_writes_the_file_and_refuses_to_overwrite(tmp_path: Path) -> None:
    chart = emn.charts.europe(dt.date(2023, 6, 1))
    target = tmp_path / "map.svg"
    assert chart.save(target) == target
    assert target.read_text(encoding="utf-8") == chart.svg
    other = emn.charts.europe(dt.date(2009, 6, 1))
    with pytest.raises(emn.exceptions.UnwritableFile, match="overwrite=True"):
        other.save(target)
    assert target.read_text(encoding="utf-8") == chart.svg
    other.save(str(target), overwrite=True)
    assert target.read_text(encoding="utf-8") == other.svg
    assert [p.name for p in tmp_path.iterdir()] == ["map.svg"]


def test_save_into_a_missing_directory_says_so(tmp_path: Path) -> None:
    with pytest.raises(emn.exceptions.UnwritableFile, match="cannot write the chart"):
        emn.charts.timeline().save(tmp_path / "missing" / "timeline.svg")


def test_text_from_the_data_is_escaped() -> None:
    network = emn.network()
    hostile = '<script>alert("x")</script> & \x01 ]]>'
    slovenia = network.ncp("SI")
    event = emn.model.Event(summary=hostile, source="a<b&c", when="2010-01-01")
    changed = attrs.evolve(slovenia, history=(*slovenia.history, event))
    svg = emn.charts.timeline(
        attrs.evolve(network, ncps=[changed if n is slovenia else n for n in network.ncps])
    ).svg
    assert "<script>" not in svg
    titles = [e.text or "" for e in ET.fromstring(svg).iter(f"{SVG}title")]
    assert any('<script>alert("x")</script> & \ufffd ]]> (a<b&c)' in t for t in titles)


@given(st.text(max_size=40))
def test_any_event_text_gives_well_formed_svg(summary: str) -> None:
    network = emn.network()
    slovenia = network.ncp("SI")
    if not summary.strip():
        return
    event = emn.model.Event(summary=summary, source="s", when="2010")
    changed = attrs.evolve(slovenia, history=(event,))
    ET.fromstring(
        emn.charts.timeline(
            attrs.evolve(network, ncps=[changed if n is slovenia else n for n in network.ncps])
        ).svg
    )


participations = strategies.participations
STATUSES = {s.value for s in emn.Status} | {"undetermined", "absent"}


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(strategies.ncps, max_size=6, unique_by=lambda n: n.country.code),
    st.lists(participations, max_size=8),
    strategies.dates,
)
def test_any_network_draws_as_well_formed_svg_in_the_known_statuses(
    ncps: list[emn.NationalContactPoint],
    claims: list[emn.Participation],
    day: dt.date,
) -> None:
    network = attrs.evolve(emn.network(), ncps=ncps, participations=claims)
    for chart in (emn.charts.timeline(network), emn.charts.europe(day, network=network)):
        root = _parse(chart)
        statuses = {e.get("data-status") for e in root.iter() if e.get("data-status")}
        assert statuses <= STATUSES
    bars = _bars(_parse(emn.charts.timeline(network)))
    assert all(b.get("data-status") != "not_participating" for b in bars)


@pytest.mark.parametrize("junk", [5, "SI", {}, [], emn.Status.OBSERVER], ids=repr)
def test_a_network_that_is_not_one_is_a_type_error(junk: object) -> None:
    with pytest.raises(TypeError, match="network"):
        emn.charts.timeline(junk)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="network"):
        emn.charts.europe(network=junk)  # type: ignore[arg-type]


@given(
    st.one_of(
        st.integers(),
        st.text(),
        st.floats(),
        st.datetimes(),
        st.lists(st.integers()),
        st.builds(object),
    )
)
def test_a_day_that_is_not_a_date_is_a_type_error(junk: object) -> None:
    with pytest.raises(TypeError, match="as_of"):
        emn.charts.europe(junk)  # type: ignore[arg-type]


@pytest.mark.parametrize(("path", "overwrite"), [(5, False), (None, False), ("x.svg", "yes")])
def test_save_with_junk_arguments_is_a_type_error(path: object, overwrite: object) -> None:
    with pytest.raises(TypeError, match="path" if overwrite is False else "overwrite"):
        emn.charts.Chart("<svg/>").save(path, overwrite=overwrite)  # type: ignore[arg-type]


def test_an_unknown_locale_is_named() -> None:
    with pytest.raises(emn.exceptions.UnknownLocale, match="xx-XX"):
        emn.charts.europe(locale="xx-XX")
    with pytest.raises(emn.exceptions.UnknownLocale, match="xx-XX"):
        emn.charts.timeline(locale="xx-XX")


def test_importing_the_charts_loads_neither_babel_nor_the_data() -> None:
    probe = (
        "import sys; import emn.charts; from emn import _dataset; "
        "print('babel' in sys.modules, _dataset._network is not None)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
