"""The network as of a day: who took part, in what status, hosted by whom, on what records."""

from __future__ import annotations

import datetime as dt

import pytest

import emn

D = dt.date
MEMBER_STATES_2008 = set(
    "AT BE BG CY CZ DE EE ES FI FR GB GR HU IT LT LU LV MT NL PL PT RO SE SI SK".split()
)


def codes(network: emn.Network) -> list[str]:
    return [n.country.code for n in network.ncps]


def test_without_as_of_the_latest_state() -> None:
    network = emn.network()
    assert network.as_of is None
    assert len(network.ncps) == 34
    # One page alone names Albania an observer, with no date and no NCP.
    assert network.undetermined == (emn.Country("AL"),)
    assert [n.country.code for n in network.former_ncps] == ["GB"]


def test_member_states_take_part_from_the_decision_s_entry_into_force() -> None:
    before = emn.network(as_of=D(2008, 5, 20))
    after = emn.network(as_of=D(2008, 5, 21))
    assert set(codes(after)) >= MEMBER_STATES_2008
    assert not MEMBER_STATES_2008 & set(codes(before))
    assert all(after.ncp(c).status is emn.Status.MEMBER_STATE for c in MEMBER_STATES_2008)
    derived = [p for p in after.statuses("SI") if p.basis is emn.model.Basis.DERIVED]
    assert [(p.source, str(p.valid.start)) for p in derived] == [("maintainers", "2008-05-21")]


def test_ireland_from_its_own_contact_point_and_croatia_from_its_accession() -> None:
    assert "IE" in codes(emn.network(as_of=D(2008, 5, 20)))  # ESRI: an EMN contact point since 2003
    assert "HR" not in codes(emn.network(as_of=D(2013, 6, 30)))
    assert emn.network(as_of=D(2013, 7, 1)).ncp("HR").status is emn.Status.MEMBER_STATE


def test_denmark_never_takes_part() -> None:
    for day in (D(2009, 1, 1), D(2015, 6, 1), D(2025, 1, 1)):
        then = emn.network(as_of=day)
        assert "DK" not in codes(then)
        assert emn.Country("DK") not in then.undetermined


def test_the_united_kingdom_until_it_left_the_eu() -> None:
    in_2015 = emn.network(as_of=D(2015, 6, 1))
    assert in_2015.ncp("GB").status is emn.Status.MEMBER_STATE
    assert in_2015.ncp("UK").coordinating_entity is None  # no page dates its host
    assert "GB" in codes(emn.network(as_of=D(2020, 1, 31)))
    gone = emn.network(as_of=D(2020, 2, 1))
    assert "GB" not in codes(gone)
    assert [n.country.code for n in gone.former_ncps] == ["GB"]
    with pytest.raises(emn.NotFound, match=r"took part in the EMN until 2020-01-31"):
        gone.ncp("GB")


def test_norway_from_1_january_2011_by_the_commission_s_date() -> None:
    assert "NO" not in codes(emn.network(as_of=D(2010, 6, 1)))
    assert emn.Country("NO") not in emn.network(as_of=D(2010, 6, 1)).undetermined
    assert emn.network(as_of=D(2011, 1, 1)).ncp("NO").status is emn.Status.OBSERVER


def test_observers_appear_on_the_day_they_joined() -> None:
    assert "GE" not in codes(emn.network(as_of=D(2021, 3, 10)))
    assert "GE" in codes(emn.network(as_of=D(2021, 3, 11)))
    assert "UA" not in codes(emn.network(as_of=D(2022, 8, 1)))
    assert "UA" in codes(emn.network(as_of=D(2022, 8, 2)))
    assert "RS" in codes(emn.network(as_of=D(2023, 3, 16)))
    assert "MK" not in codes(emn.network(as_of=D(2024, 10, 27)))
    assert "MK" in codes(emn.network(as_of=D(2024, 10, 28)))


def test_a_2020_network_has_no_serbia_and_2010_no_georgia() -> None:
    in_2020 = emn.network(as_of=D(2020, 6, 1))
    assert not {"RS", "GE", "GB"} & set(codes(in_2020))
    assert in_2020.statuses("RS") == ()
    assert "GE" not in codes(emn.network(as_of=D(2010, 6, 1)))
    assert emn.network(as_of=D(2010, 6, 1)).statuses("GE") == ()


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


