"""Drawing the timeline and the map, against rendering the Slovenian NCP's HTML table.

Run: python benchmarks/bench_charts.py
Warm figures are the best of 7 repeats in this process, data, outlines and names loaded; cold
figures are the median of fresh processes (start-up included), against a cold NCP table.
"""

from __future__ import annotations

import datetime
import timeit
from collections.abc import Callable

from _timing import fresh_process, row

import emn
import emn.charts


def seconds(call: Callable[[], object], number: int = 20, repeat: int = 7) -> float:
    """Best-of-``repeat`` seconds for one call."""
    return min(timeit.repeat(call, number=number, repeat=repeat)) / number


def warm_row(name: str, value: float, baseline: float) -> str:
    """One table row for a warm figure: the baseline is a fraction of a millisecond."""
    figures = f"{value * 1000:.2f} ms | {baseline * 1000:.3f} ms | {value / baseline:.0f}x"
    return f"| {name} | {figures} |   |"


def main() -> None:
    day = datetime.date(2023, 6, 1)
    slovenia = emn.ncp("SI")
    # Warm: the data, the outlines and babel's locale data load once, outside the timing.
    emn.charts.timeline(locale="pl")
    emn.charts.europe(day, locale="pl")
    table = seconds(slovenia._repr_html_, number=2_000)
    print("| measure | value | baseline | ratio | target |")
    print("|---|---|---|---|---|")
    for name, call in [
        ("`timeline()`", lambda: emn.charts.timeline()),
        ("`timeline(locale='pl')`", lambda: emn.charts.timeline(locale="pl")),
        ("`europe(day)`", lambda: emn.charts.europe(day)),
        ("`europe(day, locale='pl')`", lambda: emn.charts.europe(day, locale="pl")),
    ]:
        print(warm_row(f"warm {name} vs `ncp('SI')._repr_html_()`", seconds(call), table))
    cold_table = fresh_process("import emn; emn.ncp('SI')._repr_html_()")
    for name, code in [
        ("`timeline()`", "import emn.charts; emn.charts.timeline()"),
        ("`europe()`", "import emn.charts; emn.charts.europe()"),
    ]:
        print(
            row(f"cold {name} vs cold `ncp('SI')._repr_html_()`", fresh_process(code), cold_table)
        )


if __name__ == "__main__":
    main()
