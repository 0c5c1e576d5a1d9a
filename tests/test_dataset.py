"""The bundled dataset, pinned against the two seed documents and the dated facts."""

from __future__ import annotations

import datetime as dt
import json
import threading
import unicodedata
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

import emn

# The Polish list, line by line: country as it writes it, code, coordinating institution.
POLISH_LIST = [
    ("Austria", "AT", "International Organisation for Migration"),
    (
        "Belgia",
        "BE",
        "Algemene Directie Dienst Vreemdelingenzaken / Direction Générale Office des Etrangers",
    ),
    ("Bułgaria", "BG", "Ministry of Interior, Migration Directorate"),
    ("Chorwacja", "HR", "Ministry of Interior"),
    ("Cypr", "CY", "Ministry of Interior"),
    ("Czechy", "CZ", "Department for Asylum and Migration Policy, Ministry of the Interior"),
    ("Estonia", "EE", "Estonian Public Service Academy"),
    ("Finlandia", "FI", "Legal Service and Country Information Unit, Finnish Immigration Service"),
    (
        "Francja",
        "FR",
        "Ministry of Immigration, Integration, National Identity and Solidarity Development",
    ),
    ("Grecja", "GR", "Ministry of Interior"),
    (
        "Hiszpania",
        "ES",
        "Permanent Observatory for Immigration, Ministry of Labour and Immigration",
    ),
    (
        "Holandia",
        "NL",
        "Immigration and Naturalisation Service Information and Analysis Centre, Ministry of Justice",
    ),
    ("Irlandia", "IE", "Economic and Social Research Institute"),
    (
        "Łotwa",
        "LV",
        "Office of Citizenship and Migration Affairs of the Ministry of Interior of the Republic of Latvia",
    ),
    ("Litwa", "LT", "International Organisation for Migration"),
    ("Luksemburg", "LU", "University of Luxembourg"),
    ("Malta", "MT", "Ministry for Justice and Home Affairs"),
    ("Niemcy", "DE", "Federal Office for Migration and Refugees"),
    ("Polska", "PL", "Office for Foreigners"),
    ("Portugalia", "PT", "Serviço de Estrangeiros e Fronteiras"),
    ("Rumunia", "RO", "Immigration Office"),
    ("Słowacja", "SK", "IOM International Organisation for Migration"),
    ("Słowenia", "SI", "Ministry of the Interior"),
    ("Szwecja", "SE", "Swedish Migration Board"),
    ("Węgry", "HU", "Ministry of Interior"),
    (
        "Włochy",
        "IT",
        "Ministry of the Interior - Dipartimento per le libertà Civili e l'Immigrazione",
    ),
    ("Norwegia", "NO", "Norwegian Ministry of Justice and the Police"),
    ("Gruzja", "GE", "State Commission on Migration Issues"),
    ("Mołdawia", "MD", "Bureau for Migration and Asylum"),
    ("Ukraina", "UA", "State Migration Service of Ukraine"),
    ("Czarnogóra", "ME", "Ministry of Interior"),
    ("Armenia", "AM", "Migration and Citizenship Service of the Ministry of Internal Affairs"),
    ("Serbia", "RS", "Commissariat for Refugees and Migration"),
]
OBSERVERS = {"NO", "GE", "MD", "UA", "ME", "AM", "RS"}

MNZ = "Ministrstvo za notranje zadeve"
SLOVENIAN_NCP = [
    ("Nataša Potočnik", MNZ, emn.Role.NATIONAL_COORDINATOR),
    ("Helena Korošec", MNZ, emn.Role.DEPUTY_COORDINATOR),
    ("Darja Pokrivač", MNZ, emn.Role.MEMBER),
    ("Metka Lumbar", MNZ, emn.Role.MEMBER),
    ("Sandi Čurin", MNZ, emn.Role.MEMBER),
    ("Robert Vaupotič", MNZ, emn.Role.MEMBER),
    ("Darjo Cizel", f"{MNZ}, Policija", emn.Role.MEMBER),
    ("Andrej Casar", f"{MNZ}, Policija", emn.Role.MEMBER),
    (
        "Grega Malec",
        "Ministrstvo za delo, družino, socialne zadeve in enake možnosti",
        emn.Role.MEMBER,
    ),
    ("Anton Pirih", "Ministrstvo za zunanje zadeve", emn.Role.MEMBER),
]


