"""The consistency rules: each on passing, failing and undecidable input; the engine; the dataset."""

from __future__ import annotations

import datetime
import json

import attrs
import pytest
from hypothesis import given, settings

import emn
from tests import strategies

MNZ = emn.Organisation(
    [emn.Name("Ministrstvo za notranje zadeve", "sl")],
    emn.model.OrganisationKind.MINISTRY,
    country=emn.Country("SI"),
)
POLICE = emn.Organisation(
    [emn.Name("Policija", "sl")], emn.model.OrganisationKind.POLICE, parent=MNZ
)
MZZ = emn.Organisation([emn.Name("Ministrstvo za zunanje zadeve", "sl")], country=emn.Country("SI"))
IOM = emn.Organisation([emn.Name("IOM")], emn.model.OrganisationKind.INTERNATIONAL_ORGANISATION)
# An international organisation based in another country: passes only as international.
IOM_GENEVA = emn.Organisation(
    [emn.Name("IOM Geneva")],
    emn.model.OrganisationKind.INTERNATIONAL_ORGANISATION,
    country=emn.Country("CH"),
)
BAMF = emn.Organisation([emn.Name("BAMF", "de")], country=emn.Country("DE"))
NOWHERE = emn.Organisation([emn.Name("A think tank")])
C, D, M = emn.Role.NATIONAL_COORDINATOR, emn.Role.DEPUTY_COORDINATOR, emn.Role.MEMBER
EXPECTED = {
    "min-experts": (emn.rules.Severity.ERROR, "Decision 2008/381/EC, Art. 5(2)"),
    "one-coordinator": (emn.rules.Severity.ERROR, "Decision 2008/381/EC, Art. 5(2)"),
    "coordinator-affiliation": (emn.rules.Severity.ERROR, "Decision 2008/381/EC, Art. 5(2)"),
    "expert-affiliation": (emn.rules.Severity.WARNING, "Decision 2008/381/EC, Art. 5(2)"),
    "duplicate-expert": (emn.rules.Severity.ERROR, None),
    "deputy-not-coordinator": (emn.rules.Severity.ERROR, None),
    "participating-country": (
        emn.rules.Severity.ERROR,
        "Decision 2008/381/EC, Art. 5(1); the Commission's members list",
    ),
    "one-ncp-per-country": (emn.rules.Severity.ERROR, "Decision 2008/381/EC, Art. 5(1)"),
    "declared-count": (emn.rules.Severity.WARNING, None),
    "source-conflict": (emn.rules.Severity.INFO, None),
    "composition-unknown": (emn.rules.Severity.INFO, None),
    "expert-name": (emn.rules.Severity.ERROR, None),
    "entity-country": (emn.rules.Severity.ERROR, "Decision 2008/381/EC, Art. 5(1)"),
    "unknown-source": (emn.rules.Severity.WARNING, None),
    "date-range": (emn.rules.Severity.ERROR, None),
}


def ncp(
    *experts: tuple[str, emn.Organisation, emn.Role] | None, country: str = "SI"
) -> emn.NationalContactPoint:
    """An NCP of SI designating the Ministry of the Interior; ``ncp(None)`` has unknown experts."""
    listed = None if experts == (None,) else [emn.Expert(*e) for e in experts if e is not None]
    return emn.NationalContactPoint(emn.Country(country), MNZ, experts=listed)


GOOD = ncp(("Nataša Potočnik", MNZ, C), ("Helena Korošec", MNZ, D), ("Darjo Cizel", POLICE, M))


def only(rule: str, subject: object) -> list[tuple[str, str, str]]:
    report = emn.validate(subject, select=[rule])  # type: ignore[arg-type]
    return [(f.severity.value, f.path, f.message) for f in report]


def test_every_rule_exists_with_its_severity_and_reference() -> None:
    registered = {r.id: (r.severity, r.reference) for r in emn.rules()}
    assert registered == EXPECTED
    for r in emn.rules():
        assert r.title
        assert r.description
    assert [s.value for s in emn.rules.Severity] == ["error", "warning", "info"]


def test_a_good_composition_passes_every_rule() -> None:
    report = emn.validate(GOOD)
    assert report.ok
    assert report.findings == ()


# -- min-experts --------------------------------------------------------------------------------


def test_min_experts_fails_for_an_empty_composition() -> None:
    assert only("min-experts", ncp()) == [
        ("error", "experts", "the NCP has fewer than three experts (it has 0)")
    ]


def test_min_experts_fails_below_three() -> None:
    assert only("min-experts", ncp(("A", MNZ, C), ("B", MNZ, M))) == [
        ("error", "experts", "the NCP has fewer than three experts (it has 2)")
    ]


def test_min_experts_passes_at_three_and_is_silent_on_unknown() -> None:
    assert only("min-experts", GOOD) == []
    assert only("min-experts", ncp(None)) == []


# -- one-coordinator ----------------------------------------------------------------------------


def test_one_coordinator_fails_with_none_or_two() -> None:
    assert only("one-coordinator", ncp(("A", MNZ, M), ("B", MNZ, M), ("E", MNZ, M))) == [
        ("error", "experts", "no expert is the national coordinator; exactly one must be")
    ]
    assert only("one-coordinator", ncp(("A", MNZ, C), ("B", MNZ, C), ("E", MNZ, M))) == [
        (
            "error",
            "experts",
            "more than one expert is the national coordinator (A, B); exactly one must be",
        )
    ]


