"""`import emn` stays cheap: cattrs, babel and the data load only when first needed."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
before = set(sys.modules)
import emn
{then}
from emn import _dataset
added = sorted(m for m in ("cattrs", "babel") if m in set(sys.modules) - before)
print(" ".join(added) or "-", _dataset._data is not None)
"""


def _probe(then: str = "") -> list[str]:
    script = PROBE.format(then=then)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return out.stdout.split()


def test_import_emn_loads_neither_cattrs_nor_babel_nor_the_data() -> None:
    assert _probe() == ["-", "False"]


def test_first_lookup_loads_the_data_but_neither_cattrs_nor_babel() -> None:
    assert _probe("emn.ncp('SI')") == ["-", "True"]


def test_serialising_loads_cattrs_but_not_babel() -> None:
    assert _probe("emn.to_dict(emn.ncp('SI'))") == ["cattrs", "True"]


def _imported(code: str) -> set[str]:
    """The modules that running ``code`` in a fresh interpreter imports."""
    script = f"import sys\nbefore = set(sys.modules)\n{code}\nprint(*set(sys.modules) - before)"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_import_emn_runs_nothing_but_the_package_itself() -> None:
    # typing alone costs more than the package: `import emn` must not pull it in.
    assert _imported("import emn") == {"emn"}


def test_a_cold_country_name_loads_babel_and_no_emn_module_it_does_not_need() -> None:
    emn_modules = {m for m in _imported("import emn; emn.country_name('SI', 'sl')") if "emn" in m}
    assert emn_modules == {"emn", "emn._i18n", "emn._countries"}


def test_a_first_lookup_by_code_or_name_builds_that_ncp_and_not_the_whole_network() -> None:
    script = (
        "import sys, emn; from emn import _dataset; "
        "emn.ncp('SI'); emn.ncp('Słowenia'); "
        "built = [n for n, m in list(sys.modules.items()) if n.startswith('emn') "
        "and 'LegalAct' in vars(m)]; "
        "print(_dataset._network, built or '-')"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    # Neither the network nor its classes (the legal act, counts, claims) are built.
    assert out.stdout.split() == ["None", "-"]
