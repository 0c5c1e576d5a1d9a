"""The model's closed vocabularies: roles, statuses and kinds of organisation, with their words."""

from __future__ import annotations

import functools

from ._i18n import N_, Labelled

__all__ = ["OrganisationKind", "Role", "Status", "role_named", "suggest_role"]


class Role(Labelled):
    """The part an expert plays in a National Contact Point (Decision 2008/381/EC, Art. 5(2))."""

    NATIONAL_COORDINATOR = "national_coordinator", N_("national coordinator")
    DEPUTY_COORDINATOR = "deputy_coordinator", N_("deputy coordinator")
    MEMBER = "member", N_("member")


class Status(Labelled):
    """How a country takes part in the EMN, as one source puts it."""

    MEMBER_STATE = "member_state", N_("member state")
    OBSERVER = "observer", N_("observer")
    ASSOCIATED_MEMBER = "associated_member", N_("associated member")
    NOT_PARTICIPATING = "not_participating", N_("not participating")


class OrganisationKind(Labelled):
    """What sort of body an organisation is; classified by the maintainers from its name."""

    GOVERNMENT = "government", N_("government")
    MINISTRY = "ministry", N_("ministry")
    POLICE = "police", N_("police")
    PUBLIC_AGENCY = "public_agency", N_("public agency")
    RESEARCH = "research", N_("research institute or university")
    INTERNATIONAL_ORGANISATION = "international_organisation", N_("international organisation")
    NGO = "ngo", N_("non-governmental organisation")
    OTHER = "other", N_("other")


def _fold(text: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFC", text).casefold().replace("_", " ").replace("-", " ")
    return " ".join(folded.split())


@functools.cache
def _role_words() -> dict[str, Role]:
    """Every way a role is written that is accepted: its value and its word in English and in
    each catalog's language, folded."""
    from importlib.resources import files

    from ._i18n import gettext

    languages = sorted(
        entry.name
        for entry in files("emn").joinpath("locale").iterdir()
        if entry.joinpath("LC_MESSAGES").joinpath("emn.mo").is_file()
    )
    words: dict[str, Role] = {}
    for role in Role:
        words[_fold(role.value)] = role
        for language in ("en", *languages):
            words.setdefault(_fold(gettext(role.word, language)), role)
    return words


# A word alone that people write for a role (in English, Slovenian, Polish); suggested, never
# accepted as it is.
_HINTS = {
    "coordinator": Role.NATIONAL_COORDINATOR,
    "koordinator": Role.NATIONAL_COORDINATOR,
    "koordynator": Role.NATIONAL_COORDINATOR,
    "deputy": Role.DEPUTY_COORDINATOR,
}


def role_named(text: str) -> Role | None:
    """The role that ``text`` names: its value or its word in English or in any language the
    library has a catalog for, in any case and spacing; None for anything else.

    >>> role_named("National Coordinator"), role_named("član"), role_named("boss")
    (<Role.NATIONAL_COORDINATOR: 'national_coordinator'>, <Role.MEMBER: 'member'>, None)
    """
    return _role_words().get(_fold(text))


def suggest_role(text: str) -> Role | None:
    """The role that ``text`` most likely means, where it names none.

    >>> suggest_role("Coordinator"), suggest_role("membre"), suggest_role("chef")
    (<Role.NATIONAL_COORDINATOR: 'national_coordinator'>, <Role.MEMBER: 'member'>, None)
    """
    import difflib

    folded = _fold(text)
    if folded in _HINTS:
        return _HINTS[folded]
    words = _role_words()
    close = difflib.get_close_matches(folded, list(words), n=1, cutoff=0.6)
    return words[close[0]] if close else None
