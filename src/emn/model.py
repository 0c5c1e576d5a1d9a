"""Every class of the model, the provenance records included.

The classes most code needs are also in :mod:`emn` itself; the records that say where facts
come from (:class:`Source`, :class:`Event`, :class:`Participation`, :class:`Declaration`,
:class:`Claim`, :class:`LegalAct`, :class:`Article`) and the result of :func:`emn.diff` live here.

>>> from emn.model import Participation, Source
>>> import emn
>>> emn.network().statuses("NO")[0].source
'pl-kpk-list'
"""

from ._diff import Change, Diff
from ._model import (
    Article,
    Claim,
    Country,
    Declaration,
    Event,
    Expert,
    LegalAct,
    Name,
    NationalContactPoint,
    Network,
    Organisation,
    OrganisationKind,
    Participation,
    Role,
    Source,
    Status,
)

__all__ = [
    "Article",
    "Change",
    "Claim",
    "Country",
    "Declaration",
    "Diff",
    "Event",
    "Expert",
    "LegalAct",
    "Name",
    "NationalContactPoint",
    "Network",
    "Organisation",
    "OrganisationKind",
    "Participation",
    "Role",
    "Source",
    "Status",
]
