"""Cold lookups by name and cold country names, against `import emn` in the same run.

Run: python benchmarks/bench_locale.py
Each figure is the median of fresh processes (start-up included).
"""

from __future__ import annotations

from _timing import fresh_process, row


def main() -> None:
    imported = fresh_process("import emn")
    by_code = fresh_process("import emn; emn.ncp('SI')")
    by_name = fresh_process("import emn; emn.ncp('Słowenia')")
    named = fresh_process("import emn; emn.country_name('SI', 'sl')")
    print("| measure | value | baseline | ratio | target |")
    print("|---|---|---|---|---|")
    print(row("cold `emn.ncp('SI')` vs `import emn`", by_code, imported))
    print(row("cold `emn.ncp('Słowenia')` vs `import emn`", by_name, imported))
    print(row("cold `emn.country_name('SI', 'sl')` vs `import emn`", named, imported))
    print(row("cold `emn.ncp('Słowenia')` vs cold `emn.ncp('SI')`", by_name, by_code, 1.1))
    print(row("cold `emn.country_name('SI', 'sl')` vs cold `emn.ncp('SI')`", named, by_code))


if __name__ == "__main__":
    main()
