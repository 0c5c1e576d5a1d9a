"""Pictures of the network as SVG: a timeline of who took part when, and a map of Europe.

>>> import datetime, emn.charts
>>> chart = emn.charts.europe(datetime.date(2023, 6, 1), locale="pl")
>>> chart.svg.startswith("<svg")
True
>>> 'data-code="SI"' in chart.svg
True

Both charts are drawn from the dated records alone, through :func:`emn.network` with
``as_of``: a country is drawn in a status on the days a dated record shows its NCP in place
in that status, hatched ("undetermined") where the records cannot say, and not at all (the
timeline) or in plain grey (the map) where it takes no part. As the dataset gains dates, the
pictures fill in by themselves.

Every country's shape (the map) and every bar (the timeline) carries ``data-code`` (its ISO
code) and ``data-status`` (a :class:`emn.Status` value, ``undetermined``, ``absent``, or on the
map ``not_participating``), and an SVG ``<title>`` that a browser shows on hover: the country,
the status, the days and the ids of the sources.

Colours come from the Okabe-Ito palette (Okabe and Ito, *Color Universal Design*, 2008),
which people with any common form of colour blindness tell apart; "undetermined" is a grey
hatching rather than a colour. Text is real SVG text, selectable and in the chosen language.
The map's outlines are Natural Earth's (public domain), shipped as ``emn/data/europe.json``.
"""

from __future__ import annotations

import datetime
import itertools
import os
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any
from xml.sax import saxutils

import attrs

from ._i18n import N_, current_locale, format_date, gettext, translator

if TYPE_CHECKING:
    from ._model import NationalContactPoint, When
    from ._network import Network
    from ._precedence import Reading

__all__ = ["Chart", "europe", "timeline"]

#: Okabe-Ito colours for each status; "undetermined" is hatched grey, "absent" plain grey.
COLOURS = MappingProxyType(
    {
        "member_state": "#0072B2",  # blue
        "observer": "#E69F00",  # orange
        "associated_member": "#009E73",  # bluish green
        "not_participating": "#CC79A7",  # reddish purple
        "absent": "#DDDDDD",
    }
)
_EVENT = "#000000"
_COMPOSITION = "#D55E00"  # vermillion
_HATCH = "emn-undetermined"
_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
_TEXT = "#222222"
_DASH = "\u2013"  # an en dash between two days

# Words of the charts' own; the statuses' words are the Status labels.
_UNDETERMINED = N_("undetermined")
_ABSENT = N_("not in the network")
_TODAY = N_("today")
_IN_FORCE = N_("entry into force: {act}")
_CAPTION = N_("European Migration Network, {when}")
_DATED_EVENT = N_("dated event")


