"""emn: the European Migration Network as a typed, immutable model and dataset.

>>> import emn
>>> emn.ncp("SI").coordinator.name
'Nataša Potočnik'
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._convert import from_dict, from_json, to_dict, to_json
    from ._countries import country_name
    from ._dataset import ncp, ncps, network
    from ._diff import Change, Diff, diff
    from ._export import export
    from ._model import (
        Article,
        Claim,
        Country,
        Declaration,
        Event,
        Expert,
        LegalAct,
        Name,
        NationalContactPoint,
        Network,
        Organisation,
        OrganisationKind,
        Participation,
        Role,
        Source,
        Status,
    )
    from ._pandas import to_dataframe
    from ._rules import (
        Context,
        Finding,
        Observation,
        Report,
        Rule,
        RuleLike,
        RuleViolation,
        Severity,
        check,
        observe,
        rule,
        rules,
        validate,
    )
    from ._schema import json_schema
    from .exceptions import DataFileError, EMNError, InvalidData, NotFound, Problem, UnknownLocale

__all__ = [
    "Article",
    "Change",
    "Claim",
    "Context",
    "Country",
    "DataFileError",
    "Declaration",
    "Diff",
    "EMNError",
    "Event",
    "Expert",
    "Finding",
    "InvalidData",
    "LegalAct",
    "Name",
    "NationalContactPoint",
    "Network",
    "NotFound",
    "Observation",
    "Organisation",
    "OrganisationKind",
    "Participation",
    "Problem",
    "Report",
    "Role",
    "Rule",
    "RuleLike",
    "RuleViolation",
    "Severity",
    "Source",
    "Status",
    "UnknownLocale",
    "__version__",
    "check",
    "country_name",
    "diff",
    "export",
    "from_dict",
    "from_json",
    "json_schema",
    "ncp",
    "ncps",
    "network",
    "observe",
    "rule",
    "rules",
    "to_dataframe",
    "to_dict",
    "to_json",
    "validate",
]


# Where each public name lives. Submodules are imported on first use of one of their names
# (PEP 562), so that `import emn` costs next to nothing.
_HOME = {
    **dict.fromkeys(["from_dict", "from_json", "to_dict", "to_json"], "_convert"),
    **dict.fromkeys(["ncp", "ncps", "network"], "_dataset"),
    "country_name": "_countries",
    "to_dataframe": "_pandas",
    **dict.fromkeys(["Change", "Diff", "diff"], "_diff"),
    "export": "_export",
    "json_schema": "_schema",
    **dict.fromkeys(
        ["Context", "Finding", "Observation", "Report", "Rule", "RuleLike", "RuleViolation"],
        "_rules",
    ),
    **dict.fromkeys(["Severity", "check", "observe", "rule", "rules", "validate"], "_rules"),
    **dict.fromkeys(
        ["DataFileError", "EMNError", "InvalidData", "NotFound", "Problem", "UnknownLocale"],
        "exceptions",
    ),
}


def __getattr__(name: str) -> object:
    if name == "__version__":
        from importlib.metadata import version

        return version("emn")
    if name not in __all__:
        raise AttributeError(f"module 'emn' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"emn.{_HOME.get(name, '_model')}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