def test_statuses_answer_for_the_day() -> None:
    then = emn.network(as_of=D(2015, 6, 1))
    norway = then.statuses("NO")
    # The Slovenian seed's "associated member" is undated: it places nothing on a past day.
    assert {p.status for p in norway} == {emn.Status.OBSERVER, emn.Status.PARTICIPANT}
    assert all(p.valid.dated or p.observed for p in then.participations)
    assert {p.status for p in emn.network().statuses("NO")} >= {emn.Status.ASSOCIATED_MEMBER}


def test_hosts_declarations_and_claims_are_those_of_the_day() -> None:
    then = emn.network(as_of=D(2015, 6, 1))
    declared = {d.id for d in then.declarations}
    assert "decl-pl-ncps" not in declared  # the Polish list's 32 speaks of 2022-2023
    assert {"decl-sl-member-states", "decl-bamf-en"} <= declared
    assert all(c.valid.dated or c.observed for c in then.claims)
    croatia = then.ncp("HR")
    # The Ministry's first stint may still hold ("2013 to 2015"); its second starts in 2019.
    assert {str(h.valid.start) for h in croatia.hosts} == {"2013", "2015", "2015-03", "2015-03-12"}
    assert croatia.coordinating_entity is not None
    assert croatia.coordinating_entity.name_in("en") == "IOM Office in Zagreb"


def test_a_host_without_a_date_stays_undetermined_on_a_past_day() -> None:
    # Germany's host is named by undated pages only: it takes part, its host is not placed.
    then = emn.network(as_of=D(2015, 6, 1))
    germany = then.ncp("DE")
    assert germany.status is emn.Status.MEMBER_STATE
    assert germany.coordinating_entity is None
    assert germany.as_of == D(2015, 6, 1)
    assert "not determined on that day" in str(germany)
    assert emn.ncp("DE").coordinating_entity is not None  # today's headline uses them


def test_history_stops_at_the_day() -> None:
    slovenia = emn.network(as_of=D(2010, 1, 1)).ncp("SI")
    assert [str(e.when) for e in slovenia.history] == ["before 2008", "2008", "2009-01-19"]
    assert slovenia.experts is None  # the published composition dates from 27 March 2014
    assert emn.network(as_of=D(2014, 3, 27)).ncp("SI").experts == emn.ncp("SI").experts


def test_a_country_that_had_not_joined_yet_says_so() -> None:
    with pytest.raises(emn.NotFound, match=r"Ukraine \(UA\) took no part in the EMN on 2022-01-01"):
        emn.network(as_of=D(2022, 1, 1)).ncp("UA")


def test_a_country_taking_part_without_a_known_ncp_is_undetermined() -> None:
    assert emn.Country("AL") in emn.network(as_of=D(2025, 1, 1)).undetermined
    assert emn.Country("MK") not in emn.network(as_of=D(2025, 1, 1)).undetermined
    assert emn.network(as_of=D(2025, 1, 1)).ncp("MK").coordinating_entity is None


def test_a_snapshot_validates_without_errors_and_round_trips() -> None:
    then = emn.network(as_of=D(2023, 6, 1))
    assert emn.validate(then).ok
    assert "declared-count" not in {f.rule for f in emn.validate(then)}
    assert emn.from_dict(emn.Network, emn.to_dict(then)) == then
    assert repr(then).endswith("as_of='2023-06-01')")


def test_the_two_days_side_by_side() -> None:
    def statuses(day: dt.date) -> dict[str, str]:
        return {n.country.code: n.status.value for n in emn.network(as_of=day).ncps if n.status}

    in_2015, in_2025 = statuses(D(2015, 6, 1)), statuses(D(2025, 1, 1))
    assert len(in_2015) == 28  # the 28 Member States but Denmark, and Norway
    assert len(in_2025) == 34
    assert set(in_2015) - set(in_2025) == {"GB"}
    assert set(in_2025) - set(in_2015) == {"AM", "GE", "MD", "ME", "MK", "RS", "UA"}
    assert {c for c, s in in_2025.items() if s == "observer"} == {
        "AM",
        "GE",
        "MD",
        "ME",
        "MK",
        "NO",
        "RS",
        "UA",
    }


def test_as_of_must_be_a_date() -> None:
    with pytest.raises(emn.InvalidData, match="as_of: expected a date, got str"):
        emn.network(as_of="2022-01-01")  # type: ignore[arg-type]