@attrs.frozen
class Chart:
    """An SVG picture: ``svg`` holds the text; Jupyter shows it; :meth:`save` writes it."""

    svg: str = attrs.field(repr=False)

    def _repr_svg_(self) -> str:
        return self.svg

    def save(self, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Write the SVG to ``path`` (UTF-8) and return the path written.

        An existing file is kept unless ``overwrite`` is true:
        :class:`emn.exceptions.UnwritableFile` says so. The file appears whole or not at all:
        it is written beside its target under a temporary name, then moved into place.
        """
        from ._i18n import N_
        from .exceptions import UnwritableFile

        exists = N_("the file exists; pass overwrite=True to replace it")
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"path: expected a str or a path, got {type(path).__name__}")
        if not isinstance(overwrite, bool):
            raise TypeError(f"overwrite: expected True or False, got {type(overwrite).__name__}")
        target = Path(path)
        if not overwrite and target.exists():
            raise UnwritableFile.of(str(target), exists)
        import secrets

        temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(self.svg.encode("utf-8"))
            if overwrite:
                os.replace(temporary, target)
            else:
                _move_without_replacing(temporary, target)
        except FileExistsError:
            raise UnwritableFile.of(str(target), exists) from None
        except OSError as err:
            reason = N_("cannot write the chart: {error}")
            raise UnwritableFile.of(str(target), reason, error=err.strerror or err) from None
        finally:
            if temporary.exists():
                temporary.unlink()
        return target


def _move_without_replacing(source: Path, target: Path) -> None:
    """Put ``source`` at ``target``, failing with FileExistsError if ``target`` exists."""
    try:
        # A hard link never replaces a file, even one that appeared since the caller looked.
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:
        # No hard links on this file system (FAT, some network drives): the caller's check
        # that the target does not exist has to do.
        os.replace(source, target)


# -- shared helpers ---------------------------------------------------------------------------


def _network(network: object) -> Network:
    from ._dataset import network as bundled
    from ._network import Network

    if network is None:
        return bundled()
    if not isinstance(network, Network):
        raise TypeError(f"network: expected an emn.Network, got {type(network).__name__}")
    return network


def _day(value: object, argument: str) -> datetime.date:
    if value is None:
        return datetime.date.today()
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise TypeError(f"{argument}: expected a datetime.date, got {type(value).__name__}")
    return value


def _snapshot(network: Network, day: datetime.date) -> Network:
    from ._asof import snapshot

    return snapshot(network, day)


def _name(code: str, locale: object) -> str:
    """The country's name in ``locale``; CLDR names Kosovo (XK) though ISO assigns no code."""
    from ._countries import country_name
    from ._i18n import parse_locale
    from .exceptions import InvalidData

    try:
        return country_name(code, locale)
    except InvalidData:
        name: str = parse_locale(locale or "en").territories.get(code, code)
        return name


def _label(status: str, locale: object) -> str:
    from ._model import Status

    if status == "undetermined":
        return gettext(_UNDETERMINED, locale)
    if status == "absent":
        return gettext(_ABSENT, locale)
    word: str = Status(status).label(locale)
    return word


def _when(day: datetime.date, locale: object, format: str = "medium") -> str:
    return format_date(day, "en" if locale is None else locale, format)


# Letters that Unicode does not decompose into a base letter and a mark.
_BASE_LETTERS = str.maketrans({"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d"})


def _order(name: str) -> tuple[tuple[str, bool], ...]:
    """A key that sorts names letter by letter, a letter with a mark after the plain one.

    Slovenian and Polish order their alphabets so (C before Č, L before Ł): Ciper, Češka;
    Luksemburg, Łotwa, Malta. Babel has no collation that would do better.
    """
    import unicodedata

    key = []
    for letter in name:
        plain = letter.translate(_BASE_LETTERS)
        decomposed = unicodedata.normalize("NFD", plain)
        base = "".join(c for c in decomposed if not unicodedata.combining(c)) or letter
        key.append((base.casefold(), plain != letter or decomposed != plain))
    return tuple(key)


def _width(text: str, size: float) -> float:
    """A generous guess at the width of ``text`` in a sans-serif font of ``size``."""
    return len(text) * size * 0.6


# Characters XML 1.0 forbids even when escaped: control characters, surrogates, U+FFFE/F.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _escape(text: str) -> str:
    """``text`` as XML character data: ``&<>`` escaped, characters XML forbids replaced."""
    return saxutils.escape(_NOT_XML.sub("\ufffd", text))


def _quoteattr(text: str) -> str:
    """``text`` as a quoted XML attribute value, escaped as :func:`_escape` does."""
    return saxutils.quoteattr(_NOT_XML.sub("\ufffd", text))


def _attributes(**values: object) -> str:
    return "".join(
        f" {key.rstrip('_').replace('_', '-')}={_quoteattr(_number(v))}"
        for key, v in values.items()
        if v is not None
    )


def _number(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return str(value)


def _element(tag: str, content: str = "", **values: object) -> str:
    attributes = _attributes(**values)
    return f"<{tag}{attributes}>{content}</{tag}>" if content else f"<{tag}{attributes}/>"


def _text(x: float, y: float, text: str, size: float = 11, **values: object) -> str:
    return _element("text", _escape(text), x=x, y=y, font_size=size, **values)


def _title(text: str) -> str:
    return f"<title>{_escape(text)}</title>"


def _svg(width: float, height: float, caption: str, body: Iterable[str], shown: float) -> str:
    """The root element: a view box of ``width`` x ``height``, shown ``shown`` pixels wide."""
    view = f"0 0 {_number(width)} {_number(height)}"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view}" '
        f'width="{_number(shown)}" height="{_number(height * shown / width)}" '
        f'role="img" font-family={_quoteattr(_FONT)} fill={_quoteattr(_TEXT)}>'
    )
    hatch = (
        f'<defs><pattern id="{_HATCH}" patternUnits="userSpaceOnUse" width="5" height="5" '
        'patternTransform="rotate(45)"><rect width="5" height="5" fill="#F4F4F4"/>'
        '<line x1="0" y1="0" x2="0" y2="5" stroke="#8C8C8C" stroke-width="1.6"/>'
        "</pattern></defs>"
    )
    return head + _title(caption) + hatch + "".join(body) + "</svg>\n"


