"""The library's own words in the network's languages: complete, current, placeholders intact."""

from __future__ import annotations

import gettext
import importlib.util
import re
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

import emn
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
