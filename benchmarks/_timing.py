"""Shared helpers for the ratio benchmarks: median wall time of fresh processes."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

# Fresh processes may write and read bytecode caches, as an installed package has them
# (pip compiles them on install); without, every run would compile emn from source.
_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def fresh_process(code: str, runs: int = 15) -> float:
    """Median seconds for ``python -c code`` in a fresh interpreter, start-up included."""
    _once(code)  # write the bytecode caches and warm the file cache
    return statistics.median(_once(code) for _ in range(runs))


def _once(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=_ENV)
    return time.perf_counter() - start


def paired(code: str, baseline: str, runs: int = 15) -> tuple[float, float, float]:
    """Medians of ``code`` and ``baseline`` run in turn (A B A B ...) in fresh interpreters,
    and the median of the pair-by-pair ratios, so a drift in the machine's speed cancels out."""
    _once(code), _once(baseline)  # warm the file cache for both
    pairs = [(_once(code), _once(baseline)) for _ in range(runs)]
    return (
        statistics.median(a for a, _ in pairs),
        statistics.median(b for _, b in pairs),
        statistics.median(a / b for a, b in pairs),
    )


def row(
    name: str,
    value: float,
    baseline: float,
    target: float | None = None,
    ratio: float | None = None,
) -> str:
    """One table row: the figure, its baseline, the ratio (value / baseline unless given,
    as a paired run gives it) and the target if any."""
    ratio = value / baseline if ratio is None else ratio
    verdict = "" if target is None else ("ok" if ratio <= target else "OVER")
    goal = "" if target is None else f"<= {target:.2f}x"
    figures = f"{value * 1000:.1f} ms | {baseline * 1000:.1f} ms | {ratio:.2f}x"
    return f"| {name} | {figures} | {goal} {verdict} |"