SL = "000_85ed55a6a884103b.txt"
PL = "001_bccecb0ab4d32e89.txt"


def _seed(name: str) -> str:
    return files("emn.data").joinpath("seeds", name).read_text(encoding="utf-8")


def _unloaded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled dataset as before its first use: not read, no record built."""
    from emn import _dataset

    monkeypatch.setattr(_dataset, "_network", None)
    monkeypatch.setattr(_dataset, "_data", None)


def _raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(files("emn.data").joinpath("emn.json").read_text("utf-8"))
    return data


RECORD_LISTS = (
    "hosts",
    "participations",
    "declarations",
    "claims",
    "events",
    "members",
    "member_organisations",
    "compositions",
    "facts",
    "ncps",
)


def _quotes(record: dict[str, Any]) -> list[tuple[str, str]]:
    """Every quotation a record carries, with where it sits in the record."""
    found = [(key, record[key]) for key in ("quote", "appointed_by_quote") if record.get(key)]
    found += [
        (f"experts[{i}].quote", e["quote"])
        for i, e in enumerate(record.get("experts", []))
        if e.get("quote")
    ]
    return found


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


# -- say only what sources say -----------------------------------------------------------------


def test_every_quote_is_verbatim_in_the_seed_its_source_names() -> None:
    data = _raw()
    seeds = {
        s["id"]: files("emn.data").joinpath(s["file"]).read_text(encoding="utf-8")
        for s in data["sources"]
        if s["kind"] == "seed"
    }
    checked = 0
    for name in RECORD_LISTS:
        for record in data[name]:
            for where, quote in _quotes(record):
                if record["source"] in seeds:
                    # No normalisation: the seed's own line breaks and characters, exactly.
                    assert quote in seeds[record["source"]], f"{record['id']}.{where}"
                    checked += 1
    assert checked > 80


def test_no_record_on_another_source_carries_a_quote() -> None:
    data = _raw()
    seeds = {s["id"] for s in data["sources"] if s["kind"] == "seed"}
    quoted = [
        (record["id"], where)
        for name in RECORD_LISTS
        for record in data[name]
        for where, _ in _quotes(record)
        if record["source"] not in seeds
    ]
    assert quoted == []


def test_the_model_keeps_only_seed_quotes_and_they_are_verbatim() -> None:
    network = emn.network()
    seeds = {"sl-emn-2014": _seed(SL), "pl-kpk-list": _seed(PL)}
    records = [
        *network.participations,
        *network.declarations,
        *network.claims,
        *network.facts,
        *network.events,
    ]
    for ncp in (*network.ncps, *network.former_ncps):
        records += [*ncp.hosts, *ncp.history]
    quoted = [r for r in records if r.quote is not None]
    assert quoted
    for record in quoted:
        assert record.quote in seeds[record.source]


def test_every_record_names_a_source_the_dataset_has() -> None:
    data = _raw()
    known = {s["id"] for s in data["sources"]}
    cited = [(path, node["source"]) for path, node in enumerate(_walk(data)) if "source" in node]
    cited += [
        (0, sid) for node in _walk(data) for sid in node.get("sources", []) if isinstance(sid, str)
    ]
    assert {sid for _, sid in cited} <= known
    ids = [record["id"] for name in RECORD_LISTS for record in data[name]]
    assert len(ids) == len(set(ids))
    for node in _walk(data):
        for key in ("record", "seed_wording"):
            if node.get(key):
                assert node[key] in ids, node[key]
        if isinstance(node.get("copy_of"), str):
            assert node["copy_of"] in known


def test_every_source_has_a_title_it_bears_or_a_label_of_ours_and_a_tier() -> None:
    for source in emn.network().sources:
        assert source.title or source.label, source.id
        assert source.name in (source.title, source.label)
        assert (source.tier is None) == (source.id == "maintainers"), source.id
        assert source.read == dt.date(2026, 11, 25)
    # The Slovenian text bears no title; the Polish page does.
    assert emn.network().source("sl-emn-2014").title is None
    assert emn.network().source("pl-kpk-list").title == "Krajowe Punkty Kontaktowe"


def test_the_maintainers_records_are_derived_or_inferred_and_say_from_what() -> None:
    network = emn.network()
    records = [*network.participations, *network.claims]
    records += [h for n in (*network.ncps, *network.former_ncps) for h in n.hosts]
    ours = [r for r in records if r.source == "maintainers"]
    assert len(ours) > 25
    for record in ours:
        assert record.basis in (emn.model.Basis.DERIVED, emn.model.Basis.INFERRED)
        assert record.derived_from, record.id


def test_norway_s_ncp_is_never_said_to_be_hosted_by_the_ministry_of_justice_and_public_security() -> (
    None
):
    norway = emn.ncp("NO")
    ministry = "Ministry of Justice and Public Security"
    assert not [h for h in norway.hosts if ministry in h.organisation.all_names]
    assert norway.coordinating_entity is not None
    assert norway.coordinating_entity.name == "Norwegian Directorate of Immigration"
    # What the Commission says: the NCP consists of experts from both, the ministry signed.
    bodies = {o.name for m in norway.member_organisations for o in m.organisations}
    assert {
        "Norwegian Directorate of Immigration",
        "Norwegian Ministry of Justice and Public Security",
    } <= bodies
    signed = [c for c in emn.network().claims if c.subject == "NO.working_arrangement_party"]
    assert [(c.value, c.source) for c in signed] == [("no-mjps", "ec-norway-ncp")]


def test_portugal_sef_to_aima_as_each_page_says_and_the_date_as_our_inference() -> None:
    portugal = emn.ncp("PT")
    assert portugal.coordinating_entity is not None
    assert (
        portugal.coordinating_entity.name_in("en")
        == "Agency for Integration, Migration and Asylum (AIMA)"
    )
    aima = [h for h in portugal.hosts if h.source == "aima-rem-2023-2025"]
    # aima.gov.pt says AIMA is the NCP now, and gives no date.
    assert [(h.valid.start, h.valid.end) for h in aima] == [(None, None)]
    inferred = [h for h in portugal.hosts if h.basis is emn.model.Basis.INFERRED]
    assert [(h.source, str(h.valid.start), h.certainty) for h in inferred] == [
        ("maintainers", "2023-10-29", emn.model.Certainty.UNCERTAIN)
    ]
    # SEF cannot have hosted the NCP after it closed: a bound we derived, on each SEF record.
    sef = [
        h for h in portugal.hosts if h.organisation.name == "Serviço de Estrangeiros e Fronteiras"
    ]
    assert {str(h.valid.end) for h in sef} == {"by 2023-10-29"}
    assert {h.valid.basis for h in sef} == {emn.model.Basis.DERIVED}
    # The day comes from the pages that state it, none of them aima.gov.pt.
    dated = {(str(e.when), e.source) for e in portugal.history if e.when}
    assert ("2023-10-29", "jgsa-2024") in dated
    assert not [e for e in portugal.history if e.source == "aima-rem-2023-2025"]
    assert emn.network(as_of=dt.date(2024, 1, 1)).ncp("PT").coordinating_entity == (
        portugal.coordinating_entity
    )
    assert emn.network(as_of=dt.date(2023, 1, 1)).ncp("PT").coordinating_entity is None


def test_denmark_has_no_ncp_and_its_steering_board_seat_does_not_contradict_it() -> None:
    network = emn.network()
    by_scope = {}
    for p in network.statuses("DK"):
        by_scope.setdefault(p.scope, set()).add(p.status)
    assert by_scope[emn.model.Scope.NCP] == {emn.Status.NOT_PARTICIPATING}
    assert by_scope[emn.model.Scope.STEERING_BOARD] == {emn.Status.OBSERVER}
    assert by_scope[emn.model.Scope.UNSPECIFIED] == {emn.Status.OBSERVER}
    steering = [p for p in network.statuses("DK") if p.scope is emn.model.Scope.STEERING_BOARD]
    assert [(p.source, str(p.observed)) for p in steering] == [("com-2012-427", "2012")]
    findings = emn.validate(network, select=["source-conflict"])
    assert not [f for f in findings if "Denmark" in f.message]


def test_the_slovenian_pilot_was_before_2008_not_by_2008() -> None:
    pilot = emn.ncp("SI").history[0]
    assert (pilot.id, str(pilot.when), pilot.source) == (
        "ev-si-pilot",
        "before 2008",
        "sl-emn-2014",
    )
    assert pilot.when is not None
    assert pilot.when.latest == dt.date(2007, 12, 31)
    assert pilot.quote is not None
    assert pilot.quote.startswith("Pred letom 2008 je kot pilotni projekt")


def test_the_legal_basis_is_summarised_with_exact_references_never_copied() -> None:
    act = emn.network().legal_basis
    assert act.reference == "Council Decision 2008/381/EC"
    assert act.adopted == dt.date(2008, 5, 14)
    assert act.in_force == dt.date(2008, 5, 21)
    article = act.article("5(2)")
    assert article.reference == "Decision 2008/381/EC, Art. 5(2)"
    assert article.summary.startswith("An NCP has at least three experts")
    assert "shall" not in " ".join(a.summary for a in act.articles)
    # The Slovenian seed's own wording of the rule may be quoted: the package ships it.
    wording = next(f for f in emn.network().facts if f.id == article.seed_wording)
    assert wording.source == "sl-emn-2014"
    assert wording.quote is not None
    assert wording.quote in _seed(SL)
    assert [a.reference for a in act.amended_by] == ["Regulation (EU) No 516/2014"]
    assert [a.reference for a in act.related_acts] == ["Commission Decision 2009/350/EC"]
    with pytest.raises(emn.NotFound):
        act.article("99")


# -- every seed fact -------------------------------------------------------------------------------

SEED_FACTS = {
    # The Government appoints the NCP's members and the Steering Board member, on the proposal
    # of the competent ministry.
    "fact-si-appointment": "Člane Slovenske nacionalne kontaktne točke in Usmerjevalnega odbora",
    "fact-participation-obligatory": "je postalo sodelovanje držav članic",
    "fact-si-composition-changed": "se je od leta 2008",
    "fact-experts-usually-from": "Policija, Zavod za zaposlovanje, Statistični urad",
    "fact-experts-also-from": "mednarodnih organizacij",
    "fact-ncp-made-of-pl": "",
}


@pytest.mark.parametrize(("fact", "words"), SEED_FACTS.items())
def test_every_seed_fact_is_present_and_quoted(fact: str, words: str) -> None:
    found = next(f for f in emn.network().facts if f.id == fact)
    assert found.quote is not None
    assert words in found.quote
    assert found.quote in _seed(SL if found.source == "sl-emn-2014" else PL)


# -- the NCPs ----------------------------------------------------------------------------------


def test_the_dataset_has_the_33_ncps_of_the_polish_list_and_north_macedonia() -> None:
    codes = [n.country.code for n in emn.ncps()]
    assert len(codes) == 34
    assert codes == sorted(codes)
    assert set(codes) == {code for _, code, _ in POLISH_LIST} | {"MK"}
    listed = [n for n in emn.ncps() if n.sources[0] == "pl-kpk-list"]
    assert len(listed) == 33


@pytest.mark.parametrize(("label", "code", "institution"), POLISH_LIST)
def test_each_ncp_keeps_the_institution_exactly_as_the_polish_list_names_it(
    label: str, code: str, institution: str
) -> None:
    ncp = emn.ncp(code)
    assert ncp.listed_as == f"{label} ({code})"
    assert "pl-kpk-list" in ncp.sources
    (listed,) = [h for h in ncp.hosts if h.source == "pl-kpk-list"]
    assert listed.relation is emn.model.Relation.COORDINATES
    names = [n for n in listed.organisation.names if n.source == "pl-kpk-list"]
    assert " / ".join(n.text for n in names) == institution
    assert listed.quote == f"{label} ({code}): {institution}"
    expected = emn.Status.OBSERVER if code in OBSERVERS else emn.Status.MEMBER_STATE
    assert ncp.status is expected


def test_names_are_language_tagged() -> None:
    belgium = emn.ncp("BE").coordinating_entity
    assert belgium is not None
    assert [(n.lang, n.text) for n in belgium.names][:2] == [
        ("nl", "Algemene Directie Dienst Vreemdelingenzaken"),
        ("fr", "Direction Générale Office des Etrangers"),
    ]
    assert belgium.name_in("en") == "Immigration Office"
    slovenia = emn.ncp("SI").coordinating_entity
    assert slovenia is not None
    assert slovenia.name_in("sl") == MNZ


def test_the_slovenian_ncp_has_its_ten_experts_as_the_slovenian_text_lists_them() -> None:
    ncp = emn.ncp("SI")
    assert ncp.experts is not None
    got = [(e.name, e.organisation.full_name_in("sl"), e.role) for e in ncp.experts]
    assert got == SLOVENIAN_NCP
    assert all(unicodedata.is_normalized("NFC", e.name) for e in ncp.experts)
    seed = _seed(SL)
    assert all(e.name in seed for e in ncp.experts)


def test_the_slovenian_coordinator_deputy_and_dates() -> None:
    ncp = emn.ncp("SI")
    assert ncp.coordinator is not None
    assert ncp.coordinator.name == "Nataša Potočnik"
    assert [d.name for d in ncp.deputies or ()] == ["Helena Korošec"]
    assert len(ncp.members or ()) == 8
    assert ncp.last_changed == dt.date(2014, 3, 27)
    assert ncp.appointed_by is not None
    assert ncp.appointed_by.name == "Vlada Republike Slovenije"
    assert [str(e.when) for e in ncp.history] == ["before 2008", "2008", "2009-01-19", "2014-03-27"]


def test_slovenia_s_2009_and_2021_facts() -> None:
    ncp = emn.ncp("SI")
    people = [(m.name, m.role.value, str(m.observed), m.source) for m in ncp.people]
    assert people == [
        ("Matjaž Dovžan", "appointed_ncp", "2009-01-19", "mnz-6561"),
        ("Sabina Hrovatin", "national_coordinator", "2021-12-14", "emnslovenia-117"),
    ]
    counted = {
        (d.id, d.count, d.source)
        for d in emn.network().declarations
        if d.country == emn.Country("SI")
    }
    assert ("decl-si-members-2009", 9, "mnz-6571") in counted


def test_the_police_is_a_unit_of_the_ministry_of_the_interior() -> None:
    ncp = emn.ncp("SI")
    assert ncp.experts is not None
    assert ncp.coordinating_entity is not None
    police = ncp.experts[6].organisation
    assert police.kind is emn.model.OrganisationKind.POLICE
    assert police.is_part_of(ncp.coordinating_entity)
    assert [o.name_in("sl") for o in ncp.organisations or ()] == [
        MNZ,
        "Policija",
        "Ministrstvo za delo, družino, socialne zadeve in enake možnosti",
        "Ministrstvo za zunanje zadeve",
    ]


def test_compositions_the_sources_do_not_publish_are_unknown() -> None:
    unknown = [n.country.code for n in emn.ncps() if n.experts is None]
    assert len(unknown) == 33
    assert "SI" not in unknown
    assert emn.ncp("DE").experts is None


@pytest.mark.parametrize("code", ["SI", "si", " Si ", "EL", "GR", "el", "no"])
def test_lookup_is_case_insensitive_and_knows_the_eu_aliases(code: str) -> None:
    assert emn.ncp(code).country.code == emn.Country(code).code


def test_greece_by_eu_and_iso_code() -> None:
    assert emn.ncp("EL") is emn.ncp("GR")


def test_denmark_has_no_ncp_and_the_error_says_why_without_contradicting_itself() -> None:
    with pytest.raises(emn.NotFound, match=r"Denmark \(DK\) has no National Contact Point") as info:
        emn.ncp("DK")
    assert isinstance(info.value, LookupError)
    message = str(info.value)
    assert "ec-emn-members" in message
    assert "takes no part in the EMN through one" in message
    assert "observer, on the Steering Board (com-2012-427)" in message


def test_the_united_kingdom_took_part_until_it_left_the_eu() -> None:
    with pytest.raises(emn.NotFound) as info:
        emn.ncp("UK")
    message = str(info.value)
    assert message.startswith(
        "United Kingdom (GB) took part in the EMN until 2020-01-31 and has no National Contact "
        "Point today"
    )
    assert "No page read says when the UK's EMN part ended" in message
    (uk,) = emn.network().former_ncps
    assert uk.country.code == "GB"
    assert uk.listed_as is None
    assert uk.coordinating_entity is not None
    assert uk.coordinating_entity.name == "Immigration Research and Statistics (IRS)"
    decision = next(p for p in uk.participations if p.id == "part-gb-decision")
    assert (str(decision.valid.start), str(decision.valid.end)) == ("2008-05-21", "2020-01-31")
    assert decision.basis is emn.model.Basis.DERIVED


def test_north_macedonia_is_listed_with_no_host_any_source_names() -> None:
    north_macedonia = emn.ncp("MK")
    assert north_macedonia.status is emn.Status.OBSERVER
    assert north_macedonia.coordinating_entity is None
    assert north_macedonia.hosts == ()
    assert north_macedonia.listed_as is None
    assert north_macedonia.sources[0] == "ec-emn-members"
    joined = [p.since for p in north_macedonia.participations if p.since]
    assert joined == [dt.date(2024, 10, 28)]


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("XX", "'XX' is not an ISO 3166-1 alpha-2 country code"),
        (
            "AL",
            r"Albania \(AL\) takes part in the EMN \(observer\) according to emn-at-hintergrund, but",
        ),
        ("US", r"knows no National Contact Point for United States \(US\)"),
    ],
)
def test_not_found_says_why(code: str, reason: str) -> None:
    with pytest.raises(emn.NotFound, match=reason):
        emn.ncp(code)


def test_croatia_s_three_hosts_carry_their_dates() -> None:
    croatia = emn.ncp("HR")
    page = [
        (h.organisation.name_in("en"), str(h.valid.start), str(h.valid.end))
        for h in croatia.hosts
        if h.source == "emn-gov-hr-about-en"
    ]
    assert page == [
        ("Ministry of Interior", "2013", "2015-03"),
        ("IOM Office in Zagreb", "2015-03", "2018-12-31"),
        ("Ministry of Interior", "2019-01-01", "None"),
    ]
    host = {
        day: emn.network(as_of=day).ncp("HR").coordinating_entity
        for day in (dt.date(2014, 6, 1), dt.date(2016, 6, 1), dt.date(2020, 6, 1))
    }
    assert [o.name_in("en") if o else None for o in host.values()] == [
        "Ministry of Interior",
        "IOM Office in Zagreb",
        "Ministry of Interior",
    ]


def test_observers_joining_dates_are_their_participations() -> None:
    joined = {(p.since, p.source) for p in emn.ncp("AM").participations if p.since}
    assert joined == {
        (dt.date(2022, 10, 27), "1lurer-2022"),
        (dt.date(2022, 10, 27), "emn-fi-armenia"),
        (dt.date(2022, 10, 28), "emnnetherlands-am-me"),
    }
    assert {p.since for p in emn.ncp("RS").participations if p.since} == {dt.date(2023, 3, 16)}


def test_norway_s_headline_status_follows_the_precedence_and_the_other_word_stays() -> None:
    network = emn.network()
    norway = network.ncp("NO")
    assert norway.status is emn.Status.OBSERVER
    assert norway.disputed == ()
    words = {(p.source, p.status) for p in network.statuses("NO")}
    assert ("ec-emn-members", emn.Status.OBSERVER) in words  # the Commission: tier 1
    assert ("sl-emn-2014", emn.Status.ASSOCIATED_MEMBER) in words
    assert ("emm-si-composition-2018", emn.Status.ASSOCIATED_MEMBER) in words
    # The file's order does not decide: reversed, the headline is the same.
    assert _reversed_headline("NO") == (emn.Status.OBSERVER, norway.coordinating_entity)


def _reversed_headline(code: str) -> tuple[object, object]:
    from emn._precedence import Reading

    network = emn.network()
    ncp = network.ncp(code)
    reading = Reading(
        reversed(network.sources),
        reversed(network.participations),
        reversed(ncp.hosts),
        network.updated or dt.date.today(),
    )
    status = reading.participation(code, reading.today)[1]
    host = reading.host(code, reading.today, headline=True)[0]
    return status, host


def test_disagreements_between_sources_are_kept() -> None:
    network = emn.network()
    declared = {(d.source, d.subject): d.count for d in network.declarations}
    assert declared[("pl-kpk-list", "ncps")] == 32
    assert declared[("sl-emn-2014", "experts")] == 10
    assert declared[("sl-emn-2014", "member_states")] == 28
    greece = {c.value for c in network.claims if c.subject == "GR.code"}
    assert greece == {"GR", "EL"}
    serbia = {p.source for p in network.statuses("RS")}
    assert "pl-kpk-list" not in serbia  # the Polish list gives Serbia no status


def test_counts_carry_the_time_they_speak_of() -> None:
    declared = {d.id: d for d in emn.network().declarations}
    polish = declared["decl-pl-ncps"]
    assert (str(polish.valid.start), str(polish.valid.end)) == ("2022-10-27", "before 2023-03-16")
    assert polish.valid.basis is emn.model.Basis.INFERRED
    bamf = declared["decl-bamf-en"]
    assert (bamf.count, bamf.quote) == (28, None)  # a summary of the page, never a quote
    assert bamf.summary is not None
    assert "Norway" in bamf.summary


def test_few_ncps_rest_on_the_polish_list_alone() -> None:
    def core(ncp: emn.NationalContactPoint) -> set[str]:
        """The sources of its status, host and members: what the NCP itself rests on."""
        records = [*ncp.hosts, *ncp.participations, *ncp.people, *ncp.member_organisations]
        return {r.source for r in records if r.source != "maintainers"}

    assert [n.country.code for n in emn.ncps() if core(n) == {"pl-kpk-list"}] == ["RO"]


def test_the_dataset_s_own_date() -> None:
    assert emn.network().updated == dt.date(2026, 11, 25)


def test_the_same_objects_every_time() -> None:
    assert emn.network() is emn.network()
    assert emn.ncp("SI") is emn.ncps()[emn.ncps().index(emn.ncp("SI"))]


def test_loading_is_done_once_under_concurrency(monkeypatch: pytest.MonkeyPatch) -> None:
    from emn import _dataset

    calls = []
    real = _dataset._load

    def counting() -> emn.Network:
        calls.append(1)
        return real()

    _unloaded(monkeypatch)
    monkeypatch.setattr(_dataset, "_load", counting)
    barrier = threading.Barrier(16)
    results: list[emn.Network] = []

    def worker() -> None:
        barrier.wait()
        results.append(emn.network())

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1
    assert all(r is results[0] for r in results)


def test_a_broken_data_file_is_a_clear_error_naming_the_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from emn import _dataset

    _unloaded(monkeypatch)
    monkeypatch.setattr(_dataset, "_read", lambda: {"schema_version": 2, "sources": []})
    with pytest.raises(
        emn.exceptions.DataFileError, match=r"emn/data/emn.json is broken: missing 'updated'"
    ):
        emn.network()
    for version in (1, 99, None):
        monkeypatch.setattr(_dataset, "_read", lambda v=version: {"schema_version": v})
        with pytest.raises(
            emn.exceptions.DataFileError,
            match=f"schema_version is {version}; this emn reads version 2",
        ):
            emn.network()


def test_a_record_citing_an_unknown_source_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from emn import _dataset

    data = _raw()
    data["hosts"][0]["source"] = "nowhere"
    _unloaded(monkeypatch)
    monkeypatch.setattr(_dataset, "_read", lambda: data)
    with pytest.raises(
        emn.exceptions.DataFileError, match=f"{data['hosts'][0]['id']} cites the source 'nowhere'"
    ):
        emn.network()


def test_a_field_the_model_does_not_know_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from emn import _dataset

    data = _raw()
    data["participations"][0]["sinse"] = "2008"
    _unloaded(monkeypatch)
    monkeypatch.setattr(_dataset, "_read", lambda: data)
    with pytest.raises(emn.exceptions.DataFileError, match="sinse"):
        emn.network()


def test_a_missing_data_file_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from emn import _dataset

    _unloaded(monkeypatch)
    monkeypatch.setattr(_dataset, "_FILE", "missing.json")
    with pytest.raises(
        emn.exceptions.DataFileError, match=r"cannot read the bundled data file .*missing.json"
    ):
        emn.network()


def test_the_data_loads_from_a_zip_import(tmp_path: Path) -> None:
    import subprocess
    import sys
    import zipfile

    package = Path(emn.__file__).parent
    archive = tmp_path / "emn.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in package.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                zipped.write(path, Path("emn") / path.relative_to(package))
    script = "import emn; print(emn.__file__.count('.zip'), len(emn.ncps()), emn.ncp('Słowenia').country.code)"
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={"PYTHONPATH": str(archive), "PATH": ""},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.split() == ["1", "34", "SI"], done.stderr


def test_the_coverage_table_in_the_docs_is_what_the_data_gives() -> None:
    import importlib.util

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("coverage", root / "scripts" / "coverage.py")
    assert spec is not None
    assert spec.loader is not None
    coverage = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(coverage)
    page = (root / "docs" / "dataset.md").read_text(encoding="utf-8")
    assert page.startswith("# The dataset and its sources\n")
    assert coverage.updated(page) == page, "run: python scripts/coverage.py"
    table, summary = coverage.rows()
    assert summary == (
        "35 NCP records, 34 taking part today; 16 with a host dated from a known start and "
        "holding today; 1 resting on one source for status, host and members (RO: the Polish "
        "list alone)"
    )
    rows = {row[0]: row[1:] for row in table}
    assert rows["North Macedonia (MK)"][:2] == ["observer", "not named by any source"]
    assert rows["United Kingdom (GB)"][0] == "took part until 2020-01-31"
    assert rows["Portugal (PT)"][2] == "2023-10-29 (our inference)"


def test_an_ncp_asked_for_first_is_the_very_one_the_whole_network_holds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:

    network = emn.network()
    codes = [n.country.code for n in (*network.ncps, *network.former_ncps)]
    named = ["Słowenia", "Grecja (GR)", "Slovenia (SI)", "Wielka Brytania", "Danemark", "Slovnia"]
    for code in [*codes, "el", " si ", "Uk", "DK", "XX", *named, "Georgia", "Sakartvelo", ""]:
        _unloaded(monkeypatch)
        first: object
        try:
            first = emn.ncp(code)
            assert emn.ncp(code) is first, code  # asked again: the answer remembered
        except emn.NotFound as err:
            first = str(err)
        try:
            assert emn.network().ncp(code) is first, code
        except emn.NotFound as err:
            assert str(err) == first, code


def test_each_ncp_read_from_its_own_records_equals_the_one_read_with_all_records() -> None:
    from emn import _dataset

    network = emn.network()
    alone = _dataset._Data(_dataset._read())
    for expected in (*network.ncps, *network.former_ncps):
        built, present = alone._ncp(expected.country.code)
        assert built == expected
        assert present is (expected in network.ncps)
