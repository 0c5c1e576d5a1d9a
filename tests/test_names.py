"""Country names in any language: folding, the shipped CLDR index, lookups by name."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import emn
from emn._names import codes_for, fold

ROOT = Path(__file__).resolve().parent.parent


def _builder() -> object:
    spec = importlib.util.spec_from_file_location(
        "build_name_index", ROOT / "scripts" / "build_name_index.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_index_agrees_with_the_installed_babel() -> None:
    shipped = (ROOT / "src" / "emn" / "data" / "names.tsv").read_text(encoding="utf-8")
    assert shipped == _builder().build(), "run: python scripts/build_name_index.py"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("Słowenia", "słowenia"),
        ("Slovénie", "slovenie"),
        ("  Bosna i  Hercegovina ", "bosna i hercegovina"),
        ("Ελλάδα", "ελλαδα"),
        ("Côte d\u2019Ivoire", "cote d ivoire"),
        ("S\u0301lovenija", "slovenija"),
    ],
)
def test_fold(name: str, folded: str) -> None:
    assert fold(name) == folded


@pytest.mark.parametrize(
    "name",
    [
        "Słowenia",
        "Slovenija",
        "Slowenien",
        "slovenie",
        "SLOVÉNIE",
        "Slovenia",
        "Eslovenia",
        "スロベニア",
        "Словения",
    ],
)
def test_slovenia_by_name_in_any_language(name: str) -> None:
    assert emn.ncp(name) is emn.ncp("SI")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Ελλάδα", "GR"),
        ("Niemcy", "DE"),
        ("Grecja", "GR"),
        ("Norveška", "NO"),
        ("Portugalia", "PT"),
        ("Włochy", "IT"),
    ],
)
def test_other_countries_by_name(name: str, code: str) -> None:
    assert emn.ncp(name).country.code == code


def test_names_the_sources_use_count_too() -> None:
    network = emn.network()
    listed = [ncp for ncp in network.ncps if ncp.listed_as is not None]
    assert len(listed) == 33  # the Polish list's; North Macedonia's record names no label
    for ncp in listed:
        assert network.ncp(ncp.listed_as.rsplit(" (", 1)[0]) is ncp


def test_a_name_of_several_countries_lists_them() -> None:
    with pytest.raises(
        emn.NotFound, match=r"'Kongo' fits more than one country: Congo - Kinshasa \(CD\), Congo"
    ):
        emn.ncp("Kongo")


def test_a_name_of_no_country_suggests_the_closest() -> None:
    with pytest.raises(emn.NotFound, match=r"'Slovnia' names no country; closest: Slovenia \(SI\)"):
        emn.ncp("Slovnia")
    with pytest.raises(emn.NotFound, match=r"^'qqqqqqq' names no country$"):
        emn.ncp("qqqqqqq")


def test_a_country_by_name_without_an_ncp_says_why() -> None:
    with pytest.raises(emn.NotFound, match=r"Denmark \(DK\) has no National Contact Point"):
        emn.ncp("Dänemark")
    with pytest.raises(emn.NotFound, match=r"United Kingdom \(GB\) took part in the EMN until"):
        emn.ncp("Wielka Brytania")


def test_lookup_by_name_does_not_import_babel() -> None:
    script = "import sys, emn; emn.ncp('Słowenia'); print('babel' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"


@given(st.text(max_size=40))
def test_any_text_either_finds_an_ncp_or_raises_not_found(text: str) -> None:
    try:
        found = emn.ncp(text)
    except emn.NotFound as err:
        assert str(err)
    else:
        assert found in emn.ncps()


@given(st.text(max_size=40))
def test_codes_for_is_consistent_with_the_index(text: str) -> None:
    codes = codes_for(text)
    assert all(len(code) == 2 for code in codes)
    assert codes == codes_for(fold(text))
