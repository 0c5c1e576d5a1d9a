"""The model's closed vocabularies: roles, statuses, kinds and the like, with their words."""

from __future__ import annotations

import functools

from ._i18n import N_, Labelled

__all__ = [
    "Basis",
    "Certainty",
    "Grouping",
    "MemberRole",
    "OrganisationKind",
    "Relation",
    "Role",
    "Scope",
    "SourceKind",
    "Status",
    "role_named",
    "suggest_role",
]


class Role(Labelled):
    """The part an expert plays in a National Contact Point (Decision 2008/381/EC, Art. 5(2))."""

    NATIONAL_COORDINATOR = "national_coordinator", N_("national coordinator")
    DEPUTY_COORDINATOR = "deputy_coordinator", N_("deputy coordinator")
    MEMBER = "member", N_("member")


class Status(Labelled):
    """How a country takes part in the EMN, as one source puts it.

    ``PARTICIPANT`` is a source's word that the country takes part, or is a member, without a
    label: it says *whether*, never *how*.
    """

    MEMBER_STATE = "member_state", N_("member state")
    OBSERVER = "observer", N_("observer")
    ASSOCIATED_MEMBER = "associated_member", N_("associated member")
    NOT_PARTICIPATING = "not_participating", N_("not participating")
    PARTICIPANT = "participant", N_("participant")


class Scope(Labelled):
    """Where a country takes part, as a source says: through an NCP, on the Steering Board, in
    the network's activities, or it does not say. Statuses of different scopes never conflict
    (Denmark has no NCP and observed the Steering Board)."""

    NCP = "ncp", N_("through a National Contact Point")
    STEERING_BOARD = "steering_board", N_("on the Steering Board")
    NETWORK = "network", N_("in the network's activities")
    UNSPECIFIED = "unspecified", N_("where the source does not say")


class Basis(Labelled):
    """What a record rests on: a source's own statement, or the maintainers' work."""

    STATED = "stated", N_("stated by the source")
    DERIVED = "derived", N_("derived by the maintainers")
    INFERRED = "inferred", N_("inferred by the maintainers")


class Certainty(Labelled):
    """A mark the maintainers put on a record the notes call uncertain, or "my reading"."""

    UNCERTAIN = "uncertain", N_("uncertain")


class Relation(Labelled):
    """How a host record ties a body to a country's NCP, in the source's terms."""

    DESIGNATED = "designated", N_("designated as the NCP")
    IS = "is", N_("is the NCP")
    HOSTS = "hosts", N_("hosts the NCP")
    COORDINATES = "coordinates", N_("coordinates the NCP")
    OPERATES = "operates", N_("runs the NCP's work under another body's coordination")


class SourceKind(Labelled):
    """What a source is: a shipped seed, a public page, a document, a copy of one, or us."""

    SEED = "seed", N_("seed document shipped with emn")
    PAGE = "page", N_("public web page")
    DOCUMENT = "document", N_("document")
    MIRROR = "mirror", N_("copy of a document")
    MAINTAINERS = "maintainers", N_("the maintainers")


class MemberRole(Labelled):
    """The EMN role in which a source names a person outside a full composition."""

    NATIONAL_COORDINATOR = "national_coordinator", N_("national coordinator")
    APPOINTED_NCP = "appointed_ncp", N_("appointed as the NCP")
    STEERING_BOARD_MEMBER = "steering_board_member", N_("Steering Board member")
    EMN_CHAIR = "emn_chair", N_("EMN Chair")


class Grouping(Labelled):
    """What a list of bodies named by a source makes up."""

    NCP_MEMBERS = "ncp_members", N_("members of the NCP")
    PARTNERS = "partners", N_("partners of the NCP")
    NATIONAL_NETWORK = "national_network", N_("national network")
    NATIONAL_STEERING_GROUP = "national_steering_group", N_("national steering group")


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
