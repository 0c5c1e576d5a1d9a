"""The library's own words in the network's languages: complete, current, placeholders intact."""

from __future__ import annotations

import ast
import gettext
import importlib.util
import io
import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from babel import Locale
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

import emn
from emn._formats.table import COLUMNS
from emn._i18n import Labelled
from emn.cli import main

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "src" / "emn" / "locale"
# The EU's official languages but English, and the languages of the observers (issue 13).
LOCALES = [
    *("bg", "cs", "da", "de", "el", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt"),
    *("lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"),
    *("hy", "ka", "mk", "nb", "sr", "uk"),
]
# Translations spelt as the English on purpose, each with its reason: (locale, msgid).
SAME = set(
    re.findall(r"^\| (\w+) \| `([^`]+)` \| .+ \|$", (LOCALE_DIR / "IDENTICAL.md").read_text(), re.M)
)
# Where babel's gettext table (babel.messages.plurals) differs from the CLDR rules babel ships,
# a catalog follows CLDR: the rules of the locale named here (the Portuguese is European).
CLDR_DIFFERS = {"es", "fr", "hu", "hy", "it", "ka", "lv", "mk", "mt", "pt"}
CLDR_LOCALE = {"pt": "pt_PT"}
# Counts that reach every plural category of every catalog's language.
NUMBERS = [*range(1001), *(k * 10**6 for k in range(1, 4)), 10**6 + 1]


def _catalog(path: Path, locale: str | None = None) -> dict[str, tuple[str, ...]]:
    """Each message id (a plural message's singular) and its translation, form by form."""
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    # A template's header is fuzzy by nature; a translated catalog's must not be.
    assert locale is None or not catalog.fuzzy
    found = {}
    for message in catalog:
        if message.id:
            assert "fuzzy" not in message.flags, message.id
            msgid = message.id[0] if isinstance(message.id, tuple) else message.id
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            found[str(msgid)] = tuple(str(form) for form in forms)
    return found


def _po(locale: str) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / "emn.po"


def test_every_catalog_is_tested() -> None:
    assert {p.parent.parent.name for p in LOCALE_DIR.glob("*/LC_MESSAGES/emn.po")} == set(LOCALES)
    assert {locale for locale, _ in SAME} <= set(LOCALES)


def test_identical_md_names_only_current_message_ids() -> None:
    # A row for a message id that extraction no longer finds allows nothing and misleads.
    assert {msgid for _, msgid in SAME} <= set(_catalog(LOCALE_DIR / "emn.pot"))


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_is_translated(locale: str) -> None:
    template = _catalog(LOCALE_DIR / "emn.pot")
    translated = _catalog(_po(locale), locale)
    assert set(translated) == set(template)
    for msgid, forms in translated.items():
        for msgstr in forms:
            assert msgstr.strip(), f"{locale}: {msgid!r} has no translation"
            if (locale, msgid) in SAME:
                assert msgstr == msgid, f"{locale}: {msgid!r} is listed in IDENTICAL.md but differs"
            else:
                assert msgstr != msgid, f"{locale}: {msgid!r} is not translated"


@pytest.mark.parametrize("locale", LOCALES)
def test_each_catalog_says_how_it_was_made(locale: str) -> None:
    with _po(locale).open("rb") as handle:
        comment = read_po(handle).header_comment
    assert "machine-assisted" in comment
    assert "Council Decision 2008/381/EC" in comment
    assert "national contact point: \u201c" in comment


@pytest.mark.parametrize("locale", LOCALES)
def test_each_decision_term_says_where_it_comes_from(locale: str) -> None:
    # babel's reader keeps one copy of a header comment line that repeats an earlier one, so a
    # bullet wrapped onto a line another bullet also has loses that line on the next update.
    with _po(locale).open("rb") as handle:
        comment = read_po(handle).header_comment
    for bullet in comment.split("\n# - ")[1:]:
        text = " ".join(line.lstrip("# ") for line in bullet.splitlines())
        assert not re.search(r"\b(from|the|no|our translation:)$", text), text
        if "our translation" in text:
            assert "our translation: no page with this term in this language was read" in text


@pytest.mark.parametrize("locale", LOCALES)
def test_plural_forms_follow_cldr(locale: str) -> None:
    with _po(locale).open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    plural = gettext.c2py(catalog.plural_expr)
    rule = Locale.parse(CLDR_LOCALE.get(locale, locale)).plural_form
    order = ["zero", "one", "two", "few", "many", "other"]
    categories = sorted({rule(n) for n in NUMBERS}, key=order.index)
    assert catalog.num_plurals == len(categories)
    assert [categories[plural(n)] for n in NUMBERS] == [rule(n) for n in NUMBERS]
    babel_table = get_plural(locale).plural_forms
    assert (catalog.plural_forms != babel_table) == (locale in CLDR_DIFFERS), babel_table


def test_the_docs_table_counts_every_catalog() -> None:
    table = (ROOT / "docs" / "localization.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| [^|]+ \| (\w+) \| (\d+ of \d+) \|", table, re.M))
    total = len(_catalog(LOCALE_DIR / "emn.pot"))
    counts = {loc: sum(all(f) for f in _catalog(_po(loc), loc).values()) for loc in LOCALES}
    assert rows == {locale: f"{count} of {total}" for locale, count in counts.items()}


