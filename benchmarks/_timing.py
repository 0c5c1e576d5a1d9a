"""Shared helpers for the ratio benchmarks: median wall time of fresh processes."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time


def fresh_process(code: str, runs: int = 15) -> float:
    """Median seconds for ``python -c code`` in a fresh interpreter, start-up included."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def row(name: str, value: float, baseline: float, target: float | None = None) -> str:
    """One table row: the figure, its baseline, the ratio and the target if any."""
    ratio = value / baseline
    verdict = "" if target is None else ("ok" if ratio <= target else "OVER")
    goal = "" if target is None else f"<= {target:.2f}x"
    figures = f"{value * 1000:.1f} ms | {baseline * 1000:.1f} ms | {ratio:.2f}x"
    return f"| {name} | {figures} | {goal} {verdict} |"
