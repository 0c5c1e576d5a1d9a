"""NCPs and experts as pandas DataFrames: one tidy row per NCP or per expert.

Needs pandas, an optional extra: ``pip install 'emn[pandas]'``. The words in the frames
(country names, statuses, roles) come from the same renderer as every other output.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ._i18n import N_
from ._model import NationalContactPoint
from ._network import Network
from .exceptions import InvalidData, Problem

if TYPE_CHECKING:
    import pandas

__all__ = ["to_dataframe"]


def _ncps(obj: object) -> tuple[NationalContactPoint, ...]:
    if obj is None:
        from ._dataset import network

        return network().ncps
    if isinstance(obj, Network):
        return obj.ncps
    if isinstance(obj, NationalContactPoint):
        return (obj,)
    if isinstance(obj, Iterable) and not isinstance(obj, (str, bytes, dict)):
        items = tuple(obj)
        if all(isinstance(item, NationalContactPoint) for item in items):
            return items
    template = N_("to_dataframe: expected an NCP, a list of NCPs or a Network, got {got}")
    raise InvalidData([Problem.of((), template, got=type(obj).__name__)])


def to_dataframe(
    obj: object = None, *, experts: bool = False, locale: object = None
) -> pandas.DataFrame:
    """A DataFrame of NCPs (default: the bundled network), or of experts with ``experts=True``.

    Country names, statuses and roles are in ``locale`` (English by default). An NCP whose
    composition is not published has no expert rows and a missing ``experts`` count, never 0;
    one whose host no source names (North Macedonia), or that the records leave undecided,
    has a missing ``coordinating_entity``. ``other_statuses`` holds the words other sources
    give the country, with their sources. Needs pandas: ``pip install 'emn[pandas]'``.

    >>> import emn
    >>> from emn.pandas import to_dataframe
    >>> frame = to_dataframe()
    >>> frame.loc[frame.code == "SI", ["country", "status", "experts"]].to_dict("records")
    [{'country': 'Slovenia', 'status': 'member state', 'experts': 10}]
    >>> to_dataframe(emn.ncp("SI"), experts=True, locale="sl").role.iloc[0]
    'nacionalni koordinator'
    """
    try:
        import pandas
    except ImportError:
        raise ImportError(
            "emn.pandas.to_dataframe needs pandas, an optional extra: pip install 'emn[pandas]'"
        ) from None
    from ._countries import country_name
    from ._render import entity_name, expert_organisation, other_statuses, status_word

    rows: list[dict[str, Any]] = []
    for ncp in _ncps(obj):
        base = {"code": ncp.country.code, "country": country_name(ncp.country.code, locale)}
        if experts:
            for index, expert in enumerate(ncp.experts or ()):
                organisation = expert.organisation
                rows.append(
                    {
                        **base,
                        "position": index,
                        "name": expert.name,
                        "role": expert.role.label(locale),
                        "organisation": expert_organisation(organisation, ncp.country.code, locale),
                        "organisation_kind": organisation.kind.label(locale)
                        if organisation.kind
                        else None,
                        "source": expert.source,
                    }
                )
            continue
        entity = ncp.coordinating_entity
        kind = None if entity is None or entity.kind is None else entity.kind.label(locale)
        rows.append(
            {
                **base,
                "status": status_word(ncp, locale) if ncp.status else None,
                "other_statuses": other_statuses(ncp, locale) or None,
                "coordinating_entity": None if entity is None else entity_name(entity, locale),
                "coordinating_entity_kind": kind,
                "experts": None if ncp.experts is None else len(ncp.experts),
                "last_changed": ncp.last_changed,
                "sources": ", ".join(ncp.sources),
            }
        )
    columns = (
        [
            "code",
            "country",
            "position",
            "name",
            "role",
            "organisation",
            "organisation_kind",
            "source",
        ]
        if experts
        else [
            "code",
            "country",
            "status",
            "other_statuses",
            "coordinating_entity",
            "coordinating_entity_kind",
            "experts",
            "last_changed",
            "sources",
        ]
    )
    frame = pandas.DataFrame(rows, columns=columns)
    if not experts:
        frame["experts"] = frame["experts"].astype("Int64")
        frame["last_changed"] = pandas.to_datetime(frame["last_changed"])
    return frame
