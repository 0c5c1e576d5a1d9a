"""The frozen domain classes: construction, type facts, conveniences, immutability."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given

import emn
from tests import strategies

MNZ = emn.Organisation(
    [emn.Name("Ministrstvo za notranje zadeve", "sl")], emn.model.OrganisationKind.MINISTRY
)
POLICE = emn.Organisation(
    [emn.Name("Policija", "sl")], emn.model.OrganisationKind.POLICE, parent=MNZ
)


def _ncp(*roles: emn.Role) -> emn.NationalContactPoint:
    experts = [emn.Expert(f"Expert {i}", MNZ, role) for i, role in enumerate(roles)]
    return emn.NationalContactPoint(emn.Country("SI"), MNZ, experts=experts)


def test_country_code_is_normalised_and_eu_aliases_map_to_iso() -> None:
    assert emn.Country(" si ").code == "SI"
    assert emn.Country("EL") == emn.Country("gr") == emn.Country("GR")
    assert emn.Country("UK").code == "GB"


@pytest.mark.parametrize("code", ["XX", "S", "SVN", "", "EU"])
def test_country_rejects_what_is_not_an_iso_code(code: str) -> None:
    with pytest.raises(emn.InvalidData, match="not an ISO 3166-1 alpha-2"):
        emn.Country(code)


def test_country_rejects_a_non_string() -> None:
    with pytest.raises(emn.InvalidData, match="code: expected a country code, got int"):
        emn.Country(5)  # type: ignore[arg-type]


def test_organisation_needs_a_name() -> None:
    with pytest.raises(emn.InvalidData, match="names: an organisation needs at least one name"):
        emn.Organisation([])


def test_name_language_must_be_a_tag() -> None:
    with pytest.raises(emn.InvalidData, match="lang: 'Slovenian' is not a language tag"):
        emn.Name("Policija", "Slovenian")


def test_full_name_follows_the_parent_chain_in_one_language() -> None:
    assert POLICE.full_name == "Ministrstvo za notranje zadeve, Policija"
    assert POLICE.is_part_of(MNZ)
    assert not MNZ.is_part_of(POLICE)


def test_name_in_a_language_the_sources_do_not_give_is_none() -> None:
    assert MNZ.name_in("sl") == "Ministrstvo za notranje zadeve"
    assert MNZ.name_in("de") is None


def test_roles_split_into_coordinator_deputies_and_members() -> None:
    ncp = _ncp(emn.Role.MEMBER, emn.Role.NATIONAL_COORDINATOR, emn.Role.DEPUTY_COORDINATOR)
    assert ncp.coordinator is not None
    assert ncp.coordinator.name == "Expert 1"
    assert [e.name for e in ncp.deputies or ()] == ["Expert 2"]
    assert [e.name for e in ncp.members or ()] == ["Expert 0"]
    assert ncp.organisations == (MNZ,)


def test_unknown_composition_stays_unknown_in_every_convenience() -> None:
    ncp = emn.NationalContactPoint(emn.Country("DE"), MNZ)
    assert ncp.experts is None
    assert ncp.coordinator is None
    assert ncp.deputies is None
    assert ncp.members is None
    assert ncp.organisations is None


def test_known_empty_composition_is_not_unknown() -> None:
    ncp = _ncp()
    assert ncp.experts == ()
    assert ncp.members == ()


def test_lists_become_tuples() -> None:
    ncp = _ncp(emn.Role.MEMBER)
    assert isinstance(ncp.experts, tuple)


def test_experts_must_be_experts() -> None:
    with pytest.raises(emn.InvalidData, match=r"experts\[0\]: expected an Expert, got str"):
        emn.NationalContactPoint(emn.Country("SI"), MNZ, experts=["Nataša"])  # type: ignore[list-item]


def test_expert_role_must_be_a_role() -> None:
    with pytest.raises(emn.InvalidData, match="role: 'boss' is not one of national_coordinator"):
        emn.Expert("A", MNZ, "boss")  # type: ignore[arg-type]


def test_event_date_only_for_a_full_day() -> None:
    assert emn.model.Event("x", "s", "2014-03-27").date == dt.date(2014, 3, 27)
    assert emn.model.Event("x", "s", "2008").date is None
    with pytest.raises(emn.InvalidData, match=r"when: '27\.3\.2014' is not a date"):
        emn.model.Event("x", "s", "27.3.2014")


def test_repr_is_short() -> None:
    assert repr(emn.ncp("SI")) == (
        "NationalContactPoint(country='SI', coordinating_entity='Ministry of the Interior', experts=10)"
    )
    assert repr(emn.ncp("DE")).endswith("experts=unknown)")
    assert repr(emn.network()).startswith(
        "Network(legal_basis='Council Decision 2008/381/EC', ncps=34"
    )
    assert repr(emn.ncp("MK")).startswith(
        "NationalContactPoint(country='MK', coordinating_entity=None"
    )
    then = emn.network(as_of=dt.date(2015, 6, 1))
    assert repr(then.ncp("GB")).endswith("experts=unknown, as_of='2015-06-01')")


def _instances(obj: object) -> list[object]:
    """obj and every attrs instance reachable from it."""
    found = [obj]
    if attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):
            value = getattr(obj, field.name)
            for item in value if isinstance(value, tuple) else (value,):
                found.extend(_instances(item))
    return found


def test_every_bundled_object_refuses_assignment() -> None:
    checked = 0
    for obj in _instances(emn.network()):
        if not attrs.has(type(obj)):
            continue
        for field in attrs.fields(type(obj)):
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(obj, field.name, None)
            checked += 1
        with pytest.raises((AttributeError, TypeError)):
            obj.__dict__  # noqa: B018 - slotted classes have no __dict__ to mutate
    assert checked > 500


def test_collections_handed_out_are_immutable() -> None:
    for value in (emn.ncps(), emn.ncp("SI").experts, emn.network().sources, emn.ncp("SI").history):
        assert isinstance(value, tuple)


@given(strategies.ncps)
def test_generated_ncps_are_hashable_and_equal_to_themselves(ncp: emn.NationalContactPoint) -> None:
    assert ncp == attrs.evolve(ncp)
    assert hash(ncp) == hash(attrs.evolve(ncp))


@pytest.mark.parametrize("junk", [5, "abc", {"a": 1}, 2.5])
def test_a_collection_field_given_junk_is_invalid_data(junk: object) -> None:
    with pytest.raises(emn.InvalidData, match="history: expected a list of items, got"):
        emn.NationalContactPoint(emn.Country("SI"), MNZ, history=junk)  # type: ignore[arg-type]
    with pytest.raises(emn.InvalidData, match="experts: expected a list of items, got"):
        emn.NationalContactPoint(emn.Country("SI"), MNZ, experts=junk)  # type: ignore[arg-type]


def test_constructors_never_raise_a_bare_type_error() -> None:
    for build in (
        lambda: emn.Organisation(None),  # type: ignore[arg-type]
        lambda: emn.Expert(None, None, None),  # type: ignore[arg-type]
        lambda: emn.Name(3),  # type: ignore[arg-type]
        lambda: emn.Network(None, None),  # type: ignore[arg-type]
    ):
        with pytest.raises(emn.InvalidData):
            build()
