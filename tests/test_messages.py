"""A message template filled in a language: days, statuses, claims and counts as each
language says them, and English exactly as written."""

from __future__ import annotations

import json

import pytest

from emn._messages import format_message


@pytest.mark.parametrize(
    ("args", "locale", "said"),
    [
        ({"day": "2014-03-27"}, "sl", "27. marec 2014"),
        ({"day": "2014-03-27"}, None, "2014-03-27"),
        ({"day": "by 2001"}, "pl", "by 2001"),  # a year as a source gives it stays as given
    ],
)
def test_a_day_is_written_as_the_language_writes_days(
    args: dict[str, str], locale: str | None, said: str
) -> None:
    assert format_message("{day}", args, locale) == said


def test_any_argument_ending_in_day_is_a_day() -> None:
    assert format_message("{start_day}", {"start_day": "2014-03-27"}, "pl") == "27 marca 2014"


def test_a_status_is_its_word_in_the_language() -> None:
    assert format_message("{status}", {"status": "member_state"}, None) == "member state"
    assert format_message("{status}", {"status": "member_state"}, "pl") == "państwo członkowskie"


def _claims(value: str) -> str:
    return json.dumps([[value, ["a", "b"]]])


@pytest.mark.parametrize(
    ("kind", "value", "locale", "said"),
    [
        ("date", "2014-03-27", None, "2014-03-27 (a, b)"),
        ("date", "2014-03-27", "sl", "27. mar. 2014 (a, b)"),
        ("when", "before 2008", None, "before 2008 (a, b)"),
        ("when", "before 2008", "pl", "przed 2008 r. (a, b)"),
        ("text", "MUP", None, "'MUP' (a, b)"),
        ("text", "MUP", "sl", "\u201cMUP\u201d (a, b)"),
        ("number", "28", "sl", "28 (a, b)"),
    ],
)
def test_each_claim_is_shown_as_its_kind_and_language_say(
    kind: str, value: str, locale: str | None, said: str
) -> None:
    assert format_message("{claims}", {"claims": _claims(value), "kind": kind}, locale) == said


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ({"count": "1"}, "1 expert"),
        ({"count": "2"}, "2 experts"),
        ({"count": "x"}, "x expert"),  # not a number: the singular
        ({}, "{count} expert"),  # no count: the singular, shown as written
    ],
)
def test_the_count_chooses_the_plural_form(args: dict[str, str], said: str) -> None:
    assert format_message("{count} expert", args, None, plural="{count} experts") == said
