"""Hypothesis strategies for emn objects and for junk input."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

import emn
from emn._countries import ISO_CODES

codes = st.sampled_from(sorted(ISO_CODES))
countries = codes.map(emn.Country)
texts = st.text(min_size=1, max_size=30).filter(lambda s: s.strip() != "")
langs = st.sampled_from(["en", "sl", "pl", "nl", "fr", "pt", "mul", "und", "sr-Latn"])
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))
names = st.builds(emn.Name, text=texts, lang=langs, source=st.none() | texts)

organisations = st.recursive(
    st.builds(
        emn.Organisation,
        names=st.lists(names, min_size=1, max_size=3).map(tuple),
        kind=st.none() | st.sampled_from(emn.model.OrganisationKind),
        country=st.none() | countries,
    ),
    lambda parents: st.builds(
        emn.Organisation,
        names=st.lists(names, min_size=1, max_size=2).map(tuple),
        kind=st.none() | st.sampled_from(emn.model.OrganisationKind),
        parent=parents,
        country=st.none() | countries,
    ),
    max_leaves=3,
)
experts = st.builds(
    emn.Expert,
    name=st.text(max_size=30),
    organisation=organisations,
    role=st.sampled_from(emn.Role),
    source=st.none() | texts,
)
plain_whens = st.one_of(
    dates.map(dt.date.isoformat),
    dates.map(lambda d: d.isoformat()[:7]),
    st.integers(1990, 2040).map(str),
)
whens = plain_whens | st.tuples(st.sampled_from(["before", "by"]), plain_whens).map(" ".join)
events = st.builds(
    emn.model.Event, summary=texts, source=texts, when=st.none() | whens, quote=st.none() | texts
)
validities = st.builds(
    emn.model.Validity,
    start=st.none() | whens.map(emn.model.When),
    end=st.none() | whens.map(emn.model.When),
)
hosts = st.builds(
    emn.model.Host,
    country=countries,
    organisation=organisations,
    relation=st.sampled_from(emn.model.Relation),
    source=texts,
    valid=validities,
    observed=st.none() | whens.map(emn.model.When),
    basis=st.sampled_from(emn.model.Basis),
    certainty=st.none() | st.just(emn.model.Certainty.UNCERTAIN),
)
participations = st.builds(
    emn.model.Participation,
    country=countries,
    status=st.sampled_from(emn.Status),
    source=texts,
    scope=st.sampled_from(emn.model.Scope),
    valid=validities,
    observed=st.none() | whens.map(emn.model.When),
    basis=st.sampled_from(emn.model.Basis),
)
ncps = st.builds(
    emn.NationalContactPoint,
    country=countries,
    coordinating_entity=st.none() | organisations,
    status=st.none() | st.sampled_from(emn.Status),
    experts=st.none() | st.lists(experts, max_size=12).map(tuple),
    appointed_by=st.none() | organisations,
    last_changed=st.none() | dates,
    history=st.lists(events, max_size=3).map(tuple),
    sources=st.lists(texts, max_size=3).map(tuple),
    listed_as=st.none() | texts,
    hosts=st.lists(hosts, max_size=2).map(tuple),
    participations=st.lists(participations, max_size=2).map(tuple),
    disputed=st.sampled_from([(), ("status",), ("coordinating_entity",)]),
    as_of=st.none() | dates,
)

# Text as hostile input has it: lone surrogates, control and bidi characters, combining marks.
junk_text = st.text(
    alphabet=st.characters(codec=None, categories=None)
    | st.sampled_from("\ud800\udfff\x00\x1b\u202e\t"),
    max_size=10,
)
# Integers as large as JSON text may hold (Python refuses to read more than 4,300 digits).
junk_integers = st.integers() | st.sampled_from([10**4000, -(10**4000), 2**64, -(2**63)])

json_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | junk_integers | st.floats(allow_nan=False) | junk_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(junk_text, inner, max_size=4),
    max_leaves=20,
)
