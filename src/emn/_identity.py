"""When two records are one person or one organisation: shared by the rules and the diff."""

from __future__ import annotations

import unicodedata

from ._model import Organisation

__all__ = ["person_key", "same_organisation", "within"]


def person_key(name: str) -> str:
    """A name for comparing people: NFC, case-folded and whitespace-folded.

    >>> person_key("  SANDI  C\\u030curin") == person_key("Sandi Čurin")
    True
    """
    folded = unicodedata.normalize("NFC", name).casefold()
    return " ".join(unicodedata.normalize("NFC", folded).split())


def _names(organisation: Organisation) -> set[str]:
    return {person_key(n.text) for n in organisation.names}


def same_organisation(a: Organisation, b: Organisation) -> bool:
    """Two records of one organisation: equal, or sharing a name and not placed in two countries."""
    if a == b:
        return True
    if a.country is not None and b.country is not None and a.country != b.country:
        return False
    return not _names(a).isdisjoint(_names(b))


def within(unit: Organisation, entity: Organisation) -> bool:
    """True if ``unit`` is ``entity`` or one of its units, at any depth."""
    return any(same_organisation(node, entity) for node in unit.lineage)