def test_one_coordinator_passes_and_is_silent_on_unknown() -> None:
    assert only("one-coordinator", GOOD) == []
    assert only("one-coordinator", ncp(None)) == []


# -- coordinator-affiliation --------------------------------------------------------------------


def test_coordinator_from_elsewhere_fails() -> None:
    found = only("coordinator-affiliation", ncp(("A", MZZ, C), ("B", MNZ, M), ("E", MNZ, M)))
    assert found == [
        (
            "error",
            "experts[0].organisation",
            "the national coordinator A comes from Ministrstvo za zunanje zadeve, not from the "
            "designated entity Ministrstvo za notranje zadeve or a unit of it",
        )
    ]


def test_coordinator_from_a_unit_of_the_entity_passes() -> None:
    assert (
        only("coordinator-affiliation", ncp(("A", POLICE, C), ("B", MNZ, M), ("E", MNZ, M))) == []
    )


def test_coordinator_named_by_the_entitys_name_alone_passes() -> None:
    by_name = emn.Organisation([emn.Name("ministrstvo za  notranje zadeve")])
    assert (
        only("coordinator-affiliation", ncp(("A", by_name, C), ("B", MNZ, M), ("E", MNZ, M))) == []
    )


def test_coordinator_affiliation_is_silent_on_unknown_or_missing_coordinator() -> None:
    assert only("coordinator-affiliation", ncp(None)) == []
    assert only("coordinator-affiliation", ncp(("A", MZZ, M))) == []


# -- expert-affiliation -------------------------------------------------------------------------


def test_an_expert_from_another_countrys_body_is_a_warning() -> None:
    found = only("expert-affiliation", ncp(("A", MNZ, C), ("B", BAMF, M), ("E", MNZ, M)))
    assert found == [
        (
            "warning",
            "experts[1].organisation",
            "B comes from BAMF, based in Germany (DE): neither in Slovenia (SI) nor an international organisation",
        )
    ]


def test_experts_from_the_country_the_entity_or_an_international_body_pass() -> None:
    subject = ncp(("A", MNZ, C), ("B", IOM, M), ("E", MZZ, M), ("F", POLICE, M))
    assert only("expert-affiliation", subject) == []
    abroad = ncp(("A", MNZ, C), ("B", IOM_GENEVA, M), ("E", MZZ, M))
    assert only("expert-affiliation", abroad) == []
    # The same body, not marked international, is judged by where it is based.
    plain = attrs.evolve(IOM_GENEVA, kind=None)
    assert len(only("expert-affiliation", ncp(("A", MNZ, C), ("B", plain, M), ("E", MZZ, M)))) == 1


def test_an_organisation_with_no_known_country_is_not_judged() -> None:
    assert only("expert-affiliation", ncp(("A", MNZ, C), ("B", NOWHERE, M), ("E", MNZ, M))) == []
    assert only("expert-affiliation", ncp(None)) == []


# -- duplicate-expert ---------------------------------------------------------------------------


def test_the_same_person_twice_after_normalisation_is_an_error() -> None:
    found = only(
        "duplicate-expert",
        ncp(("Sandi Čurin", MNZ, C), ("SANDI  C\u030curin", MNZ, M), ("E", MNZ, M)),
    )
    assert found == [
        (
            "error",
            "experts[1]",
            "the person SANDI  C\u030curin is listed twice (first as experts[0])",
        )
    ]


def test_different_people_pass_and_unknown_is_silent() -> None:
    assert only("duplicate-expert", GOOD) == []
    assert only("duplicate-expert", ncp(None)) == []


# -- deputy-not-coordinator ---------------------------------------------------------------------


def test_the_coordinator_as_deputy_is_an_error() -> None:
    found = only("deputy-not-coordinator", ncp(("Ana", MNZ, C), ("ANA", MNZ, D), ("E", MNZ, M)))
    assert found == [
        (
            "error",
            "experts[1].role",
            "the person ANA is both the national coordinator and a deputy coordinator",
        )
    ]


def test_a_separate_deputy_passes_and_unknown_is_silent() -> None:
    assert only("deputy-not-coordinator", GOOD) == []
    assert only("deputy-not-coordinator", ncp(None)) == []


# -- participating-country ----------------------------------------------------------------------


def test_denmark_is_an_error() -> None:
    found = only("participating-country", ncp(None, country="DK"))
    assert found == [
        (
            "error",
            "country",
            "Denmark (DK) has no National Contact Point in the EMN (maintainers, ec-emn-members, "
            "ec-about-emn-0, emm-si-composition-2018, bamf-entwicklung)",
        )
    ]


def test_the_united_kingdom_is_an_error_today_and_fine_in_2015() -> None:
    assert only("participating-country", ncp(None, country="UK")) == [
        (
            "error",
            "country",
            "United Kingdom (GB) took part in the EMN until 2020-01-31 (maintainers, emn-fi-uk), "
            "so it has no NCP now",
        )
    ]
    in_2015 = emn.network(as_of=datetime.date(2015, 6, 1))
    assert "participating-country" not in {f.rule for f in emn.validate(in_2015)}


def test_on_a_day_the_rule_uses_that_day_s_participations() -> None:
    in_2020 = emn.network(as_of=datetime.date(2020, 6, 1))
    serbia = attrs.evolve(in_2020, ncps=(*in_2020.ncps, ncp(None, country="RS")))
    found = [f for f in emn.validate(serbia) if f.rule == "participating-country"]
    assert [(f.path, f.message) for f in found] == [
        (f"ncps[{len(in_2020.ncps)}].country", "Serbia (RS) took no part in the EMN on 2020-06-01")
    ]


