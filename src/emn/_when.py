"""Time as the sources give it: a day, a month or a year, or before or by one of them.

Below the model and the renderer, so that messages, the renderer and the model can all read
and word such times without importing one another.
"""

from __future__ import annotations

import datetime as _dt

import attrs

from ._i18n import N_, format_date, translator
from ._validators import WHEN, when

__all__ = ["When", "when_word"]


@attrs.frozen(repr=False)
class When:
    """A point in time as a source gives it: a day, a month or a year, or ``before`` or ``by``
    one of them. It stands for a range of days, from :attr:`earliest` to :attr:`latest`.

    >>> When("2013-07").earliest, When("2013-07").latest
    (datetime.date(2013, 7, 1), datetime.date(2013, 7, 31))
    >>> When("before 2008").earliest, When("before 2008").latest
    (None, datetime.date(2007, 12, 31))
    >>> When("by 2008-12-22").latest
    datetime.date(2008, 12, 22)
    """

    text: str = attrs.field(validator=when)
    #: The first day it may denote; None for ``before …`` and ``by …`` (no earliest day).
    earliest: _dt.date | None = attrs.field(init=False, eq=False, repr=False)
    #: The last day it may denote.
    latest: _dt.date = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        match = WHEN.fullmatch(self.text)
        assert match is not None  # the validator has checked it
        qualifier, year, month, day = match.groups()
        if day:
            first = last = _dt.date(int(year), int(month), int(day))
        elif month:
            first = _dt.date(int(year), int(month), 1)
            # The day before the first of the next month (calendar would cost an import).
            last = (first + _dt.timedelta(days=31)).replace(day=1) - _dt.timedelta(days=1)
        else:
            first, last = _dt.date(int(year), 1, 1), _dt.date(int(year), 12, 31)
        if qualifier == "before":
            object.__setattr__(self, "earliest", None)
            object.__setattr__(self, "latest", first - _dt.timedelta(days=1))
        elif qualifier == "by":
            object.__setattr__(self, "earliest", None)
            object.__setattr__(self, "latest", last)
        else:
            object.__setattr__(self, "earliest", first)
            object.__setattr__(self, "latest", last)

    @property
    def qualifier(self) -> str | None:
        """``"before"``, ``"by"``, or None for a plain day, month or year."""
        head = self.text.split(" ", 1)
        return head[0] if len(head) == 2 else None

    @property
    def precision(self) -> str:
        """``"day"``, ``"month"`` or ``"year"``: how precisely the source dates it."""
        digits = self.text.rsplit(" ", 1)[-1]
        return ("year", "month", "day")[digits.count("-")]

    @property
    def anchor(self) -> str:
        """The day, month or year written, without ``before`` or ``by``."""
        return self.text.rsplit(" ", 1)[-1]

    @property
    def day(self) -> _dt.date | None:
        """The day, when the source gives a day (not a month, a year, or a bound)."""
        return self.earliest if self.earliest == self.latest else None

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"When({self.text!r})"


def when_word(when: When | None, locale: object = None, format: str = "long") -> str:
    """A time as a source gives it: a day in ``locale`` (babel's ``format``), a month or a
    year as written, with "before" or "by" translated; "undated" where there is none."""
    _ = translator(locale).gettext
    if when is None:
        return _(N_("undated"))
    if when.precision == "day":
        from datetime import date

        written = format_date(date.fromisoformat(when.anchor), locale, format)
    else:
        written = str(when.anchor)
    # A year reads differently from a day after "before" in some languages ("pred letom 2008").
    if when.qualifier == "before":
        if when.precision == "year":
            return _(N_("before {year}")).format(year=written)
        return _(N_("before {date}")).format(date=written)
    if when.qualifier == "by":
        if when.precision == "year":
            return _(N_("by {year}")).format(year=written)
        return _(N_("by {date}")).format(date=written)
    return written
