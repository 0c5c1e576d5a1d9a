"""The model's closed vocabularies: roles, statuses and kinds of organisation, with their words."""

from __future__ import annotations

from ._i18n import N_, Labelled

__all__ = ["OrganisationKind", "Role", "Status"]


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