def test_participating_countries_pass() -> None:
    assert only("participating-country", GOOD) == []
    assert only("participating-country", ncp(None, country="RS")) == []


def test_a_country_no_source_speaks_of_is_info_not_an_error() -> None:
    assert only("participating-country", ncp(None, country="US")) == [
        (
            "info",
            "country",
            "no source in the dataset says whether United States (US) takes part in the EMN",
        )
    ]


# -- one-ncp-per-country ------------------------------------------------------------------------


def test_two_ncps_for_one_country_is_an_error() -> None:
    assert only(
        "one-ncp-per-country", [GOOD, ncp(None, country="HR"), ncp(None, country="SI")]
    ) == [("error", "[2].country", "a second NCP for Slovenia (SI) (the first is [0])")]


def test_one_ncp_per_country_passes_on_the_dataset_and_on_one_ncp() -> None:
    assert only("one-ncp-per-country", emn.network()) == []
    assert only("one-ncp-per-country", GOOD) == []


def test_one_ncp_per_country_in_a_network_points_at_the_ncp() -> None:
    network = attrs.evolve(emn.network(), ncps=(*emn.network().ncps, emn.ncp("SI")))
    si = [n.country.code for n in network.ncps].index("SI")
    assert only("one-ncp-per-country", network) == [
        ("error", "ncps[34].country", f"a second NCP for Slovenia (SI) (the first is ncps[{si}])")
    ]


# -- declared-count, source-conflict, composition-unknown: the bundled dataset ------------------


def test_declared_count_reports_the_polish_lists_32_and_33() -> None:
    assert only("declared-count", emn.network()) == [
        ("warning", "declarations[3]", "pl-kpk-list says the number of NCPs is 32 but lists 33"),
        (
            "warning",
            "declarations[4]",
            "pl-kpk-list says the number of observers is 6 but lists 7 (not counted: RS)",
        ),
    ]


def test_declared_count_passes_when_counts_agree_and_ignores_what_is_not_listed() -> None:
    network = emn.network()
    # The Slovenian text's ten experts, the Commission's eight observers, EMN Slovakia's
    # seven, UDI's six: each counts what it lists.
    agreeing = attrs.evolve(
        network, declarations=[d for d in network.declarations if d.source != "pl-kpk-list"]
    )
    assert only("declared-count", agreeing) == []
    assert only("declared-count", GOOD) == []


def test_declared_count_compares_experts_only_with_a_composition_of_the_time() -> None:
    network = emn.network()
    (seed,) = [d for d in network.declarations if d.id == "decl-si-experts-seed"]
    too_early = attrs.evolve(seed, count=9, valid=emn.model.Validity("2009", "2009"))
    of_its_time = attrs.evolve(seed, count=9)
    assert only("declared-count", attrs.evolve(network, declarations=[too_early])) == []
    assert only("declared-count", attrs.evolve(network, declarations=[of_its_time])) == [
        ("warning", "declarations[0]", "sl-emn-2014 says the number of experts is 9 but lists 10")
    ]


def test_source_conflicts_in_the_dataset_are_info() -> None:
    found = only("source-conflict", emn.network())
    messages = [message for _, _, message in found]
    assert all(severity == "info" for severity, _, _ in found)
    assert (
        "sources disagree on the status of Norway (NO): observer (ec-emn-members, ec-about-emn, "
        "udi-om-emn, pl-kpk-list, emn-sk-about, emnnetherlands-over, emnslovenia-2850, "
        "emnnetherlands-am-me, emn-fi-serbia, maintainers' derivation), "
        "associated member (sl-emn-2014, emm-si-composition-2018)"
    ) in messages
    assert (
        "sources disagree on the code of Greece (GR): 'GR' (pl-kpk-list), 'EL' (eu-style-guide)"
        in messages
    )
    assert (
        "sources disagree on when Armenia (AM) joined: 2022-10-28 (emnnetherlands-am-me), "
        "2022-10-27 (emn-fi-armenia, 1lurer-2022)"
    ) in messages
    assert (
        "sources disagree on when Norway (NO) joined: 2011-01-01 (ec-norway-ncp, maintainers' "
        "derivation), 2011 (udi-om-emn-norge), 2010 (vdocuments-no-2012, slideplayer-fi-2016)"
    ) in messages
    assert (
        "sources disagree on the coordinating entity of Norway (NO): 'Norwegian Directorate of "
        "Immigration' (udi-om-emn-norge), 'Norwegian Ministry of Justice and the Police' "
        "(pl-kpk-list)"
    ) in messages


def test_counts_are_compared_only_when_they_speak_of_the_same_time() -> None:
    counts = [m for _, _, m in only("source-conflict", emn.network()) if "number of NCPs" in m]
    # The Slovenian text's 28 Member States and Norway against 28 NCPs, Norway included; the
    # Polish list's 32 (2022-2023) meets no other count of its time.
    assert counts == [
        "sources disagree on the number of NCPs between 2014-03-27 and 2020-01-31: "
        "29 (sl-emn-2014, idos-dossier), 28 (bamf-aufbau-en, bamf-aufbau-de-old, "
        "emnsweden-background, emnsweden-ncp)"
    ]


def test_what_agrees_with_the_headline_at_some_time_is_no_conflict() -> None:
    messages = [m for _, _, m in only("source-conflict", emn.network())]
    # Croatia: the Polish list's undated Ministry agrees with 2013-2015 and 2019-; the Ministry's
    # two stints are not a disagreement about its dates.
    assert not [m for m in messages if "Croatia" in m]
    # Portugal: SEF could not host after it closed; AIMA's page gives no date: no conflict.
    assert not [m for m in messages if "Portugal" in m]
    # Scopes never conflict: Denmark has no NCP and observed the Steering Board.
    assert not [m for m in messages if "Denmark" in m]


