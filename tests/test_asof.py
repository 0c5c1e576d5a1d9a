"""The network as of a day, from the dated records only."""

from __future__ import annotations

import datetime as dt

import pytest

import emn

D = dt.date


def codes(network: emn.Network) -> list[str]:
    return [n.country.code for n in network.ncps]


def test_without_as_of_the_latest_state() -> None:
    assert emn.network().as_of is None
    assert emn.network().undetermined == ()
    assert len(emn.network().ncps) == 33


def test_on_1_january_2022_only_ncps_a_dated_record_shows() -> None:
    then = emn.network(as_of=D(2022, 1, 1))
    assert then.as_of == D(2022, 1, 1)
    assert codes(then) == ["AT", "BE", "GE", "MD", "NO", "PL", "SI"]
    assert emn.Country("DE") in then.undetermined
    assert emn.Country("UA") not in then.undetermined


def test_observers_appear_on_the_day_they_joined() -> None:
    assert "UA" not in codes(emn.network(as_of=D(2022, 8, 1)))
    assert "UA" in codes(emn.network(as_of=D(2022, 8, 2)))
    assert "RS" in codes(emn.network(as_of=D(2023, 3, 16)))


def test_a_day_the_sources_disagree_on_is_undetermined() -> None:
    on_27th = emn.network(as_of=D(2022, 10, 27))
    assert "AM" not in codes(on_27th)
    assert emn.Country("AM") in on_27th.undetermined
    with pytest.raises(
        emn.NotFound, match=r"cannot say whether Armenia \(AM\) had an NCP in place on 2022-10-27"
    ):
        on_27th.ncp("AM")
    assert "AM" in codes(emn.network(as_of=D(2022, 10, 28)))
    assert "AM" not in codes(emn.network(as_of=D(2022, 10, 26)))


def test_statuses_come_from_dated_claims_only() -> None:
    then = emn.network(as_of=D(2022, 1, 1))
    assert then.ncp("GE").status is emn.Status.OBSERVER
    assert then.ncp("NO").status is None  # every claim about Norway's status is undated


def test_the_host_on_a_day_portugal_after_the_change_to_aima() -> None:
    assert emn.network(as_of=D(2024, 1, 1)).ncp("PT").coordinating_entity.name == (
        "Agency for Integration, Migration and Asylum"
    )
    assert emn.Country("PT") in emn.network(as_of=D(2023, 1, 1)).undetermined


def test_history_stops_at_the_day() -> None:
    slovenia = emn.network(as_of=D(2010, 1, 1)).ncp("SI")
    assert [e.when for e in slovenia.history] == ["2008"]
    assert slovenia.experts is None  # the published composition dates from 27 March 2014
    assert emn.network(as_of=D(2014, 3, 27)).ncp("SI").experts == emn.ncp("SI").experts


def test_a_country_that_joined_later_says_when() -> None:
    with pytest.raises(
        emn.NotFound, match=r"Ukraine \(UA\) joined the EMN on 2022-08-02, after 2022-01-01"
    ):
        emn.network(as_of=D(2022, 1, 1)).ncp("UA")


def test_a_country_taking_part_without_a_known_ncp_is_undetermined() -> None:
    assert emn.Country("MK") in emn.network(as_of=D(2025, 1, 1)).undetermined
    assert emn.Country("MK") not in emn.network(as_of=D(2024, 1, 1)).undetermined


def test_a_snapshot_validates_without_errors_and_round_trips() -> None:
    then = emn.network(as_of=D(2023, 6, 1))
    assert emn.validate(then).ok
    assert "declared-count" not in {f.rule for f in emn.validate(then)}
    assert emn.from_dict(emn.Network, emn.to_dict(then)) == then
    assert repr(then).endswith("as_of='2023-06-01')")


def test_as_of_must_be_a_date() -> None:
    with pytest.raises(emn.InvalidData, match="as_of: expected a date, got str"):
        emn.network(as_of="2022-01-01")  # type: ignore[arg-type]