def _fill(status: str) -> str:
    return f"url(#{_HATCH})" if status == "undetermined" else COLOURS[status]


def _reading(network: Network) -> Reading:
    from ._precedence import Reading

    return Reading.of(network)


def _sources(reading: Reading, day_network: Network, code: str, status: str) -> list[str]:
    """The ids of the sources behind a country's status on ``day_network.as_of``."""
    ncp = next((n for n in day_network.ncps if n.country.code == code), None)
    if ncp is None:
        # Undetermined, not participating or gone: the records, dated or not, that name it.
        claims = reading.records(code)
        wanted = [p for p in claims if status != "not_participating" or p.status.value == status]
        found = [p.source for p in wanted or claims]
        return list(dict.fromkeys(found))
    words = {status, "participant"}
    found = [
        p.source for p in ncp.participations if p.scope.value == "ncp" and p.status.value in words
    ]
    return list(dict.fromkeys(found or ncp.sources))


def _unknown(ncp: NationalContactPoint) -> bool:
    """True if the NCP is in place on its day but no record gives a word for its status."""
    return ncp.status is None or ncp.status.value == "participant"


def _present(ncp: NationalContactPoint) -> str:
    # An NCP in place in a status no record gives a word for is drawn as undetermined: the
    # picture never guesses a status.
    return "undetermined" if _unknown(ncp) else str(ncp.status.value)  # type: ignore[union-attr]


def _statuses(reading: Reading, day_network: Network) -> dict[str, str]:
    """Each country's status on the day: an NCP's, undetermined, or not participating (no NCP
    ever, as Denmark, or no longer, as the United Kingdom after it left the EU)."""
    day = day_network.as_of or reading.today
    found = {n.country.code: _present(n) for n in day_network.ncps}
    for country in day_network.undetermined:
        found.setdefault(country.code, "undetermined")
    for ncp in day_network.former_ncps:
        found.setdefault(ncp.country.code, "not_participating")
    for code in reading.participations:
        if code not in found:
            decided, status, _ = reading.participation(code, day)
            if decided == "out" and status is not None and status.value == "not_participating":
                found[code] = "not_participating"
    return found


def _hover(reading: Reading, day_network: Network, code: str, status: str, locale: object) -> str:
    lines = [_name(code, locale), _label(status, locale)]
    ncp = next((n for n in day_network.ncps if n.country.code == code), None)
    if ncp is not None and _unknown(ncp):
        lines[1] = f"{gettext('status', locale)}: {gettext('unknown', locale)}"
    if status != "absent":
        ids = ", ".join(_sources(reading, day_network, code, status))
        lines.append(f"{gettext('sources', locale)}: {ids}")
    return "\n".join(lines)


def _legend(
    items: Sequence[tuple[str, str]], x0: float, y0: float, right: float, size: float
) -> tuple[list[str], float]:
    """Legend swatches (``(svg of a swatch at 0,0, label)``) in rows; returns its bottom."""
    out = []
    x, y = x0, y0
    step = size * 1.7
    for swatch, label in items:
        width = size * 1.6 + _width(label, size) + size * 1.4
        if x > x0 and x + width > right:
            x, y = x0, y + step
        out.append(f'<g transform="translate({_number(x)} {_number(y)})">{swatch}</g>')
        out.append(_text(x + size * 1.6, y + size * 0.85, label, size))
        x += width
    return out, y + step


def _swatch(status: str, size: float) -> str:
    return _element(
        "rect",
        width=size * 1.2,
        height=size,
        fill=_fill(status),
        stroke="#8C8C8C" if status in ("undetermined", "absent") else None,
        stroke_width=0.5,
    )


# -- the map ----------------------------------------------------------------------------------

_lock = threading.Lock()
_outlines: dict[str, Any] | None = None


