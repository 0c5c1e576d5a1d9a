"""`import emn` and the first cold lookup, each against a baseline measured in the same run.

Run: python benchmarks/bench_import.py
"""

from __future__ import annotations

from _timing import fresh_process, paired, row


def main() -> None:
    empty = fresh_process("pass")
    attrs_only = fresh_process("import attrs")
    emn_import = fresh_process("import emn")
    stack = fresh_process("import attrs, cattrs, json")
    cold = fresh_process("import emn; emn.ncp('SI')")
    emn_paired, typing_paired, typing_ratio = paired("import emn", "import typing")
    print("| measure | value | baseline | ratio | target |")
    print("|---|---|---|---|---|")
    print(
        row(
            "`import emn` vs `import typing` (whole process, interleaved)",
            emn_paired,
            typing_paired,
            1.1,
            typing_ratio,
        )
    )
    print(row("`import emn` vs `import attrs` (whole process)", emn_import, attrs_only, 1.15))
    print(
        row("`import emn` vs `import attrs` (import only)", emn_import - empty, attrs_only - empty)
    )
    print(row("cold `emn.ncp('SI')` vs `import attrs, cattrs, json`", cold, stack, 1.2))


if __name__ == "__main__":
    main()
