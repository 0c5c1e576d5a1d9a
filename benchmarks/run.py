"""Run every benchmark and print its table: python benchmarks/run.py

Benchmarks are ratios against baselines measured in the same run; they are never pass/fail.
"""

from __future__ import annotations

import platform
import sys

import bench_charts
import bench_import
import bench_locale
import bench_lookup
import bench_scaling
import bench_throughput
import bench_validate


def main() -> None:
    from importlib.metadata import version

    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    versions = ", ".join(f"{name} {version(name)}" for name in ("attrs", "cattrs", "babel"))
    print(f"{versions}; {sys.executable}\n")
    for module in (
        bench_import,
        bench_locale,
        bench_lookup,
        bench_throughput,
        bench_validate,
        bench_scaling,
        bench_charts,
    ):
        print(f"## {module.__name__}\n")
        module.main()
        print()


if __name__ == "__main__":
    main()