def _europe() -> dict[str, Any]:
    """The shipped outlines, read on first use, once, under a lock."""
    global _outlines
    if _outlines is None:
        with _lock:
            if _outlines is None:
                import json

                from ._resources import read_data

                content = read_data("europe.json", "map outlines")
                _outlines = json.loads(content.decode("utf-8"))
    return _outlines


_MAP_STATUSES = (
    "member_state",
    "observer",
    "associated_member",
    "undetermined",
    "not_participating",
    "absent",
)


def europe(
    as_of: datetime.date | None = None, *, network: Network | None = None, locale: object = None
) -> Chart:
    """A map of Europe, each country coloured by its status in the EMN on ``as_of`` (today).

    Member states, observers and associated members in their colours; hatched grey where the
    dated records cannot place a country's NCP; Denmark (and any country a source says takes
    no part) in reddish purple; everyone else plain grey. Names, legend and the day in the
    caption are in ``locale``. ``network`` defaults to the bundled one.

    >>> import datetime, emn.charts
    >>> svg = emn.charts.europe(datetime.date(2023, 6, 1)).svg
    >>> 'data-code="UA" data-status="observer"' in svg
    True
    """
    day = _day(as_of, "as_of")
    whole = _network(network)
    locale = current_locale(locale)
    translator(locale)  # an unknown locale fails here, before any drawing
    then = _snapshot(whole, day)
    reading = _reading(whole)
    statuses = _statuses(reading, then)
    outlines = _europe()
    _, _, width, height = outlines["view_box"]
    top = 48.0
    caption = gettext(_CAPTION, locale).format(when=_when(day, locale, "long"))
    body = [
        _text(12, 32, caption, 22, font_weight="bold"),
        f'<g transform="translate(0 {_number(top)})">',
        _element("rect", width=width, height=height, fill="#EEF4F9"),
    ]
    shapes: dict[str, str] = outlines["shapes"]
    order = sorted(shapes, key=lambda code: (statuses.get(code, "absent") != "absent", code))
    for code in order:
        status = statuses.get(code, "absent")
        hover = _hover(reading, then, code, status, locale)
        path = _element(
            "path",
            d=shapes[code],
            fill=_fill(status),
            stroke="#FFFFFF",
            stroke_width=0.6,
            stroke_linejoin="round",
        )
        marker = ""
        if status != "absent" and code in outlines["markers"]:
            x, y = outlines["markers"][code]
            marker = _element(
                "circle", cx=x, cy=y, r=6, fill=_fill(status), stroke="#444444", stroke_width=1
            )
        body.append(
            f"<g{_attributes(data_code=code, data_status=status)}>{_title(hover)}{path}{marker}</g>"
        )
    body.append(_element("rect", width=width, height=height, fill="none", stroke="#BBBBBB"))
    body.append("</g>")
    legend, bottom = _legend(
        [(_swatch(s, 16), _label(s, locale)) for s in _MAP_STATUSES],
        12,
        top + height + 14,
        width - 12,
        16,
    )
    body.extend(legend)
    return Chart(_svg(width, bottom + 6, caption, body, 800))


# -- the timeline -----------------------------------------------------------------------------


def _period(when: When | None) -> list[datetime.date]:
    """The first day a time may denote and the day after its last (none for a bound)."""
    if when is None or when.earliest is None:
        return []
    return [when.earliest, when.latest + datetime.timedelta(days=1)]


def _boundaries(network: Network, end: datetime.date) -> list[datetime.date]:
    """Every day on which what the dated records say may change, up to ``end``."""
    days = {network.legal_basis.in_force, end}
    ncps = (*network.ncps, *network.former_ncps)
    validities = [p.valid for p in network.participations]
    validities += [h.valid for n in ncps for h in n.hosts]
    for valid in validities:
        days.update(_period(valid.start))
        days.update(_period(valid.end))
        if valid.end is not None:
            days.add(valid.end.latest + datetime.timedelta(days=1))
    for ncp in ncps:
        for event in ncp.history:
            days.update(_period(event.when))
        if ncp.last_changed:
            days.add(ncp.last_changed)
    return sorted(d for d in days if d <= end)


@attrs.frozen
class _Bar:
    code: str
    status: str
    start: datetime.date
    end: datetime.date
    sources: tuple[str, ...]
    unknown_status: bool


