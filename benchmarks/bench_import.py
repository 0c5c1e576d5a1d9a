"""`import emn` and the first cold lookup, each against a baseline measured in the same run.

Run: python benchmarks/bench_import.py
"""

from __future__ import annotations

from _timing import paired, row


def main() -> None:
    print("| measure | value | baseline | ratio | target |")
    print("|---|---|---|---|---|")
    for name, code, baseline, target in [
        ("`import emn` vs `import typing`", "import emn", "import typing", 1.0),
        ("`import emn` vs `import attrs`", "import emn", "import attrs", 1.15),
        ("`import emn` vs an empty interpreter", "import emn", "pass", None),
        (
            "cold `emn.ncp('SI')` vs `import attrs, cattrs, json`",
            "import emn; emn.ncp('SI')",
            "import attrs, cattrs, json",
            1.2,
        ),
    ]:
        value, base, ratio = paired(code, baseline)
        print(row(f"{name} (whole process, interleaved)", value, base, target, ratio))


if __name__ == "__main__":
    main()