def test_no_conflict_when_sources_agree() -> None:
    network = emn.network()
    quiet = attrs.evolve(
        network,
        claims=network.claims[:1],
        declarations=(),
        participations=[p for p in network.participations if p.country.code == "SI"],
        ncps=[n for n in network.ncps if n.country.code == "SI"],
        former_ncps=(),
    )
    assert only("source-conflict", quiet) == []


def test_a_disputed_headline_reports_every_claim() -> None:
    network = emn.network()
    norway = network.ncp("NO")
    tied = attrs.evolve(norway, coordinating_entity=None, disputed=("coordinating_entity",))
    disputed = attrs.evolve(
        network, ncps=[tied if n is norway else n for n in network.ncps], claims=(), declarations=()
    )
    found = [m for _, _, m in only("source-conflict", disputed) if "coordinating entity" in m]
    assert (
        "sources disagree on the coordinating entity of Norway (NO): 'Norwegian Ministry of "
        "Justice and the Police' (pl-kpk-list), 'Norwegian Directorate of Immigration' "
        "(udi-om-emn-norge)"
    ) in found


def test_composition_unknown_is_info_for_unpublished_compositions() -> None:
    assert only("composition-unknown", ncp(None)) == [
        ("info", "experts", "the sources do not publish the experts of this NCP")
    ]
    assert only("composition-unknown", GOOD) == []
    assert only("composition-unknown", ncp()) == []


@pytest.mark.parametrize(
    "name",
    [
        "N/A",
        "n/a",
        "TBD",
        "-",
        "?",
        "xxx",
        "XXXX",
        "Name",
        "imię i nazwisko",
        "B.D.",
        "brak",
        "Ime in  priimek",
        "...",
        "—",
    ],
)
def test_a_placeholder_name_is_an_error(name: str) -> None:
    assert only("expert-name", ncp(("Ana Novak", MNZ, C), (name, MNZ, M))) == [
        ("error", "experts[1].name", f"'{name}' is a placeholder, not a person's name")
    ]


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_an_empty_or_blank_name_is_an_error(name: str) -> None:
    assert only("expert-name", ncp((name, MNZ, C))) == [
        ("error", "experts[0].name", "the expert's name is empty")
    ]


def test_real_names_pass_expert_name_and_unknown_is_silent() -> None:
    names = ["Nataša Potočnik", "Ng", "Xu", "Ó Sé", "Nam", "Imre", "Ana-Maria Brak"]
    assert only("expert-name", ncp(*[(n, MNZ, M) for n in names])) == []
    assert only("expert-name", ncp(None)) == []


def test_placeholders_are_not_people_twice_or_coordinator_and_deputy() -> None:
    template = ncp(("TBD", MNZ, C), ("TBD", MNZ, D), ("TBD", MNZ, M), ("", MNZ, M), ("", MNZ, M))
    assert only("duplicate-expert", template) == []
    assert only("deputy-not-coordinator", template) == []


def test_an_entity_based_in_another_country_is_an_error() -> None:
    import attrs

    croatian = attrs.evolve(emn.ncp("SI"), country=emn.Country("HR"))
    assert only("entity-country", croatian) == [
        (
            "error",
            "appointed_by",
            "the body that appointed the NCP Vlada Republike Slovenije is based in Slovenia (SI), "
            "not in Croatia (HR)",
        ),
        (
            "error",
            "coordinating_entity",
            "the coordinating entity Ministry of the Interior is based in Slovenia (SI), not in "
            "Croatia (HR)",
        ),
    ]


def test_a_unit_is_based_where_its_parent_is() -> None:
    unit = emn.NationalContactPoint(emn.Country("AT"), POLICE)
    assert [path for _, path, _ in only("entity-country", unit)] == ["coordinating_entity"]


def test_entity_country_passes_at_home_and_does_not_judge_the_unknown() -> None:
    assert only("entity-country", GOOD) == []
    assert only("entity-country", emn.NationalContactPoint(emn.Country("AT"), NOWHERE)) == []
    assert only("entity-country", emn.network()) == []


def test_an_unknown_source_id_is_a_warning_wherever_it_is_cited() -> None:
    named = emn.Organisation(
        [emn.Name("MNZ", "sl", source="sl-emn-2041")], country=emn.Country("SI")
    )
    subject = emn.NationalContactPoint(
        emn.Country("SI"),
        named,
        experts=[emn.Expert("Ana Novak", MNZ, C, source="nowhere")],
        history=[emn.model.Event("Set up.", "pl-kpk-list"), emn.model.Event("Moved.", "rumour")],
        sources=["pl-kpk-list", "sl-emn-2041"],
    )
    message = "the source {} is defined neither in what was validated nor in the dataset"
    assert only("unknown-source", subject) == [
        ("warning", "coordinating_entity.names[0].source", message.format("sl-emn-2041")),
        ("warning", "experts[0].source", message.format("nowhere")),
        ("warning", "history[1].source", message.format("rumour")),
        ("warning", "sources[1]", message.format("sl-emn-2041")),
    ]