def _on(
    reading: Reading, ncp: NationalContactPoint | None, code: str, day: datetime.date
) -> tuple[str, bool, tuple[str, ...]] | None:
    """A country's state on ``day``, if it takes part or may: its status, whether no record
    gives it a word, and the sources behind it. What a snapshot would say, without building
    one (the timeline asks for many days)."""
    from ._precedence import may_hold

    decided, status, _ = reading.participation(code, day)
    claims = reading.records(code)
    if decided == "out":
        return None
    if decided == "undetermined" or ncp is None:
        # Undetermined, or taking part with no NCP any source names.
        return "undetermined", False, tuple(dict.fromkeys(p.source for p in claims))
    unknown = status is None or status.value == "participant"
    shown = "undetermined" if unknown else str(status.value)  # type: ignore[union-attr]
    words = {shown, "participant"}
    sources = [p.source for p in claims if p.status.value in words and may_hold(p, day)]
    return shown, unknown, tuple(dict.fromkeys(sources or ncp.sources))


def _bars(network: Network, days: Sequence[datetime.date], end: datetime.date) -> list[_Bar]:
    """Each country's runs of one status between the days on which its records may change."""
    reading = _reading(network)
    ncps = {n.country.code: n for n in (*network.ncps, *network.former_ncps)}
    bars: list[_Bar] = []
    for code in sorted({*ncps, *reading.participations}):
        # Only a country's own records change its state; the first day starts every row.
        own = {days[0], end}
        for claim in reading.records(code):
            own.update(_period(claim.valid.start))
            own.update(_period(claim.valid.end))
            own.update(_period(claim.observed))
            if claim.valid.end is not None:  # "by 2020" ends at the latest on its last day
                own.add(claim.valid.end.latest + datetime.timedelta(days=1))
        own = {d for d in own if days[0] <= d <= end}
        ordered = sorted(own)
        run: _Bar | None = None
        # The state on each day holds until the next; the last one holds on ``end`` too.
        for day, following in [
            *itertools.pairwise(ordered),
            (end, end + datetime.timedelta(days=1)),
        ]:
            state = _on(reading, ncps.get(code), code, day)
            if state is None:
                if run is not None:
                    bars.append(run)
                run = None
                continue
            status, unknown, sources = state
            if run is not None and (run.status, run.unknown_status) == (status, unknown):
                merged = tuple(dict.fromkeys(run.sources + sources))
                run = attrs.evolve(run, end=following, sources=merged)
                continue
            if run is not None:
                bars.append(run)
            run = _Bar(code, status, day, following, sources, unknown)
        if run is not None:
            bars.append(run)
    return bars


def _marks(network: Network) -> Iterator[tuple[str, str, datetime.date, str, str]]:
    """(code, kind, day, when as written, what and source) for each dated event of an NCP, each
    dated start of a host, and each published composition."""
    from ._precedence import HEADLINE_RELATIONS

    for ncp in (*network.ncps, *network.former_ncps):
        code = ncp.country.code
        for event in ncp.history:
            days = _period(event.when)
            if days:
                yield code, "event", days[0], str(event.when), f"{event.summary} ({event.source})"
        seen = set()
        for host in ncp.hosts:
            days = _period(host.valid.start)
            if not days or host.relation not in HEADLINE_RELATIONS:
                continue
            key = (str(host.valid.start), host.organisation)
            what = f"{host.organisation.name}: {host.relation.word} ({host.source})"
            if key not in seen:
                seen.add(key)
                yield code, "event", days[0], str(host.valid.start), what
        if ncp.last_changed:
            sources = dict.fromkeys(e.source for e in ncp.experts or () if e.source)
            text = ", ".join(sources) or ", ".join(ncp.sources)
            yield code, "composition", ncp.last_changed, ncp.last_changed.isoformat(), text


