"""Validation time per expert for compositions of 10 to 10,000 experts: it must stay flat.

Run: python benchmarks/bench_scaling.py
"""

from __future__ import annotations

import timeit

import emn


def composition(size: int) -> emn.NationalContactPoint:
    """An NCP of ``size`` distinct experts from units of the designated entity and elsewhere."""
    entity = emn.Organisation(
        [emn.Name("Ministrstvo za notranje zadeve", "sl")], country=emn.Country("SI")
    )
    unit = emn.Organisation(
        [emn.Name("Policija", "sl")], emn.model.OrganisationKind.POLICE, parent=entity
    )
    other = emn.Organisation(
        [emn.Name("Univerza v Ljubljani", "sl")],
        emn.model.OrganisationKind.RESEARCH,
        country=emn.Country("SI"),
    )
    roles = [emn.Role.NATIONAL_COORDINATOR, emn.Role.DEPUTY_COORDINATOR]
    experts = [
        emn.Expert(
            f"Expert {i:05d}", (entity, unit, other)[i % 3], roles[i] if i < 2 else emn.Role.MEMBER
        )
        for i in range(size)
    ]
    return emn.NationalContactPoint(emn.Country("SI"), entity, experts=experts)


def main() -> None:
    emn.validate(composition(10))  # warm
    print("| experts | validate | per expert | vs 10 experts |")
    print("|---|---|---|---|")
    first = None
    for size in (10, 100, 1_000, 10_000):
        subject = composition(size)
        number = max(1, 20_000 // size)
        seconds = (
            min(timeit.repeat(lambda s=subject: emn.validate(s), number=number, repeat=5)) / number
        )
        per_expert = seconds / size
        first = first or per_expert
        cells = f"{seconds * 1000:.2f} ms | {per_expert * 1e6:.2f} µs | {per_expert / first:.2f}x"
        print(f"| {size:,} | {cells} |")


if __name__ == "__main__":
    main()
