"""The bundled dataset, pinned against the two seed documents and the dated facts."""

from __future__ import annotations

import datetime as dt
import threading
import unicodedata
from importlib.resources import files
from pathlib import Path

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


def _seed(name: str) -> str:
    return files("emn.data").joinpath("seeds", name).read_text(encoding="utf-8")


def test_the_dataset_has_the_33_ncps_of_the_polish_list_sorted_by_code() -> None:
    codes = [n.country.code for n in emn.ncps()]
    assert len(codes) == 33
    assert codes == sorted(codes)
    assert set(codes) == {code for _, code, _ in POLISH_LIST}


@pytest.mark.parametrize(("label", "code", "institution"), POLISH_LIST)
def test_each_ncp_keeps_the_institution_exactly_as_the_polish_list_names_it(
    label: str, code: str, institution: str
) -> None:
    ncp = emn.ncp(code)
    assert ncp.listed_as == f"{label} ({code})"
    assert "pl-kpk-list" in ncp.sources
    listed = [n for n in _all_names(ncp) if n.source == "pl-kpk-list"]
    assert " / ".join(n.text for n in listed) == institution
    expected = emn.Status.OBSERVER if code in OBSERVERS else emn.Status.MEMBER_STATE
    assert ncp.status is expected


def _all_names(ncp: emn.NationalContactPoint) -> list[emn.Name]:
    """The coordinating entity's names now and, where a dated change replaced it, before."""
    if ncp.country.code != "PT":
        return list(ncp.coordinating_entity.names)
    seed = [e for e in ncp.history if e.source == "pl-kpk-list"]
    assert seed[0].summary.startswith("Serviço de Estrangeiros e Fronteiras named")
    return [emn.Name("Serviço de Estrangeiros e Fronteiras", "pt", "pl-kpk-list")]


def test_names_are_language_tagged() -> None:
    belgium = emn.ncp("BE").coordinating_entity
    assert [(n.lang, n.text) for n in belgium.names] == [
        ("nl", "Algemene Directie Dienst Vreemdelingenzaken"),
        ("fr", "Direction Générale Office des Etrangers"),
    ]
    assert emn.ncp("IT").coordinating_entity.names[0].lang == "mul"
    assert emn.ncp("SI").coordinating_entity.name_in("sl") == MNZ


def test_every_text_from_a_seed_appears_verbatim_in_that_seed() -> None:
    seeds = {
        "sl-emn-2014": _seed("000_85ed55a6a884103b.txt"),
        "pl-kpk-list": _seed("001_bccecb0ab4d32e89.txt"),
    }
    network = emn.network()
    checked = 0
    for ncp in network.ncps:
        organisations = [ncp.coordinating_entity, *(ncp.organisations or ()), ncp.appointed_by]
        for organisation in filter(None, organisations):
            for name in organisation.names:
                if name.source in seeds:
                    assert name.text in seeds[name.source]
                    checked += 1
        for expert in ncp.experts or ():
            assert expert.source is not None
            assert expert.name in seeds[expert.source]
            checked += 1
        for event in ncp.history:
            if event.quote and event.source in seeds:
                assert event.quote in seeds[event.source]
                checked += 1
    for item in (*network.declarations, *network.claims):
        if item.source in seeds and item.quote:
            assert item.quote in seeds[item.source]
            checked += 1
    assert checked > 60


def test_the_slovenian_ncp_has_its_ten_experts_as_the_slovenian_text_lists_them() -> None:
    ncp = emn.ncp("SI")
    assert ncp.experts is not None
    got = [(e.name, e.organisation.full_name_in("sl"), e.role) for e in ncp.experts]
    assert got == SLOVENIAN_NCP
    assert all(unicodedata.is_normalized("NFC", e.name) for e in ncp.experts)


def test_the_slovenian_coordinator_deputy_and_dates() -> None:
    ncp = emn.ncp("SI")
    assert ncp.coordinator is not None
    assert ncp.coordinator.name == "Nataša Potočnik"
    assert [d.name for d in ncp.deputies or ()] == ["Helena Korošec"]
    assert len(ncp.members or ()) == 8
    assert ncp.last_changed == dt.date(2014, 3, 27)
    assert ncp.appointed_by is not None
    assert ncp.appointed_by.name == "Vlada Republike Slovenije"
    assert [e.when for e in ncp.history] == ["../2008", "2008", "2014-03-27"]


def test_the_police_is_a_unit_of_the_ministry_of_the_interior() -> None:
    ncp = emn.ncp("SI")
    assert ncp.experts is not None
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
    assert len(unknown) == 32
    assert "SI" not in unknown
    assert emn.ncp("DE").experts is None