@pytest.mark.parametrize("locale", LOCALES)
def test_placeholders_survive_translation(locale: str) -> None:
    for msgid, forms in _catalog(_po(locale), locale).items():
        names = set(re.findall(r"\{(\w+)\}", msgid))
        for msgstr in forms:
            assert set(re.findall(r"\{(\w+)\}", msgstr)) == names, msgid


@pytest.mark.parametrize("locale", LOCALES)
def test_the_compiled_catalogs_match_the_po_files(locale: str) -> None:
    with (LOCALE_DIR / locale / "LC_MESSAGES" / "emn.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    with _po(locale).open("rb") as handle:
        plural = gettext.c2py(read_po(handle, locale=locale).plural_expr)
    for msgid, forms in _catalog(_po(locale), locale).items():
        if len(forms) == 1:
            assert compiled.gettext(msgid) == forms[0]
            continue
        for index, msgstr in enumerate(forms):
            count = next(n for n in NUMBERS if plural(n) == index)
            assert compiled.ngettext(msgid, msgid, count) == msgstr, (msgid, count)


def test_a_fresh_extract_adds_no_message_id(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("catalogs", ROOT / "scripts" / "catalogs.py")
    assert spec is not None
    assert spec.loader is not None
    catalogs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(catalogs)
    fresh = tmp_path / "emn.pot"
    catalogs.extract(fresh)
    assert set(_catalog(fresh)) == set(_catalog(LOCALE_DIR / "emn.pot")), (
        "run: python scripts/catalogs.py"
    )


def test_every_label_and_rule_title_is_a_message_id() -> None:
    ids = set(_catalog(LOCALE_DIR / "emn.pot"))
    enums = [emn.Role, emn.Status, emn.model.OrganisationKind, emn.rules.Severity]
    words = {member.word for enum in enums for member in enum}
    assert all(issubclass(enum, Labelled) for enum in enums)
    assert words <= ids
    assert {r.title for r in emn.rules()} <= ids


@pytest.mark.parametrize(
    ("member", "sl", "pl"),
    [
        (emn.Role.NATIONAL_COORDINATOR, "nacionalni koordinator", "krajowy koordynator"),
        (
            emn.Role.DEPUTY_COORDINATOR,
            "namestnik nacionalnega koordinatorja",
            "zastępca krajowego koordynatora",
        ),
        (emn.Role.MEMBER, "član", "członek"),
        (emn.Status.OBSERVER, "opazovalka", "obserwator"),
        (emn.rules.Severity.ERROR, "napaka", "błąd"),
        (emn.model.OrganisationKind.POLICE, "policija", "policja"),
    ],
)
def test_labels(member: emn.Role, sl: str, pl: str) -> None:
    assert member.label() == member.label("en") == member.word
    assert member.label("sl") == member.label("sl_SI") == sl
    assert member.label("pl-PL") == pl


@pytest.mark.parametrize("locale", LOCALES)
def test_the_package_serves_each_catalog(locale: str) -> None:
    translated = _catalog(_po(locale), locale)
    assert emn.Role.NATIONAL_COORDINATOR.label(locale) == translated["national coordinator"][0]


def test_other_locales_fall_back_to_english() -> None:
    assert emn.Role.MEMBER.label("ja") == "member"
    assert emn.rules()[0].label("ko_KR") == "At least three experts"


def test_an_unknown_locale_is_named() -> None:
    with pytest.raises(emn.exceptions.UnknownLocale, match="'xx-XX'"):
        emn.Role.MEMBER.label("xx-XX")


def test_finding_message_stays_english_and_describe_translates() -> None:
    finding = emn.validate(emn.ncp("DE")).findings[0]
    assert finding.message == "the sources do not publish the experts of this NCP"
    assert finding.describe() == finding.message
    assert (
        finding.describe("sl") == "viri ne objavljajo strokovnjakov te nacionalne kontaktne točke"
    )
    assert (
        finding.describe("pl") == "źródła nie podają ekspertów tego krajowego punktu kontaktowego"
    )


def test_country_names_in_messages_follow_the_locale() -> None:
    report = emn.validate(
        emn.from_dict(emn.NationalContactPoint, {"country": "DK", "coordinating_entity": "X"})
    )
    (finding,) = report.errors
    assert finding.message.startswith("Denmark (DK) has no National Contact Point in the EMN")
    assert finding.describe("sl").startswith(
        "država Danska (DK) nima nacionalne kontaktne točke v Evropski migracijski mreži"
    )
    assert finding.describe("pl").startswith(
        "kraj Dania (DK) nie ma krajowego punktu kontaktowego w Europejskiej Sieci Migracyjnej"
    )


def test_a_finding_renders_as_one_line_starting_with_its_rule_id() -> None:
    report = emn.validate(emn.network())
    for locale in (None, "sl", "pl"):
        lines = [emn.render(f, locale=locale) for f in report]
        assert all("\n" not in line for line in lines)
        assert [line.split(" ", 1)[0] for line in lines] == [f.rule for f in report]
    assert (
        "declared-count [opozorilo] declarations[3]: vir pl-kpk-list navaja, da je število "
        in "\n".join(emn.render(f, locale="sl") for f in report)
    )


def test_dates_in_messages_follow_the_locale() -> None:
    conflict = next(
        f
        for f in emn.validate(emn.network()).infos
        if "Armenia" in f.message and "joined" in f.message
    )
    assert "2022-10-27 (emn-fi-armenia, 1lurer-2022)" in conflict.message
    assert "27 paź 2022" in conflict.describe("pl")


# The min-experts message for 0, 1 and 2 experts: each count in its language's plural form.
MIN_EXPERTS = {
    "sl": (
        "nacionalna kontaktna točka ima manj kot tri strokovnjake (ima 0 strokovnjakov)",
        "nacionalna kontaktna točka ima manj kot tri strokovnjake (ima 1 strokovnjaka)",
        "nacionalna kontaktna točka ima manj kot tri strokovnjake (ima 2 strokovnjaka)",
    ),
    "pl": (
        "krajowy punkt kontaktowy ma mniej niż trzech ekspertów (ma 0 ekspertów)",
        "krajowy punkt kontaktowy ma mniej niż trzech ekspertów (ma 1 eksperta)",
        "krajowy punkt kontaktowy ma mniej niż trzech ekspertów (ma 2 ekspertów)",
    ),
    "lt": (
        "nacionaliniame informacijos centre yra mažiau nei trys ekspertai (yra 0 ekspertų)",
        "nacionaliniame informacijos centre yra mažiau nei trys ekspertai (yra 1 ekspertas)",
        "nacionaliniame informacijos centre yra mažiau nei trys ekspertai (yra 2 ekspertai)",
    ),
    "ga": tuple(
        f"tá níos lú ná triúr saineolaithe ag an bpointe teagmhála náisiúnta ({said})"
        for said in ("tá 0 saineolaí aige", "tá 1 saineolaí amháin aige", "tá 2 shaineolaí aige")
    ),
}


@pytest.mark.parametrize("locale", sorted(MIN_EXPERTS))
@pytest.mark.parametrize("count", [0, 1, 2])
def test_min_experts_takes_the_plural_form_of_its_count(locale: str, count: int) -> None:
    data = emn.to_dict(emn.ncp("SI"))
    broken = emn.from_dict(emn.NationalContactPoint, {**data, "experts": data["experts"][:count]})
    (finding,) = (f for f in emn.validate(broken) if f.rule == "min-experts")
    assert finding.message == f"the NCP has fewer than three experts (it has {count})"
    assert finding.describe(locale) == MIN_EXPERTS[locale][count]


def test_lookup_reasons_are_said_in_the_locale() -> None:
    with pytest.raises(emn.exceptions.NotFound) as typo:
        emn.ncp("Slovnia")
    assert emn.render(typo.value, locale="sl") == (
        "'Slovnia' ni ime nobene države; najbližje: Slovenija (SI)"
    )
    with pytest.raises(emn.exceptions.NotFound) as absent:
        emn.ncp("DK")
    assert str(absent.value).startswith("Denmark (DK) has no National Contact Point")
    said = emn.render(absent.value, locale="sl")
    assert said.startswith(
        "država Danska (DK) nima nacionalne kontaktne točke: v Evropski migracijski mreži ne "
        "sodeluje prek takšne točke"
    )
    assert "(viri: " in said


def test_the_command_line_gives_the_reason_in_its_locale(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["show", "DK", "--locale", "pl"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(
        "emn: kraj Dania (DK) nie ma krajowego punktu kontaktowego: nie uczestniczy w "
        "Europejskiej Sieci Migracyjnej przez taki punkt"
    )
    assert "(źródła: " in err
    counts = next(f for f in emn.validate(emn.network()).infos if "between" in f.message)
    assert "between 2014-03-27 and 2020-01-31" in counts.message
    assert "od 27 mar 2014 do 31 sty 2020" in counts.describe("pl")


# -- structure problems: what a file or data says wrong, in the user's language -----------------


def _file(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return str(path)


BAD_CSV = (
    "country,coordinating_entity,name,role,organisation,colour\nSI,MNZ,Ana,boss,MNZ,x\n,,Bo,,MNZ\n"
)
BAD_JSON = (
    '{"country": "SI", "country": "XX", "experts": [{"name": "A", "role": "boss", '
    '"organisation": "X", "foo": 1}], "last_changed": "2014-13-01"}'
)


def test_validate_says_a_tables_structure_problems_in_polish(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    file = _file(tmp_path, "bad.csv", BAD_CSV)
    assert main(["validate", file, "--locale", "pl"]) == 1
    columns = ", ".join(COLUMNS)
    assert capsys.readouterr().out.splitlines()[:3] == [
        f"{file}:1: colour: nieznana kolumna; kolumny to: {columns} [structure, błąd]",
        f"{file}:2: role: 'boss' nie jest rolą; role to: national_coordinator, "
        "deputy_coordinator i member [structure, błąd]",
        f"{file}:3: role: nie podano roli; wymagana jedna z: national_coordinator, "
        "deputy_coordinator, member [structure, błąd]",
    ]


def test_validate_says_a_json_files_structure_problems_in_slovenian(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    file = _file(tmp_path, "bad.json", BAD_JSON)
    assert main(["validate", file]) == 1
    english = capsys.readouterr().out.splitlines()
    assert main(["validate", file, "--locale", "sl"]) == 1
    slovenian = capsys.readouterr().out.splitlines()
    assert slovenian[:6] == [
        f"{file}:1:1: coordinating_entity: manjka obvezno polje [structure, napaka]",
        f"{file}:1:30: country: ključ 'country' je v tem objektu podan večkrat; upošteva se "
        "zadnji [structure, napaka]",
        f"{file}:1:30: country: 'XX' ni oznaka države po ISO 3166-1 alpha-2 [structure, napaka]",
        f"{file}:1:70: experts[0].role: 'boss' ni med dovoljenimi vrednostmi: "
        "national_coordinator, deputy_coordinator, member [structure, napaka]",
        f"{file}:1:106: experts[0].foo: neznano polje [structure, napaka]",
        f"{file}:1:127: last_changed: '2014-13-01' ni dan v koledarju [structure, napaka]",
    ]
    # Each line in the same place as in English.
    assert [line.split(": ", 2)[:2] for line in slovenian[:6]] == [
        line.split(": ", 2)[:2] for line in english[:6]
    ]


def test_validate_as_json_keeps_a_structure_problems_english_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    file = _file(tmp_path, "bad.csv", BAD_CSV)
    main(["validate", file, "--format", "json", "--locale", "pl"])
    finding = json.loads(capsys.readouterr().out)["reports"][0]["findings"][1]
    assert finding["message"] == (
        "'boss' is not a role; the roles are national_coordinator, deputy_coordinator and member"
    )
    assert finding["description"] == (
        "'boss' nie jest rolą; role to: national_coordinator, deputy_coordinator i member"
    )
    assert finding["args"] == {"value": "'boss'"}


def test_render_says_invalid_data_in_a_language() -> None:
    with pytest.raises(emn.InvalidData) as caught:
        emn.from_dict(emn.Expert, {"name": "A", "organisation": "X", "role": "boss"})
    error = caught.value
    assert (
        str(error) == "role: 'boss' is not one of national_coordinator, deputy_coordinator, member"
    )
    assert emn.render(error, locale="sl") == (
        "role: 'boss' ni med dovoljenimi vrednostmi: national_coordinator, deputy_coordinator, "
        "member"
    )
    (problem,) = error.problems
    assert problem.message == str(error).split(": ", 1)[1]
    assert emn.render(problem, locale="sl") == emn.render(error, locale="sl")
    assert emn.render(problem) == str(problem)


def test_render_says_a_files_problems_where_they_are(tmp_path: Path) -> None:
    file = _file(tmp_path, "bad.csv", BAD_CSV)
    with pytest.raises(emn.InvalidData) as caught:
        emn.load(file)
    lines = emn.render(caught.value, locale="lt").splitlines()
    assert len(lines) == len(caught.value.problems) == 3
    for said, problem in zip(lines, caught.value.problems, strict=True):
        assert problem.place.startswith(f"{file}:")
        assert said.startswith(f"{problem.place}: ")
        assert said != str(problem)
    assert lines[1] == (
        f"{file}:2: role: 'boss' nėra vaidmuo; vaidmenys: national_coordinator, "
        "deputy_coordinator ir member"
    )


def test_the_command_lines_reasons_for_exit_2_are_said_in_its_locale(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = str(tmp_path / "nope.json")
    assert main(["validate", missing, "--locale", "pl"]) == 2
    assert capsys.readouterr().err == f"emn: {missing}: nie ma takiego pliku\n"
    broken = _file(tmp_path, "broken.json", "{")
    assert main(["validate", broken, "--locale", "sl"]) == 2
    # The parser's own words stay as it says them; the sentence around them is translated.
    assert capsys.readouterr().err == (
        f"emn: {broken}: neveljaven JSON: Expecting property name enclosed in double quotes "
        "v vrstici 1, stolpcu 2\n"
    )
    assert main(["validate", "--select", "boss", "--locale", "de"]) == 2
    assert capsys.readouterr().err.startswith("emn: keine Regel 'boss'; die Regeln sind: ")
    old = _file(tmp_path, "old.csv", BAD_CSV)
    assert main(["diff", old, old, "--locale", "pl"]) == 2
    assert capsys.readouterr().err == (
        f"emn: {old}: nie opisuje krajowego punktu kontaktowego: {old}:1: colour: nieznana "
        f"kolumna; kolumny to: {', '.join(COLUMNS)} (i jeszcze 2 problemy; "
        "zob. emn validate)\n"
    )


# Bad input of every kind the readers and the converter know, each problem of which must be
# said from a template that every catalog translates.
BAD_FILES = {
    "bad.csv": BAD_CSV,
    "twice.csv": (
        "country;coordinating_entity;name;role;role;organisation\n"
        "SI;MNZ;Ana;member;x;MNZ;extra\n"
        "SI;Other;Bo;Koordinator;;MNZ\n"
    ),
    "headless.csv": "country,name,rolle\n",
    "bad.json": BAD_JSON,
    "list.json": "[1]",
    "text.json": '"SI"',
    "types.json": json.dumps(
        {
            "country": "Slovenia",
            "coordinating_entity": {"names": [], "kind": "ministri"},
            "appointed_by": 5,
            "experts": [{"name": "", "role": "member", "organisation": "X", "source": 3}],
            "last_changed": "20140327",
            "sources": "s",
            "history": [{"when": "2014-99", "summary": "x", "source": "s", "lang": "EN"}],
            "disputed": ["colour"],
            "listed_as": [],
        }
    ),
    "code.json": json.dumps({"country": "Slovenija", "coordinating_entity": "X", "statuss": 1}),
    "letters.json": json.dumps({"country": "ZZ", "coordinating_entity": "X", "status": True}),
    "twice.yaml": "country: SI\ncountry: HR\ncoordinating_entity: X\nlast_changed: 2014\n",
}


def _deep(levels: int) -> dict[str, object]:
    organisation: dict[str, object] = {"names": [{"text": "X"}]}
    for _ in range(levels):
        organisation = {"names": [{"text": "X"}], "parent": organisation}
    return {"country": "SI", "coordinating_entity": organisation}


def _problems(tmp_path: Path) -> list[emn.exceptions.Problem]:
    from emn._load import read

    found = []
    for name, text in BAD_FILES.items():
        problems = read(_file(tmp_path, name, text)).problems
        assert problems, name
        found.extend(problems)
    si, model = emn.ncp("SI"), emn.model
    network = emn.network()
    finding = {"rule": "r", "severity": "error", "message": "m", "location": []}
    attempts = [
        lambda: model.Expert(5, si.coordinating_entity, emn.Role.MEMBER),  # type: ignore[arg-type]
        lambda: model.Expert("A", "X", emn.Role.MEMBER),  # type: ignore[arg-type]
        lambda: model.Organisation(()),
        lambda: model.Organisation((5,)),  # type: ignore[arg-type]
        lambda: model.Name("X", lang="EN"),
        lambda: model.Name(" "),
        lambda: model.When("someday"),
        lambda: model.When("2014-02-30"),
        lambda: attrs.evolve(si, experts=5),
        lambda: attrs.evolve(si, experts=(5,)),
        lambda: attrs.evolve(si, last_changed="2014"),
        lambda: attrs.evolve(si, sources=(5,)),
        lambda: attrs.evolve(si, disputed=(5,)),
        lambda: attrs.evolve(si, disputed=("colour",)),
        lambda: attrs.evolve(si, status="member"),
        lambda: attrs.evolve(network.legal_basis, sources=()),
        lambda: attrs.evolve(network.sources[0], tier="1"),
        lambda: emn.Country("Slovenia"),
        lambda: emn.Country("ZZ"),
        lambda: emn.from_json(emn.NationalContactPoint, "{"),
        lambda: emn.from_json(emn.NationalContactPoint, b"\xff"),
        lambda: emn.from_json(emn.NationalContactPoint, "[" * 100_000),
        lambda: emn.from_json(emn.NationalContactPoint, "1" * 5_000),
        lambda: emn.from_json(emn.NationalContactPoint, 5),  # type: ignore[arg-type]
        lambda: emn.from_dict(emn.NationalContactPoint, {"country": "SI", "experts": [[]]}),
        lambda: emn.from_dict(emn.NationalContactPoint, _deep(5_000)),
        lambda: emn.from_dict(
            emn.NationalContactPoint,
            {
                "country": 5,
                "coordinating_entity": "X",
                "listed_as": True,
                "last_changed": 5,
                "history": [{"when": 5, "summary": "s", "source": "s"}],
            },
        ),
        lambda: emn.from_dict(emn.rules.Finding, {**finding, "location": [1.5]}),
        lambda: emn.from_dict(emn.rules.Finding, {**finding, "args": {"a": 1}}),
        lambda: emn.from_dict(emn.rules.Finding, {**finding, "args": []}),
        lambda: emn.to_dict(5),
        lambda: emn.validate(item for item in [5]),
        lambda: emn.validate(5),  # type: ignore[arg-type]
        lambda: emn.validate(si, select=[]),
        lambda: emn.diff(si, emn.ncp("HR")),
        lambda: emn.diff(si, 5),  # type: ignore[arg-type]
        lambda: emn.diff(emn.ncp("DE"), emn.ncp("DE")),
        lambda: emn.diff(si, attrs.evolve(si, experts=None)),
        lambda: emn.network(as_of="2020-01-01"),  # type: ignore[arg-type]
        lambda: emn.render(si, "pdf"),  # type: ignore[arg-type]
        lambda: emn.rules.Rule("Bad Id", emn.rules.Severity.ERROR, "t", lambda n, c: ()),
        lambda: emn.rules.Rule("ok", emn.rules.Severity.ERROR, "t", lambda n, c: (), scope="x"),  # type: ignore[arg-type]
    ]
    for attempt in attempts:
        with pytest.raises(emn.InvalidData) as caught:
            attempt()
        found.extend(caught.value.problems)
    return found


def test_every_structure_problem_is_said_from_a_translated_template(tmp_path: Path) -> None:
    for problem in _problems(tmp_path):
        assert problem.template is not None, problem
        assert problem.template.format_map(dict(problem.args)) == problem.message
        for locale in ("de", "pl", "uk"):
            said = emn.render(problem, locale=locale)
            assert said != str(problem), (locale, problem)
            assert said.startswith(str(problem)[: len(problem.place)]), (locale, problem)


_BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(8)
)


class _Unreadable:
    name = "stream.json"

    def read(self) -> bytes:
        raise OSError(5, "Input/output error")


@pytest.mark.parametrize(
    ("name", "content", "format"),
    [
        ("empty.json", "", None),
        ("empty.yaml", " \n", None),
        ("latin.csv", b"country\xff", None),
        ("broken.json", "{", None),
        ("deep.json", "[" * 100_000, None),
        ("broken.yaml", "a: [1\n", None),
        ("bomb.yaml", _BOMB, None),
        ("old.xls", "x", None),
        ("notes.txt", "hello", None),
        ("notes.json", "{}", "pdf"),
        ("empty.xlsx", "", None),
        ("broken.xlsx", "PK\x03\x04 not a workbook", None),
        (None, "", None),
        ("", "", None),
    ],
)
def test_every_reason_a_file_cannot_be_read_is_translated(
    tmp_path: Path, name: str | None, content: str | bytes, format: str | None
) -> None:
    file = _file(tmp_path, name, content) if name else str(tmp_path / "nope.json")
    source: Any = tmp_path if name == "" else file
    with pytest.raises(emn.exceptions.UnreadableFile) as caught:
        emn.load(source, format=format)
    _said_in_other_languages(caught.value)


@pytest.mark.parametrize(
    "source", [_Unreadable(), io.BytesIO(b"{}")], ids=["unreadable", "package-as-stream"]
)
def test_every_reason_a_stream_cannot_be_read_is_translated(source: Any) -> None:
    with pytest.raises(emn.exceptions.UnreadableFile) as caught:
        emn.load(source, format=None if isinstance(source, _Unreadable) else "datapackage")
    _said_in_other_languages(caught.value)


def _said_in_other_languages(error: emn.exceptions.UnreadableFile) -> None:
    assert error.template is not None
    for locale in ("de", "pl", "uk"):
        said = emn.render(error, locale=locale)
        assert said.startswith(f"{error.path}: ")
        assert said != str(error)


def test_no_problem_or_file_error_is_built_from_english_alone() -> None:
    # Every Problem comes from Problem.of (a template and its arguments); InvalidData is given
    # problems, never a bare string; file errors are made with .of; a NotFound (an
    # UnknownLocale too) carries its template.
    for path in sorted((ROOT / "src" / "emn").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if path.name != "exceptions.py":
                assert node.func.id != "Problem", where
            if node.func.id == "InvalidData" and node.args:
                assert not isinstance(node.args[0], (ast.Constant, ast.JoinedStr)), where
            if node.func.id in ("UnreadableFile", "UnwritableFile"):
                raise AssertionError(f"{where}: use {node.func.id}.of(path, template, ...)")
            if node.func.id in ("NotFound", "UnknownLocale"):
                assert any(k.arg == "template" for k in node.keywords), where


def test_the_last_english_only_reasons_are_said_in_the_users_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from emn.cli import main

    calls: list[tuple[Any, tuple[object, ...]]] = [
        (emn.network().source, ("nope",)),
        (emn.network().legal_basis.article, ("99",)),
        (emn.country_name, ("SI", "xx-YY")),
        (emn.country_name, ("SI", 5)),
    ]
    for call, arguments in calls:
        with pytest.raises(emn.NotFound) as error:
            call(*arguments)
        assert error.value.template is not None
        assert emn.render(error.value, locale="pl") != str(error.value)
    assert main(["template", "--format", "xlsx", "--locale", "pl"]) == 2
    assert capsys.readouterr().err != "emn: an XLSX template needs -o FILE\n"
    (tmp_path / "kept.txt").write_text("x", encoding="utf-8")
    assert main(["export", str(tmp_path), "--locale", "de"]) == 2
    assert "is not empty" not in capsys.readouterr().err