def timeline(network: Network | None = None, *, locale: object = None) -> Chart:
    """A timeline of the network: a row per country that ever took part, bars for its statuses.

    A country's bars run between the days on which its own participation records may change
    what can be said of it (their starts, ends and observed times), read under the precedence
    rule; a hatched bar means the dated records cannot say whether, or in what status, the
    country's NCP was in place. Diamonds mark dated events in an NCP's history and the dated
    starts of its hosts (undated ones, and those dated only "before" or "by" a time, are not
    drawn), circles the day its published composition last changed. Vertical lines mark the
    entry into force of Decision 2008/381/EC and today (or ``network.as_of``). Each bar carries
    ``data-from``, its first day, and ``data-until``, the day after its last, as ISO dates.

    >>> import emn.charts
    >>> svg = emn.charts.timeline(locale="sl").svg
    >>> 'data-code="SI"' in svg and "Slovenija" in svg
    True
    """
    whole = _network(network)
    locale = current_locale(locale)
    translator(locale)  # an unknown locale fails here, before any drawing
    end = whole.as_of or datetime.date.today()
    days = _boundaries(whole, end)
    bars = _bars(whole, days, end)
    start = datetime.date(min(days[0], whole.legal_basis.in_force).year, 1, 1)
    if end <= start:
        start = datetime.date(end.year - 1, 1, 1)
    names = {b.code: _name(b.code, locale) for b in bars}
    rows = _rows(bars, names)

    width, size, pitch, top = 800.0, 11.0, 17.0, 62.0
    label_width = min(240.0, max(80.0, max((_width(n, size) for n in names.values()), default=0)))
    axis = _Axis(start, end, 10 + label_width + 8, width - 16)
    bottom = top + pitch * len(rows)
    caption = gettext(_CAPTION, locale).format(when=f"{start.year}{_DASH}{end.year}")
    body = [_text(10, 22, caption, 15, font_weight="bold")]
    body.extend(_years(axis, top, bottom))
    for index, code in enumerate(rows):
        y = top + pitch * index
        if index % 2 == 0:
            body.append(
                _element("rect", x=axis.left, y=y, width=axis.width, height=pitch, fill="#F7F7F7")
            )
        body.append(_text(axis.left - 8, y + pitch * 0.7, names[code], size, text_anchor="end"))
    centre = {code: top + pitch * index + pitch / 2 for index, code in enumerate(rows)}
    body.append('<g class="bars">')
    for bar in sorted(bars, key=lambda b: (centre[b.code], b.start)):
        body.append(_bar(bar, axis, centre[bar.code], pitch - 6, names, whole.as_of, locale))
    body.append('</g><g class="marks">')
    for code, kind, day, when, what in _marks(whole):
        if code in centre and start <= day <= end:
            body.append(_mark(code, kind, axis.x(day), centre[code], when, what, names, locale))
    body.append("</g>")
    body.extend(_lines(whole, axis, top, bottom, locale))

    diamond = f'<path d="M7 0l5 5.5-5 5.5-5-5.5z" fill="{_EVENT}"/>'
    circle = f'<circle cx="7" cy="5.5" r="4.5" fill="{_COMPOSITION}"/>'
    items = [
        (_swatch(s, size), _label(s, locale))
        for s in ("member_state", "observer", "associated_member", "undetermined")
    ]
    items.append((diamond, gettext(_DATED_EVENT, locale)))
    items.append((circle, gettext("composition last changed", locale)))
    legend, legend_bottom = _legend(items, 10, bottom + 30, width - 10, size)
    body.extend(legend)
    return Chart(_svg(width, legend_bottom + 4, caption, body, width))


@attrs.frozen
class _Axis:
    """The timeline's time axis: from ``start`` to ``end``, drawn from ``left`` to ``right``."""

    start: datetime.date
    end: datetime.date
    left: float
    right: float

    @property
    def width(self) -> float:
        return self.right - self.left

    def x(self, day: datetime.date) -> float:
        span = (self.end - self.start).days or 1
        return self.left + (day - self.start).days / span * self.width


def _rows(bars: Sequence[_Bar], names: dict[str, str]) -> list[str]:
    """The countries, those a dated record places earliest first, then by name."""
    placed: dict[str, datetime.date] = {}
    for bar in bars:
        if bar.status != "undetermined" or bar.unknown_status:
            placed[bar.code] = min(bar.start, placed.get(bar.code, bar.start))
    return sorted(names, key=lambda c: (placed.get(c, datetime.date.max), _order(names[c])))


