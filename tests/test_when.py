"""A time as a source gives it spans the days it can mean."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from emn._when import When


@given(st.integers(1000, 9998), st.integers(1, 12))
def test_a_month_runs_from_its_first_day_to_its_last(year: int, month: int) -> None:
    when = When(f"{year}-{month:02d}")
    assert when.earliest == datetime.date(year, month, 1)
    assert when.latest is not None
    assert when.latest.month == month
    assert (when.latest + datetime.timedelta(days=1)).day == 1


def test_february_has_29_days_in_leap_years_only() -> None:
    assert [When(f"{y}-02").latest for y in (2000, 1900, 2024, 2023)] == [
        datetime.date(2000, 2, 29),
        datetime.date(1900, 2, 28),
        datetime.date(2024, 2, 29),
        datetime.date(2023, 2, 28),
    ]


def test_before_a_year_ends_the_day_before_it_begins() -> None:
    before = When("before 2008")
    assert (before.earliest, before.latest) == (None, datetime.date(2007, 12, 31))