def test_a_source_the_reference_network_defines_is_known() -> None:
    import attrs

    subject = emn.NationalContactPoint(emn.Country("SI"), MNZ, sources=["my-list"])
    network = emn.network()
    mine = attrs.evolve(
        network, sources=(*network.sources, emn.model.Source("my-list", "My list", "en"))
    )
    assert only("unknown-source", subject) != []
    report = emn.validate(subject, select=["unknown-source"], reference=mine)
    assert report.findings == ()
    assert only("unknown-source", emn.ncp("SI")) == []


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ("2001", "the date 2001 is before 2002, when the EMN's pilot phase began"),
        ("2001-12-31", "the date 2001-12-31 is before 2002, when the EMN's pilot phase began"),
        ("by 2001", "the date by 2001 is before 2002, when the EMN's pilot phase began"),
        ("before 2002", "the date before 2002 is before 2002, when the EMN's pilot phase began"),
        ("2999", "the date 2999 is after today"),
        ("2999-01", "the date 2999-01 is after today"),
    ],
)
def test_an_event_out_of_the_networks_time_is_an_error(when: str, message: str) -> None:
    subject = emn.NationalContactPoint(
        emn.Country("SI"), MNZ, history=[emn.model.Event("Happened.", "x", when=when)]
    )
    assert only("date-range", subject) == [("error", "history[0].when", message)]


def test_dates_from_2002_to_today_pass() -> None:
    import datetime

    today = datetime.date.today()
    events = [emn.model.Event("Happened.", "x", when=w) for w in ("2002", "2002-01", "by 2999")]
    for day in (datetime.date(2002, 1, 1), today):
        subject = emn.NationalContactPoint(emn.Country("SI"), MNZ, last_changed=day, history=events)
        assert only("date-range", subject) == []
    future = emn.NationalContactPoint(
        emn.Country("SI"), MNZ, last_changed=today + datetime.timedelta(days=1)
    )
    assert [m for _, _, m in only("date-range", future)] == [
        f"the date {(today + datetime.timedelta(days=1)).isoformat()} is after today"
    ]


def test_the_bundled_dataset_validates_with_no_error_and_its_known_findings() -> None:
    report = emn.validate(emn.network())
    assert report.ok
    assert {f.rule for f in report.warnings} == {"declared-count"}
    unknown = [f for f in report.infos if f.rule == "composition-unknown"]
    assert len(unknown) == 33
    si = [n.country.code for n in emn.ncps()].index("SI")
    assert ("ncps", si, "experts") not in {f.location for f in unknown}
    assert {f.country.code for f in unknown if f.country} == {
        n.country.code for n in emn.ncps() if n.experts is None
    }
    assert {f.rule for f in report.infos} == {"composition-unknown", "source-conflict"}


# -- the engine ---------------------------------------------------------------------------------


def test_findings_are_sorted_by_path_and_carry_the_reference() -> None:
    bad = [GOOD, ncp(("A", MNZ, M), country="DK")]
    report = emn.validate(bad)
    assert [f.path for f in report.findings] == sorted(f.path for f in report.findings)
    (denmark,) = [f for f in report.errors if f.rule == "participating-country"]
    assert denmark.reference == "Decision 2008/381/EC, Art. 5(1); the Commission's members list"
    assert not report.ok
    assert len(report) == len(report.errors) + len(report.warnings) + len(report.infos)


def test_locations_in_a_network_index_what_to_dict_writes() -> None:
    broken = attrs.evolve(emn.ncp("SI"), experts=emn.ncp("SI").experts[:2])  # type: ignore[index]
    network = attrs.evolve(
        emn.network(), ncps=tuple(broken if n.country.code == "SI" else n for n in emn.ncps())
    )
    errors = emn.validate(network).errors
    si = [n.country.code for n in network.ncps].index("SI")
    assert [(f.rule, f.location, f.path, f.pointer) for f in errors] == [
        ("min-experts", ("ncps", si, "experts"), f"ncps[{si}].experts", f"/ncps/{si}/experts")
    ]
    data = emn.to_dict(network)
    assert len(data["ncps"][si]["experts"]) == 2  # the location reaches it with plain indexing
    assert errors[0].country == emn.Country("SI")


def test_select_and_ignore() -> None:
    bad = ncp(("A", MNZ, M))
    assert {f.rule for f in emn.validate(bad, select=["min-experts"])} == {"min-experts"}
    assert "min-experts" not in {f.rule for f in emn.validate(bad, ignore=["min-experts"])}
    assert {f.rule for f in emn.validate(bad, select=["min-experts,one-coordinator"])} == {
        "min-experts",
        "one-coordinator",
    }
    with pytest.raises(emn.NotFound, match="no rule 'boss'; the rules are"):
        emn.validate(bad, ignore=["boss"])


def test_check_raises_rule_violation_carrying_the_report() -> None:
    assert emn.check(GOOD).ok
    with pytest.raises(emn.RuleViolation) as info:
        emn.check(ncp(("A", MNZ, M)))
    assert not info.value.report.ok
    assert str(info.value).startswith("2 errors:\nmin-experts [error] experts:")


def test_a_users_function_rule() -> None:
    @emn.rule("no-police", emn.rules.Severity.WARNING, "No police officers")
    def no_police(
        subject: emn.NationalContactPoint, context: emn.rules.Context
    ) -> list[tuple[tuple[str, int], str]]:
        """Nobody comes from the police."""
        return [
            (("experts", i), f"{e.name} is a police officer")
            for i, e in enumerate(subject.experts or ())
            if e.organisation.kind is emn.model.OrganisationKind.POLICE
        ]

    assert no_police.description == "Nobody comes from the police."
    report = emn.validate(GOOD, extra=[no_police])
    assert [(f.rule, f.severity, f.path, f.message) for f in report] == [
        ("no-police", emn.rules.Severity.WARNING, "experts[2]", "Darjo Cizel is a police officer")
    ]
    assert emn.validate(GOOD, extra=[no_police], ignore=["no-police"]).findings == ()


