"""Cold lookups by name and cold country names, each against a baseline run in turn with it.

Run: python benchmarks/bench_locale.py
Each figure is the median of fresh processes (start-up included), the two commands of a row
interleaved (A B A B ...), the ratio the median of the pairs' ratios.
"""

from __future__ import annotations

from _timing import paired, row

_BY_CODE = "import emn; emn.ncp('SI')"


def main() -> None:
    print("| measure | value | baseline | ratio | target |")
    print("|---|---|---|---|---|")
    for name, code, baseline, target in [
        ("cold `emn.ncp('SI')` vs `import emn`", _BY_CODE, "import emn", None),
        (
            "cold `emn.ncp('Słowenia')` vs cold `emn.ncp('SI')`",
            "import emn; emn.ncp('Słowenia')",
            _BY_CODE,
            1.1,
        ),
        (
            "cold `emn.country_name('SI', 'sl')` vs cold `emn.ncp('SI')`",
            "import emn; emn.country_name('SI', 'sl')",
            _BY_CODE,
            None,
        ),
    ]:
        value, base, ratio = paired(code, baseline)
        print(row(name, value, base, target, ratio))


if __name__ == "__main__":
    main()