def _years(axis: _Axis, top: float, bottom: float) -> Iterator[str]:
    """A faint line for each year, and its number as often as there is room."""
    years = range(axis.start.year, axis.end.year + 1)
    every = next(k for k in (1, 2, 5, 10, 20, 50, 100) if axis.width / len(years) * k >= 34)
    for year in years:
        x = axis.x(datetime.date(year, 1, 1))
        yield _element("line", x1=x, x2=x, y1=top - 4, y2=bottom, stroke="#E4E4E4")
        if year % every == 0:
            yield _text(x, bottom + 14, str(year), 10, text_anchor="middle")


def _bar(
    bar: _Bar,
    axis: _Axis,
    centre: float,
    height: float,
    names: dict[str, str],
    as_of: datetime.date | None,
    locale: object,
) -> str:
    left, right = axis.x(max(bar.start, axis.start)), axis.x(min(bar.end, axis.end))
    label = _label(bar.status, locale)
    if bar.unknown_status:
        label = f"{gettext('status', locale)}: {gettext('unknown', locale)}"
    last = bar.end - datetime.timedelta(days=1)
    until = gettext(_TODAY, locale) if last >= axis.end and as_of is None else None
    hover = "\n".join(
        [
            names[bar.code],
            label,
            f"{_when(bar.start, locale)} {_DASH} {until or _when(last, locale)}",
            f"{gettext('sources', locale)}: {', '.join(bar.sources)}",
        ]
    )
    hatched = bar.status == "undetermined"
    return _element(
        "rect",
        _title(hover),
        class_="bar",
        data_code=bar.code,
        data_status=bar.status,
        data_from=bar.start.isoformat(),
        data_until=bar.end.isoformat(),
        x=left,
        y=centre - height / 2,
        width=max(right - left, 1.0),
        height=height,
        fill=_fill(bar.status),
        stroke="#8C8C8C" if hatched else None,
        stroke_width=0.5 if hatched else None,
    )


def _mark(
    code: str,
    kind: str,
    x: float,
    y: float,
    when: str,
    what: str,
    names: dict[str, str],
    locale: object,
) -> str:
    written = _written(when, locale)
    if kind == "event":
        return _element(
            "path",
            _title(f"{names[code]}\n{written}: {what}"),
            class_="mark",
            data_code=code,
            data_kind=kind,
            d=f"M{_number(x)} {_number(y - 5)}l4 5-4 5-4-5z",
            fill=_EVENT,
            stroke="#FFFFFF",
            stroke_width=0.8,
        )
    label = gettext("composition last changed", locale)
    sources = f"{gettext('sources', locale)}: {what}"
    return _element(
        "circle",
        _title(f"{names[code]}\n{label}: {written}\n{sources}"),
        class_="mark",
        data_code=code,
        data_kind=kind,
        cx=x,
        cy=y,
        r=4,
        fill=_COMPOSITION,
        stroke="#FFFFFF",
        stroke_width=0.8,
    )


def _lines(
    network: Network, axis: _Axis, top: float, bottom: float, locale: object
) -> Iterator[str]:
    """The Decision's entry into force and today, labelled above the rows without colliding."""
    in_force = network.legal_basis.in_force
    end_label = gettext(_TODAY, locale) if network.as_of is None else _when(axis.end, locale)
    law = gettext(_IN_FORCE, locale).format(act=network.legal_basis.reference)
    end_x = axis.x(axis.end)
    lines: list[tuple[float, str | None]] = [(end_x, None)]
    if in_force <= axis.end:
        law_x = axis.x(max(in_force, axis.start))
        lines.append((law_x, "4 3"))
        # One line higher where the two labels would run into each other.
        law_y = (
            top - 24 if law_x + _width(law, 10) + 8 > end_x - _width(end_label, 10) else top - 10
        )
        yield _text(law_x + 3, law_y, law, 10)
    yield _text(end_x, top - 10, end_label, 10, text_anchor="end")
    for x, dash in lines:
        yield _element(
            "line",
            x1=x,
            x2=x,
            y1=top - 6,
            y2=bottom + 2,
            stroke="#000000",
            stroke_width=1.2,
            stroke_dasharray=dash,
        )


def _written(when: str, locale: object) -> str:
    """A record's date as the record gives it: a day in ``locale``, else the year or month."""
    if len(when) == 10 and when[4] == "-":
        return _when(datetime.date.fromisoformat(when), locale)
    return when