def test_a_users_small_class_rule() -> None:
    class Tiny:
        id = "tiny-ncp"
        severity = emn.rules.Severity.INFO
        title = "Small NCPs"
        reference = None
        scope = "ncp"

        def check(
            self, subject: emn.NationalContactPoint, context: emn.rules.Context
        ) -> list[emn.rules.Observation]:
            if subject.experts is not None and len(subject.experts) <= 3:
                return [
                    emn.rules.observe("experts", "only {count} experts", count=len(subject.experts))
                ]
            return []

    report = emn.validate(GOOD, extra=[Tiny()], select=["tiny-ncp"])
    assert [f.message for f in report] == ["only 3 experts"]


def test_a_rule_id_must_be_kebab_case() -> None:
    with pytest.raises(emn.InvalidData, match="is not a rule id"):
        emn.rule("Bad Id", emn.rules.Severity.INFO, "x")(lambda s, c: ())


def test_validate_refuses_what_is_not_an_ncp() -> None:
    with pytest.raises(
        emn.InvalidData, match="expected an NCP, a list of NCPs or a Network, got int"
    ):
        emn.validate(3)  # type: ignore[arg-type]


def test_a_list_mixing_ncps_and_other_things_is_read_as_raw_data() -> None:
    report = emn.validate([GOOD, "SI"])
    assert [(f.rule, f.location, f.message) for f in report.errors] == [
        ("structure", (1,), "expected an object, got a string")
    ]


def test_validation_never_changes_its_subject() -> None:
    before = emn.to_dict(emn.network())
    emn.validate(emn.network())
    assert emn.to_dict(emn.network()) == before


def test_a_report_round_trips_through_json() -> None:
    report = emn.validate(emn.network())
    assert emn.from_json(emn.rules.Report, emn.to_json(report)) == report


@settings(max_examples=200)
@given(strategies.ncps)
def test_every_rule_runs_on_any_ncp_without_raising(subject: emn.NationalContactPoint) -> None:
    report = emn.validate(subject)
    assert all(f.rule in EXPECTED for f in report)
    if subject.experts is None:
        # Only the rules about the country, the entity and the dates judge an NCP without experts.
        assert {f.rule for f in report.errors} <= {
            "participating-country",
            "entity-country",
            "date-range",
        }


def test_docs_rules_md_documents_every_rule() -> None:
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "docs" / "rules.md").read_text(
        encoding="utf-8"
    )
    for r in emn.rules():
        assert f"## `{r.id}` ({r.severity.value})" in text
        assert f"| `{r.id}` | {r.severity.value} |" in text
        assert f"| {r.reference or '—'} |" in text


# -- hostile rules and selections -----------------------------------------------------------


@pytest.mark.parametrize("select", ["", " , ", [], [""]])
def test_a_selection_of_no_rule_is_refused_not_passed(select: object) -> None:
    with pytest.raises(emn.InvalidData, match="select: names no rule"):
        emn.validate(GOOD, select=select)  # type: ignore[arg-type]


def test_a_selection_of_the_wrong_type_names_the_argument() -> None:
    with pytest.raises(TypeError, match="select must be rule ids"):
        emn.validate(GOOD, select=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="ignore must be rule ids"):
        emn.validate(GOOD, ignore=[1])  # type: ignore[list-item]


def test_a_message_with_braces_is_shown_as_written() -> None:
    @emn.rule("braces", emn.rules.Severity.INFO, "Braces")
    def braces(subject: object, context: object) -> list[object]:
        return [("experts", '{"a": 1}'), emn.rules.observe("experts", "{missing} and {")]

    report = emn.validate(GOOD, extra=[braces], select=["braces"])
    assert [f.message for f in report] == ['{"a": 1}', "{missing} and {"]
    assert [f.describe("sl") for f in report] == ['{"a": 1}', "{missing} and {"]


def test_a_rule_that_raises_is_named() -> None:
    @emn.rule("broken-rule", emn.rules.Severity.INFO, "Broken")
    def broken(subject: object, context: object) -> list[object]:
        raise ZeroDivisionError("oops")

    @emn.rule("broken-later", emn.rules.Severity.INFO, "Broken later")
    def broken_later(subject: object, context: object) -> object:
        yield "experts", "fine"
        raise KeyError("late")

    for rule in (broken, broken_later):
        with pytest.raises(emn.exceptions.RuleError, match=f"the rule '{rule.id}' failed") as info:
            emn.validate(GOOD, extra=[rule], select=[rule.id])
        assert info.value.rule == rule.id
        assert info.value.__cause__ is not None


def test_findings_and_contexts_are_frozen_and_hashable() -> None:
    location = ["experts", 0]
    finding = emn.rules.Finding("r", emn.rules.Severity.INFO, "m", location)  # type: ignore[arg-type]
    location.append("name")
    assert finding.location == ("experts", 0)
    assert hash(finding) == hash(
        emn.rules.Finding("r", emn.rules.Severity.INFO, "m", ("experts", 0))
    )
    locations = [("ncps", 0)]
    context = emn.rules.Context(emn.network(), locations)  # type: ignore[arg-type]
    locations.append(("ncps", 1))
    assert context.locations == (("ncps", 0),)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        context.locations = ()  # type: ignore[misc]
    assert hash(context) == hash(emn.rules.Context(emn.network(), [("ncps", 0)]))


