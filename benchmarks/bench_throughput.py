"""Throughput of from_dict, to_dict, from_json and validate for the ten-expert Slovenian NCP.

Each is set against a hand-written baseline measured in the same run: the same dict made into
the same NCP with plain constructor calls, no converter.

Run: python benchmarks/bench_throughput.py
"""

from __future__ import annotations

import datetime
import timeit
from collections.abc import Callable
from typing import Any

import emn


def per_second(call: Callable[[], object], number: int = 1_000, repeat: int = 7) -> float:
    """Best-of-``repeat`` calls per second."""
    return number / min(timeit.repeat(call, number=number, repeat=repeat))


def _organisation(data: Any) -> emn.Organisation:
    return emn.Organisation(
        tuple(emn.Name(**name) for name in data["names"]),
        emn.model.OrganisationKind(data["kind"]) if "kind" in data else None,
        _organisation(data["parent"]) if "parent" in data else None,
        emn.Country(data["country"]) if "country" in data else None,
    )


def by_hand(data: Any) -> emn.NationalContactPoint:
    """The baseline: the same dict made into an NCP by hand-written constructor calls."""
    return emn.NationalContactPoint(
        emn.Country(data["country"]),
        _organisation(data["coordinating_entity"]),
        emn.Status(data["status"]),
        tuple(
            emn.Expert(
                e["name"], _organisation(e["organisation"]), emn.Role(e["role"]), e["source"]
            )
            for e in data["experts"]
        ),
        _organisation(data["appointed_by"]),
        datetime.date.fromisoformat(data["last_changed"]),
        (),
        tuple(data["sources"]),
        data["listed_as"],
    )


def main() -> None:
    import attrs

    # The composition a file holds: the bundled record without its provenance (hosts,
    # participations, people, history), which no hand-written baseline spells out.
    ncp = attrs.evolve(
        emn.ncp("SI"), hosts=(), participations=(), people=(), member_organisations=(), history=()
    )
    data = emn.to_dict(ncp)
    text = emn.to_json(ncp)
    emn.validate(ncp)  # warm: the converter and the reference network load once
    assert by_hand(data) == ncp
    baseline = per_second(lambda: by_hand(data))
    print("| operation (10 experts) | per second | time vs constructor calls |")
    print("|---|---|---|")
    print(f"| constructor calls (baseline) | {baseline:,.0f} | 1.00x |")
    for name, call in [
        ("`from_dict`", lambda: emn.from_dict(emn.NationalContactPoint, data)),
        ("`to_dict`", lambda: emn.to_dict(ncp)),
        ("`from_json`", lambda: emn.from_json(emn.NationalContactPoint, text)),
        ("`validate`", lambda: emn.validate(ncp)),
    ]:
        rate = per_second(call)
        print(f"| {name} | {rate:,.0f} | {baseline / rate:.2f}x |")


if __name__ == "__main__":
    main()
