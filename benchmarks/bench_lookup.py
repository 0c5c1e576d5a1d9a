"""The lookups people make most, against what the libraries underneath cost in the same run.

Run: python benchmarks/bench_lookup.py
Warm figures interleave the two calls in rounds (A B A B …) in one process and take the median
of the per-round ratios; cold figures interleave fresh processes the same way.
"""

from __future__ import annotations

import statistics
import timeit
from collections.abc import Callable

from _timing import paired, row

import emn


def warm_pair(
    call: Callable[[], object], baseline: Callable[[], object], rounds: int = 21
) -> tuple[float, float, float]:
    """Seconds per call of ``call`` and ``baseline`` and their ratio, interleaved in rounds."""
    number = 2_000
    pairs = []
    for _ in range(rounds):
        a = timeit.timeit(call, number=number) / number
        b = timeit.timeit(baseline, number=number) / number
        pairs.append((a, b))
    return (
        statistics.median(a for a, _ in pairs),
        statistics.median(b for _, b in pairs),
        statistics.median(a / b for a, b in pairs),
    )


def _us(seconds: float) -> str:
    return f"{seconds * 1e6:.2f} µs"


def main() -> None:
    import babel

    emn.ncp("SI"), emn.ncp("Słowenia"), emn.country_name("SI", "sl")
    locale = babel.Locale("sl")
    rows = [
        (
            "warm `ncp('Słowenia')` vs warm `ncp('SI')`",
            warm_pair(lambda: emn.ncp("Słowenia"), lambda: emn.ncp("SI")),
            3.0,
        ),
        (
            "warm `country_name('SI', 'sl')` vs `loc.territories['SI']` (ready babel Locale)",
            warm_pair(lambda: emn.country_name("SI", "sl"), lambda: locale.territories["SI"]),
            2.0,
        ),
    ]
    print("| measure | value | baseline | ratio | target |")
    print("|---|---|---|---|---|")
    for name, (value, baseline, ratio), target in rows:
        verdict = "ok" if ratio <= target else "OVER"
        figures = f"{_us(value)} | {_us(baseline)} | {ratio:.2f}x"
        print(f"| {name} | {figures} | <= {target:.2f}x {verdict} |")
    cold = paired(
        "import emn; emn.country_name('SI', 'sl')",
        "import babel; babel.Locale('sl').territories['SI']",
    )
    print(
        row(
            "cold `import emn; emn.country_name('SI', 'sl')` vs cold babel (interleaved)",
            cold[0],
            cold[1],
            1.1,
            cold[2],
        )
    )


if __name__ == "__main__":
    main()