# -- behaviours the mutation campaign found untested (docs/testing.md) ---------------------------

SI, NO, RS = emn.Country("SI"), emn.Country("NO"), emn.Country("RS")
Participation, Declaration = emn.model.Participation, emn.model.Declaration
Status = emn.model.Status


def records(**parts: object) -> emn.Network:
    """The bundled network's legal basis with only the records given."""
    empty: dict[str, object] = {"ncps": (), "participations": (), "declarations": (), "claims": ()}
    return attrs.evolve(emn.network(), **{**empty, **parts})


def listed_by(source: str, *codes: str) -> tuple[emn.NationalContactPoint, ...]:
    """NCP records of ``codes`` that rest on ``source``."""
    return tuple(attrs.evolve(GOOD, country=emn.Country(c), sources=(source,)) for c in codes)


def finding_of(rule: str, subject: object, **options: object) -> emn.rules.Finding:
    (finding,) = emn.validate(subject, select=[rule], **options).findings  # type: ignore[arg-type]
    return finding


def test_an_expert_from_a_country_that_sorts_after_the_ncps_is_a_warning() -> None:
    austrian = ncp(("A", MNZ, C), ("B", MZZ, M), ("E", MNZ, M), country="AT")
    assert [(s, path) for s, path, _ in only("expert-affiliation", austrian)] == [
        ("warning", "experts[1].organisation")
    ]


def test_an_expert_from_abroad_listed_after_one_from_home_is_still_a_warning() -> None:
    subject = ncp(("A", MNZ, C), ("B", MZZ, M), ("E", BAMF, M))
    assert [path for _, path, _ in only("expert-affiliation", subject)] == [
        "experts[2].organisation"
    ]


def test_a_country_that_one_source_says_takes_part_is_not_an_error() -> None:
    reference = records(
        participations=(
            Participation(SI, Status.NOT_PARTICIPATING, "a"),
            Participation(SI, Status.MEMBER_STATE, "b"),
        )
    )
    assert emn.validate(GOOD, select=["participating-country"], reference=reference).ok


def test_findings_at_one_location_list_errors_then_warnings_then_infos() -> None:
    severities = emn.rules.Severity.INFO, emn.rules.Severity.WARNING, emn.rules.Severity.ERROR
    made = [emn.rules.Finding("r", s, "m", ("experts",)) for s in severities]
    assert [f.severity for f in emn.rules.Report(made)] == list(reversed(severities))


def test_a_findings_repr_leaves_out_its_template_and_arguments() -> None:
    finding = emn.rules.Finding(
        "r",
        emn.rules.Severity.INFO,
        "Ana is here",
        ("experts",),
        None,
        "{name} is here",
        [("name", "Ana")],
    )
    assert "{name}" not in repr(finding)
    assert "args" not in repr(finding)


def test_a_country_argument_is_named_in_the_language_of_the_message() -> None:
    @emn.rule("names-a-country", emn.rules.Severity.INFO, "Names a country")
    def names(subject: object, context: object) -> object:
        yield emn.rules.observe("country", "{country} is named", country="DE")

    with emn.set_locale("sl"):
        finding = finding_of("names-a-country", GOOD, extra=[names])
    assert finding.message == f"{emn.country_name('DE', 'en')} (DE) is named"
    assert finding.describe("pl") == f"{emn.country_name('DE', 'pl')} (DE) is named"


def test_any_argument_name_of_a_users_observation_is_filled_as_given() -> None:
    @emn.rule("by-author", emn.rules.Severity.INFO, "Names an author")
    def by_author(subject: object, context: object) -> object:
        yield emn.rules.observe("experts", "written by {author}", author="Ana")

    assert finding_of("by-author", GOOD, extra=[by_author]).message == "written by Ana"


def test_a_status_conflict_names_the_statuses_in_the_language_asked() -> None:
    report = emn.validate(emn.network(), select=["source-conflict"])
    conflicts = [f for f in report if dict(f.args).get("kind") == "status"]
    assert conflicts, "the bundled dataset has sources that disagree on a status"
    for finding in conflicts:
        said = {Status(value) for value, _ in json.loads(dict(finding.args)["claims"])}
        for status in said:
            assert f"{status.label('en')} (" in finding.message
            assert f"{status.label('sl')} (" in finding.describe("sl")


def test_date_conflicts_show_iso_days_in_english_and_local_dates_in_a_language() -> None:
    from babel.dates import format_date

    report = emn.validate(emn.network(), select=["source-conflict"])
    conflicts = [f for f in report if dict(f.args).get("kind") in ("date", "when")]
    assert conflicts, "the bundled dataset has sources that disagree on a date"
    for finding in conflicts:
        for value, _ in json.loads(dict(finding.args)["claims"]):
            assert f"{value} (" in finding.message
            if len(value) == len("2008-05-14"):
                day = datetime.date.fromisoformat(value)
                assert f"{format_date(day, 'medium', locale='sl')} (" in finding.describe("sl")


def test_a_count_conflict_shows_the_counts_as_numbers() -> None:
    network = records(
        declarations=(Declaration("a", "ncps", 32, "q"), Declaration("b", "ncps", 33, "q"))
    )
    message = finding_of("source-conflict", network).message
    assert message.startswith("sources disagree on the number of NCPs")
    assert "32 (a)" in message
    assert "33 (b)" in message


