"""The library's own words in Slovenian and Polish: complete, current, and placeholders intact."""

from __future__ import annotations

import gettext
import importlib.util
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import emn
from emn._i18n import Labelled

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "src" / "emn" / "locale"
LOCALES = ["sl", "pl"]
# Words that are spelt the same in the translation.
SAME = {"status", "STATUS"}


def _catalog(path: Path, locale: str | None = None) -> dict[str, str]:
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    # A template's header is fuzzy by nature; a translated catalog's must not be.
    assert locale is None or not catalog.fuzzy
    found = {}
    for message in catalog:
        if message.id:
            assert "fuzzy" not in message.flags, message.id
            found[str(message.id)] = str(message.string)
    return found


def _po(locale: str) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / "emn.po"


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_is_translated(locale: str) -> None:
    template = _catalog(LOCALE_DIR / "emn.pot")
    translated = _catalog(_po(locale), locale)
    assert set(translated) == set(template)
    for msgid, msgstr in translated.items():
        assert msgstr.strip(), f"{locale}: {msgid!r} has no translation"
        if msgid not in SAME:
            assert msgstr != msgid, f"{locale}: {msgid!r} is not translated"


@pytest.mark.parametrize("locale", LOCALES)
def test_placeholders_survive_translation(locale: str) -> None:
    for msgid, msgstr in _catalog(_po(locale), locale).items():
        assert set(re.findall(r"\{(\w+)\}", msgid)) == set(re.findall(r"\{(\w+)\}", msgstr)), msgid


@pytest.mark.parametrize("locale", LOCALES)
def test_the_compiled_catalogs_match_the_po_files(locale: str) -> None:
    with (LOCALE_DIR / locale / "LC_MESSAGES" / "emn.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for msgid, msgstr in _catalog(_po(locale), locale).items():
        assert compiled.gettext(msgid) == msgstr


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


def test_other_locales_fall_back_to_english() -> None:
    assert emn.Role.MEMBER.label("de") == "member"
    assert emn.rules()[0].label("fr_CA") == "At least three experts"


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
    counts = next(f for f in emn.validate(emn.network()).infos if "between" in f.message)
    assert "between 2014-03-27 and 2020-01-31" in counts.message
    assert "od 27 mar 2014 do 31 sty 2020" in counts.describe("pl")