@pytest.mark.parametrize("code", ["SI", "si", " Si ", "EL", "GR", "el", "no"])
def test_lookup_is_case_insensitive_and_knows_the_eu_aliases(code: str) -> None:
    assert emn.ncp(code).country.code == emn.Country(code).code


def test_greece_by_eu_and_iso_code() -> None:
    assert emn.ncp("EL") is emn.ncp("GR")


def test_denmark_has_no_ncp_and_the_error_says_why() -> None:
    with pytest.raises(emn.NotFound, match=r"Denmark \(DK\) takes no part in the EMN") as info:
        emn.ncp("DK")
    assert isinstance(info.value, LookupError)
    assert "ec-emn-members" in str(info.value)


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("XX", "'XX' is not an ISO 3166-1 alpha-2 country code"),
        ("MK", r"North Macedonia \(MK\) takes part in the EMN \(observer\), but no source names"),
        ("UK", r"knows no National Contact Point for United Kingdom \(GB\)"),
    ],
)
def test_not_found_says_why(code: str, reason: str) -> None:
    with pytest.raises(emn.NotFound, match=reason):
        emn.ncp(code)


def test_portugal_shows_its_latest_host_and_keeps_the_earlier_as_history() -> None:
    ncp = emn.ncp("PT")
    assert ncp.coordinating_entity.name == "Agency for Integration, Migration and Asylum"
    assert [(e.when, e.source) for e in ncp.history] == [
        (None, "pl-kpk-list"),
        ("2023-10-29", "aima-gov-pt"),
    ]


def test_observers_joining_dates_are_in_their_history() -> None:
    joined = {e.when for e in emn.ncp("AM").history}
    assert joined == {"2022-10-27", "2022-10-28"}
    assert [e.when for e in emn.ncp("RS").history] == ["2023-03-16"]


def test_disagreements_between_sources_are_kept() -> None:
    network = emn.network()
    declared = {(d.source, d.subject): d.count for d in network.declarations}
    assert declared[("pl-kpk-list", "ncps")] == 32
    assert declared[("sl-emn-2014", "experts")] == 10
    assert declared[("sl-emn-2014", "member_states")] == 28
    norway = {(p.source, p.status) for p in network.statuses("NO")}
    assert ("pl-kpk-list", emn.Status.OBSERVER) in norway
    assert ("sl-emn-2014", emn.Status.ASSOCIATED_MEMBER) in norway
    greece = {c.value for c in network.claims if c.subject == "GR.code"}
    assert greece == {"GR", "EL"}
    serbia = {p.source for p in network.statuses("RS")}
    assert "pl-kpk-list" not in serbia


def test_every_record_names_a_source_the_dataset_has() -> None:
    network = emn.network()
    known = {s.id for s in network.sources}
    cited = {network.legal_basis.source}
    for ncp in network.ncps:
        assert ncp.sources
        cited.update(ncp.sources)
        cited.update(e.source for e in ncp.history)
        cited.update(e.source for e in ncp.experts or () if e.source)
    cited.update(p.source for p in network.participations)
    cited.update(d.source for d in network.declarations)
    cited.update(c.source for c in network.claims)
    assert cited <= known
    assert known <= cited | {"legislation-gov-uk"}


def test_the_legal_basis_quotes_article_5() -> None:
    act = emn.network().legal_basis
    assert act.reference == "Council Decision 2008/381/EC"
    assert act.adopted == dt.date(2008, 5, 14)
    assert act.article("5(2)").text.startswith(
        "The National Contact Point shall be composed of at least three"
    )
    with pytest.raises(emn.NotFound):
        act.article("99")


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

    monkeypatch.setattr(_dataset, "_network", None)
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

    monkeypatch.setattr(_dataset, "_network", None)
    monkeypatch.setattr(_dataset, "_read", lambda: {"schema_version": 1, "sources": []})
    with pytest.raises(
        emn.exceptions.DataFileError, match=r"emn/data/emn.json is broken: missing 'organisations'"
    ):
        emn.network()
    monkeypatch.setattr(_dataset, "_read", lambda: {"schema_version": 99})
    with pytest.raises(emn.exceptions.DataFileError, match="schema_version is 99"):
        emn.network()


def test_a_missing_data_file_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from emn import _dataset

    monkeypatch.setattr(_dataset, "_network", None)
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
    assert done.stdout.split() == ["1", "33", "SI"], done.stderr