def test_a_count_of_something_the_rules_have_no_words_for_is_named_by_its_subject() -> None:
    network = records(
        declarations=(
            Declaration("a", "regions", 3, "q", country=SI),
            Declaration("b", "regions", 4, "q", country=SI),
        )
    )
    message = finding_of("source-conflict", network).message
    assert message.startswith("sources disagree on regions")
    assert "3 (a)" in message
    assert "4 (b)" in message


def test_declared_count_counts_only_the_ncps_the_declaring_source_lists() -> None:
    ncps = (*listed_by("b", "SI", "AT"), *listed_by("a", "DE"), *listed_by("c", "FR"))
    network = records(
        ncps=(*ncps, attrs.evolve(GOOD, country=emn.Country("IT"), sources=())),
        # The first declaration agrees with its list and is passed over; the second is not.
        declarations=(Declaration("a", "ncps", 1, "q"), Declaration("b", "ncps", 3, "q")),
    )
    assert only("declared-count", network) == [
        ("warning", "declarations[1]", "b says the number of NCPs is 3 but lists 2")
    ]


def test_declared_count_compares_a_countrys_experts_with_those_the_source_lists() -> None:
    experts = [attrs.evolve(e, source="sl-text") for e in GOOD.experts or ()]
    others = [emn.Expert("X", MNZ, M, source="aa"), emn.Expert("Y", MNZ, M, source="zz")]
    # The same source's experts of other countries, before and after SI, are not SI's.
    abroad = [attrs.evolve(ncp(("Z", BAMF, M), country=c), sources=()) for c in ("AT", "SK")]
    abroad = [
        attrs.evolve(n, experts=[attrs.evolve(e, source="sl-text") for e in n.experts or ()])
        for n in abroad
    ]
    composition = attrs.evolve(
        GOOD, experts=[*experts, *others], last_changed=datetime.date(2014, 3, 27)
    )
    network = records(
        ncps=(abroad[0], composition, abroad[1]),
        declarations=(Declaration("sl-text", "experts", 4, "q", country=SI),),
    )
    # Read back from JSON, as from a file: equal strings, never the same objects.
    network = emn.from_json(emn.Network, emn.to_json(network))
    assert only("declared-count", network) == [
        ("warning", "declarations[0]", "sl-text says the number of experts is 4 but lists 3")
    ]


def test_declared_count_counts_as_observers_the_listed_countries_the_source_makes_no_member() -> (
    None
):
    network = records(
        ncps=listed_by("b", "SI", "NO", "RS"),
        participations=(
            Participation(SI, Status.MEMBER_STATE, "b"),
            Participation(NO, Status.OBSERVER, "b"),
            # What other sources say of Serbia does not change what "b" lists.
            Participation(RS, Status.MEMBER_STATE, "a"),
            Participation(RS, Status.MEMBER_STATE, "c"),
            Participation(RS, Status.OBSERVER, "c"),
        ),
        declarations=(Declaration("b", "observers", 1, "q"),),
    )
    assert only("declared-count", network) == [
        (
            "warning",
            "declarations[0]",
            "b says the number of observers is 1 but lists 2 (not counted: RS)",
        )
    ]


@pytest.mark.parametrize("subject", ["member_states", "associated_members", "regions"])
def test_declared_count_does_not_judge_a_count_the_source_does_not_itemise(subject: str) -> None:
    experts = [attrs.evolve(e, source="b") for e in GOOD.experts or ()]
    network = records(
        ncps=tuple(attrs.evolve(n, experts=experts) for n in listed_by("b", "SI", "NO")),
        participations=(Participation(SI, Status.MEMBER_STATE, "b"),),
        declarations=(Declaration("b", subject, 5, "q"), Declaration("b", subject, 5, "q", SI)),
    )
    assert only("declared-count", network) == []


def test_a_rule_both_selected_and_ignored_must_still_exist() -> None:
    with pytest.raises(emn.NotFound, match="no rule 'boss'"):
        emn.validate(GOOD, select=["boss"], ignore=["boss"])


def test_validate_takes_its_options_only_by_keyword() -> None:
    with pytest.raises(TypeError):
        emn.validate(GOOD, ["min-experts"])  # type: ignore[misc]


def test_observe_takes_the_severity_only_by_keyword() -> None:
    with pytest.raises(TypeError):
        emn.rules.observe("experts", "m", emn.rules.Severity.INFO)  # type: ignore[misc]
    assert emn.rules.observe(location="experts", message="m").location == ("experts",)


def test_rules_are_equal_by_what_they_declare_not_by_their_function() -> None:
    def one(subject: object, context: object) -> list[object]:
        return []

    def other(subject: object, context: object) -> list[object]:
        return []

    make = emn.rule("same-rule", emn.rules.Severity.INFO, "Same")
    assert make(one) == make(other)


def test_a_rules_repr_leaves_out_its_function() -> None:
    assert "function" not in repr(emn.rules()[0])


def test_a_contexts_index_comes_from_its_reference_only() -> None:
    with pytest.raises(TypeError):
        emn.rules.Context(emn.network(), index={})  # type: ignore[call-arg]


def test_a_contexts_repr_leaves_out_its_index() -> None:
    assert "index" not in repr(emn.rules.Context(emn.network()))


def test_a_reports_repr_counts_its_findings_by_severity() -> None:
    report = emn.validate(ncp(("A", MNZ, M)))
    assert repr(report) == (
        f"Report(ok=False, errors={len(report.errors)}, warnings={len(report.warnings)}, "
        f"infos={len(report.infos)})"
    )
