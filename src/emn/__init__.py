"""emn: the European Migration Network as a typed, immutable model and dataset.

>>> import emn
>>> emn.ncp("SI").coordinator.name
'Nataša Potočnik'

The rest of the API is in public submodules: :mod:`emn.model` (every class of the model),
:mod:`emn.rules` (writing rules, findings and reports), :mod:`emn.exceptions`, and the
integrations :mod:`emn.pandas`, :mod:`emn.datapackage` and :mod:`emn.schema`.
"""

# Not typing's: importing typing would cost more than all of `import emn` (type checkers read
# any constant of this name as true).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from ._convert import from_dict, from_json, to_dict, to_json
    from ._countries import country_name
    from ._dataset import ncp, ncps, network
    from ._diff import diff
    from ._i18n import set_locale
    from ._load import load
    from ._lookup import country, search
    from ._model import Country, Expert, Name, NationalContactPoint, Organisation, Role, Status
    from ._network import Network
    from ._render import render
    from .exceptions import EMNError, InvalidData, NotFound, RuleViolation
    from .rules import check, rule, validate
    from .rules import registered as rules

__all__ = [
    "Country",
    "EMNError",
    "Expert",
    "InvalidData",
    "Name",
    "NationalContactPoint",
    "Network",
    "NotFound",
    "Organisation",
    "Role",
    "RuleViolation",
    "Status",
    "check",
    "country",
    "country_name",
    "diff",
    "from_dict",
    "from_json",
    "load",
    "ncp",
    "ncps",
    "network",
    "render",
    "rule",
    "rules",
    "search",
    "set_locale",
    "to_dict",
    "to_json",
    "validate",
]

# Where each public name lives. Modules are imported on first use of one of their names
# (PEP 562), so that `import emn` costs next to nothing. `emn.rules` is the rules module,
# which is callable: `emn.rules()` lists the built-in rules.
_HOME = {
    **dict.fromkeys(["from_dict", "from_json", "to_dict", "to_json"], "_convert"),
    **dict.fromkeys(["ncp", "ncps", "network"], "_dataset"),
    "country_name": "_countries",
    **dict.fromkeys(["country", "search"], "_lookup"),
    "diff": "_diff",
    "load": "_load",
    "render": "_render",
    "set_locale": "_i18n",
    "Network": "_network",
    **dict.fromkeys(["check", "rule", "validate"], "rules"),
    **dict.fromkeys(["EMNError", "InvalidData", "NotFound", "RuleViolation"], "exceptions"),
}


# Public submodules load on first attribute access too: `emn.model.Source`, `emn.rules.Rule`.
_SUBMODULES = frozenset(
    ["charts", "datapackage", "exceptions", "model", "pandas", "rules", "schema"]
)


def __getattr__(name: str) -> object:
    from importlib import import_module

    if name == "__version__":
        from importlib.metadata import version

        return version("emn")
    if name in _SUBMODULES:
        return import_module(f"emn.{name}")
    if name not in __all__:
        raise AttributeError(f"module 'emn' has no attribute {name!r}")
    value = getattr(import_module(f"emn.{_HOME.get(name, '_model')}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, "__version__"})
