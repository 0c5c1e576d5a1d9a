"""Validation throughput for the ten-expert Slovenian composition, against `from_dict` of it.

Run: python benchmarks/bench_validate.py
Target: validating a composition costs no more than structuring it (ratio <= 1.0).
"""

from __future__ import annotations

import timeit

import emn


def per_second(statement: object, number: int = 2_000, repeat: int = 7) -> float:
    """Best-of-``repeat`` calls per second of ``statement``."""
    best = min(timeit.repeat(statement, number=number, repeat=repeat))  # type: ignore[arg-type]
    return number / best


def main() -> None:
    data = emn.to_dict(emn.ncp("SI"))
    composition = emn.from_dict(emn.NationalContactPoint, data)
    emn.validate(composition)  # warm: the bundled reference network is loaded once
    structured = per_second(lambda: emn.from_dict(emn.NationalContactPoint, data))
    validated = per_second(lambda: emn.validate(composition))
    print("| measure | per second | time ratio to from_dict | target |")
    print("|---|---|---|---|")
    print(f"| `from_dict` (baseline) | {structured:,.0f} | 1.00x | |")
    ratio = structured / validated
    verdict = "ok" if ratio <= 1.0 else "OVER"
    print(f"| `validate` | {validated:,.0f} | {ratio:.2f}x | <= 1.00x {verdict} |")


if __name__ == "__main__":
    main()
