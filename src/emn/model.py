"""Every class of the model, the provenance records included.

The classes most code needs are also in :mod:`emn` itself; the records that say where facts
come from and when they hold (:class:`Source`, :class:`Host`, :class:`Participation`,
:class:`Declaration`, :class:`Claim`, :class:`Event`, :class:`Fact`, :class:`Member`,
:class:`MemberOrganisations`, :class:`LegalAct`, :class:`Article`, :class:`RelatedAct`), the
time they speak of (:class:`When`, :class:`Validity`) and the result of :func:`emn.diff` live
here.

>>> from emn.model import Participation, Source, When
>>> import emn
>>> [p.source for p in emn.network().statuses("NO") if p.status is emn.Status.ASSOCIATED_MEMBER]
['sl-emn-2014', 'emm-si-composition-2018']
>>> When("before 2008").latest
datetime.date(2007, 12, 31)
"""

from ._diff import Change, Diff
from ._model import (
    Basis,
    Certainty,
    Country,
    Derivation,
    Event,
    Expert,
    Grouping,
    Host,
    Member,
    MemberOrganisations,
    MemberRole,
    Name,
    NationalContactPoint,
    Organisation,
    OrganisationKind,
    Participation,
    Relation,
    Role,
    Scope,
    Source,
    SourceKind,
    Status,
    Validity,
    When,
)
from ._network import Article, Claim, Declaration, Fact, LegalAct, Network, RelatedAct

__all__ = [
    "Article",
    "Basis",
    "Certainty",
    "Change",
    "Claim",
    "Country",
    "Declaration",
    "Derivation",
    "Diff",
    "Event",
    "Expert",
    "Fact",
    "Grouping",
    "Host",
    "LegalAct",
    "Member",
    "MemberOrganisations",
    "MemberRole",
    "Name",
    "NationalContactPoint",
    "Network",
    "Organisation",
    "OrganisationKind",
    "Participation",
    "RelatedAct",
    "Relation",
    "Role",
    "Scope",
    "Source",
    "SourceKind",
    "Status",
    "Validity",
    "When",
]
