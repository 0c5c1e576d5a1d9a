"""Time and the precedence rule, on small records made for the purpose and on the dataset."""

from __future__ import annotations

import datetime as dt

import pytest

import emn
from emn._precedence import Reading, may_hold, standing
from emn.model import Basis, Host, Participation, Relation, Source, SourceKind, Validity, When

D = dt.date
TODAY = D(2026, 11, 25)
SOURCES = [
    Source("commission", "EU page", "en", kind=SourceKind.PAGE, tier=1),
    Source("home", None, "en", label="the NCP's own page", tier=3, home=emn.Country("NO")),
    Source("national", None, "en", label="another country's EMN page", tier=3),
    Source("other-national", None, "en", label="a third country's EMN page", tier=3),
    Source("blog", None, "en", label="a secondary site", tier=4),
    Source("maintainers", None, "en", label="us", kind=SourceKind.MAINTAINERS),
]
NO = emn.Country("NO")
MINISTRY = emn.Organisation([emn.Name("Ministry")], country=NO)
UNIT = emn.Organisation([emn.Name("Unit")], parent=MINISTRY, country=NO)
AGENCY = emn.Organisation([emn.Name("Agency")], country=NO)


def part(
    source: str, status: emn.Status, start: str | None = None, **more: object
) -> Participation:
    return Participation(NO, status, source, valid=Validity(start), **more)  # type: ignore[arg-type]


def host(source: str, body: emn.Organisation, start: str | None = None, **more: object) -> Host:
    return Host(NO, body, Relation.HOSTS, source, valid=Validity(start), **more)  # type: ignore[arg-type]


def reading(participations: list[Participation] = [], hosts: list[Host] = []) -> Reading:  # noqa: B006
    return Reading(SOURCES, participations, hosts, TODAY)


@pytest.mark.parametrize(
    ("start", "end", "day", "expected"),
    [
        ("2011-01-01", None, D(2011, 1, 1), "in"),
        ("2011-01-01", None, D(2010, 12, 31), "out"),
        ("2010", None, D(2010, 6, 1), "maybe"),  # some day in 2010: perhaps not yet
        ("2010", None, D(2011, 1, 1), "in"),
        (None, "by 2023-10-29", D(2023, 10, 29), "maybe"),
        (None, "by 2023-10-29", D(2023, 10, 30), "out"),
        ("2013", "2015-03", D(2015, 3, 15), "maybe"),
        (None, None, D(2015, 3, 15), "silent"),
    ],
)
def test_a_record_holds_certainly_maybe_or_not(
    start: str | None, end: str | None, day: dt.date, expected: str
) -> None:
    assert standing(Validity(start, end), None, day) == expected


def test_a_snapshot_speaks_only_of_its_observed_time() -> None:
    snapshot = part("national", emn.Status.OBSERVER, observed=When("2012"))
    assert may_hold(snapshot, D(2012, 6, 1))
    assert not may_hold(snapshot, D(2013, 6, 1))
    assert not may_hold(part("national", emn.Status.OBSERVER), D(2013, 6, 1))  # undated


def test_the_strongest_rank_with_a_definite_answer_decides() -> None:
    records = [
        part("commission", emn.Status.PARTICIPANT, "2011-01-01"),
        part("blog", emn.Status.PARTICIPANT, "2010"),
    ]
    assert reading(records).participation("NO", D(2010, 6, 1))[0] == "out"
    assert reading(records[1:]).participation("NO", D(2010, 12, 31))[0] == "in"


def test_one_rank_answering_both_ways_leaves_the_day_undetermined() -> None:
    records = [
        part("national", emn.Status.OBSERVER, "2022-10-27"),
        part("other-national", emn.Status.OBSERVER, "2022-10-28"),
    ]
    assert reading(records).participation("NO", D(2022, 10, 27))[0] == "undetermined"
    assert reading(records).participation("NO", D(2022, 10, 28))[0] == "in"


def test_the_status_word_is_the_strongest_record_s_and_participant_gives_none() -> None:
    records = [
        part("commission", emn.Status.PARTICIPANT, "2011-01-01"),
        part("national", emn.Status.ASSOCIATED_MEMBER),
        part("blog", emn.Status.OBSERVER),
    ]
    assert reading(records).participation("NO", TODAY) == (
        "in",
        emn.Status.ASSOCIATED_MEMBER,
        False,
    )
    # A country's own pages rank as tier 2 for it: above another country's page.
    records.append(part("home", emn.Status.OBSERVER))
    assert reading(records).participation("NO", TODAY)[1] is emn.Status.OBSERVER


def test_a_tie_is_disputed_whatever_the_order() -> None:
    records = [
        part("commission", emn.Status.PARTICIPANT, "2011-01-01"),
        part("national", emn.Status.OBSERVER),
        part("other-national", emn.Status.ASSOCIATED_MEMBER),
    ]
    for order in (records, records[::-1]):
        assert reading(order).participation("NO", TODAY) == ("in", None, True)


def test_later_before_earlier_within_a_rank() -> None:
    records = [
        part("commission", emn.Status.PARTICIPANT, "2011-01-01"),
        part("national", emn.Status.OBSERVER, "2012"),
        part("other-national", emn.Status.ASSOCIATED_MEMBER, "2015"),
    ]
    assert reading(records).participation("NO", TODAY)[1] is emn.Status.ASSOCIATED_MEMBER


def test_the_maintainers_records_rank_below_every_source() -> None:
    derived = part("maintainers", emn.Status.OBSERVER, "2011-01-01", basis=Basis.DERIVED)
    stated = part("blog", emn.Status.ASSOCIATED_MEMBER, "2011")
    r = reading([derived, stated])
    assert r.rank(derived, "NO") == 6
    assert r.rank(stated, "NO") == 4
    assert r.participation("NO", TODAY)[1] is emn.Status.ASSOCIATED_MEMBER


def test_a_host_without_a_date_is_only_the_headline_of_today() -> None:
    undated = host("national", AGENCY)
    r = reading(hosts=[undated])
    assert r.host("NO", D(2015, 6, 1))[0] is None
    assert r.host("NO", TODAY, headline=True)[0] == AGENCY


def test_a_unit_and_its_ministry_agree_and_the_unit_is_shown() -> None:
    r = reading(hosts=[host("national", MINISTRY), host("other-national", UNIT)])
    assert r.host("NO", TODAY, headline=True)[:2] == (UNIT, False)


def test_two_bodies_of_one_rank_and_time_are_disputed() -> None:
    hosts = [host("national", MINISTRY), host("other-national", AGENCY)]
    for order in (hosts, hosts[::-1]):
        body, disputed, records = reading(hosts=order).host("NO", TODAY, headline=True)
        assert (body, disputed, len(records)) == (None, True, 2)


def test_an_open_host_closes_where_another_body_certainly_starts_later() -> None:
    hosts = [host("national", AGENCY, "2015"), host("national", MINISTRY, "2019-01-01")]
    r = reading(hosts=hosts)
    assert r.host("NO", D(2018, 6, 1))[0] == AGENCY
    assert r.host("NO", D(2019, 6, 1))[0] == MINISTRY


def test_on_the_dataset_armenia_is_undetermined_on_the_day_its_pages_disagree() -> None:
    r = Reading.of(emn.network())
    assert r.participation("AM", D(2022, 10, 27))[0] == "undetermined"
    assert Reading.of(emn.network()) is r  # read once per network
